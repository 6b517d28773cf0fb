import { z } from "zod";

/** The summary's period in days; anything else falls back to six months. */
export const summaryPeriodSchema = z.enum(["90", "180", "365"]).default("180").catch("180");
