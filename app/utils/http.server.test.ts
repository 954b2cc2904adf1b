/** Request helpers: bounded bodies, same-origin checks, 405s. */
import { describe, expect, it } from "vitest";
import { isKnownHost } from "./env.server";
import { checkSameOrigin, HttpError, json, lineColAt, MAX_BODY_BYTES, mediaType, methodNotAllowed, readBodyText } from "./http.server";

const req = (headers: Record<string, string> = {}, init: RequestInit = {}) =>
  new Request("http://127.0.0.1:3000/api/variants", { method: "POST", headers, ...init });

async function rejection(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (e) {
    return e as HttpError;
  }
  throw new Error("expected a rejection");
}

describe("readBodyText", () => {
  it("reads UTF-8 text and drops a byte-order mark", async () => {
    expect(await readBodyText(req({}, { body: "\ufeffhé" }))).toBe("hé");
    expect(await readBodyText(req({}, { body: null }))).toBe("");
  });

  it("refuses more than the limit (256 KB by default) with 413, by declared length or while reading", async () => {
    expect(MAX_BODY_BYTES).toBe(262_144);
    let e = await rejection(readBodyText(req({ "Content-Length": "999999" }, { body: "x" })));
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/977 KB, larger than the 256 KB limit/);
    e = await rejection(readBodyText(req({}, { body: "x".repeat(11) }), { limit: 10 }));
    expect(e.status).toBe(413);
    expect(await readBodyText(req({}, { body: "x".repeat(10) }), { limit: 10 })).toHaveLength(10);
  });

  it("refuses bytes that are not UTF-8 with 400", async () => {
    const e = await rejection(readBodyText(req({}, { body: new Uint8Array([0xc3, 0x28]) })));
    expect(e.status).toBe(400);
  });
});

describe("checkSameOrigin", () => {
  it("lets through the app's own origin and clients that send no Origin (scripts)", () => {
    expect(checkSameOrigin(req({ Origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(checkSameOrigin(req({ Origin: "https://127.0.0.1:3000" }))).toBeNull(); // TLS proxy in front: same host
    expect(checkSameOrigin(req({ "Sec-Fetch-Site": "same-origin" }))).toBeNull();
    expect(checkSameOrigin(req({ "Sec-Fetch-Site": "none" }))).toBeNull();
    expect(checkSameOrigin(req())).toBeNull();
  });

  it("refuses other origins, opaque origins and cross-site fetches with 403", async () => {
    const foreign: Array<Record<string, string>> = [
      { Origin: "http://evil.example" },
      { Origin: "http://127.0.0.1:3001" },
      { Origin: "http://localhost:3000" },
      { Origin: "null" },
      { Origin: "not a url" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
      { Origin: "http://127.0.0.1:3000", "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of foreign) {
      const res = checkSameOrigin(req(headers));
      expect(res?.status, JSON.stringify(headers)).toBe(403);
      expect((await res!.json()).error).toMatch(/^cross-origin request refused/);
    }
  });
});

describe("checkSameOrigin and the host name (DNS rebinding)", () => {
  const at = (url: string, headers: Record<string, string> = {}) => new Request(url, { method: "POST", headers });

  it("refuses a foreign host name even when Origin matches it", async () => {
    const res = checkSameOrigin(at("http://evil.example:3000/api/variants", { Origin: "http://evil.example:3000" }));
    expect(res?.status).toBe(403);
    expect((await res!.json()).error).toContain("does not answer to the host name 'evil.example'");
    expect(checkSameOrigin(at("http://evil.example:3000/api/variants"))?.status).toBe(403);
  });

  it("accepts loopback names, IP addresses, HOST and ALLOWED_HOSTS", () => {
    const env = { HOST: "projector.lan", ALLOWED_HOSTS: ["dashboard.example.org"] };
    const known = (h: string) => isKnownHost(h, env);
    for (const url of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000", "http://192.168.1.20:3000", "http://projector.lan:3000", "http://Dashboard.Example.org"])
      expect(checkSameOrigin(at(`${url}/api/variants`, { Origin: new URL(url).origin }), known), url).toBeNull();
    expect(checkSameOrigin(at("http://other.example.org/api/variants"), known)?.status).toBe(403);
  });
});

describe("responses", () => {
  it("JSON responses are not sniffed and not cached; 405 names what is allowed", async () => {
    const r = json({ a: 1 }, 201, { Location: "/x" });
    expect(r.status).toBe(201);
    expect(r.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(r.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(r.headers.get("Location")).toBe("/x");
    const m = methodNotAllowed(req({}, { method: "DELETE" }), ["GET"]);
    expect(m.status).toBe(405);
    expect(m.headers.get("Allow")).toBe("GET");
    expect(await m.json()).toMatchObject({ error: "DELETE is not allowed here; use GET", allowed: ["GET"] });
  });

  it("reads media types and positions", () => {
    expect(mediaType(req({ "Content-Type": "Application/YAML; charset=utf-8" }))).toBe("application/yaml");
    expect(mediaType(new Request("http://x/"))).toBe("");
    expect(lineColAt("ab\ncd", 4)).toEqual({ line: 2, col: 2 });
  });
});
