import { randomUUID } from "node:crypto";
import { roundFeedbackState } from "~/domain/feedback-timing";
import type { SessionUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { ServiceError } from "../service-error.server";
import { roundTypeLabels } from "~/domain/vocabulary";
import { dimensionDetailSelect } from "../rubrics/dimension-select.server";

function notFound(): never {
  throw new ServiceError(404, "This round does not exist or is not assigned to you.");
}

/**
 * A round as its own interviewer sees it: the loop, the kit, the rubric the
 * feedback is written against, and their own feedback (draft or submitted).
 * Access is part of the query: a round assigned to someone else is "not found".
 */
export async function getRoundForInterviewer(viewer: Pick<SessionUser, "id">, roundId: string, now = new Date()) {
  const round = await prisma.round.findFirst({
    where: { id: roundId, interviewerId: viewer.id },
    select: {
      id: true,
      type: true,
      status: true,
      scheduledAt: true,
      durationMinutes: true,
      feedbackDueAt: true,
      focusDimensionKeys: true,
      cancelledReason: true,
      loop: {
        select: {
          id: true,
          roleTitle: true,
          targetLevel: true,
          track: true,
          candidate: { select: { name: true, currentRole: true, currentLevel: true, source: true } },
          rubricVersion: {
            select: {
              id: true,
              version: true,
              name: true,
              dimensions: {
                orderBy: { position: "asc" },
                select: dimensionDetailSelect,
              },
              flags: {
                orderBy: { position: "asc" },
                select: { key: true, label: true, polarity: true, dimension: { select: { key: true } } },
              },
            },
          },
        },
      },
      feedback: {
        where: { interviewerId: viewer.id },
        select: {
          id: true,
          status: true,
          version: true,
          draft: true,
          recommendation: true,
          summary: true,
          flagKeys: true,
          submittedAt: true,
          updatedAt: true,
          ratings: { select: { value: true, evidence: true, dimension: { select: { key: true } } } },
          amendments: {
            orderBy: { amendedAt: "asc" },
            select: { amendedAt: true, reason: true, afterPanelVisible: true, changes: true },
          },
        },
      },
    },
  });
  if (!round) notFound();
  // Every round type gets a kit by migration; an admin may still have emptied it.
  const kit = await prisma.roundKit.findUnique({
    where: { type: round.type },
    select: { name: true, purpose: true, questions: true, listenFor: true, focusDimensionKeys: true },
  });
  const own = round.feedback[0] ?? null;
  return {
    round: {
      id: round.id,
      type: round.type,
      typeLabel: roundTypeLabels[round.type],
      status: round.status,
      scheduledAt: round.scheduledAt?.toISOString() ?? null,
      durationMinutes: round.durationMinutes,
      feedbackDueAt: round.feedbackDueAt?.toISOString() ?? null,
      focusDimensionKeys: round.focusDimensionKeys,
      cancelledReason: round.cancelledReason,
      state: roundFeedbackState({ ...round, feedbackStatus: own?.status ?? null }, now),
    },
    loop: {
      id: round.loop.id,
      roleTitle: round.loop.roleTitle,
      targetLevel: round.loop.targetLevel,
      track: round.loop.track,
      candidate: round.loop.candidate,
    },
    rubric: round.loop.rubricVersion,
    kit: kit ? { name: kit.name, purpose: kit.purpose, questions: kit.questions, listenFor: kit.listenFor } : null,
    own: own
      ? {
          id: own.id,
          status: own.status,
          version: own.version,
          draft: own.draft,
          recommendation: own.recommendation,
          summary: own.summary,
          flagKeys: own.flagKeys,
          submittedAt: own.submittedAt?.toISOString() ?? null,
          updatedAt: own.updatedAt.toISOString(),
          ratings: own.ratings.map((rating) => ({
            dimensionKey: rating.dimension.key,
            value: rating.value,
            evidence: rating.evidence,
          })),
          amendments: own.amendments.map((amendment) => ({
            ...amendment,
            amendedAt: amendment.amendedAt.toISOString(),
          })),
        }
      : null,
  };
}

export type RoundForInterviewer = Awaited<ReturnType<typeof getRoundForInterviewer>>;

/** One key per form load: a double click or a retry of the same form submits once. */
export function newSubmitKey(): string {
  return randomUUID();
}
