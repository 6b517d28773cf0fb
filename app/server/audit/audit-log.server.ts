import { auditActionLabel, auditEntityHref, summariseAuditData } from "~/domain/audit-actions";
import type { Person } from "~/domain/permissions";
import { Prisma } from "~/generated/prisma/client";
import type { RoundType } from "~/generated/prisma/enums";
import type { AuditQuery } from "~/schemas/audit";
import { csvCell } from "~/utils/csv";
import { lockedLoopIds } from "../auth/permissions.server";
import { prisma } from "../db.server";
import { roundTypeLabels } from "~/domain/vocabulary";

export const AUDIT_PAGE_SIZE = 50;
const CSV_BATCH_SIZE = 500;

/** Said instead of an event's data on a loop the viewer owes feedback on (the blind rule). */
export const WITHHELD_DETAILS = "withheld until your own feedback for this loop is submitted";

interface AuditRow {
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  loopId: string | null;
  candidate: string | null;
  /** The event's data as JSON text. */
  data: string | null;
}

/** The filters as SQL over "AuditEvent" e. The loop filter takes a loop id or part of a candidate's name. */
function whereClause(query: AuditQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (query.actor === "system") conditions.push(Prisma.sql`e."actorId" IS NULL`);
  else if (query.actor) conditions.push(Prisma.sql`e."actorId" = ${query.actor}`);
  if (query.action) conditions.push(Prisma.sql`e."action" = ${query.action}`);
  if (query.loop) {
    const pattern = `%${query.loop.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(Prisma.sql`(e."loopId" = ${query.loop} OR e."loopId" IN (
      SELECT l."id" FROM "Loop" l JOIN "Candidate" c ON c."id" = l."candidateId" WHERE c."name" ILIKE ${pattern}))`);
  }
  // Days are UTC, like every date the app shows; "to" includes its whole day.
  if (query.from) conditions.push(Prisma.sql`e."at" >= ${query.from}::date`);
  if (query.to) conditions.push(Prisma.sql`e."at" < ${query.to}::date + 1`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** Newest first; `after` continues from a row (keyset), `offset` skips rows (pages). */
function selectEvents(where: Prisma.Sql, window: { limit: number; offset?: number; after?: AuditRow }) {
  const after = window.after
    ? Prisma.sql`AND (e."at", e."id") < (${window.after.at}::timestamptz AT TIME ZONE 'UTC', ${window.after.id})`
    : Prisma.empty;
  return prisma.$queryRaw<AuditRow[]>`
    SELECT e."id", to_char(e."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at", e."actorId",
      u."name" AS "actorName", u."email" AS "actorEmail", e."action", e."entityType", e."entityId", e."loopId",
      c."name" AS "candidate", e."data"::text AS "data"
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u."id" = e."actorId"
    LEFT JOIN "Loop" l ON l."id" = e."loopId"
    LEFT JOIN "Candidate" c ON c."id" = l."candidateId"
    WHERE ${where} ${after}
    ORDER BY e."at" DESC, e."id" DESC
    LIMIT ${window.limit} OFFSET ${window.offset ?? 0}`;
}

async function countEvents(where: Prisma.Sql): Promise<number> {
  const [row] = await prisma.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS "total" FROM "AuditEvent" e WHERE ${where}`;
  return row?.total ?? 0;
}

const key = (entityType: string, entityId: string) => `${entityType}:${entityId}`;

/** Readable names for the things a page of events concerns, a few batched queries. */
async function entityLabels(rows: AuditRow[]): Promise<Map<string, string>> {
  const idsOf = (entityType: string) => [
    ...new Set(rows.filter((row) => row.entityType === entityType).map((row) => row.entityId)),
  ];
  const [feedback, users, rubrics, candidates, rounds] = await Promise.all([
    prisma.feedback.findMany({
      where: { id: { in: idsOf("Feedback") } },
      select: { id: true, interviewer: { select: { name: true } }, round: { select: { type: true } } },
    }),
    prisma.user.findMany({ where: { id: { in: idsOf("User") } }, select: { id: true, name: true } }),
    prisma.rubricVersion.findMany({
      where: { id: { in: idsOf("RubricVersion") } },
      select: { id: true, version: true },
    }),
    prisma.candidate.findMany({ where: { id: { in: idsOf("Candidate") } }, select: { id: true, name: true } }),
    prisma.round.findMany({ where: { id: { in: idsOf("Round") } }, select: { id: true, type: true } }),
  ]);
  const labels = new Map<string, string>();
  for (const item of feedback)
    labels.set(key("Feedback", item.id), `feedback by ${item.interviewer.name} (${roundTypeLabels[item.round.type]})`);
  for (const user of users) labels.set(key("User", user.id), user.name);
  for (const rubric of rubrics) labels.set(key("RubricVersion", rubric.id), `rubric version ${rubric.version}`);
  for (const candidate of candidates) labels.set(key("Candidate", candidate.id), candidate.name);
  for (const round of rounds) labels.set(key("Round", round.id), `${roundTypeLabels[round.type]} round`);
  return labels;
}

function entityLabel(row: AuditRow, labels: Map<string, string>): string {
  const known = labels.get(key(row.entityType, row.entityId));
  if (known) return known;
  switch (row.entityType) {
    case "Loop":
      return row.action.startsWith("decision.") ? "debrief" : "loop";
    case "RoundKit":
      return `${roundTypeLabels[row.entityId as RoundType] ?? row.entityId} kit`;
    case "StageSetting":
      return "stage durations";
    case "Feedback":
      return "feedback";
    default:
      return `${row.entityType} ${row.entityId}`;
  }
}

function parseData(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

export interface AuditLogEvent {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  label: string;
  entity: { type: string; id: string; label: string; href: string | null };
  loop: { id: string; candidate: string | null } | null;
  /** A one-line summary of the event's data; null when withheld by the blind rule. */
  details: string | null;
}

/** One page of the audit log, newest first, with the total that matches the filters. */
export async function auditLogPage(viewer: Pick<Person, "id">, query: AuditQuery, requestedPage: number) {
  const where = whereClause(query);
  const total = await countEvents(where);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(requestedPage, pageCount);
  const rows = total ? await selectEvents(where, { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE }) : [];
  const [locked, labels] = await Promise.all([
    lockedLoopIds(viewer.id).then((ids) => new Set(ids)),
    entityLabels(rows),
  ]);
  const events: AuditLogEvent[] = rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "a removed person" } : null,
    action: row.action,
    label: auditActionLabel(row.action),
    entity: {
      type: row.entityType,
      id: row.entityId,
      label: entityLabel(row, labels),
      href: auditEntityHref(row),
    },
    loop: row.loopId ? { id: row.loopId, candidate: row.candidate } : null,
    details: row.loopId && locked.has(row.loopId) ? null : summariseAuditData(parseData(row.data)),
  }));
  return { events, total, page, pageCount };
}

/** Everyone who can appear as an actor, for the person filter. */
export function auditActors() {
  return prisma.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, active: true } });
}

export const AUDIT_CSV_HEADER = [
  "at",
  "actor",
  "actor_email",
  "action",
  "entity_type",
  "entity_id",
  "loop_id",
  "candidate",
  "details",
];

function csvLine(cells: (string | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * Every event matching the filters as CSV, newest first, read in batches as
 * the client takes them (keyset on at and id, so no row is skipped or
 * repeated). Details are the event's data as JSON, whole.
 */
export async function auditCsvStream(viewer: Pick<Person, "id">, query: AuditQuery): Promise<ReadableStream> {
  const where = whereClause(query);
  const locked = new Set(await lockedLoopIds(viewer.id));
  const encoder = new TextEncoder();
  let last: AuditRow | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(AUDIT_CSV_HEADER)));
        return;
      }
      const rows = await selectEvents(where, { limit: CSV_BATCH_SIZE, after: last });
      const text = rows
        .map((row) =>
          csvLine([
            row.at,
            row.actorId ? (row.actorName ?? "") : "system",
            row.actorEmail,
            row.action,
            row.entityType,
            row.entityId,
            row.loopId,
            row.candidate,
            row.loopId && locked.has(row.loopId) ? WITHHELD_DETAILS : row.data,
          ]),
        )
        .join("");
      if (text) controller.enqueue(encoder.encode(text));
      last = rows.at(-1);
      if (rows.length < CSV_BATCH_SIZE) controller.close();
    },
  });
}
