import type { Prisma } from "~/generated/prisma/client";

/** The loop fields every loop page's header shows (debrief, recruiter's loop page). */
export const loopHeaderSelect = {
  id: true,
  roleTitle: true,
  track: true,
  targetLevel: true,
  stage: true,
  stageChangedAt: true,
  startedAt: true,
  debriefAt: true,
} satisfies Prisma.LoopSelect;
