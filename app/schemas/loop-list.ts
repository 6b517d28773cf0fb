import { z } from "zod";
import { candidateSources, stageOrder, tracks } from "~/domain/vocabulary";

/** The list pages' query string. Unknown or malformed values fall back to defaults rather than erroring. */
export const loopListQuerySchema = z.object({
  stage: z
    .enum(stageOrder as [string, ...string[]])
    .optional()
    .catch(undefined),
  source: z.enum(candidateSources).optional().catch(undefined),
  track: z.enum(tracks).optional().catch(undefined),
  sort: z.enum(["stage_age", "loop_age", "candidate", "newest"]).default("stage_age").catch("stage_age"),
  show: z.enum(["active", "all"]).default("active").catch("active"),
  q: z.string().trim().max(100).optional().catch(undefined),
  recruiter: z.string().max(40).optional().catch(undefined),
  hiringManager: z.string().max(40).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  scope: z.enum(["mine", "all"]).optional().catch(undefined),
});

export type LoopListQuery = {
  stage?: (typeof stageOrder)[number];
  source?: "internal" | "external";
  track?: "core_pm" | "technical_pm" | "apm";
  sort: "stage_age" | "loop_age" | "candidate" | "newest";
  show: "active" | "all";
  q?: string;
  recruiter?: string;
  hiringManager?: string;
  overdue?: "1";
  scope?: "mine" | "all";
};

export function loopListQueryFrom(request: Request): LoopListQuery {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return loopListQuerySchema.parse(params) as LoopListQuery;
}
