import { defaultRoundKits, roundTypeLabels } from "~/domain/default-rubric";
import { roundDateProblem } from "~/domain/date-bounds";
import { feedbackDueAt } from "~/domain/feedback-timing";
import { schedulingWarnings, type SchedulingWarning } from "~/domain/scheduling";
import type { Prisma } from "~/generated/prisma/client";
import type { LoopStage, Role, Track } from "~/generated/prisma/enums";
import type { SessionUser } from "../auth/session.server";
import { isUniqueViolation, prisma } from "../db.server";
import { currentRubricVersion } from "../rubrics/rubrics.server";
import { applyAutomaticStage, moveStage } from "./stage.server";

type Actor = Pick<SessionUser, "id">;

export class LoopAdminError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409,
    readonly field?: string,
    readonly existingCandidateId?: string,
  ) {
    super(message);
  }
}

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
  if (existing) throw new LoopAdminError(`${existing.name} already has this email.`, 409, "email", existing.id);
  await assertRole(input.hiringManagerId, ["hiring_manager"], "hiringManagerId");
  try {
    return await prisma.$transaction(async (tx) => {
      const candidate = await tx.candidate.create({ data: { ...input, recruiterId: actor.id }, select: { id: true } });
      await tx.auditEvent.create({
        data: { actorId: actor.id, action: "candidate.created", entityType: "Candidate", entityId: candidate.id },
      });
      return candidate;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const raced = await prisma.candidate.findUniqueOrThrow({
        where: { email: input.email },
        select: { id: true, name: true },
      });
      throw new LoopAdminError(`${raced.name} already has this email.`, 409, "email", raced.id);
    }
    throw error;
  }
}

async function assertRole(userId: string, roles: Role[], field: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
  if (!user || !user.active || !roles.includes(user.role))
    throw new LoopAdminError("Choose an active person with the right role.", 400, field);
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
  if (!candidate) throw new LoopAdminError("That candidate does not exist.", 404);
  if (!template) throw new LoopAdminError("Choose a loop template.", 400, "templateId");
  if (!rubric) throw new LoopAdminError("Publish a rubric before opening loops.", 409);
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
      const kit = kits.find((item) => item.type === type) ?? defaultRoundKits.find((item) => item.type === type)!;
      const round = await tx.round.create({
        data: {
          loopId: loop.id,
          type,
          position,
          durationMinutes: kit.defaultMinutes,
          focusDimensionKeys: kit.focusDimensionKeys,
        },
        select: { id: true },
      });
      await tx.roundChange.create({
        data: { roundId: round.id, kind: "planned", after: { type }, changedById: actor.id, changedAt: now },
      });
    }
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "loop.created", entityType: "Loop", entityId: loop.id },
    });
    return loop;
  });
}

function slotJson(round: {
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
  if (!round) throw new LoopAdminError("That round does not exist.", 404);
  if (round.status === "cancelled") throw new LoopAdminError("This round was cancelled.", 409);
  if (round.feedback.some((feedback) => feedback.status === "submitted"))
    throw new LoopAdminError("Feedback is already submitted for this round; it cannot move.", 409);
  const dateProblem = roundDateProblem(input.scheduledAt, { loopOpenedAt: round.loop.startedAt, now });
  if (dateProblem) throw new LoopAdminError(dateProblem, 400, "scheduledAt");
  const interviewer = await prisma.user.findUnique({
    where: { id: input.interviewerId },
    select: { id: true, name: true, role: true, active: true },
  });
  const allowed: Role[] =
    round.type === "recruiter_screen"
      ? ["recruiter", "interviewer", "hiring_manager"]
      : ["interviewer", "hiring_manager"];
  if (!interviewer || !interviewer.active || !allowed.includes(interviewer.role)) {
    throw new LoopAdminError("Choose an active interviewer.", 400, "interviewerId");
  }
  const rescheduling = Boolean(round.scheduledAt);
  if (rescheduling && !input.reason) throw new LoopAdminError("Say why the round is moving.", 400, "reason");

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

export async function cancelRound(
  actor: Actor,
  input: { loopId: string; roundId: string; reason: string },
  now = new Date(),
) {
  await prisma.$transaction(async (tx) => {
    const round = await tx.round.findFirst({
      where: { id: input.roundId, loopId: input.loopId },
      select: { id: true, status: true, loopId: true, scheduledAt: true, durationMinutes: true, interviewerId: true },
    });
    if (!round) throw new LoopAdminError("That round does not exist.", 404);
    if (round.status === "cancelled") return;
    await tx.round.update({ where: { id: round.id }, data: { status: "cancelled", cancelledReason: input.reason } });
    await tx.roundChange.create({
      data: {
        roundId: round.id,
        kind: "cancelled",
        before: slotJson(round),
        reason: input.reason,
        changedById: actor.id,
        changedAt: now,
      },
    });
    await applyAutomaticStage(tx, round.loopId, actor.id, now);
  });
}

export async function changeStage(actor: Actor, loopId: string, to: LoopStage, reason: string, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    const loop = await tx.loop.findUnique({ where: { id: loopId }, select: { stage: true } });
    if (!loop) throw new LoopAdminError("That loop does not exist.", 404);
    if (to === "decided")
      throw new LoopAdminError(
        "A loop becomes decided when its hiring manager records the decision in the debrief.",
        409,
        "stage",
      );
    await moveStage(tx, loopId, loop.stage, to, actor.id, reason || "changed by hand", now);
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
  if (clash) throw new LoopAdminError(`${clash.name} already has this email.`, 409, "email", clash.id);
  await assertRole(input.hiringManagerId, ["hiring_manager"], "hiringManagerId");
  await prisma.$transaction(async (tx) => {
    const before = await tx.candidate.findUnique({ where: { id: candidateId } });
    if (!before) throw new LoopAdminError("That candidate does not exist.", 404);
    await tx.candidate.update({ where: { id: candidateId }, data: input });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "candidate.updated",
        entityType: "Candidate",
        entityId: candidateId,
        data: {
          before: { ...before, createdAt: before.createdAt.toISOString(), updatedAt: before.updatedAt.toISOString() },
          after: input,
        },
      },
    });
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
    if (!before) throw new LoopAdminError("That loop does not exist.", 404);
    await tx.loop.update({ where: { id: loopId }, data: input });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "loop.updated",
        entityType: "Loop",
        entityId: loopId,
        data: { before, after: input },
      },
    });
  });
}
