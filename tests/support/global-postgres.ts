import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "~/server/migrations.server";
import { postgresExecutor } from "~/server/sql-executor.server";
import { findPgBin, MISSING_PG_MESSAGE, startPostgres } from "./postgres-server";

export const TEMPLATE_DATABASE = "calibrate_template";

/** Starts a real PostgreSQL for this run and migrates a template database. */
export default async function setup(project: TestProject) {
  project.provide("pgliteTemplateDir", "");
  const binDir = findPgBin();
  if (!binDir) {
    if (process.env.CI) throw new Error(MISSING_PG_MESSAGE);
    console.warn(
      `\n${"!".repeat(78)}\n!! SKIPPING the PostgreSQL integration tests. ${MISSING_PG_MESSAGE}\n${"!".repeat(78)}\n`,
    );
    project.provide("postgresUrl", null);
    return;
  }
  const server = await startPostgres(binDir);
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const template = new pg.Client({ connectionString: server.url(TEMPLATE_DATABASE) });
  await template.connect();
  await migrate(postgresExecutor(template));
  await template.end();
  project.provide("postgresUrl", server.url("postgres"));
  return () => server.stop();
}
