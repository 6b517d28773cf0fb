/**
 * Runs before the e2e server starts: a fresh PGlite dir, migrated and seeded,
 * plus one session per demo account written to data/e2e/sessions.json, so specs
 * sign in by setting a cookie (only one spec uses the real login form).
 */
import fs from "node:fs";
import path from "node:path";
import { configuredDatabase } from "~/server/setup.server";
import { migrate } from "~/server/migrations.server";
import { demoAccounts, seedDemoData } from "../../../prisma/seed";

const dir = path.resolve("data/e2e");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });

const database = configuredDatabase();
try {
  await database.withSql((sql) => migrate(sql));
  await seedDemoData(database.prisma);
  const sessions: Record<string, string> = {};
  for (const account of demoAccounts) {
    const user = await database.prisma.user.findUniqueOrThrow({
      where: { email: account.email },
      select: { id: true },
    });
    const id = `e2e${user.id}${Math.random().toString(36).slice(2)}`;
    await database.prisma.session.create({
      data: { id, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    sessions[account.email] = id;
  }
  fs.writeFileSync(path.join(dir, "sessions.json"), JSON.stringify(sessions, null, 2));
} finally {
  await database.close();
}
