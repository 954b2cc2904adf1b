/**
 * Short links and their QR codes (issue 13 §6, decision 026): `/share?to=<path and query>` shows a page's short
 * link and QR code once made (a read), and its form makes one (POST, same origin, rate-limited as saves are);
 * `/s/<code>` opens the page. The link is stored in SQLite (data/short-link.server.ts), one code per state.
 */
import { data, redirect } from "@remix-run/node";
import QRCode from "qrcode";

import { findShortCode, resolveShortCode, shortCodeFor } from "~/data/short-link.server";
import { readForm } from "~/utils/request.server";
import { takeSave, tooManySavesMessage } from "~/utils/rate-limit.server";
import { checkShareTarget } from "~/utils/share-target";

import { pageErrors, throwErrorPage } from "./errors.server";
import { HttpError } from "~/utils/http.server";

export interface ShareData {
  /** The state shared, as a relative address, or null when the address cannot be shared. */
  target: string | null;
  error: string | null;
  link: { code: string; url: string; qrSvg: string } | null;
}

/** The QR code of a URL as SVG markup (server-rendered: no JavaScript needed to show it). */
async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  // The figure around it names it (role="img"); the SVG itself is decoration for assistive technology.
  return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" class="qr-svg" ');
}

/** GET /share?to=…: the link and its QR code if the state already has one, else the form that makes it. */
export async function loadShare(url: URL): Promise<ShareData> {
  const checked = checkShareTarget(url.searchParams.get("to"));
  if (!checked.ok) return { target: null, error: checked.error, link: null };
  const code = pageErrors("share", () => findShortCode(checked.target));
  if (!code) return { target: checked.target, error: null, link: null };
  const shortUrl = `${url.origin}/s/${code}`;
  return { target: checked.target, error: null, link: { code, url: shortUrl, qrSvg: await qrSvg(shortUrl) } };
}

/** POST /share: makes (or finds) the state's short link and shows it (303 to the GET page). */
export async function shareAction(request: Request) {
  const form = await readForm(request);
  const to = form.get("to");
  const checked = checkShareTarget(to);
  if (!checked.ok) return data<ShareData>({ target: null, error: checked.error, link: null }, { status: 400 });
  if (!pageErrors("share", () => findShortCode(checked.target))) {
    const wait = takeSave(request);
    if (wait > 0) return data<ShareData>({ target: checked.target, error: tooManySavesMessage(wait), link: null }, { status: 429, headers: { "Retry-After": String(wait) } });
  }
  pageErrors("share", () => shortCodeFor(checked.target));
  return redirect(`/share?to=${encodeURIComponent(checked.target)}`, 303);
}

/** GET /s/<code>: to the page it names; an unknown code is the 404 page. */
export function openShortLink(code: string): Response {
  const target = pageErrors("short link", () => resolveShortCode(code));
  if (target === null) throwErrorPage(new HttpError(404, `No short link '${code.slice(0, 40)}' exists. Check the address, or ask for the link again.`), "short link");
  return redirect(target, 302);
}
