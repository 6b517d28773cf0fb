import {
  ACCOUNT_FROM_ADDRESS,
  ANY_ACCOUNT_FROM_ADDRESS,
  claimAttempt,
  type ThrottlePolicy,
  type ThrottleState,
} from "~/domain/sign-in-throttle";
import { prisma } from "../db.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";

/**
 * Sign-in with throttling stored in the database (so it holds across app
 * servers), per (address, account) and per address, with growing delays (the
 * rules are in domain/sign-in-throttle.ts). Claiming an attempt happens under
 * row locks in one transaction, so parallel guesses are counted one by one.
 */
export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

interface Key {
  key: string;
  policy: ThrottlePolicy;
}

export function throttleKeys(email: string, ip: string): Key[] {
  // Sorted, so concurrent claims lock rows in the same order and never deadlock.
  return [
    { key: `addr:${ip}`, policy: ANY_ACCOUNT_FROM_ADDRESS },
    { key: `pair:${ip}|${email}`, policy: ACCOUNT_FROM_ADDRESS },
  ];
}

/** Counts the attempt against every key, or refuses it (counting nothing) if any key must still wait. */
async function claim(keys: Key[], now: Date): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
  return prisma.$transaction(async (tx) => {
    for (const { key } of keys) {
      await tx.$executeRaw`INSERT INTO "LoginThrottle" ("key", "failures", "nextAttemptAt", "lastFailureAt")
        VALUES (${key}, 0, ${now}, ${now}) ON CONFLICT ("key") DO NOTHING`;
    }
    const rows = await tx.$queryRaw<(ThrottleState & { key: string })[]>`
      SELECT "key", "failures", "nextAttemptAt", "lastFailureAt" FROM "LoginThrottle"
       WHERE "key" IN (${keys[0]!.key}, ${keys[1]!.key}) ORDER BY "key" FOR UPDATE`;
    const claims = keys.map(({ key, policy }) => ({
      key,
      claim: claimAttempt(rows.find((row) => row.key === key) ?? null, now, policy),
    }));
    const waits = claims.flatMap(({ claim }) => (claim.allowed ? [] : [claim.retryAfterMs]));
    if (waits.length > 0) return { ok: false, retryAfterMs: Math.max(...waits) };
    for (const { key, claim } of claims) {
      if (!claim.allowed) continue;
      await tx.loginThrottle.update({ where: { key }, data: claim.next });
    }
    return { ok: true };
  });
}

/** A success clears the address's record against this account and takes back its count against the address. */
async function release(keys: Key[]) {
  const [address, pair] = keys as [Key, Key];
  await prisma.$transaction([
    prisma.loginThrottle.deleteMany({ where: { key: pair.key } }),
    prisma.loginThrottle.updateMany({
      where: { key: address.key, failures: { gt: 0 } },
      data: { failures: { decrement: 1 } },
    }),
  ]);
}

export async function attemptLogin(
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.ip);
  const claimed = await claim(keys, now);
  if (!claimed.ok) return { ok: false, reason: "throttled", retryAfterMs: claimed.retryAfterMs };

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, active: true, password: { select: { hash: true } } },
  });
  // A wrong email and a wrong password take the same time (a real hash is always verified).
  const valid = await verifyPassword(user?.password?.hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !user.active || !user.password || !valid) return { ok: false, reason: "invalid" };
  await release(keys);
  return { ok: true, userId: user.id };
}
