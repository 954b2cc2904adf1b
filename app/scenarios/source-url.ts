/**
 * A scenario's source is a fact-register key (S30) or an http(s) URL. A URL is checked and rendered with the same
 * parser, the WHATWG `URL` the browser uses: `http://[` once passed a regex, was stored, and then made its page a
 * 500 forever when `new URL` threw while rendering. Pure, no zod: pages import it.
 */

/** The http(s) URL a source names, or null when it is not one (a fact-register key, or text no browser can open). */
export function sourceUrl(source: string): URL | null {
  if (!/^https?:\/\//i.test(source)) return null;
  try {
    const url = new URL(source);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? url : null;
  } catch {
    return null;
  }
}
