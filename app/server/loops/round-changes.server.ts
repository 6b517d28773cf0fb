import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** A round's slot as kept in its change history. */
export function slotJson(round: {
  scheduledAt: Date | null;
  durationMinutes: number;
  interviewerId: string | null;
}): Prisma.InputJsonValue {
  return {
    scheduledAt: round.scheduledAt?.toISOString() ?? null,
    durationMinutes: round.durationMinutes,
    interviewerId: round.interviewerId,
  };
}

/** Rounds that may still be cancelled or reassigned: scheduled, and nobody's feedback on them submitted. */
export const openRoundWhere = {
  status: "scheduled",
  feedback: { none: { status: "submitted" } },
} as const satisfies Prisma.RoundWhereInput;

const roundSlotSelect = { id: true, scheduledAt: true, durationMinutes: true, interviewerId: true } as const;

/**
 * Cancels rounds with a reason, each change kept. A cancelled round gets no
 * more reminders: the scheduler plans none for it, and a reminder already
 * planned re-checks the round before it is sent (ADR 0007).
 */
export async function cancelRounds(
  tx: Tx,
  rounds: { id: string; scheduledAt: Date | null; durationMinutes: number; interviewerId: string | null }[],
  actorId: string,
  reason: string,
  now: Date,
) {
  if (rounds.length === 0) return;
  await tx.round.updateMany({
    where: { id: { in: rounds.map((round) => round.id) } },
    data: { status: "cancelled", cancelledReason: reason },
  });
  await tx.roundChange.createMany({
    data: rounds.map((round) => ({
      roundId: round.id,
      kind: "cancelled",
      before: slotJson(round),
      reason,
      changedById: actorId,
      changedAt: now,
    })),
  });
}

/** The loop's open rounds (see openRoundWhere), with their slots. */
export function openRoundsOf(tx: Tx, loopId: string) {
  return tx.round.findMany({ where: { loopId, ...openRoundWhere }, select: roundSlotSelect });
}
