import { z } from "zod";
import { choiceToValue, NO_SIGNAL, ratingChoices, type RatingChoice } from "~/domain/rating-scale";

/**
 * The feedback form's one schema, built for the rubric version the feedback
 * is written against, and used by the browser (Conform) and the server alike.
 * Field names: ratings.<dimensionKey>.value ("none" or "1"-"4"),
 * ratings.<dimensionKey>.evidence, flags, recommendation, summary.
 */
export const FEEDBACK_LIMITS = { evidence: 2000, summary: 4000, reason: 1000 } as const;

export const recommendationSchema = z.enum(["strong_no", "no", "yes", "strong_yes"], {
  error: "Choose an overall recommendation",
});

export type FeedbackMode = "draft" | "submit" | "amend";

function ratingSchema() {
  return z.object({
    value: z.enum(ratingChoices, { error: "Choose a rating or No signal" }).optional(),
    evidence: z
      .string()
      .trim()
      .max(FEEDBACK_LIMITS.evidence, `Keep evidence under ${FEEDBACK_LIMITS.evidence} characters`)
      .optional()
      .default(""),
  });
}

export function feedbackSchema(dimensionKeys: readonly string[], mode: FeedbackMode) {
  const ratings = z.object(
    Object.fromEntries(dimensionKeys.map((key) => [key, ratingSchema().optional().default({ evidence: "" })])),
  );
  const base = z.object({
    ratings: ratings.optional().default(Object.fromEntries(dimensionKeys.map((key) => [key, { evidence: "" }]))),
    flags: z.array(z.string().max(80)).max(50).optional().default([]),
    recommendation: recommendationSchema.optional(),
    summary: z
      .string()
      .trim()
      .max(FEEDBACK_LIMITS.summary, `Keep the summary under ${FEEDBACK_LIMITS.summary} characters`)
      .optional()
      .default(""),
    version: z.coerce.number({ error: "Reload the page: the form is missing its version" }).int().min(0),
    submitKey: z.string().max(100).optional(),
    reason:
      mode === "amend"
        ? z
            .string({ error: "Say why you are amending submitted feedback" })
            .trim()
            .min(1, "Say why you are amending submitted feedback")
            .max(FEEDBACK_LIMITS.reason, `Keep the reason under ${FEEDBACK_LIMITS.reason} characters`)
        : z.string().optional(),
  });
  if (mode === "draft") return base;
  return base.superRefine((value, context) => {
    for (const key of dimensionKeys) {
      const rating = value.ratings[key] as { value?: RatingChoice; evidence: string } | undefined;
      if (!rating?.value) {
        context.addIssue({ code: "custom", path: ["ratings", key, "value"], message: "Choose a rating or No signal" });
      } else if (rating.value !== NO_SIGNAL && !rating.evidence) {
        context.addIssue({
          code: "custom",
          path: ["ratings", key, "evidence"],
          message: "Add the evidence behind this rating: what the candidate said or did",
        });
      }
    }
    if (!value.recommendation) {
      context.addIssue({ code: "custom", path: ["recommendation"], message: "Choose an overall recommendation" });
    }
    if (!value.summary) {
      context.addIssue({ code: "custom", path: ["summary"], message: "Write a short summary of the round" });
    }
  });
}

export type FeedbackInput = z.output<ReturnType<typeof feedbackSchema>>;

/** The content of a feedback form in domain terms (null = no signal). */
export interface FeedbackContent {
  ratings: { dimensionKey: string; value: number | null; evidence: string }[];
  flagKeys: string[];
  recommendation: z.output<typeof recommendationSchema> | null;
  summary: string;
}

export function toContent(
  input: FeedbackInput,
  dimensionKeys: readonly string[],
  knownFlags: readonly string[],
): FeedbackContent {
  return {
    ratings: dimensionKeys.map((key) => {
      const rating = input.ratings[key] as { value?: RatingChoice; evidence: string } | undefined;
      return { dimensionKey: key, value: choiceToValue(rating?.value), evidence: rating?.evidence ?? "" };
    }),
    // Unknown flag keys (a tampered form, an old tab) are dropped rather than stored.
    flagKeys: [...new Set(input.flags.filter((flag) => knownFlags.includes(flag)))],
    recommendation: input.recommendation ?? null,
    summary: input.summary,
  };
}
