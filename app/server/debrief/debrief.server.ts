import { roundFeedbackState } from "~/domain/feedback-timing";
import { countSplits, debriefAgenda, mean, spreadOf } from "~/domain/panel-spread";
import { krippendorffAlpha } from "~/domain/reliability";
import { daysBetween } from "~/domain/stages";
import { type LoopRelationship, mayLoop, type Person } from "~/domain/permissions";
import { authorizeLoop } from "../auth/permissions.server";
import { prisma } from "../db.server";
import { loopHeaderSelect } from "../loops/loop-select.server";
import { calibrationFor } from "../calibration/calibration.server";
import { getPanelFeedback, type PanelFeedbackEntry } from "../feedback/panel-feedback.server";
import { ServiceError } from "../service-error.server";
import { roundTypeLabels } from "~/domain/vocabulary";

/**
 * Everything the debrief page shows, in a fixed number of queries whatever
 * the panel size: the loop with its rounds and decisions (1), the panel's
 * feedback through the blind rule (2 + one audit insert).
 */
export async function getDebrief(
  viewer: Person,
  loopId: string,
  knownRelationship?: LoopRelationship,
  now = new Date(),
) {
  // The route's guard usually has the relationship already; without it, this asks the same question itself.
  const relationship = knownRelationship ?? (await authorizeLoop(viewer, loopId, "debrief.read"));
  const loop = await prisma.loop.findUnique({
    where: { id: loopId },
    select: {
      ...loopHeaderSelect,
      hiringManagerId: true,
      hiringManager: { select: { name: true } },
      candidate: { select: { name: true, currentRole: true, currentLevel: true, source: true } },
      rubricVersion: {
        select: {
          version: true,
          dimensions: {
            orderBy: { position: "asc" },
            select: { key: true, name: true, lowLabel: true, highLabel: true },
          },
          flags: { select: { key: true, label: true, polarity: true } },
        },
      },
      rounds: {
        where: { status: { not: "cancelled" } },
        orderBy: { position: "asc" },
        select: {
          id: true,
          type: true,
          position: true,
          status: true,
          scheduledAt: true,
          durationMinutes: true,
          feedbackDueAt: true,
          focusDimensionKeys: true,
          interviewerId: true,
          interviewer: { select: { name: true } },
        },
      },
      decisions: {
        orderBy: { decidedAt: "desc" },
        select: {
          id: true,
          outcome: true,
          level: true,
          rationale: true,
          dimensionKeys: true,
          dissent: true,
          decidedAt: true,
          supersededAt: true,
          decidedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!loop) throw new ServiceError(404, "There is no such loop.");

  // The route's guard has checked "debrief.read"; the panel read applies the blind rule again on its own.
  const panel = await getPanelFeedback(viewer, loopId, relationship);
  if (panel.access !== "open") throw new ServiceError(404, "There is no such loop.");

  const dimensions = loop.rubricVersion.dimensions;
  const byRound = new Map<string, PanelFeedbackEntry>();
  for (const entry of panel.entries) if (entry.content) byRound.set(`${entry.roundId}:${entry.interviewerId}`, entry);

  // Severity adjustment: each rater's (shrunk) effect on each dimension, from all submitted feedback.
  // Interviewers see only their own calibration, so panelists reading the debrief get raw ratings only.
  const effects = viewer.role === "interviewer" ? null : (await calibrationFor(viewer, {})).summary.effectsByDimension;
  const effectOf = (dimensionKey: string, interviewerId: string | null) =>
    (interviewerId ? effects?.[dimensionKey]?.[interviewerId] : undefined) ?? null;

  const rows = loop.rounds.map((round) => {
    const entry = round.interviewerId ? byRound.get(`${round.id}:${round.interviewerId}`) : undefined;
    const state = roundFeedbackState({ ...round, feedbackStatus: entry ? "submitted" : null }, now);
    const dueAt = round.feedbackDueAt;
    const submittedAt = entry ? new Date(entry.submittedAt) : null;
    const amendments = entry?.content?.amendments ?? [];
    return {
      roundId: round.id,
      type: round.type,
      typeLabel: roundTypeLabels[round.type],
      interviewerName: round.interviewer?.name ?? "Unassigned",
      scheduledAt: round.scheduledAt?.toISOString() ?? null,
      focusDimensionKeys: round.focusDimensionKeys,
      state,
      submittedAt: entry?.submittedAt ?? null,
      voided: entry?.voided ?? null,
      feedbackId: entry?.feedbackId ?? null,
      lateByMs: submittedAt && dueAt && submittedAt > dueAt ? submittedAt.getTime() - dueAt.getTime() : null,
      overdueByMs: state === "overdue" && dueAt ? now.getTime() - dueAt.getTime() : null,
      afterDebrief: Boolean(submittedAt && loop.debriefAt && submittedAt > loop.debriefAt),
      amended: amendments.length > 0,
      amendedAfterPanel: amendments.some((amendment) => amendment.afterPanelVisible),
      amendments,
      recommendation: entry?.content?.recommendation ?? null,
      summary: entry?.content?.summary ?? null,
      flagKeys: entry?.content?.flagKeys ?? [],
      cells: dimensions.map((dimension) => {
        const rating = entry?.content?.ratings.find((item) => item.dimensionKey === dimension.key);
        const effect = rating?.value != null ? effectOf(dimension.key, round.interviewerId) : null;
        return {
          dimensionKey: dimension.key,
          submitted: Boolean(entry),
          value: rating?.value ?? null,
          raterEffect: effect ? { shrunk: effect.shrunk, ratings: effect.ratings } : null,
          adjusted: effect && rating?.value != null ? rating.value - effect.shrunk : null,
          evidence: rating?.evidence ?? "",
          evidenceFlag: rating?.evidenceFlag ?? null,
          amended: amendments.some((amendment) =>
            (amendment.changes as { field: string; dimensionKey?: string }[]).some(
              (change) => change.dimensionKey === dimension.key,
            ),
          ),
        };
      }),
    };
  });

  // A voided scorecard stays on the page (struck through) but counts in no figure.
  const submittedRows = rows.filter((row) => row.submittedAt && !row.voided);
  const spreads = dimensions.map((dimension, index) =>
    spreadOf(
      dimension,
      submittedRows.map((row) => row.cells[index]!.value),
    ),
  );
  const adjustedMeans = Object.fromEntries(
    dimensions.map((dimension, index) => [
      dimension.key,
      mean(submittedRows.map((row) => row.cells[index]!.adjusted).filter((value): value is number => value !== null)),
    ]),
  );
  // The panel's agreement on this loop: the dimensions are the units, the interviewers the raters.
  const loopAlpha = krippendorffAlpha(
    submittedRows.flatMap((row) =>
      row.cells
        .filter((cell) => cell.value !== null)
        .map((cell) => ({ unit: cell.dimensionKey, rater: row.roundId, value: cell.value! })),
    ),
    "ordinal",
  ).value;
  const current = loop.decisions.find((decision) => decision.supersededAt === null) ?? null;

  return {
    loop: {
      id: loop.id,
      roleTitle: loop.roleTitle,
      track: loop.track,
      targetLevel: loop.targetLevel,
      stage: loop.stage,
      daysInLoop: daysBetween(loop.startedAt, now),
      daysInStage: daysBetween(loop.stageChangedAt, now),
      debriefAt: loop.debriefAt?.toISOString() ?? null,
      hiringManagerName: loop.hiringManager.name,
      rubricVersion: loop.rubricVersion.version,
      candidate: loop.candidate,
    },
    dimensions,
    flagLabels: Object.fromEntries(loop.rubricVersion.flags.map((flag) => [flag.key, flag.label])),
    rows,
    spreads,
    agenda: debriefAgenda(spreads),
    splitCount: countSplits(spreads),
    adjustedMeans: effects ? adjustedMeans : null,
    loopAlpha,
    submittedCount: submittedRows.length,
    expectedCount: rows.filter((row) => row.state !== "upcoming").length,
    decision: current ? { ...current, decidedAt: current.decidedAt.toISOString(), supersededAt: null } : null,
    decisionHistory: loop.decisions
      .filter((decision) => decision.supersededAt !== null)
      .map((decision) => ({
        ...decision,
        decidedAt: decision.decidedAt.toISOString(),
        supersededAt: decision.supersededAt!.toISOString(),
      })),
    canDecide: mayLoop(viewer, relationship, "decision.record"),
    canVoid: mayLoop(viewer, relationship, "feedback.void"),
  };
}

export type Debrief = Awaited<ReturnType<typeof getDebrief>>;
