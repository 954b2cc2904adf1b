/**
 * Scenario text -> Scenario, or errors that name file, line, column, field and reason.
 *
 * Pure and isomorphic (no I/O): the loader reads files and passes their text here; the browser may use it for
 * uploaded files. Positions come from the YAML syntax tree, so every schema error points at the node of the
 * deepest part of its path that exists in the file (a missing field points at the mapping that lacks it).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from "yaml";
import { isSlug } from "../engine/vocabulary";
import { capErrors, dataShapeProblem, moreErrorsMessage, SHAPE_LIMITS, yamlPrescanProblem } from "./bounds";
import { duplicateRuleIds } from "./ids";
import { formatPath, messagesFor, type PathMessage, type PathSegment } from "./messages";
import { scenarioSchema, type Scenario } from "./schema";
import { MAX_SCENARIO_BYTES } from "../utils/limits";

/** One problem in one scenario file. Line and column are 1-based. */
export interface ScenarioError {
  file: string;
  line: number;
  col: number;
  /** Field path like `rules[2].consentRate`; "" for the file as a whole. */
  path: string;
  message: string;
}

export interface Position {
  line: number;
  col: number;
}

/** Finds the line:col of a path in the parsed file (the deepest part of it that exists). */
export type Locator = (path: readonly PathSegment[], atKey?: boolean) => Position;

export type ParseResult =
  | { ok: true; scenario: Scenario; locate: Locator }
  | { ok: false; errors: ScenarioError[] };

/** Files above this size are refused before parsing. */
export const MAX_FILE_BYTES = MAX_SCENARIO_BYTES;
/** Aliases beyond this many expansions are refused (billion-laughs files). */
export const MAX_ALIAS_COUNT = 50;

const START: Position = { line: 1, col: 1 };

/** The scenario id a file name gives: its base name without `.yaml` / `.yml`. */
export function scenarioIdFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.ya?ml$/i, "");
}

/** Whether a string is a valid scenario / rule id (lower-case slug). */
export { isSlug };

/** Attach positions to path messages. */
export function locateMessages(file: string, locate: Locator, messages: readonly PathMessage[]): ScenarioError[] {
  return messages.map((m) => ({ file, ...locate(m.path, m.atKey), path: formatPath(m.path), message: m.message }));
}

/** A YAML file read into plain data, with a locator for its nodes; or its syntax errors. */
export type YamlRead = { ok: true; data: unknown; locate: Locator } | { ok: false; errors: ScenarioError[] };

/**
 * Read one YAML file's text (size limit, syntax, duplicate keys, alias bombs) into plain data and a locator that
 * turns a field path into line:col. Shared by scenario and path files, so both report errors the same way.
 * `noun` names the kind of file in messages ("a scenario").
 */
export function readYaml(text: string, file: string, noun = "a scenario"): YamlRead {
  const fail = (message: string, pos: Position = START, path = ""): YamlRead => ({
    ok: false,
    errors: [{ file, ...pos, path, message }],
  });

  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES)
    return fail(`file is ${Math.ceil(bytes / 1024)} KB, larger than the ${MAX_FILE_BYTES / 1024} KB ${noun} may be`);

  // Bound the work before the parser runs (decision 013): lines, flow items and nesting, in one linear pass.
  const pre = yamlPrescanProblem(text);
  if (pre) return fail(pre.message, { line: pre.line, col: 1 });

  const lineCounter = new LineCounter();
  // The library's own duplicate-key check is quadratic in a mapping's keys: keys are checked below instead.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
  const posOf = (offset: number | undefined): Position => {
    if (offset === undefined) return START;
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };

  const more = (count: number): ScenarioError => ({ file, ...START, path: "", message: moreErrorsMessage(count) });
  if (doc.errors.length > 0) {
    const syntaxErrors = doc.errors.map((e): ScenarioError => {
      let offset = e.pos[0];
      let message = `YAML syntax error: ${e.message.split("\n")[0]}`;
      // An unclosed quote is reported where the file ends; the quote that opened it is what to fix.
      const quote = /Missing closing (["'])quote/.exec(e.message)?.[1];
      if (quote) {
        const open = text.lastIndexOf(quote, Math.max(0, offset - 1));
        if (open >= 0) {
          offset = open;
          message = `YAML syntax error: this ${quote === '"' ? "double" : "single"} quote is never closed`;
        }
      }
      return { file, ...posOf(offset), path: "", message };
    });
    return { ok: false, errors: capErrors(syntaxErrors, more) };
  }

  // Keys per mapping and duplicate keys, one Set per mapping (linear).
  let keyProblem: { offset: number | undefined; message: string } | undefined;
  visit(doc, {
    Map(_, map) {
      if (map.items.length > SHAPE_LIMITS.keysPerMapping) {
        keyProblem = {
          offset: map.range?.[0],
          message: `this mapping has ${map.items.length.toLocaleString("en-US")} keys, more than the ${SHAPE_LIMITS.keysPerMapping} a scenario's mappings may have`,
        };
        return visit.BREAK;
      }
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) {
          keyProblem = { offset: pair.key.range?.[0], message: `YAML syntax error: the key '${key}' appears twice in the same mapping` };
          return visit.BREAK;
        }
        seen.add(key);
      }
    },
  });
  if (keyProblem) return fail(keyProblem.message, posOf(keyProblem.offset));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    let aliasPos: Position | undefined;
    visit(doc, {
      Alias(_, node) {
        aliasPos = posOf(node.range?.[0]);
        return visit.BREAK;
      },
    });
    const why = e instanceof Error ? e.message : String(e);
    return fail(
      /alias/i.test(why)
        ? `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT}); refused as a possible resource-exhaustion ("billion laughs") file`
        : `could not read the YAML: ${why}`,
      aliasPos ?? START,
    );
  }

  const locate: Locator = (path, atKey = false) => {
    let node: unknown = doc.contents;
    let pos: Position = posOf((doc.contents as Node | null)?.range?.[0]);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return pos;
        const keyPos = posOf((pair.key as Node).range?.[0]);
        const v = pair.value as Node | null;
        const empty = v === null || (isScalar(v) && v.value === null && (v.source === "" || v.source === undefined));
        if ((last && atKey) || empty) return keyPos;
        node = v;
        pos = posOf(v.range?.[0]);
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg] as Node | undefined;
        if (!item) return pos;
        node = item;
        pos = posOf(item.range?.[0]);
      } else {
        return pos;
      }
      if (isAlias(node)) return pos;
    }
    return pos;
  };

  // What aliases expand to is what would be stored: bound it, and the number and nesting of values.
  const shape = dataShapeProblem(data);
  if (shape) return fail(shape.message, locate(shape.path), formatPath(shape.path));

  return { ok: true, data, locate };
}

/** Parse and validate one scenario file's text. `file` is used for messages and for the scenario's id. */
export function parseScenario(text: string, file: string): ParseResult {
  const id = scenarioIdFromFile(file);
  if (!isSlug(id))
    return {
      ok: false,
      errors: [{ file, ...START, path: "", message: `file name gives the scenario id '${id}', expected a lower-case id like '2021-co-lending' (letters, digits, dashes)` }],
    };
  const read = readYaml(text, file);
  if (!read.ok) return read;
  const { data, locate } = read;
  const more = (count: number): ScenarioError => ({ file, ...START, path: "", message: moreErrorsMessage(count) });

  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const messages = messagesFor(scenarioSchema, data, parsed.error.issues);
    const errors = locateMessages(file, locate, messages);
    errors.sort((a, b) => a.line - b.line || a.col - b.col);
    return { ok: false, errors: capErrors(errors, more) };
  }

  const scenario: Scenario = { id, ...parsed.data };
  const dups = duplicateRuleIds(scenario);
  if (dups.length > 0) {
    return {
      ok: false,
      errors: locateMessages(
        file,
        locate,
        dups.map((d) => ({
          path: scenario.rules[d.index]!.id !== undefined ? ["rules", d.index, "id"] : ["rules", d.index],
          message: `duplicate rule id '${d.id}': rules[${d.firstIndex}] already has it (rule ids must be unique within a scenario)`,
        })),
      ),
    };
  }
  return { ok: true, scenario, locate };
}
