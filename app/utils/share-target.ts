/**
 * What a short link may point at: a page of this dashboard, as a relative address (path and query), on an
 * allow-list of routes, at most MAX_SHARE_TARGET characters. Never another origin, a scheme, `//host`, a
 * backslash trick or an API/download URL. Pure: the share page checks with it, and so does the store.
 */
export const MAX_SHARE_TARGET = 2000;

/** The pages a short link may open (a state of one of them: what-if, compare columns, version, view). */
const ALLOWED: RegExp[] = [
  /^\/$/,
  /^\/scenarios\/[^/]+$/,
  /^\/compare$/,
  /^\/variants$/,
  /^\/variants\/[^/]+$/,
  /^\/paths$/,
  /^\/paths\/[^/]+$/,
  /^\/present\/[^/]+$/,
  /^\/history$/,
  /^\/model$/,
  /^\/model\/about$/,
];

export type ShareTarget = { ok: true; target: string } | { ok: false; error: string };

/** The target normalised (path and query, no fragment), or why it cannot have a short link. */
export function checkShareTarget(raw: string | null | undefined): ShareTarget {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: false, error: "Nothing to share: the address is empty." };
  if (text.length > MAX_SHARE_TARGET) return { ok: false, error: `The address is too long to share (${text.length} characters; at most ${MAX_SHARE_TARGET}).` };
  // Relative to this site only: one leading slash, no scheme, no `//host`, no backslashes or control characters.
  if (!text.startsWith("/") || text.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(text))
    return { ok: false, error: "Only a page of this dashboard can be shared (an address starting with a single /)." };
  let url: URL;
  try {
    url = new URL(text, "http://dashboard.invalid");
  } catch {
    return { ok: false, error: "The address cannot be read." };
  }
  if (url.origin !== "http://dashboard.invalid") return { ok: false, error: "Only a page of this dashboard can be shared." };
  if (!ALLOWED.some((r) => r.test(url.pathname)))
    return { ok: false, error: `'${url.pathname.slice(0, 80)}' is not a page a short link can open (scenarios, compare, variants, paths, the deck, history, the model).` };
  const target = `${url.pathname}${url.search}`;
  if (target.length > MAX_SHARE_TARGET) return { ok: false, error: `The address is too long to share (at most ${MAX_SHARE_TARGET} characters).` };
  return { ok: true, target };
}

/** The letters of a code: no 0/O, 1/l/I look-alikes, so a code read off a projector is typed right. */
export const CODE_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
export const CODE_LENGTH = 10;
const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** Whether a text can be a code at all (checked before the database is asked). */
export function isShortCode(code: string): boolean {
  return CODE_RE.test(code);
}
