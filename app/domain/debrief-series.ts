import type { Recommendation } from "~/generated/prisma/enums";
import { recommendations } from "./rating-scale";

/** Chart series for the debrief; the chart components only draw them. */
export interface StripPoint {
  dimension: string;
  dimensionIndex: number;
  value: number;
  /** Small vertical offset so equal ratings do not hide each other. */
  offset: number;
  interviewer: string;
}

export function stripPlotSeries(
  dimensions: { key: string; name: string }[],
  cells: { dimensionKey: string; interviewer: string; value: number | null }[],
): StripPoint[] {
  const points: StripPoint[] = [];
  dimensions.forEach((dimension, dimensionIndex) => {
    const seen = new Map<number, number>();
    for (const cell of cells) {
      if (cell.dimensionKey !== dimension.key || cell.value === null) continue;
      const stacked = seen.get(cell.value) ?? 0;
      seen.set(cell.value, stacked + 1);
      points.push({
        dimension: dimension.name,
        dimensionIndex,
        value: cell.value,
        offset: stacked * 0.12,
        interviewer: cell.interviewer,
      });
    }
  });
  return points;
}

export function recommendationSeries(values: (Recommendation | null)[]) {
  return recommendations.map((recommendation) => ({
    recommendation: recommendation.label,
    key: recommendation.value,
    count: values.filter((value) => value === recommendation.value).length,
  }));
}

/**
 * Where the panel sits between engineering bias (1-2) and product intuition
 * (3-4) on the engineering-bias dimension: one bar per rating interviewer,
 * drawn from the yes/no line (negative = engineering bias).
 */
export function biasBalanceSeries(cells: { interviewer: string; value: number | null }[]) {
  const rated = cells.filter((cell): cell is { interviewer: string; value: number } => cell.value !== null);
  return {
    bars: rated.map((cell) => ({ interviewer: cell.interviewer, lean: cell.value - 2.5, value: cell.value })),
    engineering: rated.filter((cell) => cell.value < 2.5).length,
    product: rated.filter((cell) => cell.value > 2.5).length,
  };
}
