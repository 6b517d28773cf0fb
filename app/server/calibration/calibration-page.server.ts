import { panelReading, panelReliabilitySeries, varianceShares } from "~/domain/calibration-series";
import { outcomeKinds, outcomeLabels, SMALL_SAMPLE, INTERVIEWER_MIN_SAMPLE } from "~/domain/validity";
import type { RoundType } from "~/generated/prisma/enums";
import type { CalibrationQuery } from "~/schemas/calibration";
import { can, type Person } from "~/domain/permissions";
import { prisma } from "../db.server";
import { currentRubricVersion } from "../rubrics/rubrics.server";
import { calibrationFor } from "./calibration.server";
import { roundTypeLabels } from "~/domain/vocabulary";

/**
 * The calibration page. Hiring managers and admins see every interviewer;
 * an interviewer sees only their own row beside the organisation's averages.
 * Figures count decided loops only, less any the viewer still owes feedback on.
 * Variance components and panel reliability are organisation-wide figures per
 * dimension, shown to everyone who sees the page (interviewers too: they name
 * no one). Outcome-linked validity only when `validity` is set, for admins and
 * the people-analytics grant (checked again in calibrationFor).
 */
export async function getCalibrationPage(
  viewer: Person,
  query: CalibrationQuery,
  options: { validity?: boolean } = {},
) {
  const ownOnly = !can(viewer, "calibration.all");
  // Interviewers get the all-time view without filters: narrow filters over aggregates
  // could isolate one colleague's scorecard, which the blind rule forbids.
  const periodDays = query.period === "all" ? undefined : Number(query.period);
  const filter = ownOnly
    ? {}
    : { periodDays, roundType: query.roundType as RoundType | undefined, hiringManagerId: query.hiringManager };
  const [result, rubric, hiringManagers] = await Promise.all([
    calibrationFor(viewer, filter, { validity: options.validity }),
    currentRubricVersion(),
    ownOnly
      ? Promise.resolve([])
      : prisma.user.findMany({
          where: { role: "hiring_manager" },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        }),
  ]);
  const dimensions = rubric
    ? await prisma.dimension.findMany({
        where: { rubricVersionId: rubric.id },
        orderBy: { position: "asc" },
        select: { key: true, name: true },
      })
    : [];
  const { summary } = result;
  const nameOf = (key: string) => dimensions.find((dimension) => dimension.key === key)?.name ?? key;
  const generalizability = summary.dimensions.map((dimension) => {
    const { components, panel, typicalPanel, note } = dimension.generalizability;
    return {
      key: dimension.dimensionKey,
      name: nameOf(dimension.dimensionKey),
      components,
      shares: components ? varianceShares(components) : null,
      panel,
      typicalPanel,
      reading: panelReading(components, typicalPanel),
      note,
    };
  });
  const validity = summary.validity
    ? {
        hires: summary.validity.hires,
        withOutcome: summary.validity.withOutcome,
        smallSample: SMALL_SAMPLE,
        interviewerMinimum: INTERVIEWER_MIN_SAMPLE,
        outcomes: outcomeKinds.map((kind) => ({ kind, label: outcomeLabels[kind] })),
        predictors: summary.validity.predictors.map((predictor) => ({
          ...predictor,
          name: predictor.key === "recommendation" ? "Overall recommendation" : nameOf(predictor.key),
        })),
        interviewers: summary.validity.interviewers,
      }
    : null;
  const interviewers = ownOnly
    ? summary.interviewers.filter((row) => row.interviewerId === viewer.id)
    : summary.interviewers;
  const months = [
    ...new Set(summary.dimensions.flatMap((dimension) => dimension.byMonth.map((point) => point.month))),
  ].sort();
  return {
    ownOnly,
    dimensions,
    hiringManagers,
    computedAt: result.computedAt,
    computeMs: result.computeMs,
    fromCache: result.fromCache,
    refreshing: result.refreshing,
    totals: { ratings: summary.ratings, scorecards: summary.scorecards },
    orgMeanByDimension: summary.orgMeanByDimension,
    interviewers,
    generalizability,
    panelSeries: panelReliabilitySeries(generalizability),
    validity,
    reliability: summary.dimensions.map((dimension) => ({
      key: dimension.dimensionKey,
      alpha: dimension.alphaOrdinal,
    })),
    alphaByMonth: months.map((month) => ({
      month,
      ...Object.fromEntries(
        summary.dimensions.map((dimension) => [
          dimension.dimensionKey,
          dimension.byMonth.find((point) => point.month === month)?.alpha ?? null,
        ]),
      ),
    })),
    alphaByRoundType: Object.entries(roundTypeLabels).map(([type, label]) => {
      const values = summary.dimensions
        .map((dimension) => dimension.byRoundType.find((point) => point.roundType === type)?.alpha)
        .filter((value): value is number => typeof value === "number");
      return { label, alpha: values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null };
    }),
  };
}
