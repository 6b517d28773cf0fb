import { describe, expect, it } from "vitest";
import { overlaps, schedulingWarnings } from "~/domain/scheduling";
import { automaticStage, type RoundForStage, stageAfterDecision, stageMoveRefusal } from "~/domain/stage-rules";
import { stageOrder } from "~/domain/vocabulary";

const now = new Date("2026-11-23T12:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const round = (overrides: Partial<RoundForStage>): RoundForStage => ({
  type: "product_sense",
  status: "scheduled",
  scheduledAt: null,
  durationMinutes: 45,
  interviewerId: null,
  submitted: false,
  ...overrides,
});

describe("automatic stages", () => {
  it("moves to loop scheduled once every panel round has a time and an interviewer", () => {
    const rounds = [
      round({ type: "recruiter_screen", scheduledAt: at(-48), interviewerId: "r", submitted: true }),
      round({ scheduledAt: at(24), interviewerId: "a" }),
      round({}),
    ];
    expect(automaticStage("screen", rounds, now)).toBe("screen");
    rounds[2] = round({ scheduledAt: at(48), interviewerId: "b" });
    expect(automaticStage("screen", rounds, now)).toBe("loop_scheduled");
  });

  it("is in loop once a panel round has ended, awaiting feedback when all have, debrief when all feedback is in", () => {
    const panel = [
      round({ scheduledAt: at(-5), interviewerId: "a", submitted: true }),
      round({ scheduledAt: at(5), interviewerId: "b" }),
    ];
    expect(automaticStage("loop_scheduled", panel, now)).toBe("in_loop");
    panel[1] = round({ scheduledAt: at(-2), interviewerId: "b" });
    expect(automaticStage("in_loop", panel, now)).toBe("awaiting_feedback");
    panel[1] = round({ scheduledAt: at(-2), interviewerId: "b", submitted: true });
    expect(automaticStage("awaiting_feedback", panel, now)).toBe("debrief");
  });

  it("ignores cancelled rounds", () => {
    expect(
      automaticStage(
        "in_loop",
        [round({ scheduledAt: at(-3), interviewerId: "a", submitted: true }), round({ status: "cancelled" })],
        now,
      ),
    ).toBe("debrief");
  });

  it("never moves backwards, and never past debrief on its own", () => {
    expect(automaticStage("debrief", [round({ scheduledAt: at(10), interviewerId: "a" })], now)).toBe("debrief");
    expect(automaticStage("decided", [round({ scheduledAt: at(-3), interviewerId: "a", submitted: true })], now)).toBe(
      "decided",
    );
    expect(automaticStage("awaiting_feedback", [round({ scheduledAt: at(10), interviewerId: "a" })], now)).toBe(
      "awaiting_feedback",
    );
  });

  it("after More signal needed, only rounds still to come move the loop on", () => {
    const reopenedAt = at(-1);
    const firstPhase = [
      round({ scheduledAt: at(-72), interviewerId: "a", submitted: true }),
      // A late scorecard from the first phase arrives: it does not send the loop back to debrief.
      round({ scheduledAt: at(-48), interviewerId: "b", submitted: true }),
    ];
    expect(automaticStage("loop_scheduled", firstPhase, now)).toBe("debrief");
    expect(automaticStage("loop_scheduled", firstPhase, now, reopenedAt)).toBe("loop_scheduled");
    const further = [...firstPhase, round({ scheduledAt: at(24), interviewerId: "c" })];
    expect(automaticStage("loop_scheduled", further, now, reopenedAt)).toBe("loop_scheduled");
    further[2] = round({ scheduledAt: at(-0.5), durationMinutes: 20, interviewerId: "c" });
    expect(automaticStage("loop_scheduled", further, now, reopenedAt)).toBe("awaiting_feedback");
    further[2] = round({ scheduledAt: at(-0.5), durationMinutes: 20, interviewerId: "c", submitted: true });
    expect(automaticStage("loop_scheduled", further, now, reopenedAt)).toBe("debrief");
  });
});

describe("stage moves against the recorded decision", () => {
  const beforeDecided = stageOrder.slice(0, stageOrder.indexOf("decided"));

  it("closing is always allowed, whatever was decided", () => {
    for (const decision of [null, "hire", "no_hire", "more_signal"] as const) {
      expect(stageMoveRefusal("closed", decision)).toBeNull();
    }
  });

  it("decided is reached only by recording a decision", () => {
    for (const decision of [null, "hire", "no_hire", "more_signal"] as const) {
      expect(stageMoveRefusal("decided", decision)).toMatch(/records the decision in the debrief/);
    }
  });

  it("an offer needs a current hire decision", () => {
    expect(stageMoveRefusal("offer", "hire")).toBeNull();
    expect(stageMoveRefusal("offer", null)).toMatch(/needs a hire decision/);
    expect(stageMoveRefusal("offer", "more_signal")).toMatch(/needs a hire decision/);
    expect(stageMoveRefusal("offer", "no_hire")).toMatch(/no hire/);
  });

  it("a hire or no hire keeps the loop out of the interviewing stages until More signal needed reopens it", () => {
    for (const to of beforeDecided) {
      expect(stageMoveRefusal(to, "hire"), to).toMatch(/record More signal needed in the debrief to reopen the loop/);
      expect(stageMoveRefusal(to, "no_hire"), to).toMatch(/no hire decision/);
      expect(stageMoveRefusal(to, "more_signal"), to).toBeNull();
      expect(stageMoveRefusal(to, null), to).toBeNull();
    }
  });

  it("a recorded decision moves the loop: hire and no hire settle it, More signal needed reopens it", () => {
    expect(stageAfterDecision("debrief", "hire")).toBe("decided");
    expect(stageAfterDecision("awaiting_feedback", "no_hire")).toBe("decided");
    expect(stageAfterDecision("offer", "hire")).toBe("offer");
    expect(stageAfterDecision("offer", "no_hire")).toBe("decided");
    expect(stageAfterDecision("debrief", "more_signal")).toBe("loop_scheduled");
    expect(stageAfterDecision("decided", "more_signal")).toBe("loop_scheduled");
    for (const outcome of ["hire", "no_hire", "more_signal"] as const) {
      expect(stageAfterDecision("closed", outcome)).toBe("closed");
    }
  });
});

describe("scheduling warnings", () => {
  it("detects overlapping slots, not touching ones", () => {
    expect(overlaps({ start: at(0), minutes: 60 }, { start: at(0.5), minutes: 60 })).toBe(true);
    expect(overlaps({ start: at(0), minutes: 60 }, { start: at(1), minutes: 60 })).toBe(false);
  });

  it("warns about clashes and about an interviewer who already meets the candidate", () => {
    const warnings = schedulingWarnings({
      proposed: { start: at(0), minutes: 45 },
      interviewerName: "Sam",
      interviewerRounds: [
        { start: at(0.5), minutes: 45, label: "Behavioral with Ada" },
        { start: at(5), minutes: 45, label: "later" },
      ],
      alreadyMetCandidate: true,
    });
    expect(warnings.map((warning) => warning.kind)).toEqual(["clash", "repeat_interviewer"]);
    expect(warnings[0]!.message).toContain("Behavioral with Ada");
  });
});
