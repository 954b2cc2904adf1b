/**
 * Readers of a page's posted body: only from this app's origin, at most a bounded size, with the error page (or
 * the upload form's message) for anything else. The JSON APIs use the lower-level helpers in http.server.ts.
 */
import { data } from "@remix-run/node";

import type { ErrorPayload } from "./error-payload";
import { checkSameOrigin, HttpError, MAX_BODY_BYTES, readBodyBytes, readBodyText } from "./http.server";

/** Throws an error page (403) for a POST from another origin. */
export async function requireSameOrigin(request: Request): Promise<void> {
  const refused = checkSameOrigin(request);
  if (!refused) return;
  const body = (await refused.json()) as { error: string };
  throw data({ title: "Request refused", message: body.error } satisfies ErrorPayload, { status: 403 });
}

/** The urlencoded body of a form post, at most MAX_BODY_BYTES (413 page beyond). */
export async function readForm(request: Request): Promise<URLSearchParams> {
  await requireSameOrigin(request);
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded")
    throw data({ title: "Unsupported form", message: `expected a form post (application/x-www-form-urlencoded), got '${type || "none"}'; nothing was saved` } satisfies ErrorPayload, { status: 415 });
  try {
    return new URLSearchParams(await readBodyText(request, { limit: MAX_BODY_BYTES }));
  } catch (e) {
    if (e instanceof HttpError)
      throw data({ title: e.status === 413 ? "Form too large" : "Bad form", message: e.message } satisfies ErrorPayload, {
        status: e.status,
        headers: e.headers,
      });
    throw e;
  }
}

/** Largest upload request: a scenario file (MAX_BODY_BYTES) plus room for the form's other fields. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_BODY_BYTES + 16 * 1024;

/** A reason a multipart upload was refused before its file was read (shown on the form, nothing saved). */
export class UploadRefused extends Error {
  readonly status: number;
  constructor(message: string, status = 413) {
    super(message);
    this.status = status;
  }
}

/**
 * The multipart body of an upload, read at most `limit` bytes (refused beyond, without reading further), then
 * parsed. Only from this app's origin.
 */
export async function readMultipart(request: Request, limit = MAX_UPLOAD_REQUEST_BYTES): Promise<FormData> {
  await requireSameOrigin(request);
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data;/i.test(contentType))
    throw new UploadRefused(`expected a file upload (multipart/form-data), got '${contentType.split(";")[0]!.trim() || "none"}'; nothing was saved`, 415);
  const tooLarge = () => new UploadRefused(`the upload is larger than the ${Math.round(limit / 1024)} KB limit; nothing was saved`);
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyBytes(request, limit, tooLarge);
  } catch (e) {
    if (e instanceof HttpError) throw new UploadRefused(e.message, e.status); // a stalled body: 408
    throw e;
  }
  try {
    return await new Request("http://upload.invalid/", { method: "POST", headers: { "Content-Type": contentType }, body }).formData();
  } catch {
    throw new UploadRefused("the upload could not be read as a form; nothing was saved", 400);
  }
}
