import { automaticStage } from "~/domain/stage-rules";
import type { Prisma } from "~/generated/prisma/client";
import type { LoopStage } from "~/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** Records a stage change (who, when, why) and moves the loop. */
export async function moveStage(
  tx: Tx,
  loopId: string,
  from: LoopStage,
  to: LoopStage,
  actorId: string | null,
  reason: string,
  now = new Date(),
) {
  if (from === to) return;
  await tx.loop.update({
    where: { id: loopId },
    data: { stage: to, stageChangedAt: now, closedAt: to === "closed" ? now : null },
  });
  await tx.stageChange.create({
    data: { loopId, fromStage: from, toStage: to, changedAt: now, changedById: actorId, reason },
  });
}

/** Applies the automatic stage rules after rounds or feedback changed. */
export async function applyAutomaticStage(tx: Tx, loopId: string, actorId: string | null, now = new Date()) {
  const loop = await tx.loop.findUniqueOrThrow({
    where: { id: loopId },
    select: {
      stage: true,
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
  const next = automaticStage(
    loop.stage,
    loop.rounds.map((round) => ({
      ...round,
      submitted: round.feedback.some((feedback) => feedback.interviewerId === round.interviewerId),
    })),
    now,
  );
  await moveStage(tx, loopId, loop.stage, next, actorId, "automatic", now);
  return next;
}
