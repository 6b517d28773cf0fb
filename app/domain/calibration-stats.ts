import { median } from "./panel-spread";
import { krippendorffAlpha, raterEffects, type Observation } from "./reliability";
import { summariseValidity, type HireOutcomeRow, type ValiditySummary } from "./validity-summary";
import { estimateVarianceComponents, panelReliability, type PanelReliability } from "./variance-components";

/**
 * The calibration views, computed from flat rating rows. Pure: the server
 * loads the rows (one query) and caches the result.
 */
export interface CalibrationRow {
  feedbackId: string;
  loopId: string;
  interviewerId: string;
  interviewerName: string;
  roundType: string;
  dimensionKey: string;
  value: number | null;
  evidenceFlag: string | null;
  recommendation: string | null;
  submittedAt: Date;
  roundEndedAt: Date | null;
  feedbackDueAt: Date | null;
  /** The loop's current decision, if any. */
  decision: string | null;
}

const lean = (recommendation: string | null) =>
  recommendation === "yes" || recommendation === "strong_yes"
    ? "yes"
    : recommendation === "no" || recommendation === "strong_no"
      ? "no"
      : null;

export interface InterviewerCalibration {
  interviewerId: string;
  name: string;
  scorecards: number;
  ratings: number;
  meanByDimension: Record<string, number | null>;
  effect: number | null;
  effectShrunk: number | null;
  effectStandardError: number | null;
  recommendationShares: Record<string, number>;
  agreementWithPanel: number | null;
  agreementWithDecision: number | null;
  noSignalShare: number | null;
  medianTurnaroundHours: number | null;
  lateShare: number | null;
  flaggedShare: number | null;
}

export interface DimensionReliability {
  dimensionKey: string;
  alphaOrdinal: number | null;
  byMonth: { month: string; alpha: number | null; ratings: number }[];
  byRoundType: { roundType: string; alpha: number | null; ratings: number }[];
  /** REML variance components on the rotating panels, and what a panel of k interviewers buys. */
  generalizability: {
    components: {
      unit: number;
      rater: number;
      residual: number;
      standardErrors: { unit: number | null; rater: number | null; residual: number | null };
      units: number;
      raters: number;
      ratings: number;
    } | null;
    panel: PanelReliability | null;
    /** The median number of ratings a candidate has on this dimension: the panel size the page reads out. */
    typicalPanel: number | null;
    /** Why components or panel reliability are missing, when they are. */
    note: string | null;
  };
}

export interface CalibrationSummary {
  ratings: number;
  scorecards: number;
  orgMeanByDimension: Record<string, number | null>;
  interviewers: InterviewerCalibration[];
  dimensions: DimensionReliability[];
  /** Per dimension, per interviewer: the shrunk rater effect used to adjust debrief ratings. */
  effectsByDimension: Record<string, Record<string, { effect: number; shrunk: number; ratings: number }>>;
  /** Outcome-linked validity; null when the caller supplied no outcomes (only outcome readers' views need it). */
  validity: ValiditySummary | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function observationsOf(rows: CalibrationRow[]): Observation[] {
  return rows
    .filter((row) => row.value !== null)
    .map((row) => ({ unit: row.loopId, rater: row.interviewerId, value: row.value! }));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function summariseCalibration(
  rows: CalibrationRow[],
  dimensionKeys: string[],
  outcomes?: HireOutcomeRow[],
): CalibrationSummary {
  const rated = rows.filter((row) => row.value !== null);
  // Grouped once up front: every view below is linear in the number of ratings.
  const rowsByDimension = groupBy(rows, (row) => row.dimensionKey);
  const rowsByInterviewer = groupBy(rows, (row) => row.interviewerId);
  const meanOf = (items: CalibrationRow[]) => {
    const values = items.filter((row) => row.value !== null).map((row) => row.value!);
    return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
  };
  const orgMeanByDimension = Object.fromEntries(
    dimensionKeys.map((key) => [key, meanOf(rowsByDimension.get(key) ?? [])]),
  );

  // Pooled rater effects: the unit is a loop's dimension, so candidates and dimensions are both controlled for.
  const pooled = raterEffects(
    rated.map((row) => ({ unit: `${row.loopId}:${row.dimensionKey}`, rater: row.interviewerId, value: row.value! })),
  );
  const pooledBy = new Map(pooled.effects.map((effect) => [effect.rater, effect]));

  const effectsByDimension: CalibrationSummary["effectsByDimension"] = {};
  for (const key of dimensionKeys) {
    const fit = raterEffects(observationsOf(rowsByDimension.get(key) ?? []));
    effectsByDimension[key] = Object.fromEntries(
      fit.effects.map((effect) => [
        effect.rater,
        { effect: effect.effect, shrunk: effect.shrunk, ratings: effect.ratings },
      ]),
    );
  }

  // One entry per scorecard for the recommendation-level measures.
  const scorecards = new Map<string, CalibrationRow>();
  for (const row of rows) if (!scorecards.has(row.feedbackId)) scorecards.set(row.feedbackId, row);
  const byLoop = groupBy([...scorecards.values()], (card) => card.loopId);
  const cardsByInterviewer = groupBy([...scorecards.values()], (card) => card.interviewerId);

  const interviewers = [...rowsByInterviewer.entries()].map(([interviewerId, own]): InterviewerCalibration => {
    const cards = cardsByInterviewer.get(interviewerId) ?? [];
    const ownByDimension = groupBy(own, (row) => row.dimensionKey);
    let panelComparable = 0;
    let panelAgree = 0;
    let decisionComparable = 0;
    let decisionAgree = 0;
    for (const card of cards) {
      const mine = lean(card.recommendation);
      if (!mine) continue;
      const others = (byLoop.get(card.loopId) ?? [])
        .filter((other) => other.feedbackId !== card.feedbackId)
        .map((other) => lean(other.recommendation));
      const yes = others.filter((value) => value === "yes").length;
      const no = others.filter((value) => value === "no").length;
      if (yes !== no) {
        panelComparable += 1;
        if ((yes > no ? "yes" : "no") === mine) panelAgree += 1;
      }
      if (card.decision === "hire" || card.decision === "no_hire") {
        decisionComparable += 1;
        if ((card.decision === "hire" ? "yes" : "no") === mine) decisionAgree += 1;
      }
    }
    const turnarounds = cards
      .filter((card) => card.roundEndedAt)
      .map((card) => (card.submittedAt.getTime() - card.roundEndedAt!.getTime()) / 3_600_000);
    const ownRated = own.filter((row) => row.value !== null);
    const effect = pooledBy.get(interviewerId);
    return {
      interviewerId,
      name: own[0]!.interviewerName,
      scorecards: cards.length,
      ratings: ownRated.length,
      meanByDimension: Object.fromEntries(dimensionKeys.map((key) => [key, meanOf(ownByDimension.get(key) ?? [])])),
      effect: effect?.effect ?? null,
      effectShrunk: effect?.shrunk ?? null,
      effectStandardError: effect?.standardError ?? null,
      recommendationShares: Object.fromEntries(
        ["strong_no", "no", "yes", "strong_yes"].map((value) => [
          value,
          share(cards.filter((card) => card.recommendation === value).length, cards.length) ?? 0,
        ]),
      ),
      agreementWithPanel: share(panelAgree, panelComparable),
      agreementWithDecision: share(decisionAgree, decisionComparable),
      noSignalShare: share(own.length - ownRated.length, own.length),
      medianTurnaroundHours: median(turnarounds),
      lateShare: share(
        cards.filter((card) => card.feedbackDueAt && card.submittedAt > card.feedbackDueAt).length,
        cards.length,
      ),
      flaggedShare: share(ownRated.filter((row) => row.evidenceFlag).length, ownRated.length),
    };
  });
  interviewers.sort((a, b) => a.name.localeCompare(b.name));

  // A loop's ratings count in the month its panel finished, so a unit is never split across months.
  const loopMonth = new Map<string, string>();
  for (const row of rows) {
    const month = row.submittedAt.toISOString().slice(0, 7);
    if ((loopMonth.get(row.loopId) ?? "") < month) loopMonth.set(row.loopId, month);
  }
  const severityByDimension = new Map<string, ReadonlyMap<string, number>>();
  const dimensions = dimensionKeys.map((key): DimensionReliability => {
    const ofDimension = rowsByDimension.get(key) ?? [];
    const { fit, note } = estimateVarianceComponents(observationsOf(ofDimension));
    if (fit) severityByDimension.set(key, fit.raterEffects);
    const panel = fit ? panelReliability(fit) : null;
    const byMonth = groupBy(ofDimension, (row) => loopMonth.get(row.loopId)!);
    const byType = groupBy(ofDimension, (row) => row.roundType);
    const ratedCount = (items: CalibrationRow[]) => items.filter((row) => row.value !== null).length;
    return {
      dimensionKey: key,
      alphaOrdinal: krippendorffAlpha(observationsOf(ofDimension), "ordinal").value,
      byMonth: [...byMonth.keys()].sort().map((month) => ({
        month,
        alpha: krippendorffAlpha(observationsOf(byMonth.get(month)!), "ordinal").value,
        ratings: ratedCount(byMonth.get(month)!),
      })),
      byRoundType: [...byType.keys()].sort().map((roundType) => ({
        roundType,
        alpha: krippendorffAlpha(observationsOf(byType.get(roundType)!), "ordinal").value,
        ratings: ratedCount(byType.get(roundType)!),
      })),
      generalizability: {
        components: fit
          ? {
              unit: fit.unit,
              rater: fit.rater,
              residual: fit.residual,
              standardErrors: fit.standardErrors,
              units: fit.units,
              raters: fit.raters,
              ratings: fit.ratings,
            }
          : null,
        panel,
        typicalPanel: median([...countBy(observationsOf(ofDimension), (observation) => observation.unit).values()]),
        note: note ?? (fit && !panel ? "candidates do not differ on this dimension (their variance is zero)" : null),
      },
    };
  });

  return {
    ratings: rated.length,
    scorecards: scorecards.size,
    orgMeanByDimension,
    interviewers,
    dimensions,
    effectsByDimension,
    validity: outcomes ? summariseValidity(rows, dimensionKeys, severityByDimension, outcomes) : null,
  };
}
