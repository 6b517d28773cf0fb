import { roundTypeLabels } from "~/domain/default-rubric";
import type { Recommendation, RoundType } from "~/generated/prisma/enums";
import type { SessionUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { canReadOthers, panelAccess, type PanelAccess } from "./panel-access.server";

export interface PanelRating {
  dimensionKey: string;
  value: number | null;
  evidence: string;
  evidenceFlag: string | null;
}

export interface PanelAmendment {
  amendedAt: string;
  reason: string;
  afterPanelVisible: boolean;
  changes: unknown;
}

export interface PanelFeedbackEntry {
  feedbackId: string;
  roundId: string;
  roundType: RoundType;
  roundTypeLabel: string;
  roundPosition: number;
  scheduledAt: string | null;
  feedbackDueAt: string | null;
  interviewerId: string;
  interviewerName: string;
  isOwn: boolean;
  submittedAt: string;
  /** Present only when the viewer may read it (the blind rule). */
  content: {
    recommendation: Recommendation | null;
    summary: string;
    flagKeys: string[];
    ratings: PanelRating[];
    amendments: PanelAmendment[];
  } | null;
}

/**
 * The submitted feedback of a loop's panel, as the viewer may see it. Drafts
 * are never returned. When the viewer is locked (still owes feedback), other
 * panelists' entries carry only who submitted and when. Each read of another
 * person's feedback is written to the audit log.
 * Two queries whatever the panel size, plus one audit insert.
 */
export async function getPanelFeedback(
  viewer: Pick<SessionUser, "id" | "role">,
  loopId: string,
): Promise<{ access: PanelAccess; entries: PanelFeedbackEntry[] }> {
  const access = await panelAccess(viewer, loopId);
  if (access === "none") return { access, entries: [] };
  const readOthers = canReadOthers(access);

  const feedback = await prisma.feedback.findMany({
    where: { status: "submitted", round: { loopId } },
    orderBy: [{ round: { position: "asc" } }, { submittedAt: "asc" }],
    select: {
      id: true,
      interviewerId: true,
      submittedAt: true,
      recommendation: true,
      summary: true,
      flagKeys: true,
      interviewer: { select: { name: true } },
      round: { select: { id: true, type: true, position: true, scheduledAt: true, feedbackDueAt: true } },
      ratings: {
        select: {
          value: true,
          evidence: true,
          evidenceFlag: true,
          dimension: { select: { key: true, position: true } },
        },
      },
      amendments: {
        orderBy: { amendedAt: "asc" },
        select: { amendedAt: true, reason: true, afterPanelVisible: true, changes: true },
      },
    },
  });

  const entries = feedback.map((item): PanelFeedbackEntry => {
    const isOwn = item.interviewerId === viewer.id;
    const visible = isOwn || readOthers;
    return {
      feedbackId: item.id,
      roundId: item.round.id,
      roundType: item.round.type,
      roundTypeLabel: roundTypeLabels[item.round.type],
      roundPosition: item.round.position,
      scheduledAt: item.round.scheduledAt?.toISOString() ?? null,
      feedbackDueAt: item.round.feedbackDueAt?.toISOString() ?? null,
      interviewerId: item.interviewerId,
      interviewerName: item.interviewer.name,
      isOwn,
      submittedAt: item.submittedAt!.toISOString(),
      content: visible
        ? {
            recommendation: item.recommendation,
            summary: item.summary,
            flagKeys: item.flagKeys,
            ratings: [...item.ratings]
              .sort((a, b) => a.dimension.position - b.dimension.position)
              .map((rating) => ({
                dimensionKey: rating.dimension.key,
                value: rating.value,
                evidence: rating.evidence,
                evidenceFlag: rating.evidenceFlag,
              })),
            amendments: item.amendments.map((amendment) => ({
              ...amendment,
              amendedAt: amendment.amendedAt.toISOString(),
            })),
          }
        : null,
    };
  });

  const viewedOthers = entries.filter((entry) => entry.content && !entry.isOwn);
  if (viewedOthers.length) {
    await prisma.auditEvent.createMany({
      data: viewedOthers.map((entry) => ({
        actorId: viewer.id,
        action: "feedback.viewed",
        entityType: "Feedback",
        entityId: entry.feedbackId,
        data: { loopId, interviewerId: entry.interviewerId },
      })),
    });
  }
  return { access, entries };
}
