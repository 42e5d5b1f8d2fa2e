import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "schemas/**/*.test.ts",
      "templates/**/*.test.ts",
      "main/**/*.test.ts",
      "renderer/**/*.test.ts",
      "seeds/**/*.test.ts",
      "e2e/**/*.test.ts",
      "bench/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
