/**
 * /variants/upload: a scenario file from disk becomes a new variant. The file is checked exactly as
 * `npm run scenarios -- check` checks it (size and alias limits, YAML syntax, schema, ids against the model), and
 * its errors are shown as the command line prints them: `file:line:col: path: message`. Nothing is stored unless
 * the file is valid.
 */
import type { ActionFunctionArgs, LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { MAX_FILE_BYTES } from "~/scenarios/parse";
import { LIMITS } from "~/services/builder.server";
import { uploadAction } from "~/services/variant-pages.server";
import builderStyles from "~/styles/builder.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction = () => [{ title: "Upload a scenario file · Ant Group regulatory scenarios" }];

export function loader() {
  return { limits: LIMITS, fileKb: Math.round(MAX_FILE_BYTES / 1024) };
}

export function action({ request }: ActionFunctionArgs) {
  return uploadAction(request);
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

export { RouteErrorBoundary as ErrorBoundary };
