import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "app") };

/** The same integration files, run against one engine. */
function integrationProject(engine: "pglite" | "postgres"): TestProjectInlineConfiguration {
  return {
    resolve: { alias },
    test: {
      name: `integration-${engine}`,
      include: ["tests/integration/**/*.test.ts"],
      globalSetup: [`tests/support/global-${engine}.ts`],
      setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/database-per-file.ts"],
      env: { CALIBRATE_TEST_ENGINE: engine, NODE_ENV: "test" },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

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
      integrationProject("pglite"),
      integrationProject("postgres"),
    ],
  },
});
