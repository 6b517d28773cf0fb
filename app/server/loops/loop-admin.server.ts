import { roundDateProblem } from "~/domain/date-bounds";
import { feedbackDueAt } from "~/domain/feedback-timing";
import { schedulingWarnings, type SchedulingWarning } from "~/domain/scheduling";
import { stageMoveRefusal } from "~/domain/stage-rules";
import type { LoopStage, Role, RoundType, Track } from "~/generated/prisma/enums";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth/session.server";
import { isUniqueViolation, prisma } from "../db.server";
import { currentRubricVersion } from "../rubrics/rubrics.server";
import { cancelRounds, slotJson } from "./round-changes.server";
import { applyAutomaticStage, moveStage } from "./stage.server";
import { ServiceError } from "../service-error.server";
import { roundTypeLabels, stageLabels } from "~/domain/vocabulary";

/** A round whose type has no kit (an admin removed it) is planned at this length, with no focus dimensions. */
const DEFAULT_ROUND_MINUTES = 45;

type Actor = Pick<SessionUser, "id">;

export async function createCandidateRecord(
  actor: Actor,
  input: {
    name: string;
    email: string;
    currentRole: string;
    currentLevel: string;
    source: "internal" | "external";
    track: Track;
    targetLevel: string;
    hiringManagerId: string;
  },
) {
  const existing = await prisma.candidate.findUnique({
    where: { email: input.email },
    select: { id: true, name: true },
  });
  if (existing)
    throw new ServiceError(409, `${existing.name} already has this email.`, {
      field: "email",
      details: { existingCandidateId: existing.id },
    });
  await assertRole(input.hiringManagerId, ["hiring_manager"], "hiringManagerId");
  try {
    return await prisma.$transaction(async (tx) => {
      const candidate = await tx.candidate.create({ data: { ...input, recruiterId: actor.id }, select: { id: true } });
      await recordAudit(
        { actorId: actor.id, action: "candidate.created", entityType: "Candidate", entityId: candidate.id },
        tx,
      );
      return candidate;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const raced = await prisma.candidate.findUniqueOrThrow({
        where: { email: input.email },
        select: { id: true, name: true },
      });
      throw new ServiceError(409, `${raced.name} already has this email.`, {
        field: "email",
        details: { existingCandidateId: raced.id },
      });
    }
    throw error;
  }
}

async function assertRole(userId: string, roles: Role[], field: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
  if (!user || !user.active || !roles.includes(user.role))
    throw new ServiceError(400, "Choose an active person with the right role.", { field: field });
}

/** Opens a loop on the current rubric version, with its rounds planned from a template (unscheduled). */
export async function createLoopFromTemplate(
  actor: Actor,
  input: {
    candidateId: string;
    roleTitle: string;
    hiringManagerId: string;
    track: Track;
    targetLevel: string;
    templateId: string;
  },
  now = new Date(),
) {
  await assertRole(input.hiringManagerId, ["hiring_manager"], "hiringManagerId");
  const [candidate, template, rubric, kits] = await Promise.all([
    prisma.candidate.findUnique({ where: { id: input.candidateId }, select: { id: true } }),
    prisma.loopTemplate.findUnique({ where: { id: input.templateId }, select: { roundTypes: true } }),
    currentRubricVersion(),
    prisma.roundKit.findMany({ select: { type: true, defaultMinutes: true, focusDimensionKeys: true } }),
  ]);
  if (!candidate) throw new ServiceError(404, "That candidate does not exist.");
  if (!template) throw new ServiceError(400, "Choose a loop template.", { field: "templateId" });
  if (!rubric) throw new ServiceError(409, "Publish a rubric before opening loops.");
  return prisma.$transaction(async (tx) => {
    const loop = await tx.loop.create({
      data: {
        candidateId: input.candidateId,
        roleTitle: input.roleTitle,
        hiringManagerId: input.hiringManagerId,
        recruiterId: actor.id,
        track: input.track,
        targetLevel: input.targetLevel,
        rubricVersionId: rubric.id,
        stage: "sourced",
        stageChangedAt: now,
        startedAt: now,
      },
      select: { id: true },
    });
    await tx.stageChange.create({
      data: {
        loopId: loop.id,
        fromStage: null,
        toStage: "sourced",
        changedAt: now,
        changedById: actor.id,
        reason: "loop opened",
      },
    });
    for (const [position, type] of template.roundTypes.entries()) {
      const kit = kits.find((item) => item.type === type);
      const round = await tx.round.create({
        data: {
          loopId: loop.id,
          type,
          position,
          durationMinutes: kit?.defaultMinutes ?? DEFAULT_ROUND_MINUTES,
          focusDimensionKeys: kit?.focusDimensionKeys ?? [],
        },
        select: { id: true },
      });
      await tx.roundChange.create({
        data: { roundId: round.id, kind: "planned", after: { type }, changedById: actor.id, changedAt: now },
      });
    }
    await recordAudit(
      { actorId: actor.id, action: "loop.created", entityType: "Loop", entityId: loop.id, loopId: loop.id },
      tx,
    );
    return loop;
  });
}

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
 * Moves a loop's stage by hand. Moves that contradict the recorded decision
 * are refused (domain/stage-rules.ts); closing cancels the open rounds with
 * the reason given.
 */
export async function changeStage(actor: Actor, loopId: string, to: LoopStage, reason: string, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    const loop = await tx.loop.findUnique({
      where: { id: loopId },
      select: { stage: true, decisions: { where: { supersededAt: null }, select: { outcome: true } } },
    });
    if (!loop) throw new ServiceError(404, "That loop does not exist.");
    if (loop.stage === to) return;
    const refusal = stageMoveRefusal(to, loop.decisions[0]?.outcome ?? null);
    if (refusal) throw new ServiceError(409, refusal, { field: "stage" });
    const why = reason || "changed by hand";
    const { cancelledRoundIds } = await moveStage(tx, loopId, loop.stage, to, actor.id, why, now);
    await recordAudit(
      {
        actorId: actor.id,
        action: "loop.stage_changed",
        entityType: "Loop",
        entityId: loopId,
        loopId,
        data: { from: loop.stage, to, reason: why, cancelledRoundIds },
      },
      tx,
    );
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

/** Edits a candidate; the email stays unique (a clash names the other candidate). */
export async function updateCandidateRecord(
  actor: Actor,
  candidateId: string,
  input: {
    name: string;
    email: string;
    currentRole: string;
    currentLevel: string;
    source: "internal" | "external";
    track: Track;
    targetLevel: string;
    hiringManagerId: string;
  },
) {
  const clash = await prisma.candidate.findFirst({
    where: { email: input.email, id: { not: candidateId } },
    select: { id: true, name: true },
  });
  if (clash)
    throw new ServiceError(409, `${clash.name} already has this email.`, {
      field: "email",
      details: { existingCandidateId: clash.id },
    });
  await assertRole(input.hiringManagerId, ["hiring_manager"], "hiringManagerId");
  await prisma.$transaction(async (tx) => {
    const before = await tx.candidate.findUnique({ where: { id: candidateId } });
    if (!before) throw new ServiceError(404, "That candidate does not exist.");
    await tx.candidate.update({ where: { id: candidateId }, data: input });
    await recordAudit(
      {
        actorId: actor.id,
        action: "candidate.updated",
        entityType: "Candidate",
        entityId: candidateId,
        data: {
          before: { ...before, createdAt: before.createdAt.toISOString(), updatedAt: before.updatedAt.toISOString() },
          after: input,
        },
      },
      tx,
    );
  });
}

/** Edits a loop's role, hiring manager, track and level (its rubric version never changes). */
export async function updateLoopDetails(
  actor: Actor,
  loopId: string,
  input: { roleTitle: string; hiringManagerId: string; track: Track; targetLevel: string },
) {
  await assertRole(input.hiringManagerId, ["hiring_manager"], "hiringManagerId");
  await prisma.$transaction(async (tx) => {
    const before = await tx.loop.findUnique({
      where: { id: loopId },
      select: { roleTitle: true, hiringManagerId: true, track: true, targetLevel: true },
    });
    if (!before) throw new ServiceError(404, "That loop does not exist.");
    await tx.loop.update({ where: { id: loopId }, data: input });
    await recordAudit(
      {
        actorId: actor.id,
        action: "loop.updated",
        entityType: "Loop",
        entityId: loopId,
        loopId,
        data: { before, after: input },
      },
      tx,
    );
  });
}
