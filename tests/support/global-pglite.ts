import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { migrate } from "~/server/migrations.server";
import { pgliteExecutor } from "~/server/sql-executor.server";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    postgresUrl: string | null;
  }
}

/** One migrated PGlite data dir; each test file gets a copy (much faster than initdb + migrate per file). */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "calibrate-pglite-template-"));
  const pglite = new PGlite(path.join(dir, "data"));
  await migrate(pgliteExecutor(pglite));
  await pglite.close();
  project.provide("pgliteTemplateDir", path.join(dir, "data"));
  project.provide("postgresUrl", null);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
