import type { Recommendation, RoundType } from "~/generated/prisma/enums";
import { isLocked, type LoopRelationship, mayLoop, type Person } from "~/domain/permissions";
import { loopRelationship } from "../auth/permissions.server";
import { recordReads } from "../audit.server";
import { prisma } from "../db.server";
import { roundTypeLabels } from "~/domain/vocabulary";

/**
 * What the viewer may read of a loop's panel feedback:
 * - "open": every submitted scorecard (the debrief's readers);
 * - "locked": the viewer owes feedback on this loop, so they learn who
 *   submitted and when, nothing more (the blind rule, whatever their role);
 * - "none": the loop is outside the viewer's scope.
 */
export type PanelAccess = "open" | "locked" | "none";

export function panelAccessOf(viewer: Person, relationship: LoopRelationship | null): PanelAccess {
  if (!relationship) return "none";
  if (isLocked(relationship)) return "locked";
  return mayLoop(viewer, relationship, "debrief.read") ? "open" : "none";
}

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
  /** An admin voided this scorecard: shown struck through, left out of every statistic. */
  voided: { at: string; byName: string; reason: string } | null;
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
 * The submitted feedback of a loop's panel, as the viewer may see it: the only
 * function that reads other people's feedback. Drafts are never returned.
 * When the viewer is locked (still owes feedback), other panelists' entries
 * carry only who submitted and when. Reads of other people's feedback are
 * written to the audit log. Pass the relationship when the route's guard has
 * already found it; otherwise it is looked up (one query).
 */
export async function getPanelFeedback(
  viewer: Person,
  loopId: string,
  knownRelationship?: LoopRelationship,
): Promise<{ access: PanelAccess; entries: PanelFeedbackEntry[] }> {
  const relationship = knownRelationship ?? (await loopRelationship(viewer, loopId));
  const access = panelAccessOf(viewer, relationship);
  if (access === "none") return { access, entries: [] };
  const readOthers = access === "open";

  const feedback = await prisma.feedback.findMany({
    where: { status: "submitted", round: { loopId } },
    orderBy: [{ round: { position: "asc" } }, { submittedAt: "asc" }],
    select: {
      id: true,
      interviewerId: true,
      submittedAt: true,
      voidedAt: true,
      voidReason: true,
      voidedBy: { select: { name: true } },
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
      voided:
        visible && item.voidedAt
          ? { at: item.voidedAt.toISOString(), byName: item.voidedBy?.name ?? "an admin", reason: item.voidReason }
          : null,
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
  await recordReads(
    viewedOthers.map((entry) => ({
      actorId: viewer.id,
      action: "feedback.viewed",
      entityType: "Feedback",
      entityId: entry.feedbackId,
      loopId,
      data: { loopId, interviewerId: entry.interviewerId },
    })),
  );
  return { access, entries };
}
