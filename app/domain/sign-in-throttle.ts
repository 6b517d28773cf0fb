/**
 * Sign-in throttling rules (pure). Each key (one address trying one account;
 * one address trying any account) counts consecutive failures. The first few
 * are free; after that each failure makes the key wait longer before the next
 * attempt (1 s, 2 s, 4 s, ... up to a cap). Nothing is keyed by the account
 * alone, so a stranger's failures never delay the account's owner signing in
 * from another address. An attempt is counted as a failure when it is claimed
 * (before the password is checked), so parallel attempts cannot slip past the
 * count; a success then clears it.
 */

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this (since the last one) are forgotten. */
  forgetAfterMs: number;
}

const HOUR = 3_600_000;

/** One address against one account: a person mistyping gets three tries before waiting a second. */
export const ACCOUNT_FROM_ADDRESS: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * HOUR,
};

/** One address against any accounts (an office behind one NAT signs in freely; a sprayer does not). */
export const ANY_ACCOUNT_FROM_ADDRESS: ThrottlePolicy = {
  freeFailures: 20,
  baseDelayMs: 1_000,
  maxDelayMs: HOUR,
  forgetAfterMs: 24 * HOUR,
};

export interface ThrottleState {
  failures: number;
  nextAttemptAt: Date;
  lastFailureAt: Date;
}

/** How long a key must wait after its n-th consecutive failure. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, failures - policy.freeFailures - 1));
}

export type Claim = { allowed: true; next: ThrottleState } | { allowed: false; retryAfterMs: number };

/** Whether an attempt may go ahead now, and the key's state if it does (counted as a failure until it succeeds). */
export function claimAttempt(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): Claim {
  const forgotten = !state || now.getTime() - state.lastFailureAt.getTime() > policy.forgetAfterMs;
  const failures = forgotten ? 0 : state.failures;
  if (!forgotten && state.nextAttemptAt > now) {
    return { allowed: false, retryAfterMs: state.nextAttemptAt.getTime() - now.getTime() };
  }
  return {
    allowed: true,
    next: {
      failures: failures + 1,
      lastFailureAt: now,
      nextAttemptAt: new Date(now.getTime() + delayAfter(failures + 1, policy)),
    },
  };
}

/** "30 seconds", "2 minutes": how long to wait, rounded up. */
export function describeWait(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return `${seconds} second${seconds === 1 ? "" : "s"}`;
  }
  const minutes = Math.ceil(ms / 60_000);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
