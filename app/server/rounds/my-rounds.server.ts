import { roundFeedbackState, type RoundFeedbackState } from "~/domain/feedback-timing";
import { prisma } from "../db.server";
import { roundTypeLabels } from "~/domain/vocabulary";

export interface MyRound {
  id: string;
  typeLabel: string;
  candidateName: string;
  roleTitle: string;
  scheduledAt: string | null;
  durationMinutes: number;
  feedbackDueAt: string | null;
  state: RoundFeedbackState;
  hasDraft: boolean;
  submittedAt: string | null;
}

/** The signed-in user's own rounds; only their own feedback status is read. */
export async function getMyRounds(userId: string, now = new Date()) {
  const rounds = await prisma.round.findMany({
    where: { interviewerId: userId, status: { not: "cancelled" } },
    orderBy: [{ scheduledAt: "asc" }],
    select: {
      id: true,
      type: true,
      status: true,
      scheduledAt: true,
      durationMinutes: true,
      feedbackDueAt: true,
      loop: { select: { roleTitle: true, candidate: { select: { name: true } } } },
      feedback: { where: { interviewerId: userId }, select: { status: true, submittedAt: true } },
    },
  });
  const items: MyRound[] = rounds.map((round) => {
    const own = round.feedback[0] ?? null;
    return {
      id: round.id,
      typeLabel: roundTypeLabels[round.type],
      candidateName: round.loop.candidate.name,
      roleTitle: round.loop.roleTitle,
      scheduledAt: round.scheduledAt?.toISOString() ?? null,
      durationMinutes: round.durationMinutes,
      feedbackDueAt: round.feedbackDueAt?.toISOString() ?? null,
      state: roundFeedbackState({ ...round, feedbackStatus: own?.status ?? null }, now),
      hasDraft: own?.status === "draft",
      submittedAt: own?.submittedAt?.toISOString() ?? null,
    };
  });
  return {
    now: now.toISOString(),
    upcoming: items.filter((item) => item.state === "upcoming"),
    awaiting: items.filter((item) => item.state === "awaiting" || item.state === "overdue"),
    submitted: items.filter((item) => item.state === "submitted").reverse(),
  };
}
