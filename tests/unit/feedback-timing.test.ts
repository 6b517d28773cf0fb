import { describe, expect, it } from "vitest";
import { feedbackDueAt, feedbackProgress, formatDuration, roundFeedbackState } from "~/domain/feedback-timing";
import { daysBetween } from "~/domain/stages";
import { homePathFor } from "~/domain/navigation";

const now = new Date("2026-11-23T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const round = (overrides: Partial<Parameters<typeof roundFeedbackState>[0]> = {}) => ({
  status: "scheduled" as const,
  scheduledAt: hoursAgo(3),
  durationMinutes: 45,
  feedbackDueAt: null,
  feedbackStatus: null,
  ...overrides,
});

describe("round feedback state", () => {
  it("is due 24 hours after the round ends", () => {
    expect(feedbackDueAt(new Date("2026-11-23T10:00:00Z"), 45).toISOString()).toBe("2026-11-24T10:45:00.000Z");
  });
  it("is upcoming before the round has ended", () => {
    expect(roundFeedbackState(round({ scheduledAt: hoursAgo(0.5) }), now)).toBe("upcoming");
    expect(roundFeedbackState(round({ scheduledAt: new Date(now.getTime() + 3_600_000) }), now)).toBe("upcoming");
  });
  it("awaits feedback after the round, and is overdue once the due time passes", () => {
    expect(roundFeedbackState(round({ scheduledAt: hoursAgo(3) }), now)).toBe("awaiting");
    expect(roundFeedbackState(round({ scheduledAt: hoursAgo(25) }), now)).toBe("overdue");
    expect(roundFeedbackState(round({ scheduledAt: hoursAgo(3), feedbackDueAt: hoursAgo(1) }), now)).toBe("overdue");
  });
  it("a draft does not count as submitted", () => {
    expect(roundFeedbackState(round({ scheduledAt: hoursAgo(30), feedbackStatus: "draft" }), now)).toBe("overdue");
    expect(roundFeedbackState(round({ scheduledAt: hoursAgo(30), feedbackStatus: "submitted" }), now)).toBe(
      "submitted",
    );
  });
  it("cancelled rounds owe nothing", () => {
    expect(roundFeedbackState(round({ status: "cancelled", scheduledAt: hoursAgo(30) }), now)).toBe("cancelled");
  });
});

describe("feedback progress", () => {
  it("counts only rounds that have happened, and only the assigned interviewer's submission", () => {
    const rounds = [
      {
        ...round({ scheduledAt: hoursAgo(50) }),
        interviewerId: "a",
        feedback: [{ interviewerId: "a", status: "submitted" as const }],
      },
      {
        ...round({ scheduledAt: hoursAgo(50) }),
        interviewerId: "b",
        feedback: [{ interviewerId: "a", status: "submitted" as const }],
      },
      {
        ...round({ scheduledAt: hoursAgo(5) }),
        interviewerId: "c",
        feedback: [{ interviewerId: "c", status: "draft" as const }],
      },
      { ...round({ scheduledAt: new Date(now.getTime() + 86_400_000) }), interviewerId: "d", feedback: [] },
      { ...round({ status: "cancelled", scheduledAt: hoursAgo(50) }), interviewerId: "e", feedback: [] },
    ];
    expect(feedbackProgress(rounds, now)).toEqual({ expected: 3, submitted: 1, overdue: 1 });
  });
});

describe("small helpers", () => {
  it("formats durations compactly", () => {
    expect(formatDuration(5 * 60_000)).toBe("5 min");
    expect(formatDuration(3 * 3_600_000)).toBe("3 h");
    expect(formatDuration(50 * 3_600_000)).toBe("2 d 2 h");
    expect(formatDuration(72 * 3_600_000)).toBe("3 d");
  });
  it("counts whole days, never negative", () => {
    expect(daysBetween(hoursAgo(49), now)).toBe(2);
    expect(daysBetween(new Date(now.getTime() + 1e9), now)).toBe(0);
  });
  it("sends each role to its home page", () => {
    expect([
      homePathFor("interviewer"),
      homePathFor("hiring_manager"),
      homePathFor("recruiter"),
      homePathFor("admin"),
    ]).toEqual(["/rounds", "/loops", "/pipeline", "/admin/users"]);
  });
});
