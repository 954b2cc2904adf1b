/**
 * The one rule for free text a person types (titles, summaries, labels, notes, who saved a version): printable
 * characters only. Refused: control characters (line breaks too where the text is one line), bidirectional
 * overrides and isolates (they reorder what a reader sees: "Trojan source"), lone surrogates (no valid UTF-8
 * exists for them: one made /api/variants unparseable for every client), and text that is only spaces or
 * zero-width characters (an invisible title). Pure, no zod: the schema and the variant store both call it.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INVISIBLE = /[\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]/g;

/** Why `text` is not acceptable free text, or null when it is. `oneLine` refuses line breaks too. */
export function textProblem(text: string, { oneLine = false, allowEmpty = false } = {}): string | null {
  if (LONE_SURROGATE.test(text)) return "expected text without broken characters (a lone UTF-16 surrogate)";
  if (oneLine && LINE_BREAK.test(text)) return "expected one line of text, without line breaks";
  if (CONTROL.test(text)) return "expected text without control characters";
  if (BIDI.test(text)) return "expected text without bidirectional override or isolate characters (they reorder what a reader sees)";
  if (!allowEmpty && text.length > 0 && text.replace(INVISIBLE, "") === "") return "expected visible text, not only spaces or invisible characters";
  return null;
}
