import { z } from "zod";
import { roundTypes } from "~/domain/vocabulary";

export const calibrationQuerySchema = z.object({
  period: z.enum(["90", "180", "365", "all"]).default("365").catch("365"),
  roundType: z
    .enum(roundTypes as [string, ...string[]])
    .optional()
    .catch(undefined),
  hiringManager: z.string().max(40).optional().catch(undefined),
});

export type CalibrationQuery = z.output<typeof calibrationQuerySchema>;
