/**
 * The room view (`?view=room`, decision 025): a projector mode the URL keeps, so a shared link opens in it.
 * `theme=light|dark` picks the high-contrast theme's colours (without it, the system's preference decides).
 * Pure: used by the root layout, the header's toggle, the server's link rewriting and the client's key handler.
 */

export type Theme = "auto" | "light" | "dark";
export type ViewState = { room: boolean; theme: Theme };

/** The URL parameters the room view travels in. */
export const VIEW_PARAMS = ["view", "theme"] as const;

export function parseView(search: string | URLSearchParams): ViewState {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const theme = params.get("theme");
  return { room: params.get("view") === "room", theme: theme === "light" || theme === "dark" ? theme : "auto" };
}

/** The parameters that carry a view: empty for the desk view, the default. */
export function viewParams(view: ViewState): Array<[string, string]> {
  if (!view.room) return [];
  return view.theme === "auto" ? [["view", "room"]] : [["view", "room"], ["theme", view.theme]];
}

/** `search` (with or without "?") with the view's parameters set and any other view dropped; "" or "?…". */
export function searchWithView(search: string, view: ViewState): string {
  const params = new URLSearchParams(search);
  for (const k of VIEW_PARAMS) params.delete(k);
  for (const [k, v] of viewParams(view)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** An internal page link's path, query and hash; null for any other link, a download or the API (no view). */
function pageLink(href: string): { path: string; query: string; hash: string } | null {
  if (!href.startsWith("/") || href.startsWith("//")) return null;
  const hashAt = href.indexOf("#");
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const queryAt = beforeHash.indexOf("?");
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  // Downloads and the API give files and JSON, which have no view.
  if (path.startsWith("/api/") || path.startsWith("/build/") || /\/export\//.test(path)) return null;
  return { path, query: queryAt === -1 ? "" : beforeHash.slice(queryAt + 1), hash: hashAt === -1 ? "" : href.slice(hashAt) };
}

/**
 * An internal link (`/path?query#hash`) carrying the view; any other link (another origin, `#hash` only, a
 * scheme) unchanged. A link that already names a view keeps it: the toggle names one on purpose.
 */
export function hrefWithView(href: string, view: ViewState): string {
  const link = view.room ? pageLink(href) : null;
  if (!link) return href;
  const { path, query, hash } = link;
  const params = new URLSearchParams(query);
  if (params.has("view")) return href;
  return `${path}${searchWithView(query, view)}${hash}`;
}

/**
 * An internal link as the view now shown wants it (the browser keeps links in step as the view changes): the view's
 * parameters set in the room view (the theme the current one) and dropped in the desk view. A link naming another
 * view (`view=presenter`, `view=desk`) keeps it, as does every link `hrefWithView` leaves alone.
 */
export function linkForView(href: string, view: ViewState): string {
  const link = pageLink(href);
  if (!link) return href;
  const { path, query, hash } = link;
  const params = new URLSearchParams(query);
  const named = params.get("view");
  if (named !== null && named !== "room") return href;
  const now = parseView(params);
  if (now.room === view.room && (!view.room || now.theme === view.theme) && (view.room || !params.has("theme"))) return href;
  return `${path}${searchWithView(query, view)}${hash}`;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">" };
const decode = (s: string) => s.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (m) => ENTITIES[m] ?? m);
const encode = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The server-rendered document with every internal `<a href>` carrying the view, so links work the same without
 * JavaScript. Anchors marked `data-view-toggle` (the toggle itself) are left as written. Only attribute values
 * change, never the element tree, so React's hydration finds the same nodes.
 */
export function rewriteLinks(html: string, view: ViewState): string {
  if (!view.room) return html;
  return html.replace(/<a\s[^>]*>/g, (tag) => {
    if (tag.includes("data-view-toggle")) return tag;
    return tag.replace(/\shref="([^"]*)"/, (attr, value: string) => {
      const next = hrefWithView(decode(value), view);
      return next === decode(value) ? attr : ` href="${encode(next)}"`;
    });
  });
}
