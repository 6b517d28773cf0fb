import { summariseCalibration, type CalibrationRow, type CalibrationSummary } from "~/domain/calibration-stats";
import type { HireOutcomeRow } from "~/domain/validity-summary";
import { Prisma } from "~/generated/prisma/client";
import type { RoundType } from "~/generated/prisma/enums";
import { mayReadOutcomes, type Person } from "~/domain/permissions";
import { lockedLoopIds } from "../auth/permissions.server";
import { prisma } from "../db.server";
import { currentRubricVersion } from "../rubrics/rubrics.server";
import { ServiceError } from "../service-error.server";

export interface CalibrationFilter {
  /** Only feedback submitted in the last this many days (a sliding window). */
  periodDays?: number;
  roundType?: RoundType;
  hiringManagerId?: string;
  /** Loops left out for one viewer: decided loops on which they still owe feedback (the blind rule). */
  excludeLoopIds?: string[];
}

/**
 * Which feedback calibration counts: submitted, not voided, on a round not
 * cancelled, of a loop whose current decision is hire or no hire. Counting a
 * loop only once it is decided keeps every figure independent of feedback that
 * panelists may still be writing blind (see ADR 0008); per-viewer exclusion
 * covers the rare person who owes feedback on a decided loop.
 */
const COUNTED = Prisma.sql`
  f."status" = 'submitted' AND f."voidedAt" IS NULL AND r."status" <> 'cancelled'
  AND EXISTS (SELECT 1 FROM "Decision" cd WHERE cd."loopId" = r."loopId" AND cd."supersededAt" IS NULL AND cd."outcome" IN ('hire', 'no_hire'))`;

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
    WHERE ${COUNTED}
      ${filter.excludeLoopIds?.length ? Prisma.sql`AND r."loopId" NOT IN (${Prisma.join(filter.excludeLoopIds)})` : Prisma.empty}
      ${since ? Prisma.sql`AND f."submittedAt" >= ${since}` : Prisma.empty}
      ${filter.roundType ? Prisma.sql`AND r."type"::text = ${filter.roundType}` : Prisma.empty}
      ${filter.hiringManagerId ? Prisma.sql`AND l."hiringManagerId" = ${filter.hiringManagerId}` : Prisma.empty}
    -- A fixed order makes every figure reproducible to the last bit: sums in floating point depend on order.
    ORDER BY f."id", d."position"
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

/**
 * Outcomes recorded for hires (the validity figures keep only those among the
 * counted loops, so the blind rule and the filter hold for them as well).
 */
async function loadOutcomes(): Promise<HireOutcomeRow[]> {
  return prisma.hireOutcome.findMany({
    where: { loop: { decisions: { some: { supersededAt: null, outcome: "hire" } } } },
    select: { loopId: true, performance6: true, performance12: true, stillInRole: true },
  });
}

/**
 * Changes whenever anything calibration counts changes (a counted scorecard
 * submitted, amended or voided; a decision recorded or replaced), and never
 * with feedback on undecided loops, which it does not count. One query.
 */
async function dataVersion(): Promise<string> {
  const [row] = await prisma.$queryRaw<{ version: string }[]>(Prisma.sql`
    SELECT concat_ws('|',
      (SELECT concat_ws(':', count(*), max(f."submittedAt"), count(f."voidedAt"), max(f."voidedAt"))
         FROM "Feedback" f JOIN "Round" r ON r."id" = f."roundId"
         WHERE f."status" = 'submitted' AND r."status" <> 'cancelled'
           AND EXISTS (SELECT 1 FROM "Decision" cd WHERE cd."loopId" = r."loopId" AND cd."supersededAt" IS NULL AND cd."outcome" IN ('hire', 'no_hire'))),
      (SELECT concat_ws(':', count(*), max(a."amendedAt"))
         FROM "FeedbackAmendment" a JOIN "Feedback" f ON f."id" = a."feedbackId" JOIN "Round" r ON r."id" = f."roundId"
         WHERE EXISTS (SELECT 1 FROM "Decision" cd WHERE cd."loopId" = r."loopId" AND cd."supersededAt" IS NULL AND cd."outcome" IN ('hire', 'no_hire'))),
      (SELECT concat_ws(':', count(*), max("decidedAt"), max("supersededAt")) FROM "Decision"),
      (SELECT concat_ws(':', count(*), max("updatedAt")) FROM "HireOutcome")
    ) AS "version"`);
  return row!.version;
}

// Bumped whenever the summary's shape changes, so a snapshot of an older shape is never served.
const SUMMARY_FORMAT = 2;

function filterKey(filter: CalibrationFilter): string {
  return JSON.stringify({
    format: SUMMARY_FORMAT,
    periodDays: filter.periodDays ?? null,
    roundType: filter.roundType ?? null,
    hiringManagerId: filter.hiringManagerId ?? null,
    ...(filter.excludeLoopIds?.length ? { excludeLoopIds: [...filter.excludeLoopIds].sort() } : {}),
  });
}

/**
 * Calibration as one person may see it: the shared figures, unless they owe
 * feedback on a loop those figures count, in which case that loop is left out
 * for them (its own cached snapshot). Every statistic shown to a person,
 * calibration page and debrief adjustment alike, comes through here.
 * Outcome-linked validity is dropped unless asked for (`validity: true`) by a
 * person who may read outcomes (checked here too, from the database): the
 * debrief never asks.
 */
export async function calibrationFor(
  viewer: Pick<Person, "id">,
  filter: Omit<CalibrationFilter, "excludeLoopIds">,
  options: { validity?: boolean } = {},
): Promise<CalibrationResult> {
  if (options.validity) {
    const grant = await prisma.user.findUnique({
      where: { id: viewer.id },
      select: { role: true, peopleAnalytics: true },
    });
    if (!grant || !mayReadOutcomes(grant))
      throw new ServiceError(403, "Outcome-linked validity is for admins and the people-analytics grant.");
  }
  const locked = await lockedLoopIds(viewer.id);
  const counted = locked.length
    ? await prisma.decision.findMany({
        where: { loopId: { in: locked }, supersededAt: null, outcome: { in: ["hire", "no_hire"] } },
        select: { loopId: true },
      })
    : [];
  const result = await getCalibration({ ...filter, excludeLoopIds: counted.map((decision) => decision.loopId) });
  return options.validity ? result : { ...result, summary: { ...result.summary, validity: null } };
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

/**
 * Figures are kept to 12 significant digits (and rounding noise below 1e-12 is
 * zero): the database's JSON does not round-trip the last bits of a double, and
 * a figure must read the same whether it was just computed or read back.
 */
function storedNumber(_key: string, value: unknown): unknown {
  if (typeof value !== "number" || !Number.isFinite(value)) return value;
  return Math.abs(value) < 1e-12 ? 0 : Number(value.toPrecision(12));
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
  const [rows, outcomes] = await Promise.all([loadCalibrationRows(filter), loadOutcomes()]);
  const summary = summariseCalibration(rows, dimensionKeys, outcomes);
  const computeMs = Math.round(performance.now() - started);
  const data = JSON.parse(JSON.stringify(summary, storedNumber)) as Prisma.InputJsonValue;
  const saved = await prisma.calibrationSnapshot.upsert({
    where: { key },
    create: { key, dataVersion: version, computeMs, data },
    update: { dataVersion: version, computeMs, data, computedAt: new Date() },
  });
  // Serve what the cache will serve (JSON turns -0 into 0, NaN into null), so a figure never
  // differs between the view that computed it and the views that read it back.
  return {
    summary: data as unknown as CalibrationSummary,
    computedAt: saved.computedAt.toISOString(),
    computeMs,
    fromCache: false,
    refreshing: false,
  };
}

/**
 * Computes the default views' snapshots if they do not exist yet (run at start,
 * before serving), so even the first page view reads from the cache.
 */
export async function warmCalibration(): Promise<void> {
  // Snapshots of an older summary shape are never read again (their keys differ): drop them.
  await prisma.calibrationSnapshot.deleteMany({
    where: { NOT: { key: { startsWith: `{"format":${SUMMARY_FORMAT},` } } },
  });
  for (const filter of [{}, { periodDays: 365 }] satisfies CalibrationFilter[]) {
    if (!(await prisma.calibrationSnapshot.findUnique({ where: { key: filterKey(filter) }, select: { key: true } }))) {
      await computeAndStore(filterKey(filter), filter, await dataVersion());
    }
  }
}
