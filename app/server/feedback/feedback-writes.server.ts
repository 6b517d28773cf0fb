import { checkEvidence, type EvidenceWarning } from "~/domain/evidence-check";
import { diffFeedback } from "~/domain/feedback-diff";
import { Prisma } from "~/generated/prisma/client";
import type { FeedbackContent } from "~/schemas/feedback";
import { recordAudit } from "../audit.server";
import { isUniqueViolation, prisma } from "../db.server";
import { applyAutomaticStage } from "../loops/stage.server";
import { mayLoop, type Person } from "~/domain/permissions";
import { loopRelationship } from "../auth/permissions.server";
import type { RoundRubric } from "./round-rubric.server";
import { ServiceError } from "../service-error.server";

/** Another tab or device saved this feedback since the form was loaded: a 409 that says which version won, and when. */
export function feedbackConflict(currentVersion: number, updatedAt: Date): ServiceError {
  return new ServiceError(409, "This feedback was changed in another tab or window since you opened it.", {
    details: { reason: "conflict", currentVersion, updatedAt: updatedAt.toISOString() },
  });
}

type Tx = Prisma.TransactionClient;
type Viewer = Person;

async function writableRound(tx: Tx, viewer: Viewer, roundId: string) {
  const round = await tx.round.findFirst({
    where: { id: roundId, interviewerId: viewer.id },
    select: {
      id: true,
      status: true,
      scheduledAt: true,
      loopId: true,
      loop: {
        select: {
          rubricVersionId: true,
          rubricVersion: {
            select: {
              dimensions: { orderBy: { position: "asc" }, select: { id: true, key: true, name: true } },
              flags: { select: { key: true } },
            },
          },
        },
      },
    },
  });
  if (!round) throw new ServiceError(404, "This round does not exist or is not assigned to you.");
  if (round.status === "cancelled")
    throw new ServiceError(409, "This round was cancelled; there is no feedback to file.");
  return round;
}

function ownFeedback(tx: Tx, viewer: Viewer, roundId: string) {
  return tx.feedback.findUnique({
    where: { roundId_interviewerId: { roundId, interviewerId: viewer.id } },
    select: { id: true, status: true, version: true, submitKey: true, updatedAt: true },
  });
}

/** Autosave: keeps the form state as a draft, refusing to overwrite a newer save from another tab. */
export async function saveDraft(
  viewer: Viewer,
  roundId: string,
  input: { version: number; draft: Prisma.InputJsonValue },
) {
  try {
    return await prisma.$transaction(async (tx) => {
      const round = await writableRound(tx, viewer, roundId);
      const existing = await ownFeedback(tx, viewer, roundId);
      if (!existing) {
        if (input.version !== 0) throw new ServiceError(409, "This draft no longer exists. Reload the page.");
        const created = await tx.feedback.create({
          data: {
            roundId,
            interviewerId: viewer.id,
            rubricVersionId: round.loop.rubricVersionId,
            status: "draft",
            draft: input.draft,
          },
          select: { version: true, updatedAt: true },
        });
        return { version: created.version, savedAt: created.updatedAt };
      }
      if (existing.status === "submitted") {
        throw new ServiceError(409, "This feedback is already submitted. To change it, amend it with a reason.");
      }
      const updated = await tx.feedback.updateMany({
        where: { id: existing.id, version: input.version, status: "draft" },
        data: { draft: input.draft, version: { increment: 1 } },
      });
      if (updated.count === 0) throw feedbackConflict(existing.version, existing.updatedAt);
      const saved = await tx.feedback.findUniqueOrThrow({
        where: { id: existing.id },
        select: { version: true, updatedAt: true },
      });
      return { version: saved.version, savedAt: saved.updatedAt };
    });
  } catch (error) {
    // Two tabs creating the first draft at once: the loser is told, like any conflict.
    if (isUniqueViolation(error)) {
      const current = await prisma.feedback.findUniqueOrThrow({
        where: { roundId_interviewerId: { roundId, interviewerId: viewer.id } },
        select: { version: true, updatedAt: true },
      });
      throw feedbackConflict(current.version, current.updatedAt);
    }
    throw error;
  }
}

function ratingRows(dimensions: { id: string; key: string }[], content: FeedbackContent, warnings: EvidenceWarning[]) {
  return content.ratings.map((rating) => ({
    dimensionId: dimensions.find((dimension) => dimension.key === rating.dimensionKey)!.id,
    value: rating.value,
    evidence: rating.evidence,
    evidenceFlag: warnings.find((warning) => warning.dimensionKey === rating.dimensionKey)?.kind ?? null,
  }));
}

function warningsFor(dimensions: { key: string; name: string }[], content: FeedbackContent) {
  return checkEvidence(
    content.ratings.map((rating) => ({
      ...rating,
      dimensionName: dimensions.find((dimension) => dimension.key === rating.dimensionKey)?.name ?? rating.dimensionKey,
    })),
  );
}

/**
 * The round and the viewer's own feedback on it, read under a lock on the round
 * and its loop: two submits of one form serialise, and so do two panelists'
 * last submits on one loop, so the one that comes second sees the first when it
 * works out the loop's stage.
 */
async function lockedRoundState(tx: Tx, viewer: Viewer, roundId: string) {
  const [row] = await tx.$queryRaw<
    {
      status: string;
      scheduledAt: Date | null;
      feedbackId: string | null;
      feedbackStatus: string | null;
      version: number | null;
      submitKey: string | null;
      updatedAt: Date | null;
    }[]
  >(Prisma.sql`
    SELECT r."status"::text AS "status", r."scheduledAt" AS "scheduledAt", f."id" AS "feedbackId",
           f."status"::text AS "feedbackStatus", f."version" AS "version", f."submitKey" AS "submitKey", f."updatedAt" AS "updatedAt"
    FROM "Round" r JOIN "Loop" l ON l."id" = r."loopId"
    LEFT JOIN "Feedback" f ON f."roundId" = r."id" AND f."interviewerId" = ${viewer.id}
    WHERE r."id" = ${roundId} AND r."interviewerId" = ${viewer.id}
    FOR UPDATE OF r, l`);
  if (!row) throw new ServiceError(404, "This round does not exist or is not assigned to you.");
  if (row.status === "cancelled")
    throw new ServiceError(409, "This round was cancelled; there is no feedback to file.");
  return row;
}

/**
 * Submits feedback. Idempotent: the same submitKey (one per form load) submitted
 * twice, by a double click or a retry after a network error, is one submission.
 * `rubric` is the round's rubric as the action parsed the form with it
 * (roundRubricFor); the round's state is re-read here under a lock.
 */
export async function submitFeedback(
  viewer: Viewer,
  rubric: RoundRubric,
  input: { version: number; submitKey: string; content: FeedbackContent },
  now = new Date(),
): Promise<{ feedbackId: string; repeated: boolean }> {
  const roundId = rubric.roundId;
  const attempt = () =>
    prisma.$transaction(async (tx) => {
      const round = await lockedRoundState(tx, viewer, roundId);
      if (round.scheduledAt && new Date(round.scheduledAt) > now && round.status !== "completed") {
        throw new ServiceError(409, "This round has not taken place yet; you can keep notes as a draft until it has.");
      }
      if (round.feedbackStatus === "submitted") {
        if (round.submitKey === input.submitKey) return { feedbackId: round.feedbackId!, repeated: true };
        throw new ServiceError(409, "This feedback is already submitted. To change it, amend it with a reason.");
      }
      if (round.feedbackId && round.version !== input.version)
        throw feedbackConflict(round.version!, new Date(round.updatedAt!));

      const warnings = warningsFor(rubric.dimensions, input.content);
      const fields = {
        status: "submitted" as const,
        submitKey: input.submitKey,
        submittedAt: now,
        recommendation: input.content.recommendation,
        summary: input.content.summary,
        flagKeys: input.content.flagKeys,
        draft: Prisma.DbNull,
        evidenceWarnings: warnings.length,
      };
      let feedbackId: string;
      if (!round.feedbackId) {
        feedbackId = (
          await tx.feedback.create({
            data: { ...fields, roundId, interviewerId: viewer.id, rubricVersionId: rubric.rubricVersionId },
            select: { id: true },
          })
        ).id;
      } else {
        const updated = await tx.feedback.updateMany({
          where: { id: round.feedbackId, version: input.version, status: "draft" },
          data: { ...fields, version: { increment: 1 } },
        });
        if (updated.count === 0) throw feedbackConflict(round.version!, new Date(round.updatedAt!));
        feedbackId = round.feedbackId;
      }
      await tx.rating.createMany({
        data: ratingRows(rubric.dimensions, input.content, warnings).map((row) => ({ ...row, feedbackId })),
      });
      await recordAudit(
        {
          actorId: viewer.id,
          action: "feedback.submitted",
          entityType: "Feedback",
          entityId: feedbackId,
          loopId: rubric.loopId,
          data: { roundId, evidenceWarnings: warnings.length },
        },
        tx,
      );
      // The last feedback in moves the loop to its debrief.
      await applyAutomaticStage(tx, rubric.loopId, viewer.id, now);
      return { feedbackId, repeated: false };
    });
  try {
    return await attempt();
  } catch (error) {
    // A concurrent first submission won the insert: this one is the repeat (or a conflict).
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}

/** Changes submitted feedback, keeping who, when, what and why, and whether the panel was visible then. */
export async function amendFeedback(
  viewer: Viewer,
  roundId: string,
  input: { reason: string; content: FeedbackContent },
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const round = await writableRound(tx, viewer, roundId);
    const feedback = await tx.feedback.findUnique({
      where: { roundId_interviewerId: { roundId, interviewerId: viewer.id } },
      select: {
        id: true,
        status: true,
        recommendation: true,
        summary: true,
        flagKeys: true,
        ratings: { select: { id: true, value: true, evidence: true, dimension: { select: { key: true } } } },
      },
    });
    if (!feedback || feedback.status !== "submitted") {
      throw new ServiceError(409, "Only submitted feedback can be amended; this is still a draft.");
    }
    const before = {
      ratings: feedback.ratings.map((rating) => ({
        dimensionKey: rating.dimension.key,
        value: rating.value,
        evidence: rating.evidence,
      })),
      flagKeys: feedback.flagKeys,
      recommendation: feedback.recommendation,
      summary: feedback.summary,
    };
    const changes = diffFeedback(before, input.content);
    if (changes.length === 0) throw new ServiceError(400, "Nothing was changed, so there is nothing to amend.");

    // Could the author read the panel's feedback when amending? Then the amendment may reflect it.
    const relationship = await loopRelationship(viewer, round.loopId, tx);
    const othersSubmitted = await tx.feedback.count({
      where: { status: "submitted", interviewerId: { not: viewer.id }, round: { loopId: round.loopId } },
    });
    const afterPanelVisible =
      relationship !== null && mayLoop(viewer, relationship, "debrief.read") && othersSubmitted > 0;

    const dimensions = round.loop.rubricVersion.dimensions;
    const warnings = warningsFor(dimensions, input.content);
    await tx.feedback.update({
      where: { id: feedback.id },
      data: {
        recommendation: input.content.recommendation,
        summary: input.content.summary,
        flagKeys: input.content.flagKeys,
        evidenceWarnings: warnings.length,
        version: { increment: 1 },
      },
    });
    await tx.rating.deleteMany({ where: { feedbackId: feedback.id } });
    await tx.rating.createMany({
      data: ratingRows(dimensions, input.content, warnings).map((row) => ({ ...row, feedbackId: feedback.id })),
    });
    const amendment = await tx.feedbackAmendment.create({
      data: {
        feedbackId: feedback.id,
        amendedById: viewer.id,
        reason: input.reason,
        changes: changes as unknown as Prisma.InputJsonValue,
        afterPanelVisible,
        amendedAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: viewer.id,
        action: "feedback.amended",
        entityType: "Feedback",
        entityId: feedback.id,
        loopId: round.loopId,
        data: { roundId, amendmentId: amendment.id, afterPanelVisible, changed: changes.length },
      },
      tx,
    );
    return { feedbackId: feedback.id, afterPanelVisible, changes };
  });
}
