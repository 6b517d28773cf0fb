import { feedbackProgress } from "~/domain/feedback-timing";
import { daysBetween } from "~/domain/stages";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "../db.server";

export const PAGE_SIZE = 50;

export interface LoopListFilter {
  hiringManagerId?: string;
  activeOnly?: boolean;
  page: number;
}

/** Loop rows for list pages: one query for the page, one for the count. */
export async function listLoops(filter: LoopListFilter, now = new Date()) {
  const where: Prisma.LoopWhereInput = {
    ...(filter.hiringManagerId ? { hiringManagerId: filter.hiringManagerId } : {}),
    ...(filter.activeOnly ? { stage: { not: "closed" } } : {}),
  };
  const [loops, total] = await Promise.all([
    prisma.loop.findMany({
      where,
      orderBy: [{ stageChangedAt: "asc" }, { id: "asc" }],
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
      daysInLoop: daysBetween(loop.startedAt, now),
      debriefAt: loop.debriefAt?.toISOString() ?? null,
      feedback: feedbackProgress(loop.rounds, now),
    })),
  };
}
