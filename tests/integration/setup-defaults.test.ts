import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/server/db.server";

/**
 * What `npm start` / `npm run serve` set up on an empty database, as the
 * README promises: demo data only for the embedded database in development,
 * and otherwise a banner saying how to create the first admin.
 */
const engine = process.env.CALIBRATE_TEST_ENGINE;
const root = path.resolve(import.meta.dirname, "../..");
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "calibrate-setup-"));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

async function setup(env: Record<string, string>) {
  const { stdout } = await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["scripts/setup.ts"], {
    cwd: root,
    // NODE_ENV unset unless given, as `npm start` runs setup.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as Record<
      string,
      string
    > as NodeJS.ProcessEnv,
  });
  return stdout;
}

async function users(config: { databaseUrl?: string; pgliteDataDir: string }) {
  const db = openDatabase(config);
  try {
    return (await db.prisma.user.findMany({ select: { email: true } })).map((user) => user.email);
  } finally {
    await db.close();
  }
}

describe("start-up on an empty database", () => {
  if (engine === "pglite") {
    it(
      "seeds the demo data into the embedded database in development, and lists every demo account",
      { timeout: 120_000 },
      async () => {
        const dir = path.join(temp, "development");
        const output = await setup({ PGLITE_DATA_DIR: dir, BACKUP_DIR: path.join(temp, "backups") });
        const emails = await users({ pgliteDataDir: dir });
        expect(emails).toContain("admin@example.com");
        for (const email of emails.filter((item) => item.endsWith("@example.com"))) expect(output).toContain(email);
        expect(output).toContain("hm2@example.com");
      },
    );

    it("seeds nothing in production, and says how to create the first admin", { timeout: 120_000 }, async () => {
      const dir = path.join(temp, "production");
      const output = await setup({ PGLITE_DATA_DIR: dir, NODE_ENV: "production", BACKUP_DIR: path.join(temp, "b") });
      expect(await users({ pgliteDataDir: dir })).toEqual([]);
      expect(output).toContain(
        'No accounts yet. Create the first admin (a temporary password is printed once):\n  npm run -s create-admin -- "Your Name" you@company.com',
      );
      expect(output).not.toContain("correct-horse-battery");
    });
  }

  if (engine === "postgres") {
    it(
      "seeds nothing with DATABASE_URL set, and says how to create the first admin",
      { timeout: 120_000 },
      async (context) => {
        if (!process.env.DATABASE_URL) return context.skip();
        const output = await setup({ DATABASE_URL: process.env.DATABASE_URL });
        expect(await users({ databaseUrl: process.env.DATABASE_URL, pgliteDataDir: "" })).toEqual([]);
        expect(output).toContain("No accounts yet. Create the first admin");
      },
    );
  }
});
