import { parseCsv } from "~/utils/csv";
import { intraclassCorrelations, krippendorffAlpha, raterEffects, type Observation } from "./reliability";
import { estimateVarianceComponents, panelReliability } from "./variance-components";

/**
 * The calibration report behind `npm run calibrate -- reliability`: reads a
 * long-format ratings CSV (header unit,rater,rating and optionally dimension;
 * or the debrief export, where loop is the unit and interviewer the rater)
 * and reports reliability, rater effects and REML variance components (with
 * the reliability of a panel of k interviewers) per dimension.
 */
export class RatingsCsvError extends Error {
  override name = "RatingsCsvError";
}

export interface ParsedRatings {
  hasDimension: boolean;
  /** Keyed by dimension (null when the file has no dimension column), in order of first appearance. */
  dimensions: Map<string | null, { observations: Observation[]; units: Set<string>; raters: Set<string> }>;
}

const ALIASES: Record<string, string[]> = {
  unit: ["unit", "loop"],
  rater: ["rater", "interviewer"],
  rating: ["rating"],
  dimension: ["dimension"],
};

export function parseRatingsCsv(text: string): ParsedRatings {
  const content = text.replace(/^\uFEFF/, "");
  if (content.trim() === "")
    throw new RatingsCsvError("the file is empty: expected a header row unit,rater,rating[,dimension]");
  let rows: string[][];
  try {
    rows = parseCsv(content);
  } catch (error) {
    throw new RatingsCsvError(`the file is not valid CSV (${error instanceof Error ? error.message : String(error)})`);
  }
  const header = rows[0]!.map((cell) => cell.trim().toLowerCase());
  const column = (name: string) =>
    ALIASES[name]!.map((alias) => header.indexOf(alias)).find((index) => index !== -1) ?? -1;
  const unitColumn = column("unit");
  const raterColumn = column("rater");
  const ratingColumn = column("rating");
  const dimensionColumn = column("dimension");
  const missing = [
    unitColumn === -1 ? "unit" : null,
    raterColumn === -1 ? "rater" : null,
    ratingColumn === -1 ? "rating" : null,
  ].filter(Boolean);
  if (missing.length)
    throw new RatingsCsvError(
      `row 1: the header lacks column(s) ${missing.join(", ")} (found: ${header.join(",") || "nothing"})`,
    );

  const parsed: ParsedRatings = { hasDimension: dimensionColumn !== -1, dimensions: new Map() };
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    if (row.length === 1 && row[0]!.trim() === "") return; // blank line
    const cell = (column: number) => (row[column] ?? "").trim();
    const unit = cell(unitColumn);
    const rater = cell(raterColumn);
    const raw = cell(ratingColumn);
    if (!unit) throw new RatingsCsvError(`row ${line}: the unit is empty`);
    if (!rater) throw new RatingsCsvError(`row ${line}: the rater is empty`);
    const dimension = dimensionColumn === -1 ? null : cell(dimensionColumn);
    const group = parsed.dimensions.get(dimension) ?? {
      observations: [],
      units: new Set<string>(),
      raters: new Set<string>(),
    };
    parsed.dimensions.set(dimension, group);
    group.units.add(unit);
    group.raters.add(rater);
    if (raw === "") return; // missing value (no signal)
    const value = Number(raw);
    if (!Number.isFinite(value) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) {
      throw new RatingsCsvError(`row ${line}: rating "${raw}" is not a number`);
    }
    group.observations.push({ unit, rater, value });
  });
  if (parsed.dimensions.size === 0) throw new RatingsCsvError("the file has a header but no ratings");
  return parsed;
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

export function reliabilityReport(parsed: ParsedRatings) {
  return {
    dimensions: [...parsed.dimensions.entries()].map(([dimension, group]) => {
      const notes: string[] = [];
      const alpha = Object.fromEntries(
        (["nominal", "ordinal", "interval"] as const).map((level) => {
          const result = krippendorffAlpha(group.observations, level);
          if (result.value === null && result.note) notes.push(`krippendorffAlpha.${level}: ${result.note}`);
          return [level, round(result.value)];
        }),
      );
      const icc = intraclassCorrelations(group.observations);
      if (icc.note) notes.push(`icc: ${icc.note}`);
      const duplicates = new Set<string>();
      const seen = new Set<string>();
      for (const observation of group.observations) {
        const key = `${observation.unit}\u0000${observation.rater}`;
        if (seen.has(key)) duplicates.add(key);
        seen.add(key);
      }
      if (duplicates.size) notes.push(`icc: ${duplicates.size} unit/rater pair(s) rated more than once were averaged`);
      const effects = raterEffects(group.observations);
      notes.push(...effects.notes.map((note) => `raterEffects: ${note}`));
      const components = estimateVarianceComponents(group.observations);
      if (!components.fit) notes.push(`varianceComponents: ${components.note}`);
      const panel = components.fit ? panelReliability(components.fit) : null;
      if (components.fit && !panel)
        notes.push("panelReliability: the units do not differ (unit variance is zero), so reliability is undefined");
      if (!components.fit) notes.push("panelReliability: undefined without variance components");
      return {
        dimension,
        units: group.units.size,
        raters: group.raters.size,
        ratings: group.observations.length,
        krippendorffAlpha: alpha,
        icc: {
          "ICC(1,1)": round(icc["ICC(1,1)"]),
          "ICC(2,1)": round(icc["ICC(2,1)"]),
          "ICC(3,1)": round(icc["ICC(3,1)"]),
          "ICC(1,k)": round(icc["ICC(1,k)"]),
          "ICC(2,k)": round(icc["ICC(2,k)"]),
          "ICC(3,k)": round(icc["ICC(3,k)"]),
          k: icc.k,
          unitsUsed: icc.unitsUsed,
        },
        raterEffects: Object.fromEntries(effects.effects.map((effect) => [effect.rater, round(effect.effect)])),
        varianceComponents: components.fit
          ? {
              unit: round(components.fit.unit),
              rater: round(components.fit.rater),
              residual: round(components.fit.residual),
              method: components.fit.method,
              standardErrors: {
                unit: round(components.fit.standardErrors.unit),
                rater: round(components.fit.standardErrors.rater),
                residual: round(components.fit.standardErrors.residual),
              },
            }
          : null,
        panelReliability: panel
          ? {
              k: panel.k,
              raw: panel.raw.map(round),
              adjusted: panel.adjusted.map(round),
              smallestPanelFor80: panel.smallestPanel,
            }
          : null,
        notes,
      };
    }),
  };
}
