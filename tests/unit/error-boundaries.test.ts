/**
 * One error boundary (decision 012): every page route shows errors through the shared RouteErrorBoundary, so a
 * 404, a broken file or an unavailable database reads the same everywhere. A route writing its own copy fails here.
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROUTES = path.resolve(__dirname, "../../app/routes");
const pages = fs.readdirSync(ROUTES).filter((f) => f.endsWith(".tsx"));

describe("error boundaries", () => {
  it("finds the page routes", () => {
    expect(pages.length).toBeGreaterThan(10);
  });
  it.each(pages)("%s uses the shared RouteErrorBoundary, not its own", (file) => {
    const text = fs.readFileSync(path.join(ROUTES, file), "utf8");
    expect(text).not.toMatch(/export function ErrorBoundary\b/);
    expect(text).toMatch(/export \{ RouteErrorBoundary as ErrorBoundary \}/);
  });
});
