import { describe, expect, it } from "vitest";
import { loopTimeline } from "~/domain/loop-timeline";

const start = new Date("2026-11-01T00:00:00Z");
const d = (days: number) => new Date(start.getTime() + days * 86_400_000);

describe("loop timeline", () => {
  it("lays out stages as bands, rounds planned vs actual, feedback delay, and pace against the reference", () => {
    const timeline = loopTimeline(
      {
        startedAt: start,
        source: "internal",
        stageChanges: [
          { toStage: "sourced", changedAt: d(0) },
          { toStage: "loop_scheduled", changedAt: d(3) },
          { toStage: "decided", changedAt: d(20) },
        ],
        rounds: [
          {
            label: "Product sense",
            status: "completed",
            plannedAt: d(5),
            scheduledAt: d(6),
            durationMinutes: 60,
            submittedAt: new Date(d(6).getTime() + 5 * 3_600_000),
          },
          {
            label: "Behavioral",
            status: "cancelled",
            plannedAt: d(7),
            scheduledAt: d(7),
            durationMinutes: 45,
            submittedAt: null,
          },
        ],
        debriefAt: d(18),
        decidedAt: d(20),
      },
      d(25),
    );
    expect(timeline.bands).toEqual([
      { stage: "sourced", label: "Sourced", from: 0, to: 3 },
      { stage: "loop_scheduled", label: "Loop scheduled", from: 3, to: 20 },
      { stage: "decided", label: "Decided", from: 20, to: 25 },
    ]);
    expect(timeline.rounds).toEqual([
      { label: "Product sense", day: 6, plannedDay: 5, moved: true, feedbackDay: 6.2, feedbackDelayHours: 4 },
    ]);
    expect(timeline.pace).toEqual({ decided: true, days: 20, versusReference: -8 });
    expect(timeline.today).toBe(25);
  });

  it("compares an undecided external loop with the 85-day reference", () => {
    const timeline = loopTimeline(
      { startedAt: start, source: "external", stageChanges: [], rounds: [], debriefAt: null, decidedAt: null },
      d(90),
    );
    expect(timeline.pace).toEqual({ decided: false, days: 90, versusReference: 5 });
    expect(timeline.reference).toBe(85);
  });
});
