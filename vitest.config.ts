import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    // Property tests and scratch databases take a few seconds on a loaded 2-core machine; 5 s is too tight.
    testTimeout: 20_000,
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/unit/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
  },
});
