/**
 * Saved paths: paths built in the browser by stacking scenarios (decision 024), stored as immutable versions as
 * variants are (decision 006), through the same immutable-versioned-record helper (versioned-record.server.ts): a
 * save inserts version n+1 inside one BEGIN IMMEDIATE transaction only if its base is the latest, the primary key
 * (path_id, version) backs that up, and triggers refuse updates and deletes.
 * A definition is the path file's format (app/paths/schema.ts), checked and resolved against the library and the
 * model exactly as a file is (conflicts within a step reported with both rules) before anything is stored.
 * Ids carry the `saved.` prefix, which no path file's id can have (a file's id is a slug), so the two never meet.
 */
import { and, desc, eq, max } from "drizzle-orm";

import { savedPaths, savedPathVersions } from "../../db/schema";
import type { Model } from "../engine/model";
import { resolvePath, type ResolvedPath } from "../paths/resolve";
import { pathSchema, type Path, type PathDefinition } from "../paths/schema";
import { formatPath, messagesFor } from "../scenarios/messages";
import { textProblem } from "../scenarios/text";
import type { ScenarioFileResult } from "../scenarios/validate";
import { getDb, type Db } from "./db.server";
import { getModel } from "./model.server";
import { listScenarios } from "./scenario.server";
import { StaleVersionError, ValidationError, type FieldError } from "./variant.server";
import { appendVersion, createRecord, guard, newRecordId } from "./versioned-record.server";

export const SAVED_PATH_PREFIX = "saved.";
/** A saved path's definition as JSON, at most (a path of 24 steps of library ids is about 3 KB). */
export const MAX_SAVED_PATH_BYTES = 64 * 1024;
/** Scenarios named over all steps, at most: a step holds at most 12 rules, a path 24 steps. */
export const MAX_PATH_SCENARIOS = 48;
const MAX_AUTHOR = 80;
const MAX_NOTE = 500;

export interface SavedPathStore {
  db?: Db;
  model?: Model;
  library?: readonly ScenarioFileResult[];
  now?: () => Date;
}

export interface SavedPathVersion {
  id: string;
  version: number;
  latestVersion: number;
  definition: PathDefinition;
  author: string | null;
  note: string | null;
  createdAt: string;
}

export interface SavedPathSummary {
  id: string;
  title: string;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** `saved.<slug>`: the id of a path saved in the database, never a file's. */
export function isSavedPathId(id: string): boolean {
  return id.length <= 80 && /^saved\.[a-z0-9]+(-[a-z0-9]+)*$/.test(id);
}

function newSavedPathId(title: string): string {
  return newRecordId(title, "path", SAVED_PATH_PREFIX);
}

function meta(value: unknown, name: string, max: number, oneLine: boolean, errors: FieldError[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    errors.push({ path: name, message: "expected text" });
    return null;
  }
  const text = value.trim();
  if (text.length > max) errors.push({ path: name, message: `expected at most ${max} characters` });
  const problem = textProblem(text, { oneLine, allowEmpty: true });
  if (problem) errors.push({ path: name, message: problem });
  return text === "" ? null : text;
}

/**
 * A path definition checked as a file is: the schema, the bounds, then resolved against the library and the
 * model (unknown scenarios, dates out of order, conflicts within a step with both rules named). The resolved
 * path is returned so the caller can show it at once.
 */
export function checkPathDefinition(
  definition: unknown,
  { model, library }: { model: Model; library: readonly ScenarioFileResult[] },
  id = "new-path",
): { ok: true; definition: PathDefinition; path: ResolvedPath } | { ok: false; errors: FieldError[] } {
  const json = JSON.stringify(definition ?? null);
  if (json.length > MAX_SAVED_PATH_BYTES)
    return { ok: false, errors: [{ path: "", message: `the path is ${Math.ceil(json.length / 1024)} KB; at most ${MAX_SAVED_PATH_BYTES / 1024} KB` }] };
  const parsed = pathSchema.safeParse(definition);
  if (!parsed.success)
    return { ok: false, errors: messagesFor(pathSchema, definition, parsed.error.issues).map((m) => ({ path: formatPath(m.path), message: m.message })) };
  const { $schema: _schema, ...clean } = parsed.data;
  const errors: FieldError[] = [];
  for (const [name, text] of [["title", clean.title], ["summary", clean.summary]] as const) {
    const problem = textProblem(text, { oneLine: name === "title" });
    if (problem) errors.push({ path: name, message: problem });
  }
  const named = clean.steps.reduce((n, s) => n + (s.scenarios?.length ?? 0), 0);
  if (named > MAX_PATH_SCENARIOS) errors.push({ path: "steps", message: `the path names ${named} scenarios; at most ${MAX_PATH_SCENARIOS}` });
  if (errors.length > 0) return { ok: false, errors };
  const path: Path = { id, ...clean };
  const r = resolvePath(path, library, { model });
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ path: formatPath(e.path), message: e.message })) };
  return { ok: true, definition: clean, path: r.path };
}

function resolveStore(store: SavedPathStore) {
  const model = store.model ?? getModel();
  return {
    db: store.db ?? getDb(),
    model,
    library: store.library ?? listScenarios({ model }),
    now: store.now ?? (() => new Date()),
  };
}

/**
 * Stores a new saved path (version 1). Throws ValidationError (nothing stored) for an invalid definition, author
 * or note; DatabaseBusyError / DatabaseReadOnlyError when the database cannot be written.
 */
export function createSavedPath(
  input: { definition: unknown; author?: unknown; note?: unknown },
  store: SavedPathStore = {},
): { id: string; version: 1 } {
  const { db, model, library, now } = resolveStore(store);
  const errors: FieldError[] = [];
  const author = meta(input.author, "author", MAX_AUTHOR, true, errors);
  const note = meta(input.note, "note", MAX_NOTE, false, errors);
  const checked = checkPathDefinition(input.definition, { model, library });
  if (!checked.ok || errors.length > 0) throw new ValidationError([...errors, ...(checked.ok ? [] : checked.errors)], "the path is invalid; nothing was saved");
  const createdAt = now().toISOString();
  const json = JSON.stringify(checked.definition);
  const id = createRecord(db, {
    what: "path",
    drawId: () => newSavedPathId(checked.definition.title),
    taken: (candidate) => db.select({ id: savedPaths.id }).from(savedPaths).where(eq(savedPaths.id, candidate)).get() !== undefined,
    insert: (newId) => {
      db.insert(savedPaths).values({ id: newId, createdAt, title: checked.definition.title, latestVersion: 1, updatedAt: createdAt }).run();
      db.insert(savedPathVersions).values({ pathId: newId, version: 1, definition: json, author, note, createdAt }).run();
    },
  });
  return { id, version: 1 };
}

/** No saved path with this id (or no such version of it). */
export class SavedPathNotFoundError extends Error {
  constructor(readonly id: string, readonly version?: number) {
    super(version === undefined ? `no saved path '${id}'` : `saved path '${id}' has no version ${version}`);
    this.name = "SavedPathNotFoundError";
  }
}

/**
 * Stores `definition` as version n+1 of saved path `id` if `baseVersion` is its latest. Throws StaleVersionError
 * when another save came first (nothing overwritten), SavedPathNotFoundError, ValidationError.
 */
export function saveSavedPathVersion(
  input: { id: string; baseVersion: number; definition: unknown; author?: unknown; note?: unknown },
  store: SavedPathStore = {},
): { id: string; version: number } {
  const { db, model, library, now } = resolveStore(store);
  const errors: FieldError[] = [];
  const author = meta(input.author, "author", MAX_AUTHOR, true, errors);
  const note = meta(input.note, "note", MAX_NOTE, false, errors);
  const checked = checkPathDefinition(input.definition, { model, library }, input.id);
  if (!checked.ok || errors.length > 0) throw new ValidationError([...errors, ...(checked.ok ? [] : checked.errors)], "the path is invalid; nothing was saved");
  const createdAt = now().toISOString();
  const { id, baseVersion } = input;
  const version = appendVersion(db, {
    baseVersion,
    latest: () => db.select({ n: max(savedPathVersions.version) }).from(savedPathVersions).where(eq(savedPathVersions.pathId, id)).get()?.n ?? null,
    refuse: (why) => {
      if (why.kind === "not-found") throw new SavedPathNotFoundError(id);
      // A base version the path never had is a bad input, not someone else's save (it answered 409 before).
      if (why.kind === "ahead")
        throw new ValidationError(
          [{ path: "baseVersion", message: `saved path '${id}' has no version ${baseVersion}; its latest version is ${why.latest}` }],
          "the input is invalid; nothing was saved",
        );
      const row = db
        .select()
        .from(savedPathVersions)
        .where(and(eq(savedPathVersions.pathId, id), eq(savedPathVersions.version, why.latest)))
        .get()!;
      throw new StaleVersionError({ id, what: "saved path", baseVersion, latestVersion: why.latest, latest: JSON.parse(row.definition), submitted: checked.definition as never });
    },
    append: (n) => {
      db.insert(savedPathVersions).values({ pathId: id, version: n, definition: JSON.stringify(checked.definition), author, note, createdAt }).run();
      db.update(savedPaths).set({ title: checked.definition.title, latestVersion: n, updatedAt: createdAt }).where(eq(savedPaths.id, id)).run();
    },
  });
  return { id, version };
}

/** One version of a saved path (its latest without `version`), or null. */
export function getSavedPath({ id, version }: { id: string; version?: number }, store: Pick<SavedPathStore, "db"> = {}): SavedPathVersion | null {
  if (!isSavedPathId(id)) return null;
  const db = store.db ?? getDb();
  return guard(() => {
    const head = db.select().from(savedPaths).where(eq(savedPaths.id, id)).get();
    if (!head) return null;
    const n = version ?? head.latestVersion;
    const row = db
      .select()
      .from(savedPathVersions)
      .where(and(eq(savedPathVersions.pathId, id), eq(savedPathVersions.version, n)))
      .get();
    if (!row) return null;
    return {
      id,
      version: n,
      latestVersion: head.latestVersion,
      definition: JSON.parse(row.definition) as PathDefinition,
      author: row.author,
      note: row.note,
      createdAt: row.createdAt,
    };
  });
}

/** The latest saved paths, newest first, at most `limit` (bounded: 1-100). */
export function listSavedPaths({ limit = 50 }: { limit?: number } = {}, store: Pick<SavedPathStore, "db"> = {}): SavedPathSummary[] {
  const db = store.db ?? getDb();
  const n = Math.max(1, Math.min(100, Math.floor(limit)));
  return guard(() =>
    db
      .select({ id: savedPaths.id, title: savedPaths.title, latestVersion: savedPaths.latestVersion, createdAt: savedPaths.createdAt, updatedAt: savedPaths.updatedAt })
      .from(savedPaths)
      .orderBy(desc(savedPaths.updatedAt), desc(savedPaths.id))
      .limit(n)
      .all(),
  );
}
