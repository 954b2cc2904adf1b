import { describe, expect, it } from "vitest";

import { hrefWithView, linkForView, parseView, rewriteLinks, searchWithView } from "./view";

const room = { room: true, theme: "auto" } as const;
const dark = { room: true, theme: "dark" } as const;
const desk = { room: false, theme: "auto" } as const;

describe("the room view in the URL", () => {
  it("reads view=room and a theme, and ignores anything else", () => {
    expect(parseView("?view=room&theme=dark")).toEqual(dark);
    expect(parseView("view=room&theme=purple")).toEqual(room);
    expect(parseView("view=desk")).toEqual(desk);
    expect(parseView("")).toEqual(desk);
  });

  it("sets and drops the view's parameters, keeping the others", () => {
    expect(searchWithView("?s=a&s=b", room)).toBe("?s=a&s=b&view=room");
    expect(searchWithView("?s=a&view=room&theme=dark", desk)).toBe("?s=a");
    expect(searchWithView("view=room", dark)).toBe("?view=room&theme=dark");
    expect(searchWithView("", desk)).toBe("");
  });

  it("keeps a link in step with the view shown: added in the room view, its theme the current one, dropped at the desk", () => {
    expect(linkForView("/model#src-S1", room)).toBe("/model?view=room#src-S1");
    expect(linkForView("/model?view=room", room)).toBe("/model?view=room");
    expect(linkForView("/model?view=room&theme=dark", room)).toBe("/model?view=room");
    expect(linkForView("/model?view=room", dark)).toBe("/model?view=room&theme=dark");
    expect(linkForView("/compare?s=a&view=room&s=b#x", desk)).toBe("/compare?s=a&s=b#x");
    expect(linkForView("/model?view=room&theme=dark", desk)).toBe("/model");
    expect(linkForView("/model", desk)).toBe("/model");
    // Another view named on purpose, other origins, downloads and the API are left as they are.
    expect(linkForView("/present/a?view=presenter", room)).toBe("/present/a?view=presenter");
    expect(linkForView("/?view=desk", room)).toBe("/?view=desk");
    expect(linkForView("https://example.com/x", desk)).toBe("https://example.com/x");
    expect(linkForView("/api/model", room)).toBe("/api/model");
    expect(linkForView("/scenarios/a/export/result.csv?view=room", desk)).toBe("/scenarios/a/export/result.csv?view=room");
  });

  it("carries the view on internal page links only", () => {
    expect(hrefWithView("/model#src-S1", room)).toBe("/model?view=room#src-S1");
    expect(hrefWithView("/compare?s=a&s=b", dark)).toBe("/compare?s=a&s=b&view=room&theme=dark");
    expect(hrefWithView("/?view=desk", room)).toBe("/?view=desk");
    expect(hrefWithView("https://example.com/x", room)).toBe("https://example.com/x");
    expect(hrefWithView("//example.com/x", room)).toBe("//example.com/x");
    expect(hrefWithView("#rules", room)).toBe("#rules");
    expect(hrefWithView("/scenarios/a/export/result.csv?x=1", room)).toBe("/scenarios/a/export/result.csv?x=1");
    expect(hrefWithView("/api/model", room)).toBe("/api/model");
    expect(hrefWithView("/model", desk)).toBe("/model");
  });

  it("rewrites the links of a rendered page, not the toggle, and keeps entities escaped", () => {
    const html =
      '<a class="x" href="/compare?s=a&amp;s=b">c</a><a data-view-toggle="desk" href="/">d</a>' +
      '<link rel="stylesheet" href="/build/app.css"/><a href="https://example.com">e</a>';
    expect(rewriteLinks(html, room)).toBe(
      '<a class="x" href="/compare?s=a&amp;s=b&amp;view=room">c</a><a data-view-toggle="desk" href="/">d</a>' +
        '<link rel="stylesheet" href="/build/app.css"/><a href="https://example.com">e</a>',
    );
    expect(rewriteLinks(html, desk)).toBe(html);
  });
});
