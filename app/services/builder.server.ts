/**
 * The builder (/builder, /builder?fork=<ref>) and the variant editor (/variants/:id/edit): the draft to start from,
 * and the form's POST, whose buttons re-render the draft or save it as a variant or a new version of one.
 */
import { data, redirect } from "@remix-run/node";

import { getModel } from "~/data/model.server";
import { getScenario } from "~/data/scenario.server";
import {
  createVariant,
  getVersion,
  isVariantId,
  MAX_AUTHOR_LENGTH,
  MAX_NOTE_LENGTH,
  saveVersion,
  StaleVersionError,
  ValidationError,
} from "~/data/variant.server";
import { describeChanges, diffScenarios } from "~/scenarios/diff";
import type { Scenario, ScenarioDefinition } from "~/scenarios/schema";
import { tunables } from "~/scenarios/tunables";
import { applyWhatIf, movedTunables, parseWhatIf } from "~/scenarios/what-if";
import { formatScenarioRef, parseScenarioRef, parseVersion } from "~/scenarios/ref";
import { scenarioToYaml } from "~/scenarios/to-yaml";
import type { ErrorPayload } from "~/utils/error-payload";
import { MAX_BODY_BYTES } from "~/utils/http.server";
import { readForm } from "~/utils/request.server";
import { takeSave, tooManySavesMessage } from "~/utils/rate-limit.server";

import {
  applyIntent,
  decodeForm,
  draftToInput,
  draftFromDefinition,
  EMPTY_DRAFT,
  variantTitle,
  type Draft,
  type DraftError,
  type StalePayload,
} from "../components/builder/draft";
import { errorAnswer, pageErrors } from "./errors.server";
import { slugify } from "../utils/slug";

export const LIMITS = { author: MAX_AUTHOR_LENGTH, note: MAX_NOTE_LENGTH, bodyKb: Math.round(MAX_BODY_BYTES / 1024) };

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

/** A database that cannot take the save right now (busy, read-only, missing): said on the form, which keeps the draft. */
function storeFailure(e: unknown): string | null {
  const answer = errorAnswer(e);
  return answer?.status === 503 ? answer.payload.message : null;
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
        baseVersion: parseVersion(meta.baseVersion),
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
    const base = intent.kind === "save-over" ? intent.version : (parseVersion(meta.baseVersion) ?? meta.baseVersion);
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
    const failure = storeFailure(e);
    if (failure) return answer({ formError: failure }, 503);
    return pageErrors("builder", () => {
      throw e;
    });
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
  const movedList = movedTunables(whatIf.values, available);
  // The history inputs stay, but not for a number the what-if moved: that one is no longer history's.
  const inputs = (definition.inputs ?? []).filter((i) => !movedList.some((t) => t.kind === "rule" && t.targetId === i.rule && t.field === i.field));
  return { draft: { ...draft, title: variantTitle(draft.title), inputs }, moved: movedList.length };
}

/** The draft a `fork` URL parameter (a ScenarioRef) asks for: a library scenario, or a saved variant's version. */
export function forkDraft(
  fork: string | null,
  params: URLSearchParams = new URLSearchParams(),
): { draft: Draft; forkedFrom: string | null; forkLabel: string | null; moved: number } {
  if (fork === null || fork === "") return { draft: EMPTY_DRAFT, forkedFrom: null, forkLabel: null, moved: 0 };
  const parsed = parseScenarioRef(fork);
  if (!parsed.ok)
    throw data(
      {
        title: "Nothing to fork",
        message: `'${fork.slice(0, 80)}' is neither a library scenario id (like 2021-co-lending) nor a variant version (like my-variant-k3x9q2@2).`,
      } satisfies ErrorPayload,
      { status: 400 },
    );
  const { ref } = parsed;
  if (ref.kind === "variant") {
    const v = getVersion({ id: ref.id, version: ref.version });
    if (!v) throw data({ title: "Nothing to fork", message: `There is no variant version '${formatScenarioRef(ref)}'.` } satisfies ErrorPayload, { status: 404 });
    return { ...forkOf(v.definition, params), forkedFrom: formatScenarioRef(ref), forkLabel: `variant ${v.definition.title} (version ${ref.version})` };
  }
  const found = getScenario({ id: ref.id });
  if (!found) throw data({ title: "Nothing to fork", message: `There is no scenario '${ref.id}' in the library.` } satisfies ErrorPayload, { status: 404 });
  if (!found.ok)
    throw data(
      { title: "Cannot fork this scenario", message: `The file ${found.file} has errors; fix it first (\`npm run scenarios -- check ${found.file}\`).` } satisfies ErrorPayload,
      { status: 422 },
    );
  const { id: _file, ...definition } = found.scenario;
  void _file;
  return { ...forkOf(definition, params), forkedFrom: formatScenarioRef(ref), forkLabel: `library scenario ${found.scenario.title}` };
}

/** /builder: an empty draft, or the one `fork` names, with the model the form picks ids from. */
export function loadBuilder(url: URL) {
  return pageErrors("builder", () => {
    const model = getModel();
    const fork = forkDraft(url.searchParams.get("fork"), url.searchParams);
    return { ...fork, model: { ...model, provenance: [] }, limits: LIMITS };
  });
}

function variantNotFound(id: string): never {
  throw data(
    {
      title: "Variant not found",
      message: isVariantId(id) ? `There is no saved variant '${id}'.` : `'${id.slice(0, 80)}' is not a variant id.`,
      hint: "The saved variants are listed at /variants.",
    } satisfies ErrorPayload,
    { status: 404 },
  );
}

/** /variants/:id/edit: the builder on a variant's latest version. */
export function loadEditPage(id: string) {
  if (!isVariantId(id)) variantNotFound(id);
  return pageErrors("edit", () => {
    const model = getModel();
    const latest = getVersion({ id });
    if (!latest) variantNotFound(id);
    return {
      id,
      title: latest.definition.title,
      version: latest.version,
      draft: draftFromDefinition(latest.definition),
      model: { ...model, provenance: [] },
      limits: LIMITS,
    };
  });
}

/** POST /variants/:id/edit: the builder's action on an existing variant. */
export function editAction(request: Request, id: string) {
  if (!isVariantId(id)) variantNotFound(id);
  return builderAction(request, { id });
}

/** A file name the validator accepts (its base name gives the scenario id): `My File.YAML` -> `my-file.yaml`. */
export function uploadFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/\.ya?ml$/i, "");
  const slugged = slugify(base, 60);
  return `${slugged || "upload"}.yaml`;
}
