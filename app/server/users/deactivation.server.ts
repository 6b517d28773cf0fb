import type { Prisma } from "~/generated/prisma/client";
import { formatDateTime } from "~/utils/format";
import { recordAudit } from "../audit.server";
import { endAllSessionsOf } from "../auth/session.server";
import { prisma } from "../db.server";
import { sendMail } from "../jobs/mailer.server";
import { openRoundWhere, slotJson } from "../loops/round-changes.server";
import { assertAnotherActiveAdmin } from "./users.server";
import { ServiceError } from "../service-error.server";
import { roundTypeLabels } from "~/domain/vocabulary";

type Db = typeof prisma | Prisma.TransactionClient;

export const UNASSIGNED_REASON = "interviewer deactivated";

/** A round the person still has to hold or write up, as the admin is asked about it. */
export interface OpenAssignment {
  roundId: string;
  loopId: string;
  candidateName: string;
  roundTypeLabel: string;
  scheduledAt: string | null;
}

export type DeactivationResult =
  | { saved: true; unassigned: number; recruitersTold: string[]; notTold: string[] }
  | { saved: false; name: string; openRounds: OpenAssignment[] };

/** The person's open rounds: upcoming or held, still scheduled, with no feedback submitted on them. */
function openRoundsOf(db: Db, userId: string) {
  return db.round.findMany({
    where: { interviewerId: userId, ...openRoundWhere },
    orderBy: [{ scheduledAt: "asc" }, { position: "asc" }],
    select: {
      id: true,
      type: true,
      scheduledAt: true,
      durationMinutes: true,
      interviewerId: true,
      loopId: true,
      loop: {
        select: {
          candidate: { select: { name: true } },
          recruiter: { select: { id: true, name: true, email: true, active: true } },
        },
      },
    },
  });
}

type OpenRound = Awaited<ReturnType<typeof openRoundsOf>>[number];

/**
 * Deactivates a person. If they still have open rounds, the first attempt
 * saves nothing and returns those rounds, so the admin can have them
 * reassigned first or confirm. Confirming deactivates them, unassigns them
 * from those rounds (each change kept, with the reason), audits it, ends
 * their sessions, and tells each affected loop's recruiter which rounds need
 * a new interviewer.
 */
export async function deactivateUser(
  actorId: string,
  userId: string,
  options: { confirm: boolean },
  now = new Date(),
): Promise<DeactivationResult> {
  if (actorId === userId) throw new ServiceError(409, "You cannot deactivate your own account.");
  const outcome = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, role: true, active: true } });
    if (!user) throw new ServiceError(409, "That person no longer exists.");
    if (!user.active) return { user, rounds: [] as OpenRound[], changed: false };
    if (user.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    const rounds = await openRoundsOf(tx, userId);
    if (rounds.length && !options.confirm) return { user, rounds, changed: false, asked: true };

    await tx.user.update({ where: { id: userId }, data: { active: false } });
    if (rounds.length) {
      await tx.round.updateMany({
        where: { id: { in: rounds.map((round) => round.id) }, interviewerId: userId },
        data: { interviewerId: null },
      });
      await tx.roundChange.createMany({
        data: rounds.map((round) => ({
          roundId: round.id,
          kind: "unassigned",
          before: slotJson(round),
          after: slotJson({ ...round, interviewerId: null }),
          reason: UNASSIGNED_REASON,
          changedById: actorId,
          changedAt: now,
        })),
      });
    }
    const byLoop = groupByLoop(rounds);
    await recordAudit(
      [
        {
          actorId,
          action: "user.deactivated",
          entityType: "User",
          entityId: userId,
          data: { unassignedRoundIds: rounds.map((round) => round.id) },
        },
        ...[...byLoop].map(([loopId, loopRounds]) => ({
          actorId,
          action: "loop.interviewer_unassigned",
          entityType: "Loop",
          entityId: loopId,
          loopId,
          data: { userId, roundIds: loopRounds.map((round) => round.id), reason: UNASSIGNED_REASON },
        })),
      ],
      tx,
    );
    return { user, rounds, changed: true };
  });

  if ("asked" in outcome) {
    return {
      saved: false,
      name: outcome.user.name,
      openRounds: outcome.rounds.map((round) => ({
        roundId: round.id,
        loopId: round.loopId,
        candidateName: round.loop.candidate.name,
        roundTypeLabel: roundTypeLabels[round.type],
        scheduledAt: round.scheduledAt?.toISOString() ?? null,
      })),
    };
  }
  if (!outcome.changed) return { saved: true, unassigned: 0, recruitersTold: [], notTold: [] };
  // Deactivation ends every session at once, not at their expiry.
  await endAllSessionsOf(userId);
  const told = await tellRecruiters(outcome.user.name, userId, outcome.rounds);
  return { saved: true, unassigned: outcome.rounds.length, ...told };
}

function groupByLoop(rounds: OpenRound[]): Map<string, OpenRound[]> {
  const byLoop = new Map<string, OpenRound[]>();
  for (const round of rounds) byLoop.set(round.loopId, [...(byLoop.get(round.loopId) ?? []), round]);
  return byLoop;
}

/**
 * One message per affected loop to its recruiter, through the mailer (SMTP or
 * the outbox), after the deactivation is saved. A message that cannot be sent
 * is reported back to the admin rather than undoing the deactivation.
 */
async function tellRecruiters(name: string, userId: string, rounds: OpenRound[]) {
  const recruitersTold: string[] = [];
  const notTold: string[] = [];
  for (const [loopId, loopRounds] of groupByLoop(rounds)) {
    const { recruiter, candidate } = loopRounds[0]!.loop;
    if (!recruiter.active || recruiter.id === userId) {
      notTold.push(recruiter.name);
      continue;
    }
    const list = loopRounds
      .map((round) => `- ${roundTypeLabels[round.type]}, ${formatDateTime(round.scheduledAt)}`)
      .join("\n");
    try {
      await sendMail({
        kind: "interviewer_deactivated",
        toUserId: recruiter.id,
        toEmail: recruiter.email,
        roundId: null,
        subject: `Reassign: ${name} no longer interviews for ${candidate.name}`,
        body: `Hi ${recruiter.name},\n\n${name} was deactivated and unassigned from these rounds of ${candidate.name}'s loop:\n${list}\n\nAssign another interviewer here: /loops/${loopId}`,
      });
      recruitersTold.push(recruiter.name);
    } catch (error) {
      console.warn(`could not tell ${recruiter.email} about ${userId}'s deactivation:`, error);
      notTold.push(recruiter.name);
    }
  }
  return { recruitersTold: [...new Set(recruitersTold)], notTold: [...new Set(notTold)] };
}
