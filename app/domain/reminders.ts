/**
 * When to remind whom. Feedback not submitted by its due time gets a reminder
 * then, and one a day after until it is submitted or the round is cancelled,
 * at most MAX_FEEDBACK_REMINDERS. An upcoming round gets one notice a day
 * before. Pure: the scheduler turns these into jobs with unique keys, so each
 * reminder is sent once however many app servers plan it.
 */
export const MAX_FEEDBACK_REMINDERS = 5;
export const REMINDER_INTERVAL_HOURS = 24;
export const UPCOMING_NOTICE_HOURS = 24;

export interface RoundForReminders {
  roundId: string;
  status: "scheduled" | "completed" | "cancelled";
  interviewerId: string | null;
  scheduledAt: Date | null;
  feedbackDueAt: Date | null;
  submitted: boolean;
}

export interface PlannedReminder {
  kind: "feedback_overdue" | "round_upcoming";
  roundId: string;
  interviewerId: string;
  /** 1 for the first overdue reminder, 2 for the next day's, ... */
  sequence: number;
  /** Unique per reminder: planning twice (or on two servers) yields the same key. */
  key: string;
  runAt: Date;
}

export function plannedReminders(rounds: RoundForReminders[], now: Date): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  for (const round of rounds) {
    if (round.status === "cancelled" || !round.interviewerId) continue;
    if (round.scheduledAt && !round.submitted) {
      const untilStart = round.scheduledAt.getTime() - now.getTime();
      if (untilStart > 0 && untilStart <= UPCOMING_NOTICE_HOURS * 3_600_000) {
        planned.push({
          kind: "round_upcoming",
          roundId: round.roundId,
          interviewerId: round.interviewerId,
          sequence: 1,
          key: `round_upcoming:${round.roundId}:${round.scheduledAt.toISOString()}`,
          runAt: now,
        });
      }
    }
    if (round.submitted || !round.feedbackDueAt || round.feedbackDueAt > now) continue;
    const overdueHours = (now.getTime() - round.feedbackDueAt.getTime()) / 3_600_000;
    const sequence = Math.min(MAX_FEEDBACK_REMINDERS, Math.floor(overdueHours / REMINDER_INTERVAL_HOURS) + 1);
    for (let n = 1; n <= sequence; n++) {
      planned.push({
        kind: "feedback_overdue",
        roundId: round.roundId,
        interviewerId: round.interviewerId,
        sequence: n,
        key: `feedback_overdue:${round.roundId}:${n}`,
        runAt: new Date(round.feedbackDueAt.getTime() + (n - 1) * REMINDER_INTERVAL_HOURS * 3_600_000),
      });
    }
  }
  return planned;
}
