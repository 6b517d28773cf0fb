import { feedbackProgress } from "~/domain/feedback-timing";
import { countSplits, spreadOf } from "~/domain/panel-spread";
import { daysBetween, daysOverdueInStage } from "~/domain/stages";
import type { Prisma } from "~/generated/prisma/client";
import type { LoopListQuery } from "~/schemas/loop-list";
import type { Person } from "~/domain/permissions";
import { loopScopeWhere } from "../auth/permissions.server";
import { prisma } from "../db.server";
import { roundTypeLabels } from "~/domain/vocabulary";

export const PAGE_SIZE = 50;

function nextRoundOf(
  rounds: { type: keyof typeof roundTypeLabels; status: string; scheduledAt: Date | null }[],
  now: Date,
) {
  const upcoming = rounds
    .filter((round) => round.status !== "cancelled" && round.scheduledAt && round.scheduledAt > now)
    .sort((a, b) => a.scheduledAt!.getTime() - b.scheduledAt!.getTime())[0];
  return upcoming ? { typeLabel: roundTypeLabels[upcoming.type], at: upcoming.scheduledAt!.toISOString() } : null;
}

export interface LoopListFilter extends Partial<LoopListQuery> {
  activeOnly?: boolean;
  /** "all": every loop the viewer may see; "mine": only those they manage or sit on (committee members choose). */
  scope?: "mine" | "all";
  page: number;
}

const orderings: Record<LoopListQuery["sort"], Prisma.LoopOrderByWithRelationInput[]> = {
  stage_age: [{ stageChangedAt: "asc" }, { id: "asc" }],
  loop_age: [{ startedAt: "asc" }, { id: "asc" }],
  candidate: [{ candidate: { name: "asc" } }, { id: "asc" }],
  newest: [{ startedAt: "desc" }, { id: "asc" }],
};

/**
 * Loop rows for list pages: the page of loops (1 query), the total (1), and
 * the submitted ratings of just those loops for their split counts (1).
 */
export async function listLoops(viewer: Person, filter: LoopListFilter, now = new Date()) {
  const hiringManagerId = filter.hiringManager;
  const scope =
    filter.scope === "mine" && viewer.role === "hiring_manager"
      ? loopScopeWhere({ ...viewer, committeeMember: false })
      : loopScopeWhere(viewer);
  const where: Prisma.LoopWhereInput = {
    AND: [scope],
    ...(hiringManagerId ? { hiringManagerId } : {}),
    ...(filter.recruiter ? { recruiterId: filter.recruiter } : {}),
    ...(filter.q ? { candidate: { name: { contains: filter.q, mode: "insensitive" } } } : {}),
    ...(filter.overdue
      ? {
          rounds: {
            some: {
              status: { not: "cancelled" },
              interviewerId: { not: null },
              feedbackDueAt: { lt: now },
              feedback: { none: { status: "submitted" } },
            },
          },
        }
      : {}),
    ...(filter.stage ? { stage: filter.stage } : filter.activeOnly ? { stage: { not: "closed" } } : {}),
    ...(filter.source
      ? {
          candidate: {
            source: filter.source,
            ...(filter.q ? { name: { contains: filter.q, mode: "insensitive" as const } } : {}),
          },
        }
      : {}),
    ...(filter.track ? { track: filter.track } : {}),
  };
  const [loops, total] = await Promise.all([
    prisma.loop.findMany({
      where,
      orderBy: orderings[filter.sort ?? "stage_age"],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        roleTitle: true,
        stage: true,
        stageChangedAt: true,
        startedAt: true,
        debriefAt: true,
        targetLevel: true,
        track: true,
        candidate: { select: { name: true, source: true } },
        hiringManager: { select: { name: true } },
        rounds: {
          select: {
            type: true,
            status: true,
            scheduledAt: true,
            durationMinutes: true,
            feedbackDueAt: true,
            interviewerId: true,
            feedback: { select: { interviewerId: true, status: true } },
          },
        },
      },
    }),
    prisma.loop.count({ where }),
  ]);
  const settings = await prisma.stageSetting.findMany({ select: { stage: true, expectedDays: true } });
  const expectedDays = Object.fromEntries(settings.map((setting) => [setting.stage, setting.expectedDays]));
  // Split counts come from the panel's ratings: none for a loop on which the viewer still owes feedback.
  const lockedFor = (
    rounds: { status: string; interviewerId: string | null; feedback: { interviewerId: string; status: string }[] }[],
  ) =>
    rounds.some(
      (round) =>
        round.status !== "cancelled" &&
        round.interviewerId === viewer.id &&
        !round.feedback.some((feedback) => feedback.interviewerId === viewer.id && feedback.status === "submitted"),
    );
  const readable = loops.filter((loop) => !lockedFor(loop.rounds)).map((loop) => loop.id);
  const ratings = await prisma.rating.findMany({
    where: {
      feedback: {
        status: "submitted",
        voidedAt: null,
        round: { loopId: { in: readable }, status: { not: "cancelled" } },
      },
    },
    select: { value: true, dimensionId: true, feedback: { select: { round: { select: { loopId: true } } } } },
  });
  const byLoop = new Map<string, Map<string, (number | null)[]>>();
  for (const rating of ratings) {
    const loopId = rating.feedback.round.loopId;
    const dimensions = byLoop.get(loopId) ?? new Map<string, (number | null)[]>();
    dimensions.set(rating.dimensionId, [...(dimensions.get(rating.dimensionId) ?? []), rating.value]);
    byLoop.set(loopId, dimensions);
  }
  const splitsOf = (loopId: string) =>
    countSplits(
      [...(byLoop.get(loopId) ?? new Map<string, (number | null)[]>()).entries()].map(([key, values]) =>
        spreadOf({ key, name: key }, values),
      ),
    );

  return {
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    loops: loops.map((loop) => ({
      id: loop.id,
      candidateName: loop.candidate.name,
      source: loop.candidate.source,
      roleTitle: loop.roleTitle,
      track: loop.track,
      targetLevel: loop.targetLevel,
      stage: loop.stage,
      hiringManagerName: loop.hiringManager.name,
      daysInStage: daysBetween(loop.stageChangedAt, now),
      stuckDays: daysOverdueInStage(loop.stage, daysBetween(loop.stageChangedAt, now), expectedDays),
      daysInLoop: daysBetween(loop.startedAt, now),
      debriefAt: loop.debriefAt?.toISOString() ?? null,
      feedback: feedbackProgress(loop.rounds, now),
      splits: lockedFor(loop.rounds) ? null : splitsOf(loop.id),
      nextRound: nextRoundOf(loop.rounds, now),
    })),
  };
}
