import type { LoopStage } from "~/generated/prisma/enums";
import { stageOrder } from "./vocabulary";

/**
 * The stages a loop moves through by itself, as rounds are scheduled, held and
 * written up. It only ever moves forward, and never past "debrief": a decision,
 * an offer or closing are people's calls (the decision moves it to "decided").
 */
export interface RoundForStage {
  type: string;
  status: "scheduled" | "completed" | "cancelled";
  scheduledAt: Date | null;
  durationMinutes: number;
  interviewerId: string | null;
  /** The assigned interviewer has submitted feedback. */
  submitted: boolean;
}

const AUTOMATIC: LoopStage[] = ["sourced", "screen", "loop_scheduled", "in_loop", "awaiting_feedback", "debrief"];

const endedBy = (round: RoundForStage, at: Date) =>
  round.scheduledAt !== null && round.scheduledAt.getTime() + round.durationMinutes * 60_000 <= at.getTime();

/**
 * `reopenedAt`: when a More signal needed decision sent the loop back to loop
 * scheduling. Rounds that had ended by then belong to the earlier phase: only
 * the further rounds move the loop on again, so a late scorecard from the
 * first phase does not return it to debrief.
 */
export function automaticStage(
  current: LoopStage,
  rounds: RoundForStage[],
  now: Date,
  reopenedAt: Date | null = null,
): LoopStage {
  if (!AUTOMATIC.includes(current) || current === "debrief") return current;
  const live = rounds.filter((round) => round.status !== "cancelled" && !(reopenedAt && endedBy(round, reopenedAt)));
  const panel = live.filter((round) => round.type !== "recruiter_screen");
  if (live.length === 0) return current;
  const ended = (round: RoundForStage) => round.status === "completed" || endedBy(round, now);
  let next: LoopStage = current;
  if (panel.length && panel.every((round) => round.scheduledAt && round.interviewerId)) next = "loop_scheduled";
  if (panel.some(ended)) next = "in_loop";
  if (live.every(ended)) next = live.every((round) => round.submitted) ? "debrief" : "awaiting_feedback";
  return stageOrder.indexOf(next) > stageOrder.indexOf(current) ? next : current;
}

/** What a recorded decision says; only a current hire or no hire settles the loop. */
export type DecisionOutcome = "hire" | "no_hire" | "more_signal";

const DECIDED_AT = stageOrder.indexOf("decided");

/**
 * Why moving a loop to `to` by hand would contradict its current decision, or
 * null when the move is allowed. Closing is always allowed (a candidate may
 * withdraw at any point); "decided" is reached only by recording a decision;
 * an offer needs a hire; a settled loop (hire or no hire) does not go back to
 * interviewing unless someone records More signal needed.
 */
export function stageMoveRefusal(to: LoopStage, decision: DecisionOutcome | null): string | null {
  if (to === "closed") return null;
  if (to === "decided") return "A loop becomes decided when its hiring manager records the decision in the debrief.";
  if (to === "offer" && decision !== "hire")
    return decision === "no_hire"
      ? "The decision is no hire, so there is no offer to make."
      : "An offer needs a hire decision: the hiring manager records it in the debrief first.";
  if ((decision === "hire" || decision === "no_hire") && stageOrder.indexOf(to) < DECIDED_AT)
    return `The loop has a ${decision === "hire" ? "hire" : "no hire"} decision: record More signal needed in the debrief to reopen the loop.`;
  return null;
}

/**
 * The stage a loop takes when a decision is recorded. Hire and no hire settle
 * it ("decided"; a hire already at offer stays there); More signal needed
 * keeps it active and returns it to loop scheduling for further rounds. A
 * closed loop stays closed whatever is recorded.
 */
export function stageAfterDecision(current: LoopStage, outcome: DecisionOutcome): LoopStage {
  if (current === "closed") return current;
  if (outcome === "more_signal") return "loop_scheduled";
  if (outcome === "hire" && current === "offer") return current;
  return "decided";
}
