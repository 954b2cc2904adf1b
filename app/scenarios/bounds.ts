/**
 * Limits on the shape of a scenario, checked before the expensive work (YAML composition, the schema, located
 * messages) so that no 256 KB body can hold the server for long. A 24,000-key file once blocked every request for
 * 30-70 s: the YAML library's duplicate-key check is quadratic in a mapping's keys and every unknown key became a
 * located message. Every limit is far above what a real scenario needs (the largest library file has 75 lines,
 * a dozen keys per mapping and a nesting depth of 5). Pure and isomorphic: no I/O.
 */
import type { PathSegment } from "./messages";

export const SHAPE_LIMITS = {
  /** Lines that are neither blank nor comments. */
  contentLines: 2_000,
  /** Flow items (`,` `[` `{`) outside comments. */
  flowItems: 2_000,
  /** Nesting of mappings and lists. */
  depth: 24,
  /** Keys of one mapping (the largest real one, `assumptions`, has a few dozen). */
  keysPerMapping: 100,
  /** Values of every kind, all together, with aliases expanded. */
  nodes: 5_000,
  /** Characters of every key and value, with aliases expanded: what would be stored. */
  expandedChars: 256 * 1024,
} as const;

/** At most this many errors are listed; the rest are counted in one last "and N more" message. */
export const MAX_LISTED_ERRORS = 50;

const n = (x: number) => x.toLocaleString("en-US");

/**
 * A linear scan of YAML text before parsing: too many lines, flow items or too deep a nesting is refused with a
 * message (null when within the limits). It over-counts a little (brackets in prose), never under-counts nesting
 * by block indentation or flow brackets, which is what a parser recurses on.
 */
export function yamlPrescanProblem(text: string): { message: string; line: number } | null {
  let contentLines = 0;
  let flowItems = 0;
  let flowDepth = 0;
  const indents: number[] = [];
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    lineNo++;
    const body = line.trimStart();
    if (body === "" || body === "\r" || body.startsWith("#")) {
      if (end === text.length) break;
      continue;
    }
    if (++contentLines > SHAPE_LIMITS.contentLines)
      return { line: lineNo, message: `the file has more than ${n(SHAPE_LIMITS.contentLines)} lines of content; a scenario needs far fewer. Refused before reading it` };
    const indent = line.length - body.length;
    while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
    indents.push(indent);
    // "- - - x" nests a list per dash on one line.
    const dashes = /^(?:-[ \t]+)*/.exec(body)![0].replace(/[^-]/g, "").length;
    const tooDeep = () => ({
      line: lineNo,
      message: `the file nests lists and mappings more than ${SHAPE_LIMITS.depth} levels deep; a scenario needs 5. Refused before reading it`,
    });
    if (indents.length + dashes + flowDepth > SHAPE_LIMITS.depth) return tooDeep();
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if (c === 0x23 /* # */ && i > 0 && (body[i - 1] === " " || body[i - 1] === "\t")) break; // a comment
      if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        flowItems++;
        if (indents.length + dashes + ++flowDepth > SHAPE_LIMITS.depth) return tooDeep();
      } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) flowDepth = Math.max(0, flowDepth - 1);
      else if (c === 0x2c /* , */) flowItems++;
    }
    if (flowItems > SHAPE_LIMITS.flowItems)
      return { line: lineNo, message: `the file has more than ${n(SHAPE_LIMITS.flowItems)} list or mapping items in [ ] or { }; a scenario needs far fewer. Refused before reading it` };
    if (end === text.length) break;
  }
  return null;
}

/**
 * Checks parsed data (from JSON or from YAML, whose aliases may share parts) against the limits without copying
 * it: stops at the first limit passed. Iterative, so no depth of input can overflow the stack.
 */
export function dataShapeProblem(data: unknown): { message: string; path: PathSegment[] } | null {
  let nodes = 0;
  let chars = 0;
  const stack: Array<{ value: unknown; path: PathSegment[] }> = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++nodes > SHAPE_LIMITS.nodes)
      return { path: [], message: `the scenario has more than ${n(SHAPE_LIMITS.nodes)} values (aliases expanded); a scenario needs far fewer` };
    if (path.length > SHAPE_LIMITS.depth)
      return { path: path.slice(0, SHAPE_LIMITS.depth), message: `lists and mappings nest more than ${SHAPE_LIMITS.depth} levels deep here; a scenario needs 5` };
    if (typeof value === "string") chars += value.length;
    else if (typeof value === "number" || typeof value === "boolean") chars += 8;
    else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === "object") {
      const keys = Object.keys(value);
      if (keys.length > SHAPE_LIMITS.keysPerMapping)
        return { path, message: `this mapping has ${n(keys.length)} keys, more than the ${SHAPE_LIMITS.keysPerMapping} a scenario's mappings may have` };
      for (let i = keys.length - 1; i >= 0; i--) {
        chars += keys[i]!.length;
        stack.push({ value: (value as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
      }
    }
    if (chars > SHAPE_LIMITS.expandedChars)
      return {
        path: [],
        message: `with its aliases expanded the scenario would be over ${SHAPE_LIMITS.expandedChars / 1024} KB of text; a scenario may be at most that`,
      };
  }
  return null;
}

/** The first MAX_LISTED_ERRORS errors, and one more saying how many were left out. */
export function capErrors<T>(errors: T[], more: (count: number) => T): T[] {
  if (errors.length <= MAX_LISTED_ERRORS) return errors;
  const left = errors.length - MAX_LISTED_ERRORS;
  return [...errors.slice(0, MAX_LISTED_ERRORS), more(left)];
}

/** "and 23 more errors (only the first 50 are listed)". */
export function moreErrorsMessage(count: number): string {
  return `and ${n(count)} more error${count === 1 ? "" : "s"} (only the first ${MAX_LISTED_ERRORS} are listed)`;
}

/**
 * The first key that appears twice in one object of a JSON text (JSON.parse lets the last one win silently),
 * with its offset; null when every object's keys are distinct. Expects text JSON.parse accepted. Linear.
 */
export function duplicateJsonKey(text: string): { key: string; offset: number } | null {
  // One frame per open container: the keys of an object seen so far, or null for an array.
  const frames: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{") {
      frames.push(new Set());
      expectKey = true;
    } else if (c === "[") {
      frames.push(null);
      expectKey = false;
    } else if (c === "}" || c === "]") {
      frames.pop();
      expectKey = false;
    } else if (c === ",") {
      expectKey = frames[frames.length - 1] instanceof Set;
    } else if (c === '"') {
      const open = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        if (text[i] === "\\") {
          escaped = true;
          i++;
        } else if (text[i] === '"') break;
      }
      if (expectKey) {
        const raw = text.slice(open, i + 1);
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const keys = frames[frames.length - 1] as Set<string>;
        if (keys.has(key)) return { key, offset: open };
        keys.add(key);
        expectKey = false;
      }
    }
  }
  return null;
}
