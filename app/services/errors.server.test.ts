import { describe, expect, it, vi } from "vitest";

import { DatabaseUnavailableError } from "~/data/db.server";
import { DatabaseBusyError, DatabaseReadOnlyError, StaleVersionError, StoredDefinitionError, ValidationError, VariantNotFoundError } from "~/data/variant.server";
import { HttpError } from "~/utils/http.server";

import { ComputeBusyError } from "./compute-pool.server";
import { errorAnswer, jsonErrorResponse, pageErrors, throwErrorPage } from "./errors.server";

const definition = { title: "t", summary: "s", date: "2021", sources: ["S1"], rules: [] } as never;

describe("the one table from domain errors to HTTP", () => {
  it.each([
    [new ValidationError([{ path: "title", message: "expected text" }]), 400],
    [new VariantNotFoundError("x"), 404],
    [new StaleVersionError({ id: "x", baseVersion: 1, latestVersion: 2, latest: definition, submitted: definition }), 409],
    [new StoredDefinitionError("x", 1, []), 422],
    [new DatabaseBusyError(), 503],
    [new DatabaseReadOnlyError(), 503],
    [new DatabaseUnavailableError("/tmp/none.db", "the file does not exist"), 503],
    [new HttpError(413, "too big"), 413],
    [new ComputeBusyError(3), 503],
  ])("%s -> %i", (error, status) => {
    expect(errorAnswer(error)?.status).toBe(status);
  });

  it("leaves anything else to the caller (a bug is a 500, not a guess)", () => {
    expect(errorAnswer(new Error("boom"))).toBeNull();
  });

  it("renders the same answer as JSON and as an error page", async () => {
    const error = new DatabaseUnavailableError("/tmp/none.db", "the file does not exist");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const res = jsonErrorResponse(error, "test");
    expect(res.status).toBe(503);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({ title: "The model database is unavailable", error: expect.stringContaining("/tmp/none.db") });

    let thrown: unknown;
    try {
      throwErrorPage(error, "test");
    } catch (e) {
      thrown = e;
    }
    const page = thrown as { data: { title: string; message: string }; init: { status: number } };
    expect(page.init.status).toBe(503);
    expect(page.data.title).toBe(body.title);
    expect(page.data.message).toBe(body.error);
    warn.mockRestore();
  });

  it("gives a busy database Retry-After, on both renderings", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(jsonErrorResponse(new DatabaseBusyError(), "test").headers.get("Retry-After")).toBe("1");
    expect(() => pageErrors("test", () => {
      throw new DatabaseBusyError();
    })).toThrow(expect.objectContaining({ init: expect.objectContaining({ status: 503 }) }));
    warn.mockRestore();
  });

  it("answers a full compute pool 503 with its Retry-After, on both renderings (decision 021)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const res = jsonErrorResponse(new ComputeBusyError(4), "test");
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("4");
    expect((await res.json()).error).toBe("the server is busy computing other requests; try again in 4 s");
    expect(() => throwErrorPage(new ComputeBusyError(2), "test")).toThrow(
      expect.objectContaining({ init: expect.objectContaining({ status: 503, headers: expect.objectContaining({ "Retry-After": "2" }) }) }),
    );
    // a flood of refusals is not a line each in the log
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("answers an unknown error as a 500 that reveals nothing, and lets a page's unknown error through", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = jsonErrorResponse(new Error("secret path /etc"), "test");
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secret");
    log.mockRestore();
    expect(() => pageErrors("test", () => {
      throw new Error("boom");
    })).toThrow("boom");
  });
});
