import { prisma } from "../db.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";

/**
 * Sign-in with throttling stored in the database (so it holds across app
 * servers): at most ACCOUNT_LIMIT failures per account and IP_LIMIT per IP in
 * WINDOW_MINUTES.
 */
export const ACCOUNT_LIMIT = 5;
export const IP_LIMIT = 30;
export const WINDOW_MINUTES = 15;

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export async function attemptLogin(
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);

  const [accountFailures, ipFailures] = await Promise.all([
    prisma.loginAttempt.findMany({
      where: { email, success: false, createdAt: { gte: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
      take: ACCOUNT_LIMIT,
    }),
    prisma.loginAttempt.count({ where: { ip: input.ip, success: false, createdAt: { gte: since } } }),
  ]);
  const oldest = accountFailures[0]?.createdAt;
  if (accountFailures.length >= ACCOUNT_LIMIT || ipFailures >= IP_LIMIT) {
    const unlockAt = oldest ? oldest.getTime() + WINDOW_MINUTES * 60_000 : now.getTime() + WINDOW_MINUTES * 60_000;
    return {
      ok: false,
      reason: "throttled",
      retryAfterMinutes: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000)),
    };
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, active: true, password: { select: { hash: true } } },
  });
  const valid = await verifyPassword(user?.password?.hash ?? (await dummyPasswordHash()), input.password);
  const success = Boolean(user && user.active && user.password && valid);

  await prisma.loginAttempt.create({ data: { email, ip: input.ip, success, createdAt: now } });
  if (!success || !user) return { ok: false, reason: "invalid" };
  // A successful sign-in clears the account's failures so one typo does not linger.
  await prisma.loginAttempt.deleteMany({ where: { email, success: false } });
  return { ok: true, userId: user.id };
}
