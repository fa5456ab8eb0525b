import { defineConfig } from "vitest/config";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser and hub tests each start real servers; keep files isolated.
    pool: "forks",
    // Fixes fast-check's seed under CI=true (or FC_SEED); local runs draw new cases each time.
    setupFiles: ["tests/support/fast-check-seed.ts"],
  },
});
