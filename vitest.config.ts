import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    // Property tests, CLI runs and scratch databases take seconds on a loaded 2-core machine (load 5-7 seen):
    // the limit only catches hangs. Speed is measured by `npm run bench`, never asserted here.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/unit/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
  },
});
