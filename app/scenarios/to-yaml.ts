/**
 * Scenario -> YAML text in the library's format: the editor's schema comment, top-level fields in the order the
 * library files use, rule fields as `id, type, label, note, ...` in schema order, short lists and ranges as flow
 * collections, long text as folded blocks, dates quoted. Pure and isomorphic (the browser may use it for
 * downloads). What it writes parses back to the same definition (round-trip tests in to-yaml.test.ts).
 */
import { Document, parse, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";
import { ruleSchema, type ScenarioDefinition } from "./schema";

/** The first line of every library file: points editors (yaml-language-server) at the JSON Schema. */
export const SCHEMA_COMMENT = "yaml-language-server: $schema=./scenario.schema.json";

/** Lines are wrapped near this width, as in the library files. */
const LINE_WIDTH = 110;
/** Strings longer than this (or with a line break) are written as folded blocks (`>-`). */
const BLOCK_THRESHOLD = 90;

const TOP_LEVEL_ORDER = ["title", "summary", "date", "hypothetical", "sources", "assumptions", "rules", "inputs"] as const;
const RULE_LEAD = ["id", "type", "label", "note"];

/** Field order of each rule type, read off the schema so a new field needs no change here. */
const RULE_FIELD_ORDER: Record<string, string[]> = Object.fromEntries(
  ruleSchema.options.map((option) => {
    const shape = Object.keys(option.shape);
    const type = (option.shape.type as unknown as { value: string }).value;
    return [type, [...RULE_LEAD, ...shape.filter((k) => !RULE_LEAD.includes(k))]];
  }),
);

/** The fields of a rule type in the order files write them: id, type, label, note, then the schema's order. */
export function ruleFieldOrder(type: string): readonly string[] {
  return RULE_FIELD_ORDER[type] ?? RULE_LEAD;
}

function isScalarValue(v: unknown): v is string | number | boolean {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function stringNode(s: string): Scalar {
  const node = new Scalar(s);
  if (s.length > BLOCK_THRESHOLD || s.includes("\n")) node.type = Scalar.BLOCK_FOLDED;
  return node;
}

function scalarNode(v: string | number | boolean): Scalar {
  return typeof v === "string" ? stringNode(v) : new Scalar(v);
}

/** Plain data -> a YAML node: lists of scalars and small mappings of numbers (ranges) go on one line. */
function toNode(value: unknown, keyOrder?: readonly string[]): Node {
  if (isScalarValue(value)) return scalarNode(value);
  if (value === null || value === undefined) return new Scalar(null);
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(toNode(item));
    seq.flow = value.length === 0 || value.every((v) => isScalarValue(v) && !(typeof v === "string" && v.length > 60));
    return seq;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  const ordered = keyOrder
    ? [...keyOrder.filter((k) => keys.includes(k)), ...keys.filter((k) => !keyOrder.includes(k))]
    : keys;
  const map = new YAMLMap();
  for (const key of ordered) map.add({ key: new Scalar(key), value: toNode(record[key]) });
  map.flow = ordered.length > 0 && ordered.every((k) => typeof record[k] === "number");
  return map;
}

/**
 * A scenario definition as YAML in the library's format, starting with the `yaml-language-server` comment.
 * Drops `id` (a file's name gives it) and `$schema` (the comment replaces it); omits `hypothetical: false`.
 */
export function scenarioToYaml(definition: ScenarioDefinition & { id?: string }): string {
  const doc = new Document();
  const root = new YAMLMap();
  // On the mapping rather than the document, so no blank line separates it from `title:`.
  root.commentBefore = ` ${SCHEMA_COMMENT}`;
  const def = definition as unknown as Record<string, unknown>;
  for (const key of TOP_LEVEL_ORDER) {
    const value = def[key];
    if (value === undefined) continue;
    if (key === "hypothetical" && value === false) continue;
    let node: Node;
    if (key === "date") {
      // Quoted, so no YAML 1.1 reader takes 2021-04-12 for a timestamp.
      node = new Scalar(value);
      (node as Scalar).type = Scalar.QUOTE_DOUBLE;
    } else if (key === "rules") {
      const seq = new YAMLSeq();
      for (const rule of value as Array<Record<string, unknown>>)
        seq.items.push(toNode(rule, ruleFieldOrder(String(rule.type))));
      seq.flow = seq.items.length === 0;
      node = seq;
    } else if (key === "inputs") {
      const seq = new YAMLSeq();
      for (const input of value as Array<Record<string, unknown>>) seq.items.push(toNode(input, ["rule", "field", "what", "sources"]));
      node = seq;
    } else if (key === "assumptions") {
      node = toNode(value);
      (node as YAMLMap).flow = false;
    } else {
      node = toNode(value);
    }
    root.add({ key: new Scalar(key), value: node });
  }
  doc.contents = root;
  const text = doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40, flowCollectionPadding: true, indentSeq: true });
  // The library writes `{ low: 0.1, high: 0.5, value: 0.3 }` but `[huabei, jiebei]`; the stringifier pads both
  // alike, so unpad the lists of plain ids. A line of a text block could look the same, so keep the unpadded
  // text only if it still reads as the same data.
  const unpadded = text.replace(/^(\s*(?:- )?[A-Za-z$]+: )\[ ([A-Za-z0-9_-]+(?:, [A-Za-z0-9_-]+)*) \]$/gm, "$1[$2]");
  if (unpadded === text) return text;
  return JSON.stringify(parse(unpadded)) === JSON.stringify(parse(text)) ? unpadded : text;
}

/** A file name for a downloaded scenario whose name gives a valid scenario id: `<id>.yaml` or `<id>-v<n>.yaml`. */
export function yamlFileName(id: string, version?: number): string {
  return version === undefined ? `${id}.yaml` : `${id}-v${version}.yaml`;
}
