/**
 * Runs before the e2e server starts: a fresh PGlite dir, migrated and seeded,
 * plus one session per demo account written to data/e2e/sessions.json, so specs
 * sign in by setting a cookie (only one spec uses the real login form).
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { hashSessionToken } from "~/server/auth/session.server";
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
    // The cookie carries the token; the database stores only its hash (as createSession does).
    const token = randomBytes(20).toString("hex");
    await database.prisma.session.create({
      data: { id: hashSessionToken(token), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    sessions[account.email] = token;
  }
  fs.writeFileSync(path.join(dir, "sessions.json"), JSON.stringify(sessions, null, 2));
} finally {
  await database.close();
}
