import { z } from "zod";

/** An admin voids a submitted scorecard; the reason is shown wherever the scorecard is. */
export const voidFeedbackSchema = z.object({
  intent: z.literal("void"),
  feedbackId: z.string({ error: "Choose the scorecard to void" }).min(1, "Choose the scorecard to void"),
  reason: z
    .string({ error: "Say why this scorecard is voided" })
    .trim()
    .min(1, "Say why this scorecard is voided")
    .max(1000, "Keep the reason under 1000 characters"),
});

export type VoidFeedbackInput = z.output<typeof voidFeedbackSchema>;
