/**
 * /variants/upload: a scenario file from disk becomes a new variant. The file is checked exactly as
 * `npm run scenarios -- check` checks it (size and alias limits, YAML syntax, schema, ids against the model), and
 * its errors are shown as the command line prints them: `file:line:col: path: message`. Nothing is stored unless
 * the file is valid.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";

import { LIMITS, MAX_UPLOAD_REQUEST_BYTES, readMultipart, UploadRefused, uploadFileName } from "~/services/builder.server";
import { ErrorPage } from "~/components/shared/ErrorPage";
import { getModel } from "~/data/model.server";
import { createVariant, DatabaseBusyError, DatabaseReadOnlyError, validateDefinitionYaml, ValidationError } from "~/data/variant.server";
import { formatError } from "~/scenarios/format-errors";
import { MAX_FILE_BYTES } from "~/scenarios/parse";
import builderStyles from "~/styles/builder.css";
import { DatabaseUnavailableError } from "~/utils/db.server";
import { takeSave, tooManySavesMessage } from "~/utils/rate-limit.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction = () => [{ title: "Upload a scenario file · Ant Group regulatory scenarios" }];

export function loader() {
  return { limits: LIMITS, fileKb: Math.round(MAX_FILE_BYTES / 1024) };
}

type UploadAnswer = { file: string | null; renamedFrom: string | null; errors: string[]; author: string; note: string };

export async function action({ request }: ActionFunctionArgs) {
  const wait = takeSave(request);
  if (wait > 0)
    return data<UploadAnswer>(
      { file: null, renamedFrom: null, errors: [tooManySavesMessage(wait)], author: "", note: "" },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  let form: FormData;
  try {
    form = await readMultipart(request, MAX_UPLOAD_REQUEST_BYTES);
  } catch (e) {
    if (e instanceof UploadRefused)
      return data<UploadAnswer>(
        { file: null, renamedFrom: null, errors: [e.message], author: "", note: "" },
        // A refused body may not have been read to its end: close rather than read what is left on this connection.
        { status: e.status, headers: e.status === 408 ? { Connection: "close" } : {} },
      );
    throw e;
  }
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const author = text("versionAuthor");
  const note = text("versionNote");
  const fail = (errors: string[], file: string | null = null, renamedFrom: string | null = null, status = 400) =>
    // A locked database (503) is worth another try in a moment, as the API says too.
    data<UploadAnswer>({ file, renamedFrom, errors, author, note }, { status, headers: status === 503 ? { "Retry-After": "1" } : {} });

  const upload = form.get("file");
  if (!upload || typeof upload === "string" || upload.size === 0) return fail(["choose a scenario file (.yaml) to upload"]);
  const file = uploadFileName(upload.name);
  const original = upload.name.split(/[\\/]/).pop() ?? upload.name;
  const renamedFrom = original !== file ? original.slice(0, 120) : null;
  if (upload.size > MAX_FILE_BYTES)
    return fail([`${file}:1:1: file is ${Math.ceil(upload.size / 1024)} KB, larger than the ${MAX_FILE_BYTES / 1024} KB a scenario may be`], file, renamedFrom, 413);
  let yaml: string;
  try {
    yaml = new TextDecoder("utf-8", { fatal: true }).decode(await upload.arrayBuffer());
  } catch {
    return fail([`${file}:1:1: the file is not UTF-8 text`], file, renamedFrom);
  }
  try {
    const checked = validateDefinitionYaml(yaml, getModel(), file);
    if (!checked.ok)
      return fail(
        checked.errors.map((e) => formatError({ file, line: e.line ?? 1, col: e.col ?? 1, path: e.path, message: e.message })),
        file,
        renamedFrom,
      );
    const r = createVariant({ definition: checked.definition, author: author || undefined, note: note || undefined });
    return redirect(`/variants/${r.id}?saved=1`);
  } catch (e) {
    if (e instanceof ValidationError) return fail(e.errors.map((x) => (x.path ? `${x.path}: ${x.message}` : x.message)), file, renamedFrom);
    if (e instanceof DatabaseBusyError || e instanceof DatabaseReadOnlyError || e instanceof DatabaseUnavailableError)
      return fail([e.message], file, renamedFrom, 503);
    throw e;
  }
}

export default function UploadPage() {
  const { limits } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <main id="main" className="page wb upload-page">
      <header className="page-header">
        <p className="breadcrumbs">
          <Link to="/variants">Saved variants</Link> / Upload
        </p>
        <h1>Upload a scenario file</h1>
        <p className="lede">
          A YAML file in the library's format (as <code>npm run scenarios -- check</code> accepts it) becomes a new variant. Files of at
          most {Math.round(MAX_FILE_BYTES / 1024)} KB. Nothing is stored unless the file is valid.
        </p>
      </header>
      {answer && answer.errors.length > 0 ? (
        <section className="upload-errors" role="alert" aria-labelledby="upload-errors-heading" data-testid="upload-errors">
          <h2 id="upload-errors-heading">
            {answer.file ? `${answer.file} was not saved` : "Nothing was saved"}:{" "}
            {answer.errors.length === 1 ? "1 error" : `${answer.errors.length} errors`}
          </h2>
          {answer.renamedFrom ? (
            <p className="help">
              Checked as <code>{answer.file}</code> (the name “{answer.renamedFrom}” gives no valid scenario id); the command line prints the
              same messages for a file of that name.
            </p>
          ) : null}
          <pre className="cli-errors">{answer.errors.join("\n")}</pre>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="upload-form">
        <div className="field">
          <label htmlFor="upload-file">Scenario file (.yaml, at most {Math.round(MAX_FILE_BYTES / 1024)} KB)</label>
          <input id="upload-file" type="file" name="file" accept=".yaml,.yml,application/yaml,text/yaml" required />
        </div>
        <div className="field">
          <label htmlFor="upload-author">
            Who is uploading <span className="optional">(optional)</span>
          </label>
          <input id="upload-author" type="text" name="versionAuthor" maxLength={limits.author} defaultValue={answer?.author ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="upload-note">
            Note <span className="optional">(optional)</span>
          </label>
          <textarea id="upload-note" name="versionNote" rows={2} maxLength={limits.note} defaultValue={answer?.note ?? ""} />
        </div>
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          Check and save as a variant
        </button>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return isRouteErrorResponse(error) ? <ErrorPage status={error.status} data={error.data} /> : <ErrorPage status={500} data={null} />;
}
