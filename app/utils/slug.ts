/**
 * Text as a URL- and file-safe slug: accents dropped, lower case, runs of anything but a-z and 0-9 as one dash, no
 * dash at either end, at most `maxLength` characters ("" when nothing is left). Record ids and uploaded file names.
 */
export function slugify(text: string, maxLength: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}
