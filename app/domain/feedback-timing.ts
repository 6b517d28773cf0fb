/**
 * Where a round stands from its interviewer's point of view. Pure, so the
 * rules (upcoming, awaiting feedback, overdue, submitted) have one home.
 */
export type RoundFeedbackState = "upcoming" | "awaiting" | "overdue" | "submitted" | "cancelled";

export interface RoundTiming {
  status: "scheduled" | "completed" | "cancelled";
  scheduledAt: Date | null;
  durationMinutes: number;
  feedbackDueAt: Date | null;
  feedbackStatus: "draft" | "submitted" | null;
}

export const DEFAULT_FEEDBACK_HOURS = 24;

export function feedbackDueAt(scheduledAt: Date, durationMinutes: number, hours = DEFAULT_FEEDBACK_HOURS): Date {
  return new Date(scheduledAt.getTime() + durationMinutes * 60_000 + hours * 3_600_000);
}

export function roundFeedbackState(round: RoundTiming, now: Date): RoundFeedbackState {
  if (round.status === "cancelled") return "cancelled";
  if (round.feedbackStatus === "submitted") return "submitted";
  const ended = round.scheduledAt
    ? round.scheduledAt.getTime() + round.durationMinutes * 60_000 <= now.getTime()
    : false;
  if (!ended && round.status !== "completed") return "upcoming";
  const due =
    round.feedbackDueAt ?? (round.scheduledAt ? feedbackDueAt(round.scheduledAt, round.durationMinutes) : null);
  return due && due.getTime() < now.getTime() ? "overdue" : "awaiting";
}

/** "3 h", "2 d 4 h": a compact duration for tables. */
export function formatDuration(ms: number): string {
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  if (hours < 1) return `${Math.max(1, Math.floor(Math.abs(ms) / 60_000))} min`;
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

export interface RoundForProgress extends Omit<RoundTiming, "feedbackStatus"> {
  interviewerId: string | null;
  feedback: { interviewerId: string; status: "draft" | "submitted" }[];
}

/** A loop's feedback completeness: submitted of expected (rounds that have happened), and how many are overdue. */
export function feedbackProgress(rounds: RoundForProgress[], now: Date) {
  let expected = 0;
  let submitted = 0;
  let overdue = 0;
  for (const round of rounds) {
    const own = round.feedback.find((feedback) => feedback.interviewerId === round.interviewerId);
    const state = roundFeedbackState({ ...round, feedbackStatus: own?.status ?? null }, now);
    if (state === "upcoming" || state === "cancelled") continue;
    expected += 1;
    if (state === "submitted") submitted += 1;
    if (state === "overdue") overdue += 1;
  }
  return { expected, submitted, overdue };
}
