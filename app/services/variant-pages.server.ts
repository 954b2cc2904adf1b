/**
 * The saved-variant pages: the list (/variants), one variant's history, diff, result and restore (/variants/:id),
 * and the upload of a scenario file (/variants/upload). The builder and the editor are in builder.server.ts.
 */
import { data, redirect } from "@remix-run/node";

import { getModel } from "~/data/model.server";
import {
  createVariant,
  getVariant,
  getVersion,
  isVariantId,
  MAX_VARIANT_QUERY,
  listVersions,
  restoreVersion,
  StaleVersionError,
  StoredDefinitionError,
  validateDefinitionYaml,
  ValidationError,
  variantAsScenario,
  VariantNotFoundError,
} from "~/data/variant.server";
import { evaluate } from "~/engine";
import { describeRule } from "~/scenarios/describe-rule";
import { describeChanges, diffScenarios } from "~/scenarios/diff";
import { formatError } from "~/scenarios/format-errors";
import { ruleIdOf } from "~/scenarios/ids";
import { MAX_FILE_BYTES } from "~/scenarios/parse";
import { parseVersion } from "~/scenarios/ref";
import type { ErrorPayload } from "~/utils/error-payload";
import { takeSave, tooManySavesMessage } from "~/utils/rate-limit.server";
import { MAX_UPLOAD_REQUEST_BYTES, readForm, readMultipart, UploadRefused } from "~/utils/request.server";

import { uploadFileName } from "./builder.server";
import { errorAnswer, pageErrors, throwErrorPage } from "./errors.server";
import { parseVariantListQuery, variantList } from "./variant-list.server";

/** /variants: a page of saved variants (`q`, `page`; 24 a page), most recently saved first; out of range: 400. */
export function loadVariantList(url: URL) {
  return pageErrors("variants", () => ({ ...variantList(parseVariantListQuery(url.searchParams, { allowLimit: false })), maxQuery: MAX_VARIANT_QUERY }));
}

function notFound(message: string): never {
  throw data({ title: "Variant not found", message, hint: "The saved variants are listed at /variants." } satisfies ErrorPayload, { status: 404 });
}

/** A version number from the URL: valid and existing, else the fallback (and a note saying so). */
function versionParam(raw: string | null, latest: number, fallback: number, name: string, notes: string[]): number {
  if (raw === null || raw === "") return fallback;
  const n = parseVersion(raw);
  if (n !== null && n <= latest) return n;
  notes.push(`'${name}' must be a version from 1 to ${latest}, got '${raw.slice(0, 20)}'; version ${fallback} is shown.`);
  return fallback;
}

/** /variants/:id: the history, a diff of two versions (`a`, `b`) and one version's result (`v`). */
export function loadVariantPage(id: string, url: URL) {
  if (!isVariantId(id)) notFound(`'${id.slice(0, 80)}' is not a variant id: ids are lower-case letters, digits and dashes.`);
  try {
    const variant = getVariant({ id });
    const versions = variant && listVersions({ id });
    if (!variant || !versions) notFound(`There is no saved variant '${id}'.`);
    const latest = variant.latestVersion;
    const notes: string[] = [];
    const v = versionParam(url.searchParams.get("v"), latest, latest, "v", notes);
    const a = versionParam(url.searchParams.get("a"), latest, Math.max(1, latest - 1), "a", notes);
    const b = versionParam(url.searchParams.get("b"), latest, latest, "b", notes);
    const va = getVersion({ id, version: a })!;
    const vb = getVersion({ id, version: b })!;
    const selected = getVersion({ id, version: v })!;
    const model = getModel();
    let result = null;
    let resultError: string | null = null;
    try {
      const scenario = variantAsScenario({ id, version: v });
      if (scenario) result = evaluate(model, scenario);
    } catch (e) {
      if (!(e instanceof StoredDefinitionError)) throw e;
      resultError = e.message;
    }
    const names = new Map<string, string>([
      ...model.units.map((u) => [u.id, u.name] as const),
      ...model.services.map((s) => [s.id, s.name] as const),
      ...model.markets.map((m) => [m.id, m.name] as const),
      ...model.marketPlayers.map((p) => [p.playerId, p.name] as const),
    ]);
    const saved = url.searchParams.get("saved");
    return {
      id,
      title: versions[versions.length - 1]!.title,
      createdAt: variant.createdAt,
      forkedFrom: variant.forkedFrom,
      latest,
      versions,
      notes,
      saved: (parseVersion(saved) ?? Infinity) <= latest ? parseVersion(saved) : null,
      diff: { a, b, changes: describeChanges(diffScenarios(va.definition, vb.definition)) },
      selected: {
        version: v,
        title: selected.definition.title,
        summary: selected.definition.summary,
        date: selected.definition.date,
        hypothetical: selected.definition.hypothetical ?? false,
        rules: selected.definition.rules.map((r, i) => ({ id: ruleIdOf(r, i), label: r.label, text: describeRule(r, (x) => names.get(x)) })),
        headline: result?.headline ?? null,
        services: result?.services ?? [],
        warnings: result?.warnings.map((w) => w.text) ?? [],
        error: resultError,
      },
    };
  } catch (error) {
    throwErrorPage(error, "variant");
  }
}

/** POST intent=restore&version=n&baseVersion=m: a new version equal to version n, if m is still the latest. */
export async function restoreAction(request: Request, id: string) {
  if (!isVariantId(id)) notFound(`'${id.slice(0, 80)}' is not a variant id.`);
  const form = await readForm(request);
  if (form.get("intent") !== "restore") return data({ error: "Unknown action; nothing was saved." }, { status: 400 });
  const rawVersion = form.get("version") ?? "";
  const version = parseVersion(rawVersion);
  if (version === null)
    return data(
      { error: `Not restored: the version to restore must be a version number (1, 2, ...), got '${rawVersion.slice(0, 40)}'; nothing was saved.` },
      { status: 400 },
    );
  const base = form.get("baseVersion") ?? "";
  const wait = takeSave(request);
  if (wait > 0) return data({ error: tooManySavesMessage(wait) }, { status: 429, headers: { "Retry-After": String(wait) } });
  try {
    const r = restoreVersion({
      id,
      version,
      baseVersion: parseVersion(base) ?? base,
      author: form.get("versionAuthor") || undefined,
    });
    return redirect(`/variants/${id}?saved=${r.version}&v=${r.version}&a=${version}&b=${r.version}`);
  } catch (e) {
    if (e instanceof StaleVersionError)
      return data(
        { error: `Not restored: version ${e.latestVersion} was saved since this page was loaded (it showed version ${e.baseVersion} as the latest). Nothing was overwritten; the history below is now up to date — restore again if you still want to.` },
        { status: 409 },
      );
    if (e instanceof VariantNotFoundError) return data({ error: `${e.message}; nothing was saved.` }, { status: 404 });
    if (e instanceof ValidationError) return data({ error: `${e.summary}: ${e.errors.map((x) => `${x.path}: ${x.message}`).join("; ")}` }, { status: 400 });
    const answer = errorAnswer(e);
    if (answer?.status === 503) return data({ error: answer.payload.message }, { status: 503 });
    throw e;
  }
}

type UploadAnswer = { file: string | null; renamedFrom: string | null; errors: string[]; author: string; note: string };

/** POST /variants/upload: a scenario file checked as the CLI checks it, saved as a new variant when valid. */
export async function uploadAction(request: Request) {
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
    const answer = errorAnswer(e);
    if (answer?.status === 503) return fail([answer.payload.message], file, renamedFrom, 503);
    throw e;
  }
}

