/**
 * Gives each integration test file its own migrated database before any app
 * module reads the environment: a copy of the PGlite template, or a fresh
 * PostgreSQL database cloned from the migrated template.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, inject } from "vitest";

const engine = process.env.CALIBRATE_TEST_ENGINE;

if (engine === "pglite") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "calibrate-pglite-"));
  fs.cpSync(inject("pgliteTemplateDir"), path.join(dir, "data"), { recursive: true });
  process.env.PGLITE_DATA_DIR = path.join(dir, "data");
  delete process.env.DATABASE_URL;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
} else if (engine === "postgres") {
  const adminUrl = inject("postgresUrl");
  if (!adminUrl) {
    beforeEach((context) => context.skip("PostgreSQL server binaries are not installed"));
  } else {
    const name = `test_${randomUUID().replace(/-/g, "")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE calibrate_template`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  }
}

afterAll(async () => {
  // Close the app's database if the file opened it (PGlite must be closed to release its files).
  const store = globalThis as unknown as { __calibrateSingletons?: Map<string, { close?: () => Promise<void> }> };
  const database = store.__calibrateSingletons?.get("database");
  if (database?.close) {
    // Background recomputations must finish before their database closes.
    const { settleCalibrationRefreshes } = await import("~/server/calibration/calibration.server");
    await settleCalibrationRefreshes();
    await database.close();
  }
  store.__calibrateSingletons?.delete("database");
});
