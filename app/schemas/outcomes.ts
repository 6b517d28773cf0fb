import { z } from "zod";

/**
 * A hire's later outcomes. Every field may stay empty until it is known; a
 * performance value must be a level of the admin's scale (passed in, so the
 * browser and the server check the same thing).
 */
export function outcomeSchemaFor(levels: readonly number[]) {
  const level = (when: string) =>
    z.coerce
      .number({ error: `Choose the performance at ${when} from the scale` })
      .int(`Choose the performance at ${when} from the scale`)
      .refine((value) => levels.includes(value), `Choose the performance at ${when} from the scale`)
      .optional();
  return z.object({
    performance6: level("6 months"),
    performance12: level("12 months"),
    stillInRole: z.enum(["yes", "no"], { error: "Answer yes, no, or leave it for later" }).optional(),
  });
}

export type OutcomeInput = z.output<ReturnType<typeof outcomeSchemaFor>>;

/** The performance scale: one label per line, lowest level first. */
export const performanceScaleSchema = z.object({
  labels: z
    .string({ error: "Write the scale's labels, one per line, lowest first" })
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(60, "Keep each label under 60 characters"))
        .min(2, "A scale needs at least two levels")
        .max(10, "A scale has at most ten levels"),
    ),
});
