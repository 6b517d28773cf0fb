import { z } from "zod";
import { candidateSources, roundTypes, stageOrder, tracks } from "~/domain/vocabulary";
import { parseDateTimeLocal } from "~/domain/date-bounds";
import { emailSchema } from "./auth";

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Keep ${label} under ${max} characters`);
const level = z
  .string({ error: "Enter a level such as L5" })
  .trim()
  .regex(/^L\d{1,2}$/, "Use a level such as L5");

export const candidateSchema = z.object({
  name: text("the candidate's name", 120),
  email: emailSchema,
  currentRole: text("their current role", 120),
  currentLevel: level,
  source: z.enum(candidateSources, { error: "Choose internal or external" }),
  track: z.enum(tracks, { error: "Choose a track" }),
  targetLevel: level,
  hiringManagerId: z.string({ error: "Choose the hiring manager" }).min(1, "Choose the hiring manager"),
});

export const newLoopSchema = z.object({
  candidateId: z.string().min(1),
  roleTitle: text("the role title", 120),
  hiringManagerId: z.string({ error: "Choose the hiring manager" }).min(1, "Choose the hiring manager"),
  track: z.enum(tracks, { error: "Choose a track" }),
  targetLevel: level,
  templateId: z.string({ error: "Choose a loop template" }).min(1, "Choose a loop template"),
});

export const scheduleRoundSchema = z.object({
  intent: z.literal("schedule"),
  roundId: z.string().min(1),
  // datetime-local, read as UTC (the app shows times in UTC).
  scheduledAt: z
    .string({ error: "Choose a date and time" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time")
    .transform((value, context) => {
      const date = parseDateTimeLocal(value);
      if (!date) {
        context.addIssue({ code: "custom", message: "That date and time do not exist" });
        return z.NEVER;
      }
      return date;
    }),
  durationMinutes: z.coerce
    .number({ error: "Enter the length in minutes" })
    .int("Use whole minutes")
    .min(15, "At least 15 minutes")
    .max(240, "At most 240 minutes"),
  interviewerId: z.string({ error: "Choose an interviewer" }).min(1, "Choose an interviewer"),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters").optional().default(""),
  confirm: z.enum(["yes"]).optional(),
});

export const cancelRoundSchema = z.object({
  intent: z.literal("cancel"),
  roundId: z.string().min(1),
  reason: text("why the round is cancelled", 500),
});

export const changeStageSchema = z
  .object({
    intent: z.literal("stage"),
    stage: z.enum(stageOrder, { error: "Choose a stage" }),
    reason: z.string().trim().max(500, "Keep the reason under 500 characters").optional().default(""),
  })
  // Closing cancels the loop's open rounds with this reason, so it needs one.
  .superRefine((value, context) => {
    if (value.stage === "closed" && !value.reason)
      context.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Say why the loop is closing (for example, the candidate withdrew)",
      });
  });

export const addRoundSchema = z.object({
  intent: z.literal("add-round"),
  type: z.enum(roundTypes, { error: "Choose a round type" }),
});

export const loopDetailsSchema = newLoopSchema.omit({ candidateId: true, templateId: true });
