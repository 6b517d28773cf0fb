import type { Person } from "~/domain/permissions";
import type { VoidFeedbackInput } from "~/schemas/void-feedback";
import { recordAudit } from "../audit.server";
import { authorizeLoop } from "../auth/permissions.server";
import { prisma } from "../db.server";
import { ServiceError } from "../service-error.server";

/**
 * Voids a submitted scorecard: it stays on the record, struck through with who
 * voided it, when and why, and leaves every statistic (debrief figures,
 * calibration, exports). Admins only, and not while they owe feedback on the
 * loop themselves (domain/permissions.ts). Audited.
 */
export async function voidFeedback(
  admin: Person,
  loopId: string,
  input: Pick<VoidFeedbackInput, "feedbackId" | "reason">,
  now = new Date(),
) {
  await prisma.$transaction(async (tx) => {
    await authorizeLoop(admin, loopId, "feedback.void", tx);
    const feedback = await tx.feedback.findFirst({
      where: { id: input.feedbackId, round: { loopId } },
      select: { id: true, status: true, interviewerId: true, roundId: true },
    });
    if (!feedback) throw new ServiceError(404, "That scorecard is not part of this loop.");
    if (feedback.status !== "submitted")
      throw new ServiceError(409, "Only submitted scorecards can be voided; this one is still a draft.");
    // Conditional, so two admins voiding at once leave one void and one clear refusal.
    const updated = await tx.feedback.updateMany({
      where: { id: feedback.id, status: "submitted", voidedAt: null },
      data: { voidedAt: now, voidedById: admin.id, voidReason: input.reason },
    });
    if (updated.count === 0) throw new ServiceError(409, "This scorecard was already voided.");
    await recordAudit(
      {
        actorId: admin.id,
        action: "feedback.voided",
        entityType: "Feedback",
        entityId: feedback.id,
        loopId,
        data: {
          feedbackId: feedback.id,
          roundId: feedback.roundId,
          interviewerId: feedback.interviewerId,
          reason: input.reason,
        },
      },
      tx,
    );
  });
}
