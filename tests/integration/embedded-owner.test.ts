import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupFileName } from "~/server/backup/backup-files.server";
import { writeBackupFile } from "~/server/backup/backup-io.server";
import { dumpDatabase } from "~/server/backup/backup.server";
import { openDatabase } from "~/server/db.server";
import { lockPathFor, readLockOwner } from "~/server/pglite-lock.server";
import { seedDemoData } from "../../prisma/seed";
import { type ChildServer, ensureBuild, startServer } from "../support/child-server";

/** One owner per embedded database, and no start on a damaged one (PGlite only; PostgreSQL coordinates itself). */
const engine = process.env.CALIBRATE_TEST_ENGINE;
const dataDir = process.env.PGLITE_DATA_DIR ?? "";
const root = path.resolve(import.meta.dirname, "../..");
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), "calibrate-owner-backups-"));
const env = { DATABASE_URL: "", PGLITE_DATA_DIR: dataDir, BACKUP_DIR: backupDir };
const servers: ChildServer[] = [];

async function counts() {
  const db = openDatabase({ pgliteDataDir: dataDir });
  try {
    const [users, loops, feedback, ratings] = await Promise.all([
      db.prisma.user.count(),
      db.prisma.loop.count(),
      db.prisma.feedback.count(),
      db.prisma.rating.count(),
    ]);
    return { users, loops, feedback, ratings };
  } finally {
    await db.close();
  }
}

function cli(script: string, args: string[] = []) {
  return promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), [script, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

beforeAll(async () => {
  if (engine !== "pglite") return;
  ensureBuild();
  const db = openDatabase({ pgliteDataDir: dataDir });
  try {
    await seedDemoData(db.prisma);
  } finally {
    await db.close();
  }
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.signal("SIGKILL");
  fs.rmSync(backupDir, { recursive: true, force: true });
});

// Each engine registers only its own tests, so neither run reports skips.
if (engine === "postgres")
  describe("a PostgreSQL database", () => {
    it(
      "is shared by any number of servers (they keep no state of their own)",
      { timeout: 120_000 },
      async (context) => {
        if (!process.env.DATABASE_URL) return context.skip();
        const pgEnv = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: "" };
        const [first, second] = [await startServer(pgEnv), await startServer(pgEnv)];
        servers.push(first, second);
        for (const server of [first, second]) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        await Promise.all([first.signal("SIGTERM"), second.signal("SIGTERM")]);
      },
    );
  });

if (engine === "pglite")
  describe("the embedded database", () => {
    it(
      "refuses a second server, and every command that would open it, naming the process that has it",
      { timeout: 180_000 },
      async () => {
        const before = await counts();
        const first = await startServer(env);
        servers.push(first);
        const owner = readLockOwner(lockPathFor(dataDir))!;
        expect(owner.command).toBe("server.ts");

        const second = await startServer(env, { waitForHealth: false });
        servers.push(second);
        expect(await second.exited).toBe(1);
        expect(second.output()).toContain(
          `Calibrate will not serve: The embedded database at ${dataDir} is in use by process ${owner.pid} (server.ts, since ${owner.startedAt})`,
        );
        const migrate = await cli("scripts/migrate.ts");
        expect(migrate.code).toBe(1);
        expect(migrate.output).toContain(`is in use by process ${owner.pid}`);

        // The first server never noticed, and a backup can still be taken: it writes it.
        expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
        const file = path.join(backupDir, "while-running.jsonl.gz");
        const backup = await cli("scripts/backup.ts", [file]);
        expect(backup.output).toContain(`(taken by the running server, process ${owner.pid})`);
        expect(backup.code).toBe(0);

        await first.signal("SIGTERM");
        expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
        expect(await counts()).toEqual(before);
      },
    );

    it(
      "will not start on a damaged directory, nor start empty, and names the newest backup",
      { timeout: 120_000 },
      async () => {
        const db = openDatabase({ pgliteDataDir: dataDir });
        const newest = path.join(backupDir, backupFileName(new Date()));
        try {
          await writeBackupFile(newest, (write) => db.withSql((sql) => dumpDatabase(sql, write)));
        } finally {
          await db.close();
        }
        fs.truncateSync(path.join(dataDir, "global", "pg_control"), 100);
        const entries = fs.readdirSync(dataDir).sort();

        const server = await startServer(env, { waitForHealth: false });
        servers.push(server);
        expect(await server.exited).toBe(1);
        expect(server.output()).toContain(`The embedded database at ${dataDir} cannot be opened: it is damaged`);
        expect(server.output()).toContain(`The newest backup is ${newest}`);
        expect(server.output()).toContain(`npm run db:restore -- ${newest}`);
        expect(fs.readdirSync(dataDir).sort()).toEqual(entries);
        expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);

        // A directory that was never a database (its PG_VERSION gone) is refused the same way, not initialised over.
        fs.rmSync(path.join(dataDir, "PG_VERSION"));
        const again = await startServer(env, { waitForHealth: false });
        servers.push(again);
        expect(await again.exited).toBe(1);
        expect(again.output()).toContain("it is damaged (PG_VERSION is missing)");
      },
    );
  });
