import { plannedReminders } from "~/domain/reminders";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "../db.server";
import { sendMail } from "./mailer.server";
import { roundTypeLabels } from "~/domain/vocabulary";

const MAX_ATTEMPTS = 5;
const BATCH = 20;

interface ReminderPayload {
  kind: "feedback_overdue" | "round_upcoming";
  roundId: string;
  interviewerId: string;
  sequence: number;
}

/** Turns the reminder rules into jobs; the unique key makes this safe to run anywhere, any number of times. */
export async function planReminders(now = new Date()) {
  const horizon = new Date(now.getTime() + 24 * 3_600_000);
  const rounds = await prisma.round.findMany({
    where: {
      status: { not: "cancelled" },
      interviewerId: { not: null },
      OR: [{ feedbackDueAt: { lte: now } }, { scheduledAt: { gt: now, lte: horizon } }],
      // Rounds past due long ago still count: reminders stop by their own maximum.
    },
    select: {
      id: true,
      status: true,
      interviewerId: true,
      scheduledAt: true,
      feedbackDueAt: true,
      feedback: { where: { status: "submitted" }, select: { interviewerId: true } },
    },
  });
  const planned = plannedReminders(
    rounds.map((round) => ({
      roundId: round.id,
      status: round.status,
      interviewerId: round.interviewerId,
      scheduledAt: round.scheduledAt,
      feedbackDueAt: round.feedbackDueAt,
      submitted: round.feedback.some((feedback) => feedback.interviewerId === round.interviewerId),
    })),
    now,
  );
  if (planned.length === 0) return 0;
  const created = await prisma.job.createMany({
    data: planned.map((reminder) => ({
      key: reminder.key,
      kind: "reminder",
      runAt: reminder.runAt,
      payload: {
        kind: reminder.kind,
        roundId: reminder.roundId,
        interviewerId: reminder.interviewerId,
        sequence: reminder.sequence,
      } satisfies ReminderPayload,
    })),
    skipDuplicates: true,
  });
  return created.count;
}

/** Claims due jobs for this worker: rows another worker holds are skipped, never waited on or taken twice. */
async function claimJobs(workerId: string, now: Date) {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT "id" FROM "Job"
      WHERE "status" = 'pending' AND "runAt" <= ${now}
      ORDER BY "runAt"
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED`);
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    await tx.job.updateMany({
      where: { id: { in: ids } },
      data: { status: "running", lockedBy: workerId, lockedAt: now, attempts: { increment: 1 } },
    });
    return tx.job.findMany({ where: { id: { in: ids } }, select: { id: true, payload: true, attempts: true } });
  });
}

async function runReminder(payload: ReminderPayload, smtpUrl?: string) {
  const round = await prisma.round.findUnique({
    where: { id: payload.roundId },
    select: {
      id: true,
      type: true,
      status: true,
      scheduledAt: true,
      feedbackDueAt: true,
      interviewerId: true,
      interviewer: { select: { id: true, email: true, name: true, active: true } },
      loop: { select: { candidate: { select: { name: true } } } },
      feedback: { where: { status: "submitted" }, select: { interviewerId: true } },
    },
  });
  // The world may have moved on since planning: submitted, cancelled, reassigned, deactivated.
  if (
    !round ||
    round.status === "cancelled" ||
    !round.interviewer ||
    !round.interviewer.active ||
    round.interviewerId !== payload.interviewerId
  )
    return;
  if (
    payload.kind === "feedback_overdue" &&
    round.feedback.some((feedback) => feedback.interviewerId === round.interviewerId)
  )
    return;
  const what = `${roundTypeLabels[round.type]} with ${round.loop.candidate.name}`;
  const link = `/rounds/${round.id}`;
  await sendMail(
    {
      kind: payload.kind,
      toUserId: round.interviewer.id,
      toEmail: round.interviewer.email,
      roundId: round.id,
      subject: payload.kind === "feedback_overdue" ? `Feedback overdue: ${what}` : `Tomorrow: ${what}`,
      body:
        payload.kind === "feedback_overdue"
          ? `Hi ${round.interviewer.name},\n\nYour feedback for ${what} was due ${round.feedbackDueAt?.toUTCString()}. The panel's debrief waits on it.\nFile it here: ${link}/feedback\n\n(Reminder ${payload.sequence}.)`
          : `Hi ${round.interviewer.name},\n\nYou interview for ${what} at ${round.scheduledAt?.toUTCString()}. The interview kit (purpose, focus dimensions, questions) is here: ${link}`,
    },
    { smtpUrl },
  );
}

/**
 * One scheduler pass: plan, then run what is due. Safe to run on every app
 * server at once. `smtpUrl` overrides SMTP_URL (tests point it at their own server).
 */
export async function schedulerTick(workerId: string, now = new Date(), options: { smtpUrl?: string } = {}) {
  await planReminders(now);
  let ran = 0;
  for (;;) {
    const jobs = await claimJobs(workerId, now);
    if (jobs.length === 0) break;
    for (const job of jobs) {
      try {
        await runReminder(job.payload as unknown as ReminderPayload, options.smtpUrl);
        await prisma.job.update({ where: { id: job.id }, data: { status: "done", doneAt: new Date() } });
        ran += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Back off and retry, up to MAX_ATTEMPTS.
        await prisma.job.update({
          where: { id: job.id },
          data:
            job.attempts >= MAX_ATTEMPTS
              ? { status: "failed", lastError: message }
              : { status: "pending", lastError: message, runAt: new Date(now.getTime() + job.attempts * 5 * 60_000) },
        });
      }
    }
  }
  return ran;
}
