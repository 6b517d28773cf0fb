import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "app") };

// Unit tests need no database. Integration tests run twice: on an embedded
// PGlite per test file, and on a real PostgreSQL 15 (a database per test
// file, cloned from a migrated template) started by the global setup.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration-pglite",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-pglite.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/database-per-file.ts"],
          env: { CALIBRATE_TEST_ENGINE: "pglite", NODE_ENV: "test" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration-postgres",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-postgres.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/database-per-file.ts"],
          env: { CALIBRATE_TEST_ENGINE: "postgres", NODE_ENV: "test" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
