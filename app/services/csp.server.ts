/**
 * The Content-Security-Policy of our HTML: same-origin resources only, and inline scripts only those the server
 * rendered, named either by a per-response nonce (pages rendered for one response) or by their hashes (cached
 * pages, sent as the same bytes every time: decision 028). recharts writes `style` attributes, hence
 * 'unsafe-inline' for styles only.
 */
import { createHash } from "node:crypto";

/** `scripts` is `'nonce-…'` or a list of `'sha256-…'` sources. */
export function contentSecurityPolicy(scripts: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self'${scripts ? ` ${scripts}` : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The scenario page's ranges are computed in a Web Worker served from /build/workers/ (decision 023).
    "worker-src 'self'",
    `connect-src 'self'${dev ? " ws: http://localhost:*" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const nonceSource = (nonce: string) => `'nonce-${nonce}'`;

/** The CSP hash source of an inline script's text, as a browser computes it (UTF-8, line breaks as the parser reads them). */
export function scriptHashSource(text: string | Buffer): string {
  // Bytes without a carriage return are hashed as they are, with no decoding (the sealing below reads the page as bytes).
  const read = typeof text === "string" ? text.replace(/\r\n?/g, "\n") : text.includes(0x0d) ? text.toString("utf8").replace(/\r\n?/g, "\n") : text;
  return `'sha256-${createHash("sha256").update(read).digest("base64")}'`;
}

/**
 * A page rendered with the secret `nonce`, made fit to be sent as the same bytes to everyone: the inline scripts
 * that carry the nonce (those React and Remix wrote for us) are listed by hash, and the nonce is removed from the
 * page. A script that does not carry it (markup injected through content, were escaping ever to fail) gets no hash
 * and stays blocked, as under the nonce. The nonce was never sent, so nothing can reuse it.
 *
 * It works on the page's UTF-8 bytes, which is what is kept and sent (decision 033): one encoding, a native search
 * from nonce to nonce, and the pieces between copied once (a scan of every tag, a split and a join of the 350 KB
 * string, then its encoding, cost 2-3 ms of the main thread per cold page). React escapes < and > in attribute
 * values, so the nearest < before the nonce opens its tag and the nearest > after it closes it.
 */
export function sealWithHashes(html: string, nonce: string): { body: Buffer; scriptSources: string[] } {
  const page = Buffer.from(html, "utf8");
  const attribute = Buffer.from(` nonce="${nonce}"`, "utf8");
  const hashes = new Set<string>();
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = page.indexOf(attribute); at !== -1; at = page.indexOf(attribute, from)) {
    parts.push(page.subarray(from, at));
    from = at + attribute.length;
    const open = page.lastIndexOf(0x3c /* < */, at);
    const close = page.indexOf(0x3e /* > */, from);
    if (close === -1) continue;
    const tag = page.toString("latin1", open, close + 1);
    if (!/^<script\b/i.test(tag) || /\ssrc=/i.test(tag)) continue;
    const end = page.indexOf("</script", close);
    if (end === -1) continue;
    const text = page.subarray(close + 1, end);
    hashes.add(scriptHashSource(text));
  }
  if (from === 0) return { body: page, scriptSources: [] };
  parts.push(page.subarray(from));
  return { body: Buffer.concat(parts), scriptSources: [...hashes] };
}
