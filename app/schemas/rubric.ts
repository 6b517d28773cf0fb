import { z } from "zod";

export const RUBRIC_NOTES_LIMIT = 2000;

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Keep ${label} under ${max} characters`);

export const dimensionSchema = z.object({
  key: z
    .string({ error: "Enter a key" })
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,40}$/, "Use 2-41 lower-case letters, digits or underscores, starting with a letter"),
  name: text("a name", 80),
  definition: text("a one-line definition", 300),
  lowLabel: text("a label for the low end", 40),
  highLabel: text("a label for the high end", 40),
  anchor1: text("what a 1 sounds like", 600),
  anchor2: text("what a 2 sounds like", 600),
  anchor3: text("what a 3 sounds like", 600),
  anchor4: text("what a 4 sounds like", 600),
});

export type DimensionInput = z.output<typeof dimensionSchema>;

export const rubricDetailsSchema = z.object({
  name: text("a name", 120),
  notes: z
    .string()
    .trim()
    .max(RUBRIC_NOTES_LIMIT, `Keep the notes under ${RUBRIC_NOTES_LIMIT} characters`)
    .optional()
    .default(""),
});

const lines = (label: string) =>
  z
    .string()
    .optional()
    .default("")
    .transform((value) =>
      value
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(400, `Keep each ${label} under 400 characters`)).max(20, `At most 20 ${label}s`));

export const roundKitSchema = z.object({
  name: text("a name", 80),
  purpose: text("the purpose", 600),
  defaultMinutes: z.coerce
    .number({ error: "Enter the length in minutes" })
    .int("Use whole minutes")
    .min(10, "At least 10 minutes")
    .max(240, "At most 240 minutes"),
  focusDimensionKeys: z.array(z.string()).optional().default([]),
  questions: lines("question"),
  listenFor: lines("line"),
});

/** "Start a new version": the button names its intent, so a stray or forged empty POST creates nothing. */
export const newRubricVersionSchema = z.object({ intent: z.literal("new_draft", { error: "Unknown request" }) });

/** Reordering or removing a dimension of a draft rubric, from the buttons beside it. */
export const dimensionActionSchema = z.object({
  intent: z.enum(["move-up", "move-down", "remove"]),
  dimensionId: z.string().min(1),
});
