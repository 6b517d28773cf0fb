import { recordAudit } from "../audit.server";
import { prisma } from "../db.server";
import { endAllSessionsOf } from "./session.server";
import { ServiceError } from "../service-error.server";

/**
 * Ends every session of a person: their own "sign out everywhere" (a lost
 * laptop, a shared computer), or an admin's on their behalf. Audited when an
 * admin does it for someone else.
 */
export async function signOutEverywhere(
  actor: { id: string },
  userId: string,
): Promise<{ name: string; ended: number }> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
  if (!user) throw new ServiceError(404, "There is no such person.");
  const ended = await endAllSessionsOf(user.id);
  if (actor.id !== user.id) {
    await recordAudit({
      actorId: actor.id,
      action: "user.signed_out_everywhere",
      entityType: "User",
      entityId: user.id,
      data: { sessions: ended },
    });
  }
  return { name: user.name, ended };
}
