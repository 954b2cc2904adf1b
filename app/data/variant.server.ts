/**
 * Saved variants: scenarios made in the browser or posted by scripts, stored as immutable versions
 * (docs/decisions/006-variant-versions.md). A save names the version it was based on; inside one
 * `BEGIN IMMEDIATE` transaction it reads the latest version and inserts latest+1 only if the base is the latest,
 * so of two saves on the same base exactly one is stored and the other is refused with both versions
 * (StaleVersionError). The primary key (variant_id, version) backs this up; nothing here updates or deletes a
 * version, and triggers in the migration refuse it too.
 *
 * Every definition is validated exactly as a scenario file is (zod schema, duplicate rule ids, ids checked
 * against the model) before anything is stored. Each function takes an optional `store` ({ db, model }) so
 * tests and tools pass their own database; by default the server's (getDb, getModel).
 */
import { and, asc, count, desc, eq, max, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { validateDefinition, type DefinitionCheck, type FieldError } from "../scenarios/definition-check";
import { variants, variantVersions } from "../../db/schema";
import { slug, type Model } from "../engine/model";
import { formatPath, messagesFor } from "../scenarios/messages";
import { listScenarioFiles } from "../scenarios/load.server";
import { isSlug, scenarioIdFromFile } from "../scenarios/parse";
import { summarise, type ScenarioSummary } from "../scenarios/payload";
import { formatScenarioRef, parseScenarioRef } from "../scenarios/ref";
import { scenarioSchema, type Scenario, type ScenarioDefinition } from "../scenarios/schema";
import { textProblem } from "../scenarios/text";
import { validateScenarioText } from "../scenarios/validate";
import { getDb, type Db } from "./db.server";
import { appendVersion, createRecord, guard, newRecordId, sqliteCode } from "./versioned-record.server";

// The write discipline of versioned records, where the variant store's users have always imported it from.
export { DatabaseBusyError, DatabaseReadOnlyError, guard, writeTransaction } from "./versioned-record.server";
import { getModel, getModelFromDb, modelVersion } from "./model.server";
import { scenariosDir } from "./scenario.server";

// ---- types ---------------------------------------------------------------------------------------------------

/** Where variants are stored and what their ids are checked against. Defaults: the server's database and model. */
export interface VariantStore {
  db?: Db;
  model?: Model;
  /** The clock (tests fix it). */
  now?: () => Date;
}

export type { FieldError } from "../scenarios/definition-check";

/** A saved variant as the lists show it (/variants, GET /api/variants): its latest version and headline figures. */
export interface VariantSummary {
  id: string;
  title: string;
  hypothetical: boolean;
  latestVersion: number;
  createdAt: string;
  /** When the latest version was saved. */
  updatedAt: string;
  forkedFrom: string | null;
  /** The latest version's headline figures against the baseline, as stored at save time (decision 014). */
  headline: Extract<ScenarioSummary, { ok: true }>["headline"] | null;
}

/** The list form of a row of a page of variants. */
export function variantSummaryOf(item: VariantPageItem): VariantSummary {
  const s = item.summary;
  return {
    id: item.variantId,
    title: s.ok ? s.title : item.variantId,
    hypothetical: s.ok ? s.hypothetical : false,
    latestVersion: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    forkedFrom: item.forkedFrom,
    headline: s.ok ? s.headline : null,
  };
}

export interface VersionSummary {
  version: number;
  title: string;
  author: string | null;
  note: string | null;
  createdAt: string;
  restoredFrom: number | null;
}

export interface VariantInfo {
  id: string;
  createdAt: string;
  forkedFrom: string | null;
  latestVersion: number;
}

export interface VariantVersion {
  id: string;
  version: number;
  definition: ScenarioDefinition;
  author: string | null;
  note: string | null;
  createdAt: string;
  restoredFrom: number | null;
  forkedFrom: string | null;
  /** The variant's latest version when this was read (the base for the next save). */
  latestVersion: number;
}

// ---- errors --------------------------------------------------------------------------------------------------

/** The input is invalid; nothing was stored. */
export class ValidationError extends Error {
  readonly errors: FieldError[];
  /** The message without the errors: "the scenario is invalid; nothing was saved". */
  readonly summary: string;
  constructor(errors: FieldError[], message = "the scenario is invalid; nothing was saved") {
    super(`${message}: ${errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ")}`);
    this.name = "ValidationError";
    this.errors = errors;
    this.summary = message;
  }
}

/** No variant with this id (or no such version of it). */
export class VariantNotFoundError extends Error {
  readonly id: string;
  readonly version?: number;
  constructor(id: string, version?: number) {
    super(version === undefined ? `no variant with id '${id}'` : `variant '${id}' has no version ${version}`);
    this.name = "VariantNotFoundError";
    this.id = id;
    this.version = version;
  }
}

/** A save based on a version that is no longer the latest: refused, nothing overwritten. Carries both versions. */
export class StaleVersionError extends Error {
  readonly id: string;
  readonly baseVersion: number;
  readonly latestVersion: number;
  readonly latest: ScenarioDefinition;
  readonly submitted: ScenarioDefinition;
  /** `what` names the record in the message: a variant, or a saved path (the same versioned store). */
  constructor(args: { id: string; what?: string; baseVersion: number; latestVersion: number; latest: ScenarioDefinition; submitted: ScenarioDefinition }) {
    super(
      `${args.what ?? "variant"} '${args.id}' was saved by someone else since version ${args.baseVersion}: the latest is version ` +
        `${args.latestVersion}. Nothing was overwritten; review the latest version and save again on it.`,
    );
    this.name = "StaleVersionError";
    this.id = args.id;
    this.baseVersion = args.baseVersion;
    this.latestVersion = args.latestVersion;
    this.latest = args.latest;
    this.submitted = args.submitted;
  }
}

/** A stored definition no longer passes the scenario schema (the format changed since it was saved). */
export class StoredDefinitionError extends Error {
  constructor(id: string, version: number, errors: FieldError[]) {
    super(`variant '${id}' version ${version} no longer matches the scenario format: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
    this.name = "StoredDefinitionError";
  }
}

// ---- limits --------------------------------------------------------------------------------------------------

/** Longest who-label of a version. */
export const MAX_AUTHOR_LENGTH = 80;
/** Longest note of a version. */
export const MAX_NOTE_LENGTH = 500;

// The same rule as the scenario's free text (app/scenarios/text.ts); empty means "not given" here.
const freeText = (oneLine: boolean) => (s: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(s, { oneLine, allowEmpty: true });
  if (problem) ctx.addIssue({ code: "custom", message: problem });
};
const authorSchema = z
  .string({ error: "expected text" })
  .trim()
  .max(MAX_AUTHOR_LENGTH, { error: `expected at most ${MAX_AUTHOR_LENGTH} characters` })
  .superRefine(freeText(true));
const noteSchema = z
  .string({ error: "expected text" })
  .trim()
  .max(MAX_NOTE_LENGTH, { error: `expected at most ${MAX_NOTE_LENGTH} characters` })
  .superRefine(freeText(false));
/** A ScenarioRef as written (`<library-id>` or `<variant-id>@<version>`), stored in its one spelling. */
const forkedFromSchema = z
  .string({ error: "expected text" })
  .transform((text, ctx) => {
    const parsed = parseScenarioRef(text);
    if (parsed.ok && !text.startsWith("variant:")) return formatScenarioRef(parsed.ref);
    ctx.addIssue({ code: "custom", message: "expected a scenario id like '2021-co-lending' or a variant version like 'my-variant-k3x9q2@2'" });
    return z.NEVER;
  });
const versionNumber = z
  .number({ error: "expected a version number (an integer from 1)" })
  .int({ error: "expected a version number (an integer from 1)" })
  .min(1, { error: "expected a version number (an integer from 1)" })
  .max(1e9, { error: "expected a version number (an integer from 1)" });

// ---- validation ----------------------------------------------------------------------------------------------

export { validateDefinition, type DefinitionCheck } from "../scenarios/definition-check";

/**
 * Validates a scenario given as YAML text (an upload) with the file checks (size and alias limits, syntax,
 * schema, ids): errors carry line and column, as `npm run scenarios -- check` prints them.
 */
export function validateDefinitionYaml(text: string, model: Model, file = "upload.yaml"): DefinitionCheck {
  const r = validateScenarioText(text, file, model);
  const strip = (e: { path: string; message: string; line: number; col: number }): FieldError => ({
    path: e.path,
    line: e.line,
    col: e.col,
    message: e.message,
  });
  if (!r.ok) return { ok: false, errors: r.errors.map(strip), warnings: [] };
  const { id: _id, $schema: _schema, ...definition } = r.scenario;
  return { ok: true, definition, warnings: r.warnings.map(strip) };
}

// ---- store plumbing ------------------------------------------------------------------------------------------

const modelByDb = new WeakMap<Db, Model>();

function modelOf(store: VariantStore): Model {
  if (store.model) return store.model;
  if (!store.db) return getModel();
  let m = modelByDb.get(store.db);
  if (!m) {
    m = getModelFromDb(store.db);
    modelByDb.set(store.db, m);
  }
  return m;
}

function resolve(store: VariantStore): { db: Db; model: () => Model; now: () => Date } {
  return { db: store.db ?? getDb(), model: () => modelOf(store), now: store.now ?? (() => new Date()) };
}

/** The model a store checks ids against (the store's, the one in its database, or the server's). */
export function storeModel(store: VariantStore = {}): Model {
  return modelOf(store);
}

function latestVersionOf(db: Db, id: string): number | null {
  return db.select({ n: max(variantVersions.version) }).from(variantVersions).where(eq(variantVersions.variantId, id)).get()?.n ?? null;
}

function readDefinition(text: string): ScenarioDefinition {
  return JSON.parse(text) as ScenarioDefinition;
}

function cleanMeta(args: { author?: unknown; note?: unknown; forkedFrom?: unknown }): {
  author: string | null;
  note: string | null;
  forkedFrom: string | null;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const field = <T>(name: string, value: unknown, schema: z.ZodType<T>): T | null => {
    if (value === undefined || value === null) return null;
    const r = schema.safeParse(value);
    if (!r.success) {
      errors.push({ path: name, message: r.error.issues[0]?.message ?? "invalid" });
      return null;
    }
    return r.data === "" ? null : r.data;
  };
  return {
    author: field("author", args.author, authorSchema),
    note: field("note", args.note, noteSchema),
    forkedFrom: field("forkedFrom", args.forkedFrom, forkedFromSchema),
    errors,
  };
}

function checkedDefinition(definition: unknown, model: Model, extra: FieldError[] = []): { definition: ScenarioDefinition; warnings: FieldError[] } {
  const r = validateDefinition(definition, model);
  if (!r.ok || extra.length > 0) throw new ValidationError([...extra, ...(r.ok ? [] : r.errors)]);
  return { definition: r.definition, warnings: r.warnings };
}

/** A variant's scenario summary (headline figures) for the library, computed with `model`. */
function summaryOf(model: Model, id: string, definition: unknown): ScenarioSummary {
  const scenario: Scenario = { id, ...scenarioSchema.parse(definition) };
  return summarise(model, { ok: true, id, file: `variant ${id}`, scenario, warnings: [] });
}

/** The latest-version columns of a variant row, written with each save (decision 014). */
function listingOf(model: Model, id: string, definition: ScenarioDefinition, updatedAt: string) {
  return {
    title: definition.title,
    updatedAt,
    summary: JSON.stringify(summaryOf(model, id, definition)),
    summaryModel: modelVersion(model),
  };
}

/** A slug for a new variant: the title's slug (at most 40 characters) and 6 random characters. */
export function newVariantId(title: string): string {
  return newRecordId(title, "variant");
}

// ---- the API -------------------------------------------------------------------------------------------------

/**
 * Stores a new variant with its version 1. Throws ValidationError (nothing stored) for an invalid scenario,
 * author, note or forkedFrom; DatabaseBusyError / DatabaseReadOnlyError when the database cannot be written.
 */
export function createVariant(
  input: { definition: unknown; author?: unknown; note?: unknown; forkedFrom?: unknown },
  store: VariantStore = {},
): { id: string; version: 1; warnings: FieldError[] } {
  const { db, model, now } = resolve(store);
  const meta = cleanMeta(input);
  const { definition, warnings } = checkedDefinition(input.definition, model(), meta.errors);
  const createdAt = now().toISOString();
  const json = JSON.stringify(definition);
  let listing: ReturnType<typeof listingOf> & { latestVersion: number };
  const id = createRecord(db, {
    what: "variant",
    drawId: () => {
      const drawn = newVariantId(definition.title);
      listing = { ...listingOf(model(), drawn, definition, createdAt), latestVersion: 1 };
      return drawn;
    },
    check: () => {
      const fork = meta.forkedFrom === null ? null : parseScenarioRef(meta.forkedFrom);
      if (fork?.ok && fork.ref.kind === "library") {
        // A library scenario (a file in the library) or a variant, by id: it must exist, as a version must.
        const forkId = fork.ref.id;
        const known =
          listScenarioFiles(scenariosDir()).some((f) => scenarioIdFromFile(f) === forkId) ||
          db.select({ id: variants.id }).from(variants).where(eq(variants.id, forkId)).get() !== undefined;
        if (!known)
          throw new ValidationError(
            [{ path: "forkedFrom", message: `no library scenario or saved variant '${meta.forkedFrom}'` }],
            "the input is invalid; nothing was saved",
          );
      }
      if (fork?.ok && fork.ref.kind === "variant") {
        const exists = db
          .select({ v: variantVersions.version })
          .from(variantVersions)
          .where(and(eq(variantVersions.variantId, fork.ref.id), eq(variantVersions.version, fork.ref.version)))
          .get();
        if (!exists) throw new ValidationError([{ path: "forkedFrom", message: `no variant version '${meta.forkedFrom}'` }], "the input is invalid; nothing was saved");
      }
    },
    taken: (candidate) => db.select({ id: variants.id }).from(variants).where(eq(variants.id, candidate)).get() !== undefined,
    insert: (newId) => {
      db.insert(variants).values({ id: newId, createdAt, forkedFrom: meta.forkedFrom, ...listing }).run();
      db.insert(variantVersions)
        .values({ variantId: newId, version: 1, definition: json, author: meta.author, note: meta.note, createdAt, restoredFrom: null })
        .run();
    },
  });
  return { id, version: 1, warnings };
}

/**
 * Stores `definition` as the next version of variant `id`, if `baseVersion` is its latest version.
 * Throws StaleVersionError when another save came first (nothing overwritten), VariantNotFoundError,
 * ValidationError (nothing stored), DatabaseBusyError or DatabaseReadOnlyError.
 */
export function saveVersion(
  input: { id: string; baseVersion: unknown; definition: unknown; author?: unknown; note?: unknown; restoredFrom?: number },
  store: VariantStore = {},
): { id: string; version: number; warnings: FieldError[] } {
  const { db, model, now } = resolve(store);
  const { id } = input;
  if (!isSlug(id)) throw new VariantNotFoundError(id);
  const meta = cleanMeta({ author: input.author, note: input.note });
  const base = versionNumber.safeParse(input.baseVersion);
  const extra = [...meta.errors];
  if (!base.success) extra.unshift({ path: "baseVersion", message: base.error.issues[0]!.message });
  const { definition, warnings } = checkedDefinition(input.definition, model(), extra);
  const baseVersion = base.data!;
  const createdAt = now().toISOString();
  const listing = listingOf(model(), id, definition, createdAt);

  const insertNext = () =>
    appendVersion(db, {
      baseVersion,
      latest: () => latestVersionOf(db, id),
      refuse: (why) => {
        if (why.kind === "not-found") throw new VariantNotFoundError(id);
        if (why.kind === "ahead")
          throw new ValidationError(
            [{ path: "baseVersion", message: `variant '${id}' has no version ${baseVersion}; its latest version is ${why.latest}` }],
            "the input is invalid; nothing was saved",
          );
        const row = db
          .select({ definition: variantVersions.definition })
          .from(variantVersions)
          .where(and(eq(variantVersions.variantId, id), eq(variantVersions.version, why.latest)))
          .get()!;
        throw new StaleVersionError({ id, baseVersion, latestVersion: why.latest, latest: readDefinition(row.definition), submitted: definition });
      },
      append: (version) => {
        db.update(variants).set({ ...listing, latestVersion: version }).where(eq(variants.id, id)).run();
        db.insert(variantVersions)
          .values({
            variantId: id,
            version,
            definition: JSON.stringify(definition),
            author: meta.author,
            note: meta.note,
            createdAt,
            restoredFrom: input.restoredFrom ?? null,
          })
          .run();
      },
    });

  try {
    return { id, version: insertNext(), warnings };
  } catch (error) {
    // With BEGIN IMMEDIATE this cannot happen; if another writer got there anyway, the key refuses the row.
    if (sqliteCode(error) === "SQLITE_CONSTRAINT_PRIMARYKEY") {
      const latest = guard(() => latestVersionOf(db, id)) ?? baseVersion;
      const row = getVersion({ id, version: latest }, store);
      throw new StaleVersionError({ id, baseVersion, latestVersion: latest, latest: row?.definition ?? definition, submitted: definition });
    }
    throw error;
  }
}

/**
 * Saves a new version equal to version `version` (restore never rewrites history). `baseVersion` is the
 * latest version the caller saw, as for saveVersion. The new version records `restoredFrom`.
 */
export function restoreVersion(
  input: { id: string; version: number; baseVersion: unknown; author?: unknown; note?: unknown },
  store: VariantStore = {},
): { id: string; version: number; warnings: FieldError[] } {
  const old = getVersion({ id: input.id, version: input.version }, store);
  if (!old) throw new VariantNotFoundError(input.id, input.version);
  return saveVersion(
    {
      id: input.id,
      baseVersion: input.baseVersion,
      definition: old.definition,
      author: input.author,
      note: input.note ?? `restored from version ${input.version}`,
      restoredFrom: input.version,
    },
    store,
  );
}

/** Variants the library shows at a time. */
export const VARIANT_PAGE_SIZE = 24;
/** Longest search text kept (longer text is cut). */
export const MAX_VARIANT_QUERY = 100;

export interface VariantPage {
  /** The search text used (trimmed, cut to MAX_VARIANT_QUERY), "" for none. */
  q: string;
  /** 1-based; clamped to the pages there are. */
  page: number;
  pageCount: number;
  pageSize: number;
  /** Variants matching `q` (all pages). */
  total: number;
  items: VariantPageItem[];
}

export interface VariantPageItem {
  variantId: string;
  version: number;
  summary: ScenarioSummary;
  createdAt: string;
  /** When the latest version was saved. */
  updatedAt: string;
  forkedFrom: string | null;
}

/**
 * One page of saved variants for the library, latest saved first, whose title or id contains `q` (case-insensitive
 * for ASCII). Reads only that page's rows and their stored headline figures; a row without figures for the current
 * model (saved before migration 0004, or under another model) is evaluated once and stored.
 */
export function listVariantPage(
  { q = "", page = 1, pageSize = VARIANT_PAGE_SIZE, clamp = true }: { q?: string; page?: number; pageSize?: number; clamp?: boolean },
  store: VariantStore = {},
): VariantPage {
  const { db, model } = resolve(store);
  const query = q.trim().slice(0, MAX_VARIANT_QUERY);
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where: SQL | undefined = query
    ? sql`(${variants.title} like ${pattern} escape '\\' or ${variants.id} like ${pattern} escape '\\')`
    : undefined;
  const total = guard(() => db.select({ n: count() }).from(variants).where(where).get()?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  // Unclamped (the API and /variants answer 400 for a page beyond the last): nothing read.
  if (!clamp && page > pageCount) return { q: query, page, pageCount, pageSize, total, items: [] };
  const rows = guard(() =>
    db
      .select({
        id: variants.id,
        latestVersion: variants.latestVersion,
        summary: variants.summary,
        summaryModel: variants.summaryModel,
        createdAt: variants.createdAt,
        updatedAt: variants.updatedAt,
        forkedFrom: variants.forkedFrom,
      })
      .from(variants)
      .where(where)
      .orderBy(sql`${variants.updatedAt} desc`, asc(variants.id))
      .limit(pageSize)
      .offset((current - 1) * pageSize)
      .all(),
  );
  const m = model();
  const mv = modelVersion(m);
  const items = rows.flatMap((r): VariantPageItem[] => {
    const row = { createdAt: r.createdAt, forkedFrom: r.forkedFrom };
    if (r.summary && r.summaryModel === mv && r.latestVersion && r.updatedAt)
      return [{ variantId: r.id, version: r.latestVersion, summary: JSON.parse(r.summary) as ScenarioSummary, updatedAt: r.updatedAt, ...row }];
    const latest = getVersion({ id: r.id }, store);
    if (!latest) return [];
    let summary: ScenarioSummary;
    try {
      summary = summaryOf(m, r.id, latest.definition);
    } catch {
      return []; // a stored definition the format no longer accepts: its own page explains (StoredDefinitionError)
    }
    try {
      // Best effort: a busy or read-only database only means computing it again next time.
      guard(() =>
        db
          .update(variants)
          .set({ title: latest.definition.title, latestVersion: latest.version, updatedAt: latest.createdAt, summary: JSON.stringify(summary), summaryModel: mv })
          .where(eq(variants.id, r.id))
          .run(),
      );
    } catch (error) {
      console.warn(`[library] headline of variant ${r.id} not stored: ${(error as Error).message}`);
    }
    return [{ variantId: r.id, version: latest.version, summary, updatedAt: latest.createdAt, ...row }];
  });
  return { q: query, page: current, pageCount, pageSize, total, items };
}

/** A variant's id, creation, origin and latest version, or null. */
export function getVariant({ id }: { id: string }, store: VariantStore = {}): VariantInfo | null {
  if (!isSlug(id)) return null;
  const { db } = resolve(store);
  return guard(() => {
    const row = db.select().from(variants).where(eq(variants.id, id)).get();
    if (!row) return null;
    return { id: row.id, createdAt: row.createdAt, forkedFrom: row.forkedFrom, latestVersion: latestVersionOf(db, id) ?? 0 };
  });
}

const latestStatements = new WeakMap<Db, { get: (values: { id: string }) => { n: number | null } | undefined }>();

/**
 * The number of a variant's latest version, or null when it has none: one prepared query, for the cached page's
 * check that nothing changed (page-fast-path.server.ts) on every request.
 */
export function latestVersionNumber({ id }: { id: string }, store: VariantStore = {}): number | null {
  const { db } = resolve(store);
  let statement = latestStatements.get(db);
  if (!statement) {
    statement = db
      .select({ n: max(variantVersions.version) })
      .from(variantVersions)
      .where(eq(variantVersions.variantId, sql.placeholder("id")))
      .prepare();
    latestStatements.set(db, statement);
  }
  return guard(() => statement.get({ id })?.n ?? null);
}

/** A variant's versions, oldest first, or null when there is no such variant. */
export function listVersions({ id }: { id: string }, store: VariantStore = {}): VersionSummary[] | null {
  if (!isSlug(id)) return null;
  const { db } = resolve(store);
  const rows = guard(() =>
    db.select().from(variantVersions).where(eq(variantVersions.variantId, id)).orderBy(asc(variantVersions.version)).all(),
  );
  if (rows.length === 0) return null;
  return rows.map((r) => ({
    version: r.version,
    title: readDefinition(r.definition).title,
    author: r.author,
    note: r.note,
    createdAt: r.createdAt,
    restoredFrom: r.restoredFrom,
  }));
}

/** One version of a variant (the latest when `version` is omitted), or null. */
export function getVersion({ id, version }: { id: string; version?: number }, store: VariantStore = {}): VariantVersion | null {
  if (!isSlug(id) || (version !== undefined && !versionNumber.safeParse(version).success)) return null;
  const { db } = resolve(store);
  return guard(() => {
    const variant = db.select().from(variants).where(eq(variants.id, id)).get();
    if (!variant) return null;
    const latestVersion = latestVersionOf(db, id) ?? 0;
    const n = version ?? latestVersion;
    const row = db
      .select()
      .from(variantVersions)
      .where(and(eq(variantVersions.variantId, id), eq(variantVersions.version, n)))
      .get();
    if (!row) return null;
    return {
      id,
      version: row.version,
      definition: readDefinition(row.definition),
      author: row.author,
      note: row.note,
      createdAt: row.createdAt,
      restoredFrom: row.restoredFrom,
      forkedFrom: variant.forkedFrom,
      latestVersion,
    };
  });
}

/**
 * A variant version as a Scenario for the engine, with the variant id as its id (so pages can link
 * `/scenarios/<variant-id>?v=2`). The latest version when `version` is omitted; null when there is none.
 * Throws StoredDefinitionError if the stored definition no longer matches the scenario format.
 */
export function variantAsScenario({ id, version }: { id: string; version?: number }, store: VariantStore = {}): Scenario | null {
  const v = getVersion({ id, version }, store);
  if (!v) return null;
  const parsed = scenarioSchema.safeParse(v.definition);
  if (!parsed.success)
    throw new StoredDefinitionError(
      id,
      v.version,
      messagesFor(scenarioSchema, v.definition, parsed.error.issues).map((m) => ({ path: formatPath(m.path), message: m.message })),
    );
  return { id, ...parsed.data };
}

/** Whether a string can be a variant id (a slug); use before looking one up from a URL. */
export function isVariantId(id: string): boolean {
  return slug.safeParse(id).success;
}
