import { automaticStage } from "~/domain/stage-rules";
import { Prisma } from "~/generated/prisma/client";
import type { LoopStage } from "~/generated/prisma/enums";
import { cancelRounds, openRoundsOf } from "./round-changes.server";

type Tx = Prisma.TransactionClient;

/**
 * The one writer of a loop's stage: records the change (who, when, why) and
 * moves the loop. Closing also cancels the loop's open rounds (scheduled, no
 * feedback submitted) with the same reason, so nobody interviews for a loop
 * that has ended and no reminder goes out for it. Returns the rounds it cancelled.
 */
export async function moveStage(
  tx: Tx,
  loopId: string,
  from: LoopStage,
  to: LoopStage,
  actorId: string | null,
  reason: string,
  now = new Date(),
): Promise<{ cancelledRoundIds: string[] }> {
  if (from === to) return { cancelledRoundIds: [] };
  // One statement: the loop moves and its history row is written together (a hot path: every last submit).
  await tx.$executeRaw(Prisma.sql`
    WITH moved AS (
      UPDATE "Loop" SET "stage" = ${to}::"LoopStage", "stageChangedAt" = ${now}, "closedAt" = ${to === "closed" ? now : null},
                        "updatedAt" = ${now}
      WHERE "id" = ${loopId} RETURNING "id"
    )
    INSERT INTO "StageChange" ("id", "loopId", "fromStage", "toStage", "changedAt", "changedById", "reason")
    SELECT gen_random_uuid()::text, "id", ${from}::"LoopStage", ${to}::"LoopStage", ${now}, ${actorId}, ${reason} FROM moved`);
  if (to !== "closed") return { cancelledRoundIds: [] };
  if (!actorId) throw new Error("Only a person closes a loop.");
  const open = await openRoundsOf(tx, loopId);
  await cancelRounds(tx, open, actorId, reason, now);
  return { cancelledRoundIds: open.map((round) => round.id) };
}

interface StageFacts {
  stage: LoopStage;
  decision: { outcome: string; decidedAt: string } | null;
  rounds: {
    type: string;
    status: "scheduled" | "completed" | "cancelled";
    scheduledAt: string | null;
    durationMinutes: number;
    interviewerId: string | null;
    submitted: boolean;
  }[];
}

/** Applies the automatic stage rules after rounds or feedback changed: what they need is read in one query. */
export async function applyAutomaticStage(tx: Tx, loopId: string, actorId: string | null, now = new Date()) {
  const utc = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const [loop] = await tx.$queryRaw<StageFacts[]>(Prisma.sql`
    SELECT l."stage"::text AS "stage",
      (SELECT json_build_object('outcome', d."outcome", 'decidedAt', ${utc(Prisma.sql`d."decidedAt"`)})
         FROM "Decision" d WHERE d."loopId" = l."id" AND d."supersededAt" IS NULL LIMIT 1) AS "decision",
      (SELECT coalesce(json_agg(json_build_object(
          'type', r."type", 'status', r."status", 'scheduledAt', ${utc(Prisma.sql`r."scheduledAt"`)},
          'durationMinutes', r."durationMinutes", 'interviewerId', r."interviewerId",
          'submitted', EXISTS (SELECT 1 FROM "Feedback" f
                               WHERE f."roundId" = r."id" AND f."interviewerId" = r."interviewerId" AND f."status" = 'submitted'))),
        '[]'::json)
         FROM "Round" r WHERE r."loopId" = l."id") AS "rounds"
    FROM "Loop" l WHERE l."id" = ${loopId}`);
  if (!loop) throw new Error(`No loop ${loopId}`);
  // After More signal needed, only the further rounds move the loop on.
  const reopenedAt = loop.decision?.outcome === "more_signal" ? new Date(loop.decision.decidedAt) : null;
  const next = automaticStage(
    loop.stage,
    loop.rounds.map((round) => ({ ...round, scheduledAt: round.scheduledAt ? new Date(round.scheduledAt) : null })),
    now,
    reopenedAt,
  );
  await moveStage(tx, loopId, loop.stage, next, actorId, "automatic", now);
  return next;
}
