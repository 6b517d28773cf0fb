import { z } from "zod";
import { decisionOutcomes } from "~/domain/vocabulary";

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
      .max(4000, "Keep the rationale under 4000 characters"),
    dimensionKeys: z.array(z.string().max(60)).min(1, "Name at least one dimension the decision rests on").max(20),
    dissent: z.string().trim().max(4000, "Keep dissent notes under 4000 characters").optional().default(""),
  })
  .superRefine((value, context) => {
    if (value.outcome === "hire" && !value.level)
      context.addIssue({ code: "custom", path: ["level"], message: "Set the level to hire at" });
  });

export type DecisionInput = z.output<typeof decisionSchema>;
