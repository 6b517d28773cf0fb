import { describe, expect, it } from "vitest";
import { daysToDecision, stageDurations, summarisePipeline, type SummaryLoop } from "~/domain/pipeline-summary";

const start = new Date("2026-10-01T00:00:00Z");
const d = (days: number) => new Date(start.getTime() + days * 86_400_000);
const loop = (source: "internal" | "external", decideOn: number | null): SummaryLoop => ({
  source,
  track: "core_pm",
  startedAt: start,
  stageChanges: [
    { toStage: "sourced", changedAt: d(0) },
    { toStage: "screen", changedAt: d(2) },
    { toStage: "in_loop", changedAt: d(5) },
    ...(decideOn === null ? [] : [{ toStage: "decided" as const, changedAt: d(decideOn) }]),
  ],
});

describe("pipeline summary", () => {
  it("measures finished stages only, and the days to the first decision", () => {
    expect(stageDurations(loop("internal", 20))).toEqual({ sourced: 2, screen: 3, in_loop: 15 });
    expect(stageDurations(loop("internal", null))).toEqual({ sourced: 2, screen: 3 });
    expect(daysToDecision(loop("external", 80))).toBe(80);
    expect(daysToDecision(loop("external", null))).toBeNull();
  });

  it("splits medians by internal/external and track, and ranks interviewers by turnaround", () => {
    const summary = summarisePipeline(
      [loop("internal", 20), loop("internal", 30), loop("external", 90), loop("external", null)],
      [
        {
          interviewerId: "a",
          interviewerName: "A",
          roundEndedAt: d(1),
          submittedAt: new Date(d(1).getTime() + 4 * 3_600_000),
          dueAt: d(2),
        },
        { interviewerId: "b", interviewerName: "B", roundEndedAt: d(1), submittedAt: d(3), dueAt: d(2) },
      ],
    );
    const bySegment = Object.fromEntries(summary.segments.map((segment) => [segment.segment, segment]));
    expect(bySegment.internal).toMatchObject({ loops: 2, decided: 2, medianDaysToDecision: 25 });
    expect(bySegment.external).toMatchObject({ loops: 2, decided: 1, medianDaysToDecision: 90 });
    expect(bySegment.all!.medianDaysInStage.screen).toBe(3);
    expect(bySegment.apm!.loops).toBe(0);
    expect(summary.turnaround).toEqual([
      { interviewerName: "B", scorecards: 1, medianHours: 48, lateShare: 1 },
      { interviewerName: "A", scorecards: 1, medianHours: 4, lateShare: 0 },
    ]);
  });
});
