import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

export default defineConfig({
  // The app's `~/` imports (tsconfig paths), so components can be unit-tested too.
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
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
