import type { CalibrationRow } from "./calibration-stats";
import type { Observation } from "./reliability";
import {
  interviewerValidity,
  outcomeKinds,
  validityEstimate,
  type CorrelationEstimate,
  type OutcomeKind,
} from "./validity";
import { estimateVarianceComponents } from "./variance-components";

/**
 * The validity views of the calibration page, from the same rating rows as
 * every other figure (decided loops, less those the viewer is locked on) and
 * the outcomes recorded for hires among them. Pure.
 */
export interface HireOutcomeRow {
  loopId: string;
  performance6: number | null;
  performance12: number | null;
  stillInRole: boolean | null;
}

export interface PredictorValidity {
  /** A dimension key, or "recommendation" for the overall recommendation. */
  key: string;
  byOutcome: Record<OutcomeKind, { raw: CorrelationEstimate; adjusted: CorrelationEstimate }>;
}

export interface InterviewerValidity {
  interviewerId: string;
  name: string;
  byOutcome: Record<OutcomeKind, { n: number; r: number | null; interval: [number, number] | null }>;
}

export interface ValiditySummary {
  /** Loops in view whose decision is hire, and how many of them have each outcome. */
  hires: number;
  withOutcome: Record<OutcomeKind, number>;
  predictors: PredictorValidity[];
  interviewers: InterviewerValidity[];
}

/** The recommendation as a number, for correlating: strong no 1 ... strong yes 4. */
export const recommendationScore: Record<string, number> = { strong_no: 1, no: 2, yes: 3, strong_yes: 4 };

function outcomeValue(outcome: HireOutcomeRow, kind: OutcomeKind): number | null {
  const value = outcome[kind];
  return value === null ? null : typeof value === "boolean" ? Number(value) : value;
}

/** Each loop's panel mean, raw and with each interviewer's severity (their predicted effect) removed. */
function panelMeans(observations: Observation[], severity: ReadonlyMap<string, number>) {
  const sums = new Map<string, { raw: number; adjusted: number; count: number }>();
  for (const observation of observations) {
    const sum = sums.get(observation.unit) ?? { raw: 0, adjusted: 0, count: 0 };
    sum.raw += observation.value;
    sum.adjusted += observation.value - (severity.get(observation.rater) ?? 0);
    sum.count += 1;
    sums.set(observation.unit, sum);
  }
  const raw = new Map<string, number>();
  const adjusted = new Map<string, number>();
  for (const [loopId, sum] of sums) {
    raw.set(loopId, sum.raw / sum.count);
    adjusted.set(loopId, sum.adjusted / sum.count);
  }
  return { raw, adjusted };
}

/**
 * `severityByDimension` holds each dimension's REML interviewer effects, so
 * the adjusted means use the same model as the reliability figures.
 */
export function summariseValidity(
  rows: CalibrationRow[],
  dimensionKeys: string[],
  severityByDimension: ReadonlyMap<string, ReadonlyMap<string, number>>,
  outcomes: HireOutcomeRow[],
): ValiditySummary {
  const hired = new Set(rows.filter((row) => row.decision === "hire").map((row) => row.loopId));
  const ofHires = outcomes.filter((outcome) => hired.has(outcome.loopId));
  const outcomeMaps = Object.fromEntries(
    outcomeKinds.map((kind) => {
      const map = new Map<string, number>();
      for (const outcome of ofHires) {
        const value = outcomeValue(outcome, kind);
        if (value !== null) map.set(outcome.loopId, value);
      }
      return [kind, map];
    }),
  ) as Record<OutcomeKind, Map<string, number>>;
  const withOutcome = Object.fromEntries(outcomeKinds.map((kind) => [kind, outcomeMaps[kind].size])) as Record<
    OutcomeKind,
    number
  >;

  const scorecards = new Map<string, CalibrationRow>();
  for (const row of rows) if (!scorecards.has(row.feedbackId)) scorecards.set(row.feedbackId, row);
  const recommendations: Observation[] = [...scorecards.values()]
    .filter((card) => card.recommendation !== null && recommendationScore[card.recommendation] !== undefined)
    .map((card) => ({
      unit: card.loopId,
      rater: card.interviewerId,
      value: recommendationScore[card.recommendation!]!,
    }));

  const predictorInputs: { key: string; observations: Observation[]; severity: ReadonlyMap<string, number> }[] = [
    ...dimensionKeys.map((key) => ({
      key,
      observations: rows
        .filter((row) => row.dimensionKey === key && row.value !== null)
        .map((row) => ({ unit: row.loopId, rater: row.interviewerId, value: row.value! })),
      severity: severityByDimension.get(key) ?? new Map<string, number>(),
    })),
    {
      key: "recommendation",
      observations: recommendations,
      // Only fitted when some hire has an outcome: the page shows nothing of it otherwise.
      severity: ofHires.length
        ? (estimateVarianceComponents(recommendations).fit?.raterEffects ?? new Map<string, number>())
        : new Map<string, number>(),
    },
  ];
  const predictors = predictorInputs.map(({ key, observations, severity }): PredictorValidity => {
    const means = panelMeans(observations, severity);
    return {
      key,
      byOutcome: Object.fromEntries(
        outcomeKinds.map((kind) => [
          kind,
          {
            raw: validityEstimate(means.raw, outcomeMaps[kind], `${key}:${kind}:raw`),
            adjusted: validityEstimate(means.adjusted, outcomeMaps[kind], `${key}:${kind}:adjusted`),
          },
        ]),
      ) as PredictorValidity["byOutcome"],
    };
  });

  // Per interviewer: their own recommendation on each hire they interviewed that has the outcome.
  const byInterviewer = new Map<string, { name: string; cards: CalibrationRow[] }>();
  for (const card of scorecards.values()) {
    if (!hired.has(card.loopId) || card.recommendation === null) continue;
    const entry = byInterviewer.get(card.interviewerId) ?? { name: card.interviewerName, cards: [] };
    entry.cards.push(card);
    byInterviewer.set(card.interviewerId, entry);
  }
  const interviewers = [...byInterviewer.entries()]
    .map(([interviewerId, { name, cards }]): InterviewerValidity => ({
      interviewerId,
      name,
      byOutcome: Object.fromEntries(
        outcomeKinds.map((kind) => {
          const pairs = cards
            .filter((card) => outcomeMaps[kind].has(card.loopId))
            .map((card) => ({
              recommendation: recommendationScore[card.recommendation!]!,
              outcome: outcomeMaps[kind].get(card.loopId)!,
            }));
          return [kind, interviewerValidity(pairs, `${interviewerId}:${kind}`)];
        }),
      ) as InterviewerValidity["byOutcome"],
    }))
    .filter((entry) => outcomeKinds.some((kind) => entry.byOutcome[kind].n > 0))
    .sort((a, b) => a.name.localeCompare(b.name));

  return { hires: hired.size, withOutcome, predictors, interviewers };
}
