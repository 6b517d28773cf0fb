import { z } from "zod";
import { AUDIT_ACTION_PATTERN } from "~/domain/audit-actions";

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * Filters that cannot mislead when dropped: a malformed value (too long, or
 * with control characters, which the database refuses) is ignored rather than refused.
 */
const lenientText = (max: number) =>
  z
    .preprocess(
      blank,
      z
        .string()
        .trim()
        .max(max)
        .refine((value) => !/\p{Cc}/u.test(value))
        .optional(),
    )
    .catch(undefined);

export const auditFiltersSchema = z.object({
  /** A person's id, or "system" for events no person caused. */
  actor: lenientText(40),
  /** A loop id, or part of the candidate's name. */
  loop: lenientText(100),
  action: z.preprocess(blank, z.string().max(60).regex(AUDIT_ACTION_PATTERN).optional()).catch(undefined),
});

const day = (label: string) => {
  const message = `${label} must be a date such as 2026-01-31.`;
  return z.preprocess(
    blank,
    z.iso
      .date({ error: message })
      // The database's calendar starts at year 1; nothing in the log predates 1970.
      .refine((value) => value >= "1970-01-01", message)
      .optional(),
  );
};

/**
 * The period is refused, not ignored, when it cannot be read: a log silently
 * showing every date would look like a filtered one.
 */
export const auditPeriodSchema = z
  .object({ from: day("From"), to: day("To") })
  .refine((period) => !period.from || !period.to || period.from <= period.to, {
    path: ["to"],
    message: "The period ends before it starts: choose a To date on or after the From date.",
  });

export interface AuditQuery {
  actor?: string;
  loop?: string;
  action?: string;
  /** First day included, YYYY-MM-DD (UTC). */
  from?: string;
  /** Last day included, YYYY-MM-DD (UTC). */
  to?: string;
}

export type AuditQueryErrors = Partial<Record<"from" | "to", string>>;

/** The audit log's query string: the filters, and a message per period field that could not be used. */
export function auditQueryFrom(params: URLSearchParams): { query: AuditQuery; errors: AuditQueryErrors | null } {
  const raw = Object.fromEntries(params);
  const filters = auditFiltersSchema.parse(raw);
  const period = auditPeriodSchema.safeParse({ from: raw.from, to: raw.to });
  if (period.success) return { query: { ...filters, ...period.data }, errors: null };
  const fieldErrors = z.flattenError(period.error).fieldErrors;
  return { query: filters, errors: { from: fieldErrors.from?.[0], to: fieldErrors.to?.[0] } };
}
