import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";

type AuditClient = Pick<typeof prisma, "auditEvent"> | Prisma.TransactionClient;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
}

/** Append-only: nothing in the app updates or deletes audit events. */
export async function recordAudit(entry: AuditEntry, client: AuditClient = prisma): Promise<void> {
  await client.auditEvent.create({ data: entry });
}
