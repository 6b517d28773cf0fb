import { describe, expect, it } from "vitest";
import { MAX_FEEDBACK_REMINDERS, plannedReminders, type RoundForReminders } from "~/domain/reminders";

const now = new Date("2026-11-23T12:00:00Z");
const hours = (value: number) => new Date(now.getTime() + value * 3_600_000);
const round = (overrides: Partial<RoundForReminders>): RoundForReminders => ({
  roundId: "r1",
  status: "completed",
  interviewerId: "sam",
  scheduledAt: hours(-30),
  feedbackDueAt: hours(-5),
  submitted: false,
  ...overrides,
});

describe("reminder timing", () => {
  it("reminds at the due time, then once a day, with stable keys", () => {
    expect(plannedReminders([round({ feedbackDueAt: hours(-5) })], now).map((reminder) => reminder.key)).toEqual([
      "feedback_overdue:r1:1",
    ]);
    const threeDays = plannedReminders([round({ feedbackDueAt: hours(-50) })], now);
    expect(threeDays.map((reminder) => [reminder.sequence, reminder.runAt.toISOString()])).toEqual([
      [1, hours(-50).toISOString()],
      [2, hours(-26).toISOString()],
      [3, hours(-2).toISOString()],
    ]);
  });

  it("stops at the maximum, and never for submitted, cancelled or not-yet-due feedback", () => {
    expect(plannedReminders([round({ feedbackDueAt: hours(-24 * 30) })], now)).toHaveLength(MAX_FEEDBACK_REMINDERS);
    expect(plannedReminders([round({ submitted: true })], now)).toEqual([]);
    expect(plannedReminders([round({ status: "cancelled" })], now)).toEqual([]);
    expect(plannedReminders([round({ feedbackDueAt: hours(3), scheduledAt: hours(-1) })], now)).toEqual([]);
  });

  it("notifies an interviewer once about a round in the next 24 hours", () => {
    const upcoming = plannedReminders(
      [round({ status: "scheduled", scheduledAt: hours(20), feedbackDueAt: hours(45) })],
      now,
    );
    expect(upcoming.map((reminder) => reminder.kind)).toEqual(["round_upcoming"]);
    expect(
      plannedReminders([round({ status: "scheduled", scheduledAt: hours(30), feedbackDueAt: hours(55) })], now),
    ).toEqual([]);
  });
});
