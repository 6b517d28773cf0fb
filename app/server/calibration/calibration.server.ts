import { summariseCalibration, type CalibrationRow, type CalibrationSummary } from "~/domain/calibration-stats";
import { Prisma } from "~/generated/prisma/client";
import type { RoundType } from "~/generated/prisma/enums";
import { prisma } from "../db.server";
import { currentRubricVersion } from "../rubrics/rubrics.server";

export interface CalibrationFilter {
  /** Only feedback submitted in the last this many days (a sliding window). */
  periodDays?: number;
  roundType?: RoundType;
  hiringManagerId?: string;
}

/** A row as the query returns it: the round's end is computed from its start and length. */
type RawRow = Omit<CalibrationRow, "roundEndedAt"> & { scheduledAt: Date | null; durationMinutes: number };

/** Every submitted rating matching the filter, flat, in one query (drafts are never rating rows). */
export async function loadCalibrationRows(filter: CalibrationFilter, now = new Date()): Promise<CalibrationRow[]> {
  const since = filter.periodDays ? new Date(now.getTime() - filter.periodDays * 86_400_000) : undefined;
  const rows = await prisma.$queryRaw<RawRow[]>(Prisma.sql`
    SELECT f."id" AS "feedbackId", r."loopId" AS "loopId", f."interviewerId" AS "interviewerId", u."name" AS "interviewerName",
           r."type"::text AS "roundType", d."key" AS "dimensionKey", ra."value" AS "value", ra."evidenceFlag" AS "evidenceFlag",
           f."recommendation"::text AS "recommendation", f."submittedAt" AS "submittedAt", r."scheduledAt" AS "scheduledAt",
           r."durationMinutes" AS "durationMinutes", r."feedbackDueAt" AS "feedbackDueAt", dec."outcome"::text AS "decision"
    FROM "Rating" ra
    JOIN "Feedback" f ON f."id" = ra."feedbackId"
    JOIN "Dimension" d ON d."id" = ra."dimensionId"
    JOIN "Round" r ON r."id" = f."roundId"
    JOIN "Loop" l ON l."id" = r."loopId"
    JOIN "User" u ON u."id" = f."interviewerId"
    LEFT JOIN "Decision" dec ON dec."loopId" = l."id" AND dec."supersededAt" IS NULL
    WHERE f."status" = 'submitted' AND r."status" <> 'cancelled'
      ${since ? Prisma.sql`AND f."submittedAt" >= ${since}` : Prisma.empty}
      ${filter.roundType ? Prisma.sql`AND r."type"::text = ${filter.roundType}` : Prisma.empty}
      ${filter.hiringManagerId ? Prisma.sql`AND l."hiringManagerId" = ${filter.hiringManagerId}` : Prisma.empty}
  `);
  return rows.map((row) => ({
    ...row,
    value: row.value === null ? null : Number(row.value),
    submittedAt: new Date(row.submittedAt),
    roundEndedAt: row.scheduledAt
      ? new Date(new Date(row.scheduledAt).getTime() + Number(row.durationMinutes) * 60_000)
      : null,
    feedbackDueAt: row.feedbackDueAt ? new Date(row.feedbackDueAt) : null,
  }));
}

/** Changes whenever feedback is submitted or amended, or a decision recorded: "has anything changed?". */
async function dataVersion(): Promise<string> {
  const [feedback, amendments, decisions] = await Promise.all([
    prisma.feedback.aggregate({ where: { status: "submitted" }, _count: true, _max: { submittedAt: true } }),
    prisma.feedbackAmendment.aggregate({ _count: true, _max: { amendedAt: true } }),
    prisma.decision.aggregate({ _count: true, _max: { decidedAt: true } }),
  ]);
  return [
    feedback._count,
    feedback._max.submittedAt?.toISOString(),
    amendments._count,
    amendments._max.amendedAt?.toISOString(),
    decisions._count,
    decisions._max.decidedAt?.toISOString(),
  ].join("|");
}

function filterKey(filter: CalibrationFilter): string {
  return JSON.stringify({
    periodDays: filter.periodDays ?? null,
    roundType: filter.roundType ?? null,
    hiringManagerId: filter.hiringManagerId ?? null,
  });
}

// A sliding window moves even when no feedback arrives: refresh such snapshots twice a day.
const WINDOW_REFRESH_MS = 12 * 3_600_000;

export interface CalibrationResult {
  summary: CalibrationSummary;
  computedAt: string;
  computeMs: number;
  fromCache: boolean;
  /** True when newer feedback exists and a recomputation is under way. */
  refreshing: boolean;
}

// Recomputations in flight in this process, by filter: a burst of page views starts one.
const refreshes = new Map<string, Promise<unknown>>();

/** Waits for background recomputations (tests and benchmarks, so they measure a quiet database). */
export async function settleCalibrationRefreshes(): Promise<void> {
  await Promise.allSettled([...refreshes.values()]);
}

/**
 * The calibration statistics for a filter, cached in the database and
 * recomputed only when submitted feedback has changed since. A stale snapshot
 * is served at once while the recomputation runs in the background
 * (stale-while-revalidate), so the page stays fast however many ratings there
 * are; only the very first view of a filter waits. `fresh: true` waits instead.
 */
export async function getCalibration(
  filter: CalibrationFilter,
  options: { fresh?: boolean } = {},
): Promise<CalibrationResult> {
  const key = filterKey(filter);
  const version = await dataVersion();
  const cached = await prisma.calibrationSnapshot.findUnique({ where: { key } });
  const upToDate = (snapshot: { dataVersion: string; computedAt: Date }) =>
    snapshot.dataVersion === version &&
    (!filter.periodDays || Date.now() - snapshot.computedAt.getTime() < WINDOW_REFRESH_MS);
  if (cached && (upToDate(cached) || !options.fresh)) {
    const stale = !upToDate(cached);
    if (stale && !refreshes.has(key)) {
      const refresh = computeAndStore(key, filter, version)
        .catch((error: unknown) => console.error(`calibration refresh failed for ${key}:`, error))
        .finally(() => refreshes.delete(key));
      refreshes.set(key, refresh);
    }
    return {
      summary: cached.data as unknown as CalibrationSummary,
      computedAt: cached.computedAt.toISOString(),
      computeMs: cached.computeMs,
      fromCache: true,
      refreshing: stale,
    };
  }
  return computeAndStore(key, filter, version);
}

async function computeAndStore(key: string, filter: CalibrationFilter, version: string): Promise<CalibrationResult> {
  const started = performance.now();
  const rubric = await currentRubricVersion();
  const dimensionKeys = rubric
    ? (
        await prisma.dimension.findMany({
          where: { rubricVersionId: rubric.id },
          orderBy: { position: "asc" },
          select: { key: true },
        })
      ).map((dimension) => dimension.key)
    : [];
  const summary = summariseCalibration(await loadCalibrationRows(filter), dimensionKeys);
  const computeMs = Math.round(performance.now() - started);
  const data = JSON.parse(JSON.stringify(summary)) as Prisma.InputJsonValue;
  const saved = await prisma.calibrationSnapshot.upsert({
    where: { key },
    create: { key, dataVersion: version, computeMs, data },
    update: { dataVersion: version, computeMs, data, computedAt: new Date() },
  });
  return { summary, computedAt: saved.computedAt.toISOString(), computeMs, fromCache: false, refreshing: false };
}

/**
 * Computes the default views' snapshots if they do not exist yet (run at start,
 * before serving), so even the first page view reads from the cache.
 */
export async function warmCalibration(): Promise<void> {
  for (const filter of [{}, { periodDays: 365 }] satisfies CalibrationFilter[]) {
    if (!(await prisma.calibrationSnapshot.findUnique({ where: { key: filterKey(filter) }, select: { key: true } }))) {
      await computeAndStore(filterKey(filter), filter, await dataVersion());
    }
  }
}
