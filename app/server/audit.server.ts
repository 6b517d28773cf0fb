import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";

type AuditClient = Pick<typeof prisma, "auditEvent"> | Prisma.TransactionClient;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** The loop the event concerns, if any (the audit log filters by it); a Loop entity is its own. */
  loopId?: string | null;
  data?: Prisma.InputJsonValue;
}

/** The one writer of audit events. Append-only: nothing in the app updates or deletes them. */
export async function recordAudit(entry: AuditEntry | AuditEntry[], client: AuditClient = prisma): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (entries.length === 0) return;
  await client.auditEvent.createMany({
    data: entries.map((entry) => ({
      ...entry,
      loopId: entry.loopId ?? (entry.entityType === "Loop" ? entry.entityId : null),
    })),
  });
}

/**
 * A read stays one event however often the page revalidates: Remix re-runs a
 * page's loaders after every action and on window focus, so a read already
 * recorded for the same person and entity within this window is not recorded
 * again.
 */
export const READ_AUDIT_WINDOW_MS = 30 * 60_000;

/** Records reads of other people's records, skipping those recorded in the window, in one statement. */
export async function recordReads(
  reads: {
    actorId: string;
    action: string;
    entityType: string;
    entityId: string;
    loopId: string | null;
    data: object;
  }[],
  now = new Date(),
): Promise<void> {
  if (reads.length === 0) return;
  const since = new Date(now.getTime() - READ_AUDIT_WINDOW_MS);
  const rows = reads.map(
    (read) =>
      Prisma.sql`(${read.actorId}, ${read.action}, ${read.entityType}, ${read.entityId}, ${read.loopId}, ${JSON.stringify(read.data)})`,
  );
  await prisma.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "at", "actorId", "action", "entityType", "entityId", "loopId", "data")
    SELECT gen_random_uuid()::text, ${now}, v."actorId", v."action", v."entityType", v."entityId", v."loopId", v."data"::jsonb
    FROM (VALUES ${Prisma.join(rows)}) AS v("actorId", "action", "entityType", "entityId", "loopId", "data")
    WHERE NOT EXISTS (
      SELECT 1 FROM "AuditEvent" e
      WHERE e."actorId" = v."actorId" AND e."action" = v."action" AND e."entityType" = v."entityType"
        AND e."entityId" = v."entityId" AND e."at" >= ${since}
    )`;
}
