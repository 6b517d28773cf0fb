import { roundFeedbackState } from "~/domain/feedback-timing";
import { loopTimeline } from "~/domain/loop-timeline";
import { daysBetween } from "~/domain/stages";
import { prisma } from "../db.server";
import { loopHeaderSelect } from "./loop-select.server";
import { ServiceError } from "../service-error.server";
import { roundTypeLabels } from "~/domain/vocabulary";

/** A loop as the recruiter manages it: rounds with their schedule history, stage history, people to assign. */
export async function getLoopForRecruiter(loopId: string, now = new Date()) {
  const loop = await prisma.loop.findUnique({
    where: { id: loopId },
    select: {
      ...loopHeaderSelect,
      decisions: { where: { supersededAt: null }, select: { decidedAt: true } },
      candidate: { select: { id: true, name: true, email: true, currentRole: true, currentLevel: true, source: true } },
      hiringManager: { select: { name: true } },
      stageChanges: {
        orderBy: { changedAt: "asc" },
        select: {
          fromStage: true,
          toStage: true,
          changedAt: true,
          reason: true,
          changedBy: { select: { name: true } },
        },
      },
      rounds: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          type: true,
          status: true,
          scheduledAt: true,
          durationMinutes: true,
          feedbackDueAt: true,
          cancelledReason: true,
          interviewerId: true,
          interviewer: { select: { name: true } },
          feedback: { select: { interviewerId: true, status: true, submittedAt: true } },
          changes: {
            orderBy: { changedAt: "asc" },
            select: { kind: true, reason: true, after: true, changedAt: true, changedBy: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!loop) throw new ServiceError(404, "There is no such loop.");
  const reminders = await prisma.notification.findMany({
    where: { roundId: { in: loop.rounds.map((round) => round.id) } },
    orderBy: { sentAt: "asc" },
    select: { roundId: true, kind: true, sentAt: true },
  });
  const people = await prisma.user.findMany({
    where: { active: true, role: { in: ["interviewer", "hiring_manager", "recruiter"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
  const timeline = loopTimeline(
    {
      startedAt: loop.startedAt,
      source: loop.candidate.source,
      stageChanges: loop.stageChanges,
      rounds: loop.rounds.map((round) => {
        const firstSchedule = round.changes.find((change) => change.kind === "scheduled")?.after as
          { scheduledAt?: string } | undefined;
        return {
          label: `${roundTypeLabels[round.type]} (${round.interviewer?.name ?? "unassigned"})`,
          status: round.status,
          plannedAt: firstSchedule?.scheduledAt ? new Date(firstSchedule.scheduledAt) : null,
          scheduledAt: round.scheduledAt,
          durationMinutes: round.durationMinutes,
          submittedAt:
            round.feedback.find(
              (feedback) => feedback.interviewerId === round.interviewerId && feedback.status === "submitted",
            )?.submittedAt ?? null,
        };
      }),
      debriefAt: loop.debriefAt,
      decidedAt: loop.decisions[0]?.decidedAt ?? null,
    },
    now,
  );
  return {
    timeline,
    loop: {
      ...loop,
      decisions: undefined,
      daysInStage: daysBetween(loop.stageChangedAt, now),
      daysInLoop: daysBetween(loop.startedAt, now),
      stageChanges: loop.stageChanges.map((change) => ({ ...change, changedAt: change.changedAt.toISOString() })),
      rounds: loop.rounds.map((round) => {
        const own = round.feedback.find((feedback) => feedback.interviewerId === round.interviewerId);
        return {
          id: round.id,
          type: round.type,
          typeLabel: roundTypeLabels[round.type],
          status: round.status,
          scheduledAt: round.scheduledAt?.toISOString() ?? null,
          // For the datetime-local input (UTC, like every time shown).
          scheduledAtInput: round.scheduledAt?.toISOString().slice(0, 16) ?? "",
          durationMinutes: round.durationMinutes,
          feedbackDueAt: round.feedbackDueAt?.toISOString() ?? null,
          cancelledReason: round.cancelledReason,
          interviewerId: round.interviewerId,
          interviewerName: round.interviewer?.name ?? null,
          state: roundFeedbackState({ ...round, feedbackStatus: own?.status ?? null }, now),
          locked: round.feedback.some((feedback) => feedback.status === "submitted"),
          reminders: reminders
            .filter((reminder) => reminder.roundId === round.id)
            .map((reminder) => ({ kind: reminder.kind, sentAt: reminder.sentAt.toISOString() })),
          changes: round.changes.map((change) => ({
            kind: change.kind,
            reason: change.reason,
            changedBy: change.changedBy,
            changedAt: change.changedAt.toISOString(),
          })),
        };
      }),
    },
    people,
  };
}
