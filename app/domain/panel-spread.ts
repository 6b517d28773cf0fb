/**
 * How much a panel agrees on each dimension. No signal is missing, never a
 * number. A dimension is split when the panel straddles the yes/no line
 * (ratings on both sides of 2.5) or the ratings span 2 or more points.
 */
export const YES_NO_LINE = 2.5;

export interface DimensionSpread {
  key: string;
  name: string;
  count: number;
  median: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  range: number | null;
  /** Sample standard deviation (n - 1); null with fewer than two ratings. */
  sd: number | null;
  split: boolean;
  /** Fewer than two ratings: not enough signal to call agreement. */
  thin: boolean;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: number[]): number | null {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

export function sampleSd(values: number[]): number | null {
  if (values.length < 2) return null;
  const average = mean(values)!;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1));
}

export function spreadOf(dimension: { key: string; name: string }, ratings: (number | null)[]): DimensionSpread {
  const values = ratings.filter((value): value is number => value !== null);
  const min = values.length ? Math.min(...values) : null;
  const max = values.length ? Math.max(...values) : null;
  const range = min === null || max === null ? null : max - min;
  const straddles = min !== null && max !== null && min < YES_NO_LINE && max > YES_NO_LINE;
  return {
    key: dimension.key,
    name: dimension.name,
    count: values.length,
    median: median(values),
    mean: mean(values),
    min,
    max,
    range,
    sd: sampleSd(values),
    split: values.length >= 2 && (straddles || (range ?? 0) >= 2),
    thin: values.length < 2,
  };
}

export interface DebriefAgenda {
  /** Dimensions with at least two ratings, most disagreement first. */
  discussFirst: DimensionSpread[];
  /** Dimensions with fewer than two ratings: gaps to fill, not agreement. */
  gaps: DimensionSpread[];
}

/** Split dimensions first (widest range, then largest spread), then the rest; thin ones are gaps. */
export function debriefAgenda(spreads: DimensionSpread[]): DebriefAgenda {
  const rated = spreads.filter((spread) => !spread.thin);
  const discussFirst = [...rated].sort(
    (a, b) =>
      Number(b.split) - Number(a.split) ||
      (b.range ?? 0) - (a.range ?? 0) ||
      (b.sd ?? 0) - (a.sd ?? 0) ||
      a.name.localeCompare(b.name),
  );
  return { discussFirst, gaps: spreads.filter((spread) => spread.thin) };
}

export function countSplits(spreads: DimensionSpread[]): number {
  return spreads.filter((spread) => spread.split).length;
}
