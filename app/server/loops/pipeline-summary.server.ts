import { summarisePipeline } from "~/domain/pipeline-summary";
import { prisma } from "../db.server";

/** The recruiter summary over loops started in the last `periodDays` days (two queries). */
export async function getPipelineSummary(periodDays: number, now = new Date()) {
  const since = new Date(now.getTime() - periodDays * 86_400_000);
  const [loops, feedback] = await Promise.all([
    prisma.loop.findMany({
      where: { startedAt: { gte: since } },
      select: {
        track: true,
        startedAt: true,
        candidate: { select: { source: true } },
        stageChanges: { select: { toStage: true, changedAt: true } },
      },
    }),
    prisma.feedback.findMany({
      where: { status: "submitted", submittedAt: { gte: since }, round: { scheduledAt: { not: null } } },
      select: {
        interviewerId: true,
        submittedAt: true,
        interviewer: { select: { name: true } },
        round: { select: { scheduledAt: true, durationMinutes: true, feedbackDueAt: true } },
      },
    }),
  ]);
  return summarisePipeline(
    loops.map((loop) => ({
      source: loop.candidate.source,
      track: loop.track,
      startedAt: loop.startedAt,
      stageChanges: loop.stageChanges,
    })),
    feedback.map((item) => ({
      interviewerId: item.interviewerId,
      interviewerName: item.interviewer.name,
      roundEndedAt: new Date(item.round.scheduledAt!.getTime() + item.round.durationMinutes * 60_000),
      submittedAt: item.submittedAt!,
      dueAt: item.round.feedbackDueAt,
    })),
  );
}
