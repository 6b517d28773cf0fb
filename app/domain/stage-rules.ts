import type { LoopStage } from "~/generated/prisma/enums";
import { stageOrder } from "./stages";

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

export function automaticStage(current: LoopStage, rounds: RoundForStage[], now: Date): LoopStage {
  if (!AUTOMATIC.includes(current) || current === "debrief") return current;
  const live = rounds.filter((round) => round.status !== "cancelled");
  const panel = live.filter((round) => round.type !== "recruiter_screen");
  if (live.length === 0) return current;
  const ended = (round: RoundForStage) =>
    round.status === "completed" ||
    (round.scheduledAt !== null && round.scheduledAt.getTime() + round.durationMinutes * 60_000 <= now.getTime());
  let next: LoopStage = current;
  if (panel.length && panel.every((round) => round.scheduledAt && round.interviewerId)) next = "loop_scheduled";
  if (panel.some(ended)) next = "in_loop";
  if (live.every(ended)) next = live.every((round) => round.submitted) ? "debrief" : "awaiting_feedback";
  return stageOrder.indexOf(next) > stageOrder.indexOf(current) ? next : current;
}
