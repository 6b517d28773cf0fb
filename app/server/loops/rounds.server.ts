import { roundDateProblem } from "~/domain/date-bounds";
import { feedbackDueAt } from "~/domain/feedback-timing";
import { schedulingWarnings, type SchedulingWarning } from "~/domain/scheduling";
import type { Role, RoundType } from "~/generated/prisma/enums";
import { prisma } from "../db.server";
import { cancelRounds, slotJson } from "./round-changes.server";
import { applyAutomaticStage } from "./stage.server";
import { ServiceError } from "../service-error.server";
import { roundTypeLabels, stageLabels } from "~/domain/vocabulary";
import { type Actor } from "./acting.server";

/** Rounds: scheduling, rescheduling, cancelling, and adding one after More signal needed. */

/** A round whose type has no kit (an admin removed it) is planned at this length, with no focus dimensions. */
export const DEFAULT_ROUND_MINUTES = 45;

/**
 * Schedules or reschedules a round. Clashes with the interviewer's other rounds
 * and a repeat interviewer are warnings: the first attempt returns them and
 * saves nothing; confirming saves. Rescheduling needs a reason; every change is kept.
 */
export async function scheduleRound(
  actor: Actor,
  input: {
    loopId: string;
    roundId: string;
    scheduledAt: Date;
    durationMinutes: number;
    interviewerId: string;
    reason: string;
    confirm: boolean;
  },
  now = new Date(),
): Promise<{ saved: true } | { saved: false; warnings: SchedulingWarning[] }> {
  const round = await prisma.round.findFirst({
    where: { id: input.roundId, loopId: input.loopId },
    select: {
      id: true,
      type: true,
      status: true,
      scheduledAt: true,
      durationMinutes: true,
      interviewerId: true,
      loopId: true,
      loop: { select: { candidateId: true, stage: true, startedAt: true } },
      feedback: { select: { interviewerId: true, status: true } },
    },
  });
  if (!round) throw new ServiceError(404, "That round does not exist.");
  if (round.status === "cancelled") throw new ServiceError(409, "This round was cancelled.");
  if (round.feedback.some((feedback) => feedback.status === "submitted"))
    throw new ServiceError(409, "Feedback is already submitted for this round; it cannot move.");
  const dateProblem = roundDateProblem(input.scheduledAt, { loopOpenedAt: round.loop.startedAt, now });
  if (dateProblem) throw new ServiceError(400, dateProblem, { field: "scheduledAt" });
  const interviewer = await prisma.user.findUnique({
    where: { id: input.interviewerId },
    select: { id: true, name: true, role: true, active: true },
  });
  const allowed: Role[] =
    round.type === "recruiter_screen"
      ? ["recruiter", "interviewer", "hiring_manager"]
      : ["interviewer", "hiring_manager"];
  if (!interviewer || !interviewer.active || !allowed.includes(interviewer.role)) {
    throw new ServiceError(400, "Choose an active interviewer.", { field: "interviewerId" });
  }
  const rescheduling = Boolean(round.scheduledAt);
  if (rescheduling && !input.reason) throw new ServiceError(400, "Say why the round is moving.", { field: "reason" });

  if (!input.confirm) {
    const [others, met] = await Promise.all([
      prisma.round.findMany({
        where: {
          interviewerId: interviewer.id,
          status: { not: "cancelled" },
          scheduledAt: { not: null },
          id: { not: round.id },
        },
        select: {
          type: true,
          scheduledAt: true,
          durationMinutes: true,
          loop: { select: { candidate: { select: { name: true } } } },
        },
      }),
      prisma.round.count({
        where: {
          interviewerId: interviewer.id,
          id: { not: round.id },
          status: { not: "cancelled" },
          loop: { candidateId: round.loop.candidateId },
        },
      }),
    ]);
    const warnings = schedulingWarnings({
      proposed: { start: input.scheduledAt, minutes: input.durationMinutes },
      interviewerName: interviewer.name,
      interviewerRounds: others.map((other) => ({
        start: other.scheduledAt!,
        minutes: other.durationMinutes,
        label: `${roundTypeLabels[other.type]} with ${other.loop.candidate.name}`,
      })),
      alreadyMetCandidate: met > 0,
    });
    if (warnings.length) return { saved: false, warnings };
  }

  await prisma.$transaction(async (tx) => {
    const after = {
      scheduledAt: input.scheduledAt,
      durationMinutes: input.durationMinutes,
      interviewerId: interviewer.id,
    };
    await tx.round.update({
      where: { id: round.id },
      data: { ...after, status: "scheduled", feedbackDueAt: feedbackDueAt(input.scheduledAt, input.durationMinutes) },
    });
    await tx.roundChange.create({
      data: {
        roundId: round.id,
        kind: rescheduling ? "rescheduled" : "scheduled",
        before: slotJson(round),
        after: slotJson(after),
        reason: input.reason,
        changedById: actor.id,
        changedAt: now,
      },
    });
    await applyAutomaticStage(tx, round.loopId, actor.id, now);
  });
  return { saved: true };
}

/** Why a round with submitted feedback stays: the record is kept whole. */
export const SUBMITTED_ROUND_STAYS =
  "Feedback is already submitted for this round, so it stays on the record and cannot be cancelled. If the scorecard should not count, an admin can void it (with a reason) from the debrief.";

/** Cancels a round with a reason. A round with submitted feedback is part of the record and is refused. */
export async function cancelRound(
  actor: Actor,
  input: { loopId: string; roundId: string; reason: string },
  now = new Date(),
) {
  await prisma.$transaction(async (tx) => {
    const round = await tx.round.findFirst({
      where: { id: input.roundId, loopId: input.loopId },
      select: {
        id: true,
        status: true,
        loopId: true,
        scheduledAt: true,
        durationMinutes: true,
        interviewerId: true,
        feedback: { where: { status: "submitted" }, select: { id: true } },
      },
    });
    if (!round) throw new ServiceError(404, "That round does not exist.");
    if (round.status === "cancelled") return;
    if (round.feedback.length) throw new ServiceError(409, SUBMITTED_ROUND_STAYS);
    await cancelRounds(tx, [round], actor.id, input.reason, now);
    await applyAutomaticStage(tx, round.loopId, actor.id, now);
  });
}

/**
 * Adds a round to a loop that is still interviewing (for instance after More
 * signal needed), planned from its round type's kit, to be scheduled like the others.
 */
export async function addRound(actor: Actor, input: { loopId: string; type: RoundType }, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    const loop = await tx.loop.findUnique({
      where: { id: input.loopId },
      select: { stage: true, rounds: { orderBy: { position: "desc" }, take: 1, select: { position: true } } },
    });
    if (!loop) throw new ServiceError(404, "That loop does not exist.");
    if (loop.stage === "decided" || loop.stage === "offer" || loop.stage === "closed")
      throw new ServiceError(
        409,
        `The loop is ${stageLabels[loop.stage].toLowerCase()}: rounds are added while it is still interviewing (record More signal needed in the debrief to reopen it).`,
        { field: "type" },
      );
    const kit = await tx.roundKit.findUnique({
      where: { type: input.type },
      select: { defaultMinutes: true, focusDimensionKeys: true },
    });
    const round = await tx.round.create({
      data: {
        loopId: input.loopId,
        type: input.type,
        position: (loop.rounds[0]?.position ?? 0) + 1,
        durationMinutes: kit?.defaultMinutes ?? DEFAULT_ROUND_MINUTES,
        focusDimensionKeys: kit?.focusDimensionKeys ?? [],
      },
      select: { id: true },
    });
    await tx.roundChange.create({
      data: { roundId: round.id, kind: "planned", after: { type: input.type }, changedById: actor.id, changedAt: now },
    });
  });
}
