import { seededRandom } from "./random";

/**
 * Outcome-linked validity: does what the panel says predict how hires do?
 * Pearson correlations with a bootstrap 95% interval, corrected for range
 * restriction (only hires have outcomes) by Thorndike's case II with the
 * applicant pool's standard deviation. Pure; tests in tests/unit/validity.test.ts.
 */

export const outcomeKinds = ["performance6", "performance12", "stillInRole"] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

export const outcomeLabels: Record<OutcomeKind, string> = {
  performance6: "Performance at 6 months",
  performance12: "Performance at 12 months",
  stillInRole: "Still in the role",
};

/** Below this many hires with an outcome, a correlation is shown with a warning. */
export const SMALL_SAMPLE = 30;
/** Below this many, no correlation is computed at all. */
export const MIN_SAMPLE = 5;
/** An interviewer's own validity is shown once this many of their hires have the outcome. */
export const INTERVIEWER_MIN_SAMPLE = 10;

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample standard deviation (n - 1); null for fewer than two values. */
export function standardDeviation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const centre = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (values.length - 1));
}

/** Pearson's r; null when either variable does not vary or there are fewer than two pairs. */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  const n = xs.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Thorndike's case II (direct selection on the predictor): the correlation in
 * the applicant pool from the one among those selected,
 * r_c = r U / sqrt(1 + r^2 (U^2 - 1)), U = pool SD / selected SD.
 */
export function correctForRangeRestriction(r: number, poolSd: number, selectedSd: number): number {
  const u = poolSd / selectedSd;
  return (r * u) / Math.sqrt(1 + r * r * (u * u - 1));
}

/** A string's 32-bit hash, to seed each bootstrap from what it estimates (same data, same interval). */
export function seedOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * Percentile bootstrap 95% interval for Pearson's r: resample the pairs with
 * replacement; resamples in which a variable does not vary are skipped.
 */
export function bootstrapCorrelationInterval(
  xs: readonly number[],
  ys: readonly number[],
  options: { resamples?: number; seed?: number } = {},
): [number, number] | null {
  const n = xs.length;
  if (n < 3) return null;
  const random = seededRandom(options.seed ?? 1);
  const resamples = options.resamples ?? 1000;
  const estimates: number[] = [];
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const pick = Math.floor(random() * n);
      bx[i] = xs[pick]!;
      by[i] = ys[pick]!;
    }
    const r = pearson(bx, by);
    if (r !== null) estimates.push(r);
  }
  if (estimates.length < resamples / 2) return null;
  estimates.sort((a, b) => a - b);
  const at = (q: number) => estimates[Math.min(estimates.length - 1, Math.max(0, Math.floor(q * estimates.length)))]!;
  return [at(0.025), at(0.975)];
}

export interface CorrelationEstimate {
  n: number;
  r: number | null;
  interval: [number, number] | null;
  /** Corrected for range restriction (Thorndike case II), with the interval's ends corrected alike. */
  corrected: number | null;
  correctedInterval: [number, number] | null;
  /** The predictor's SD in the applicant pool (every decided loop) and among the hires with the outcome. */
  poolSd: number | null;
  hiredSd: number | null;
  /** Set when N is below SMALL_SAMPLE (or too small to compute). */
  warning: string | null;
}

/**
 * How one predictor (a panel mean per loop) relates to one outcome among
 * hires. `pool` holds the predictor for every loop in the applicant pool.
 */
export function validityEstimate(
  pool: ReadonlyMap<string, number>,
  outcomes: ReadonlyMap<string, number>,
  label: string,
): CorrelationEstimate {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [loopId, outcome] of outcomes) {
    const predictor = pool.get(loopId);
    if (predictor === undefined) continue;
    xs.push(predictor);
    ys.push(outcome);
  }
  const n = xs.length;
  const poolSd = standardDeviation([...pool.values()]);
  const hiredSd = standardDeviation(xs);
  const empty = { n, r: null, interval: null, corrected: null, correctedInterval: null, poolSd, hiredSd };
  if (n < MIN_SAMPLE)
    return { ...empty, warning: `only ${n} hire(s) with this outcome: at least ${MIN_SAMPLE} needed` };
  const r = pearson(xs, ys);
  if (r === null) return { ...empty, warning: "the panel's mean or the outcome does not vary among these hires" };
  const interval = bootstrapCorrelationInterval(xs, ys, { seed: seedOf(label) });
  const correct = (value: number) =>
    poolSd !== null && hiredSd ? correctForRangeRestriction(value, poolSd, hiredSd) : null;
  const corrected = correct(r);
  return {
    n,
    r,
    interval,
    corrected,
    correctedInterval: interval && corrected !== null ? [correct(interval[0])!, correct(interval[1])!] : null,
    poolSd,
    hiredSd,
    warning:
      n < SMALL_SAMPLE
        ? `N = ${n} is below ${SMALL_SAMPLE}: the interval is wide, read the figure as a hint, not a finding`
        : null,
  };
}

/** An interviewer's own recommendations against one outcome: shown from INTERVIEWER_MIN_SAMPLE hires on. */
export function interviewerValidity(
  pairs: readonly { recommendation: number; outcome: number }[],
  label: string,
): { n: number; r: number | null; interval: [number, number] | null } {
  const n = pairs.length;
  if (n < INTERVIEWER_MIN_SAMPLE) return { n, r: null, interval: null };
  const xs = pairs.map((pair) => pair.recommendation);
  const ys = pairs.map((pair) => pair.outcome);
  const r = pearson(xs, ys);
  return { n, r, interval: r === null ? null : bootstrapCorrelationInterval(xs, ys, { seed: seedOf(label) }) };
}
