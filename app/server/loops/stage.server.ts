import { automaticStage } from "~/domain/stage-rules";
import type { Prisma } from "~/generated/prisma/client";
import type { LoopStage } from "~/generated/prisma/enums";
import { cancelRounds, openRoundsOf } from "./round-changes.server";

type Tx = Prisma.TransactionClient;

/**
 * The one writer of a loop's stage: records the change (who, when, why) and
 * moves the loop. Closing also cancels the loop's open rounds (scheduled, no
 * feedback submitted) with the same reason, so nobody interviews for a loop
 * that has ended and no reminder goes out for it. Returns the rounds it cancelled.
 */
export async function moveStage(
  tx: Tx,
  loopId: string,
  from: LoopStage,
  to: LoopStage,
  actorId: string | null,
  reason: string,
  now = new Date(),
): Promise<{ cancelledRoundIds: string[] }> {
  if (from === to) return { cancelledRoundIds: [] };
  await tx.loop.update({
    where: { id: loopId },
    data: { stage: to, stageChangedAt: now, closedAt: to === "closed" ? now : null },
  });
  await tx.stageChange.create({
    data: { loopId, fromStage: from, toStage: to, changedAt: now, changedById: actorId, reason },
  });
  if (to !== "closed") return { cancelledRoundIds: [] };
  if (!actorId) throw new Error("Only a person closes a loop.");
  const open = await openRoundsOf(tx, loopId);
  await cancelRounds(tx, open, actorId, reason, now);
  return { cancelledRoundIds: open.map((round) => round.id) };
}

/** Applies the automatic stage rules after rounds or feedback changed. */
export async function applyAutomaticStage(tx: Tx, loopId: string, actorId: string | null, now = new Date()) {
  const loop = await tx.loop.findUniqueOrThrow({
    where: { id: loopId },
    select: {
      stage: true,
      decisions: { where: { supersededAt: null }, select: { outcome: true, decidedAt: true } },
      rounds: {
        select: {
          type: true,
          status: true,
          scheduledAt: true,
          durationMinutes: true,
          interviewerId: true,
          feedback: { where: { status: "submitted" }, select: { interviewerId: true } },
        },
      },
    },
  });
  // After More signal needed, only the further rounds move the loop on.
  const current = loop.decisions[0];
  const reopenedAt = current?.outcome === "more_signal" ? current.decidedAt : null;
  const next = automaticStage(
    loop.stage,
    loop.rounds.map((round) => ({
      ...round,
      submitted: round.feedback.some((feedback) => feedback.interviewerId === round.interviewerId),
    })),
    now,
    reopenedAt,
  );
  await moveStage(tx, loopId, loop.stage, next, actorId, "automatic", now);
  return next;
}
