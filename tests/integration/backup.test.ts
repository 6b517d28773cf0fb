import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { backupFromOwner, startBackupControl } from "~/server/backup/backup-control.server";
import { listBackups } from "~/server/backup/backup-files.server";
import { readBackupLines, writeBackupFile } from "~/server/backup/backup-io.server";
import { scheduleDailyBackups } from "~/server/backup/backup-schedule.server";
import { BackupError, dumpDatabase, restoreDatabase } from "~/server/backup/backup.server";
import { database, openDatabase, type Database } from "~/server/db.server";
import { migrate, readMigrations } from "~/server/migrations.server";
import { readLockOwner } from "~/server/pglite-lock.server";
import type { SqlExecutor } from "~/server/sql-executor.server";
import { seedDemoData } from "../../prisma/seed";

const temp = fs.mkdtempSync(path.join(os.tmpdir(), "calibrate-backup-test-"));
const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

function freshPglite(): Database {
  const db = openDatabase({ pgliteDataDir: path.join(temp, randomUUID()) });
  opened.push(db);
  return db;
}

async function freshPostgres(): Promise<Database | null> {
  const adminUrl = inject("postgresUrl");
  if (!adminUrl) return null;
  const name = `restore_${randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ databaseUrl: url.toString(), pgliteDataDir: "" });
  opened.push(db);
  return db;
}

/** Every row of every table, in primary-key order: what a restore must reproduce exactly. */
async function everything(sql: SqlExecutor): Promise<Record<string, unknown>> {
  const tables = await sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const all: Record<string, unknown> = {};
  for (const { name } of tables) {
    const [row] = await sql.query<{ rows: string | null }>(
      `SELECT json_agg(t ORDER BY t::text)::text AS rows FROM "${name}" t`,
    );
    all[name] = JSON.parse(row?.rows ?? "[]");
  }
  return all;
}

async function dumpLines(db: Database): Promise<string[]> {
  const lines: string[] = [];
  await db.withSql((sql) => dumpDatabase(sql, (line) => void lines.push(line)));
  return lines;
}

async function* iterate(lines: string[]) {
  yield* lines;
}

describe("backups", () => {
  it("round-trip every table into a new embedded database, and into PostgreSQL when there is one", async () => {
    await seedDemoData(database.prisma);
    const original = await database.withSql(everything);
    expect(Object.keys(original).length).toBeGreaterThan(20);
    const lines = await dumpLines(database);

    // Into an embedded database; from there into PostgreSQL (when the suite has one), so a backup
    // crosses engines both ways whichever engine this file runs on.
    let source = lines;
    for (const target of [freshPglite(), await freshPostgres()].filter((db): db is Database => db !== null)) {
      const summary = await target.withSql((sql) => restoreDatabase(sql, iterate(source)));
      expect(summary.migratedForward).toEqual([]);
      expect(await target.withSql(everything)).toEqual(original);
      // And back again: a backup of the restored database is the same backup.
      source = await dumpLines(target);
      expect(source.slice(1)).toEqual(lines.slice(1));
    }
  });

  it("write a gzip file the restore reads back, never leaving a partial file under the real name", async () => {
    const file = path.join(temp, "manual.jsonl.gz");
    const summary = await writeBackupFile(file, (write) => database.withSql((sql) => dumpDatabase(sql, write)));
    expect(summary.rows).toBeGreaterThan(0);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const target = freshPglite();
    const restored = await target.withSql((sql) => restoreDatabase(sql, readBackupLines(file)));
    expect(restored.rows).toBe(summary.rows);

    const failing = path.join(temp, "failing.jsonl.gz");
    await expect(
      writeBackupFile(failing, async (write) => {
        await write("{}");
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(fs.readdirSync(temp).filter((name) => name.startsWith("failing"))).toEqual([]);
  });

  it("refuse a cut-short file, a foreign file and a non-empty target, changing nothing", async () => {
    const lines = await dumpLines(database);
    const target = freshPglite();
    await expect(target.withSql((sql) => restoreDatabase(sql, iterate(lines.slice(0, -1))))).rejects.toThrow(
      "The backup is incomplete",
    );
    await expect(target.withSql((sql) => restoreDatabase(sql, iterate(['{"hello":1}'])))).rejects.toThrow(
      "not a Calibrate backup",
    );
    // The failed restores rolled back: the directory is still empty, so a good one goes through.
    await target.withSql((sql) => restoreDatabase(sql, iterate(lines)));
    await expect(target.withSql((sql) => restoreDatabase(sql, iterate(lines)))).rejects.toThrow(BackupError);
    await expect(target.withSql((sql) => restoreDatabase(sql, iterate(lines)))).rejects.toThrow("--replace");
    const replaced = await target.withSql((sql) => restoreDatabase(sql, iterate(lines), { replace: true }));
    expect(replaced.rows).toBe(JSON.parse(lines.at(-1)!).rows);
  });

  it("restore a backup from an older version, then apply the migrations written since", async () => {
    const all = readMigrations();
    const old = freshPglite();
    await old.withSql((sql) => migrate(sql, all.slice(0, -1)));
    await old.prisma.user.create({ data: { email: "old@example.com", name: "From before", role: "admin" } });
    const lines = await dumpLines(old);
    const target = freshPglite();
    const summary = await target.withSql((sql) => restoreDatabase(sql, iterate(lines)));
    expect(summary.migratedForward).toEqual([all.at(-1)!.name]);
    expect(await target.prisma.user.findUnique({ where: { email: "old@example.com" } })).toMatchObject({
      name: "From before",
    });
  });

  it("are taken daily into a directory, keeping the newest", async () => {
    const dir = path.join(temp, "daily");
    fs.mkdirSync(dir);
    for (const day of [1, 2, 3]) fs.writeFileSync(path.join(dir, `calibrate-2026-01-0${day}T03-00-00Z.jsonl.gz`), "");
    const log: string[] = [];
    const stop = scheduleDailyBackups({ database, dir, keep: 2, log: (line) => log.push(line), firstCheckAfterMs: 0 });
    await expect.poll(() => log.length, { timeout: 20_000 }).toBe(1);
    stop();
    expect(log[0]).toMatch(/^backup: wrote .*calibrate-\d{4}-.*\.jsonl\.gz \(\d+ rows\), removed 2 older$/);
    const kept = listBackups(dir);
    expect(kept).toHaveLength(2);
    expect(kept[1]!.path).toContain("calibrate-2026-01-03T03-00-00Z");
    // Within a day of the newest, nothing more is written.
    const again = scheduleDailyBackups({ database, dir, keep: 2, log: (line) => log.push(line), firstCheckAfterMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    again();
    expect(log).toHaveLength(1);
  });

  if (process.env.CALIBRATE_TEST_ENGINE === "pglite") {
    it("are taken by the server that owns an embedded database, for the command line", async () => {
      await database.ready;
      const control = await startBackupControl(database);
      try {
        const owner = readLockOwner(database.directoryLock!.path)!;
        expect(owner.control).toBeTruthy();
        const lines: string[] = [];
        const summary = await backupFromOwner(owner, async (line) => void lines.push(line));
        expect(summary.rows).toBe(JSON.parse(lines.at(-1)!).rows);
        expect(JSON.parse(lines[0]!)).toMatchObject({ format: "calibrate-backup", engine: "pglite" });
      } finally {
        control?.close();
      }
    });
  }
});
