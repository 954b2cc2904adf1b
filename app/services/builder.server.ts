/**
 * Server side of the builder and variant pages: reading a posted form within the size limit and only from this
 * app's origin, and turning the builder's buttons into a re-rendered draft or a save.
 */
import { data, redirect } from "@remix-run/node";

import type { ErrorPayload } from "~/components/shared/ErrorPage";
import { getModel } from "~/data/model.server";
import { getScenario } from "~/data/scenario.server";
import {
  createVariant,
  DatabaseBusyError,
  DatabaseReadOnlyError,
  getVersion,
  MAX_AUTHOR_LENGTH,
  MAX_NOTE_LENGTH,
  saveVersion,
  StaleVersionError,
  ValidationError,
  VariantNotFoundError,
} from "~/data/variant.server";
import { describeChanges, diffScenarios } from "~/scenarios/diff";
import type { Scenario, ScenarioDefinition } from "~/scenarios/schema";
import { tunables } from "~/scenarios/tunables";
import { applyWhatIf, parseWhatIf } from "~/scenarios/what-if";
import { isSlug } from "~/scenarios/parse";
import { scenarioToYaml } from "~/scenarios/to-yaml";
import { DatabaseUnavailableError } from "~/utils/db.server";
import { checkSameOrigin, HttpError, MAX_BODY_BYTES, readBodyBytes, readBodyText } from "~/utils/http.server";
import { takeSave, tooManySavesMessage } from "~/utils/rate-limit.server";

import { applyIntent, decodeForm, draftToInput, draftFromDefinition, EMPTY_DRAFT, variantTitle, type Draft, type DraftError } from "../components/builder/draft";
import type { StalePayload } from "../components/builder/StalePanel";

export const LIMITS = { author: MAX_AUTHOR_LENGTH, note: MAX_NOTE_LENGTH, bodyKb: Math.round(MAX_BODY_BYTES / 1024) };

/** Throws an error page (403) for a POST from another origin. */
export async function requireSameOrigin(request: Request): Promise<void> {
  const refused = checkSameOrigin(request);
  if (!refused) return;
  const body = (await refused.json()) as { error: string };
  throw data({ title: "Request refused", message: body.error } satisfies ErrorPayload, { status: 403 });
}

/** The urlencoded body of a form post, at most MAX_BODY_BYTES (413 page beyond). */
export async function readForm(request: Request): Promise<URLSearchParams> {
  await requireSameOrigin(request);
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded")
    throw data({ title: "Unsupported form", message: `expected a form post (application/x-www-form-urlencoded), got '${type || "none"}'; nothing was saved` } satisfies ErrorPayload, { status: 415 });
  try {
    return new URLSearchParams(await readBodyText(request, { limit: MAX_BODY_BYTES }));
  } catch (e) {
    if (e instanceof HttpError)
      throw data({ title: e.status === 413 ? "Form too large" : "Bad form", message: e.message } satisfies ErrorPayload, {
        status: e.status,
        headers: e.headers,
      });
    throw e;
  }
}

/** What the builder's action answers when it re-renders the form rather than redirecting. */
export interface BuilderActionData {
  draft: Draft;
  author: string;
  note: string;
  metaErrors: DraftError[];
  showErrors: boolean;
  formError: string | null;
  stale: StalePayload | null;
  /** The version the posted draft was based on (edit only): kept, so a re-render never moves the base silently. */
  baseVersion: number | null;
}

function storeFailure(e: unknown): string | null {
  if (e instanceof DatabaseBusyError || e instanceof DatabaseReadOnlyError || e instanceof DatabaseUnavailableError) return e.message;
  return null;
}

const META_PATHS = new Set(["author", "note", "forkedFrom", "baseVersion", ""]);

/**
 * The builder's POST: "add", "remove", "move" and "check" re-render the draft (nothing stored); "save" creates a
 * variant (`target.id` null) or a new version of one, then redirects to its page. Invalid drafts, stale bases and
 * a busy database re-render the form with the reason; nothing is stored.
 */
export async function builderAction(request: Request, target: { id: string | null }) {
  const form = await readForm(request);
  const { draft, meta, intent } = decodeForm(form);
  const model = getModel();
  const answer = (extra: Partial<BuilderActionData>, status = 200, headers: HeadersInit = {}) =>
    data<BuilderActionData>(
      {
        draft,
        author: meta.author ?? "",
        note: meta.note ?? "",
        metaErrors: [],
        showErrors: true,
        formError: null,
        stale: null,
        baseVersion: meta.baseVersion !== undefined && /^\d{1,9}$/.test(meta.baseVersion) ? Number(meta.baseVersion) : null,
        ...extra,
      },
      { status, headers },
    );

  if (!intent) return answer({ formError: "The form was sent without a known button; nothing was saved." }, 400);
  if (intent.kind !== "save" && intent.kind !== "save-over") {
    const next = applyIntent(draft, intent);
    return answer({ draft: next, showErrors: intent.kind === "check" || intent.kind === "remove" });
  }

  const wait = takeSave(request);
  if (wait > 0) return answer({ formError: tooManySavesMessage(wait) }, 429, { "Retry-After": String(wait) });
  // The store validates as the preview did (checkDraft) and refuses an invalid draft, storing nothing.
  const definition = draftToInput(draft);
  try {
    if (target.id === null) {
      const r = createVariant({ definition, author: meta.author, note: meta.note, forkedFrom: meta.forkedFrom }, { model });
      return redirect(`/variants/${r.id}?saved=1`);
    }
    const base = intent.kind === "save-over" ? intent.version : meta.baseVersion !== undefined && /^\d{1,9}$/.test(meta.baseVersion) ? Number(meta.baseVersion) : meta.baseVersion;
    const r = saveVersion({ id: target.id, baseVersion: base, definition, author: meta.author, note: meta.note }, { model });
    return redirect(`/variants/${r.id}?saved=${r.version}`);
  } catch (e) {
    if (e instanceof ValidationError) {
      const metaErrors = e.errors.filter((x) => META_PATHS.has(x.path)).map(({ path, message }) => ({ path, message }));
      return answer({ metaErrors, formError: `${e.summary}.` }, 400);
    }
    if (e instanceof StaleVersionError) {
      const latest = getVersion({ id: e.id, version: e.latestVersion });
      const stale: StalePayload = {
        id: e.id,
        baseVersion: e.baseVersion,
        latestVersion: e.latestVersion,
        latestAuthor: latest?.author ?? null,
        latestNote: latest?.note ?? null,
        latestCreatedAt: latest?.createdAt ?? null,
        latestYaml: scenarioToYaml(e.latest),
        submittedYaml: scenarioToYaml(e.submitted),
        changes: describeChanges(diffScenarios(e.latest, e.submitted)),
      };
      return answer({ stale }, 409);
    }
    if (e instanceof VariantNotFoundError) throw data({ title: "Variant not found", message: e.message } satisfies ErrorPayload, { status: 404 });
    const failure = storeFailure(e);
    if (failure) return answer({ formError: failure }, 503);
    throw e;
  }
}

/**
 * A fork's draft: the original's with the what-if values of the address in place (`r.<rule>.<field>`, `a.<id>`,
 * as the scenario page writes them, so "Save as variant" keeps every value moved), titled "… (variant)" so the
 * two are never confused in a list. Invalid what-if values are a 400 naming each: nothing is silently dropped.
 */
function forkOf(definition: ScenarioDefinition, params: URLSearchParams): { draft: Draft; moved: number } {
  const scenario: Scenario = { ...definition, id: "fork" };
  const available = tunables(scenario, getModel());
  const whatIf = parseWhatIf(params, available);
  if (whatIf.errors.length > 0)
    throw data(
      { title: "The what-if values cannot be carried into the builder", message: whatIf.errors.join(" ") } satisfies ErrorPayload,
      { status: 400 },
    );
  const applied = applyWhatIf(scenario, whatIf.values);
  const assumptions = { ...(definition.assumptions ?? {}), ...applied.assumptions };
  const { id: _id, ...rest } = applied.scenario;
  void _id;
  const draft = draftFromDefinition({ ...rest, ...(Object.keys(assumptions).length > 0 ? { assumptions } : {}) });
  const moved = available.filter((t) => whatIf.values[t.key] !== undefined && whatIf.values[t.key] !== t.fileValue).length;
  return { draft: { ...draft, title: variantTitle(draft.title) }, moved };
}

/** The draft a `fork` URL parameter asks for: a library scenario id, or `<variant-id>@<n>`. */
export function forkDraft(
  fork: string | null,
  params: URLSearchParams = new URLSearchParams(),
): { draft: Draft; forkedFrom: string | null; forkLabel: string | null; moved: number } {
  if (fork === null || fork === "") return { draft: EMPTY_DRAFT, forkedFrom: null, forkLabel: null, moved: 0 };
  const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:@([1-9]\d{0,8}))?$/.exec(fork);
  if (!m)
    throw data(
      {
        title: "Nothing to fork",
        message: `'${fork.slice(0, 80)}' is neither a library scenario id (like 2021-co-lending) nor a variant version (like my-variant-k3x9q2@2).`,
      } satisfies ErrorPayload,
      { status: 400 },
    );
  const [, id, n] = m;
  if (n !== undefined) {
    const v = getVersion({ id: id!, version: Number(n) });
    if (!v) throw data({ title: "Nothing to fork", message: `There is no variant version '${fork}'.` } satisfies ErrorPayload, { status: 404 });
    return { ...forkOf(v.definition, params), forkedFrom: `${id}@${n}`, forkLabel: `variant ${v.definition.title} (version ${n})` };
  }
  const found = isSlug(id!) ? getScenario({ id: id! }) : null;
  if (!found) throw data({ title: "Nothing to fork", message: `There is no scenario '${id}' in the library.` } satisfies ErrorPayload, { status: 404 });
  if (!found.ok)
    throw data(
      { title: "Cannot fork this scenario", message: `The file ${found.file} has errors; fix it first (\`npm run scenarios -- check ${found.file}\`).` } satisfies ErrorPayload,
      { status: 422 },
    );
  const { id: _file, ...definition } = found.scenario;
  void _file;
  return { ...forkOf(definition, params), forkedFrom: id!, forkLabel: `library scenario ${found.scenario.title}` };
}

/** Largest upload request: a scenario file (MAX_BODY_BYTES) plus room for the form's other fields. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_BODY_BYTES + 16 * 1024;

/** A reason a multipart upload was refused before its file was read (shown on the form, nothing saved). */
export class UploadRefused extends Error {
  readonly status: number;
  constructor(message: string, status = 413) {
    super(message);
    this.status = status;
  }
}

/**
 * The multipart body of an upload, read at most `limit` bytes (refused beyond, without reading further), then
 * parsed. Only from this app's origin.
 */
export async function readMultipart(request: Request, limit = MAX_UPLOAD_REQUEST_BYTES): Promise<FormData> {
  await requireSameOrigin(request);
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data;/i.test(contentType))
    throw new UploadRefused(`expected a file upload (multipart/form-data), got '${contentType.split(";")[0]!.trim() || "none"}'; nothing was saved`, 415);
  const tooLarge = () => new UploadRefused(`the upload is larger than the ${Math.round(limit / 1024)} KB limit; nothing was saved`);
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyBytes(request, limit, tooLarge);
  } catch (e) {
    if (e instanceof HttpError) throw new UploadRefused(e.message, e.status); // a stalled body: 408
    throw e;
  }
  try {
    return await new Request("http://upload.invalid/", { method: "POST", headers: { "Content-Type": contentType }, body }).formData();
  } catch {
    throw new UploadRefused("the upload could not be read as a form; nothing was saved", 400);
  }
}

/** A file name the validator accepts (its base name gives the scenario id): `My File.YAML` -> `my-file.yaml`. */
export function uploadFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/\.ya?ml$/i, "");
  const slugged = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slugged || "upload"}.yaml`;
}
