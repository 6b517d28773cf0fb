import { describe, expect, it } from "vitest";
import type { CalibrationRow } from "~/domain/calibration-stats";
import { normal, seededRandom } from "~/domain/random";
import { summariseValidity } from "~/domain/validity-summary";

/**
 * 120 decided loops with rotating panels of three (from six interviewers, one of them two points harsh); the top
 * half by true ability are hired and have a performance outcome that tracks true ability.
 */
function scenario() {
  const random = seededRandom(7);
  const rows: CalibrationRow[] = [];
  const outcomes = [];
  const severity = [0, 0, 0, 0, 0, -2];
  const abilities = Array.from({ length: 120 }, () => normal(random));
  const cut = [...abilities].sort((a, b) => a - b)[60]!;
  abilities.forEach((ability, loop) => {
    const hired = ability >= cut;
    for (let seat = 0; seat < 3; seat++) {
      const rater = (loop + seat * 2) % 6;
      const value = 3 + ability + severity[rater]! + 0.3 * normal(random);
      rows.push({
        feedbackId: `f${loop}-${seat}`,
        loopId: `l${loop}`,
        interviewerId: `i${rater}`,
        interviewerName: `Interviewer ${rater}`,
        roundType: "behavioral",
        dimensionKey: "ownership",
        value,
        evidenceFlag: null,
        recommendation: value > 3 ? "yes" : "no",
        submittedAt: new Date(),
        roundEndedAt: null,
        feedbackDueAt: null,
        decision: hired ? "hire" : "no_hire",
      });
    }
    if (hired)
      outcomes.push({
        loopId: `l${loop}`,
        performance6: ability + 0.5 * normal(random),
        performance12: null,
        stillInRole: loop % 2 === 0,
      });
  });
  // An outcome for a loop that is not a hire in view is ignored.
  outcomes.push({ loopId: "l-unknown", performance6: 5, performance12: 5, stillInRole: true });
  return { rows, outcomes };
}

describe("validity summary", () => {
  it("correlates panel means with outcomes among hires, raw and severity-adjusted, with N", () => {
    const { rows, outcomes } = scenario();
    const severity = new Map([["ownership", new Map([["i5", -2]])]]);
    const summary = summariseValidity(rows, ["ownership"], severity, outcomes);
    expect(summary.hires).toBe(60);
    expect(summary.withOutcome).toEqual({ performance6: 60, performance12: 0, stillInRole: 60 });
    const ownership = summary.predictors.find((predictor) => predictor.key === "ownership")!.byOutcome.performance6;
    expect(ownership.raw.n).toBe(60);
    // Removing the harsh interviewer's severity makes the panel mean track ability better.
    expect(ownership.adjusted.r!).toBeGreaterThan(ownership.raw.r!);
    // Only hires have outcomes: the correction for range restriction raises the correlation.
    expect(ownership.adjusted.corrected!).toBeGreaterThan(ownership.adjusted.r!);
    expect(ownership.adjusted.warning).toBeNull();
    expect(summary.predictors.map((predictor) => predictor.key)).toEqual(["ownership", "recommendation"]);
    expect(summary.predictors[1]!.byOutcome.performance12.raw).toMatchObject({ n: 0, r: null });
  });

  it("gives each interviewer their own N, and a correlation once they reach 10 hires", () => {
    const { rows, outcomes } = scenario();
    const summary = summariseValidity(rows, ["ownership"], new Map(), outcomes);
    expect(summary.interviewers).toHaveLength(6);
    for (const interviewer of summary.interviewers) {
      const cell = interviewer.byOutcome.performance6;
      expect(cell.n).toBeGreaterThan(0);
      if (cell.n < 10) expect(cell.r).toBeNull();
    }
    // The harsh interviewer says no to everyone (no variation, so no correlation); the others have one.
    const shown = summary.interviewers.filter((interviewer) => interviewer.byOutcome.performance6.r !== null);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown.every((interviewer) => interviewer.byOutcome.performance6.n >= 10)).toBe(true);
  });
});
