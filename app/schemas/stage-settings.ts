import { z } from "zod";
import type { LoopStage } from "~/generated/prisma/enums";

/** The stages with an expected duration (a closed loop stays closed). */
export const TIMED_STAGES = [
  "sourced",
  "screen",
  "loop_scheduled",
  "in_loop",
  "awaiting_feedback",
  "debrief",
  "decided",
  "offer",
] as const satisfies readonly LoopStage[];

const days = z.coerce
  .number({ error: "Enter a number of days" })
  .int("Use whole days")
  .min(1, "At least 1 day")
  .max(365, "At most 365 days");

/** How many days a loop may stay in each stage before the pipeline marks it stuck. */
export const stageSettingsSchema = z.object(
  Object.fromEntries(TIMED_STAGES.map((stage) => [stage, days])) as Record<(typeof TIMED_STAGES)[number], typeof days>,
);
