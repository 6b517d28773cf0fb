import { z } from "zod";
import { decisionOutcomes } from "~/domain/vocabulary";

export const DECISION_TEXT_LIMIT = 4000;

export const decisionSchema = z
  .object({
    outcome: z.enum(decisionOutcomes, { error: "Choose hire, no hire or more signal needed" }),
    level: z
      .string()
      .trim()
      .regex(/^L\d{1,2}$/, "Use a level such as L5")
      .optional(),
    rationale: z
      .string({ error: "Write the rationale: what the decision rests on" })
      .trim()
      .min(20, "Write the rationale in at least a sentence (20 characters)")
      .max(DECISION_TEXT_LIMIT, `Keep the rationale under ${DECISION_TEXT_LIMIT} characters`),
    dimensionKeys: z.array(z.string().max(60)).min(1, "Name at least one dimension the decision rests on").max(20),
    dissent: z
      .string()
      .trim()
      .max(DECISION_TEXT_LIMIT, `Keep dissent notes under ${DECISION_TEXT_LIMIT} characters`)
      .optional()
      .default(""),
  })
  .superRefine((value, context) => {
    if (value.outcome === "hire" && !value.level)
      context.addIssue({ code: "custom", path: ["level"], message: "Set the level to hire at" });
  });

export type DecisionInput = z.output<typeof decisionSchema>;
