import { describe, expect, it } from "vitest";
import {
  ACCOUNT_FROM_ADDRESS,
  claimAttempt,
  delayAfter,
  describeWait,
  type ThrottleState,
} from "~/domain/sign-in-throttle";

const at = (ms: number) => new Date(Date.UTC(2026, 10, 23) + ms);

describe("sign-in throttling", () => {
  it("lets three failures through freely, then doubles the wait up to fifteen minutes", () => {
    const delays = Array.from({ length: 16 }, (_, i) => delayAfter(i + 1, ACCOUNT_FROM_ADDRESS));
    expect(delays.slice(0, 3)).toEqual([0, 0, 0]);
    expect(delays.slice(3, 7)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(Math.max(...delays)).toBe(15 * 60_000);
    expect(delays.at(-1)).toBe(15 * 60_000);
  });

  it("refuses an attempt until the wait is over, saying how long is left", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) {
      const claim = claimAttempt(state, at(0), ACCOUNT_FROM_ADDRESS);
      expect(claim.allowed).toBe(true);
      if (claim.allowed) state = claim.next;
    }
    expect(claimAttempt(state, at(400), ACCOUNT_FROM_ADDRESS)).toEqual({ allowed: false, retryAfterMs: 600 });
    const later = claimAttempt(state, at(1_000), ACCOUNT_FROM_ADDRESS);
    expect(later.allowed && later.next.failures).toBe(5);
  });

  it("forgets failures a day after the last one", () => {
    const state = { failures: 12, nextAttemptAt: at(60_000), lastFailureAt: at(0) };
    const claim = claimAttempt(state, at(25 * 3_600_000), ACCOUNT_FROM_ADDRESS);
    expect(claim.allowed && claim.next.failures).toBe(1);
  });

  it("words the wait for people", () => {
    expect(describeWait(400)).toBe("1 second");
    expect(describeWait(2_000)).toBe("2 seconds");
    expect(describeWait(60_000)).toBe("1 minute");
    expect(describeWait(15 * 60_000)).toBe("15 minutes");
  });
});
