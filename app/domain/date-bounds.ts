/**
 * Sane dates for scheduling (pure). A date a person types must name a real
 * moment (no 30 February, no 25:61 rolled over into another day), and a round
 * must fall between the day its loop opened and a horizon ahead; year 9999
 * would also overflow the dates computed from it.
 */
export const SCHEDULE_HORIZON_DAYS = 5 * 365;
const DAY = 86_400_000;

/** "YYYY-MM-DDTHH:MM" (a datetime-local value) read as UTC, or null when it names no real moment. */
export function parseDateTimeLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(`${value}:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 16) !== value) return null;
  return date;
}

/** Why a round cannot be held at `at`, or null when it can. */
export function roundDateProblem(at: Date, bounds: { loopOpenedAt: Date; now: Date }): string | null {
  const opened = new Date(bounds.loopOpenedAt);
  opened.setUTCHours(0, 0, 0, 0);
  if (at < opened) {
    return `A round cannot be before the loop opened (${opened.toISOString().slice(0, 10)}).`;
  }
  if (at.getTime() > bounds.now.getTime() + SCHEDULE_HORIZON_DAYS * DAY) {
    return "Schedule rounds at most five years ahead.";
  }
  return null;
}
