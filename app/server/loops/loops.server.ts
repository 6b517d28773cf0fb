import { stageMoveRefusal } from "~/domain/stage-rules";
import type { LoopStage, Track } from "~/generated/prisma/enums";
import { recordAudit } from "../audit.server";
import { prisma } from "../db.server";
import { currentRubricVersion } from "../rubrics/rubrics.server";
import { moveStage } from "./stage.server";
import { ServiceError } from "../service-error.server";
import { type Actor, assertRole } from "./acting.server";
import { DEFAULT_ROUND_MINUTES } from "./rounds.server";

/** Loops: opening one from a template, editing its details, moving its stage by hand. */

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
