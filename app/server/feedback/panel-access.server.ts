import type { Prisma } from "~/generated/prisma/client";
import type { SessionUser } from "../auth/session.server";
import { prisma } from "../db.server";

type Db = typeof prisma | Prisma.TransactionClient;

/**
 * Who may read the panel's feedback on a loop. This is the blind rule, and
 * every read of other people's feedback goes through it:
 * - "full": hiring managers, recruiters and admins (submitted feedback only);
 * - "unlocked": a panelist who has submitted feedback for every round of
 *   theirs in the loop that has taken place or is scheduled;
 * - "locked": a panelist who still owes feedback: they learn only that others
 *   submitted, and when;
 * - "none": not on this loop's panel.
 */
export type PanelAccess = "full" | "unlocked" | "locked" | "none";

export async function panelAccess(
  viewer: Pick<SessionUser, "id" | "role">,
  loopId: string,
  db: Db = prisma,
): Promise<PanelAccess> {
  if (viewer.role === "admin" || viewer.role === "recruiter" || viewer.role === "hiring_manager") return "full";
  const ownRounds = await db.round.findMany({
    where: { loopId, interviewerId: viewer.id, status: { not: "cancelled" } },
    select: { feedback: { where: { interviewerId: viewer.id, status: "submitted" }, select: { id: true } } },
  });
  if (ownRounds.length === 0) return "none";
  return ownRounds.every((round) => round.feedback.length > 0) ? "unlocked" : "locked";
}

export function canReadOthers(access: PanelAccess): boolean {
  return access === "full" || access === "unlocked";
}
