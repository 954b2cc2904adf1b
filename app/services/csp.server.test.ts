import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, scriptHashSource, sealWithHashes } from "./csp.server";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("a cached page sealed with script hashes (decision 028)", () => {
  const nonce = "c2VjcmV0LW5vbmNlLTEyMw==";
  const page = [
    `<html><head><script nonce="${nonce}" type="module" async="">import "/build/a.js";</script></head><body>`,
    `<p>title</p><script>alert("injected")</script>`,
    `<script nonce="${nonce}">window.__remixContext = {"a":1};</script>`,
    `<script nonce="${nonce}" src="/build/b.js"></script>`,
    `<script nonce="${nonce}">window.__remixContext = {"a":1};</script>`,
    `</body></html>`,
  ].join("");

  it("lists the hash of each inline script that carried the render's nonce, once, and no other", () => {
    const { scriptSources } = sealWithHashes(page, nonce);
    expect(scriptSources).toEqual([sha(`import "/build/a.js";`), sha(`window.__remixContext = {"a":1};`)]);
    expect(scriptSources).not.toContain(sha(`alert("injected")`));
  });

  it("removes the nonce from the page and leaves the rest byte for byte", () => {
    const html = sealWithHashes(page, nonce).body.toString("utf8");
    expect(html).not.toContain(nonce);
    expect(html).not.toContain("nonce=");
    expect(html).toBe(page.split(` nonce="${nonce}"`).join(""));
  });

  it("hashes a script with carriage returns or characters beyond ASCII as a browser reads it", () => {
    const withCr = `<p>−</p><script nonce="${nonce}">a();\r\nb("→");</script>`;
    const { body, scriptSources } = sealWithHashes(withCr, nonce);
    expect(scriptSources).toEqual([sha(`a();\nb("→");`)]);
    expect(body.toString("utf8")).toBe(`<p>−</p><script>a();\r\nb("→");</script>`);
    expect(sealWithHashes("<p>no scripts</p>", nonce)).toEqual({ body: Buffer.from("<p>no scripts</p>"), scriptSources: [] });
  });

  it("hashes a script as a browser reads it (CR LF and CR as LF)", () => {
    expect(scriptHashSource("a();\r\nb();\rc();")).toBe(sha("a();\nb();\nc();"));
    expect(scriptHashSource("x = \"→\";")).toBe(`'sha256-${createHash("sha256").update(Buffer.from('x = "→";', "utf8")).digest("base64")}'`);
  });

  it("puts the sources in script-src, and the rest of the policy is the nonce pages'", () => {
    const withHashes = contentSecurityPolicy(`${sha("a")} ${sha("b")}`);
    expect(withHashes).toContain(`script-src 'self' ${sha("a")} ${sha("b")};`);
    expect(withHashes.replace(/script-src [^;]*/, "")).toBe(contentSecurityPolicy("'nonce-x'").replace(/script-src [^;]*/, ""));
    expect(contentSecurityPolicy("")).toContain("script-src 'self';");
  });
});
