/**
 * Inter-rater reliability and rater effects over ratings with missing cells.
 * "No signal" is missing, never a number. Pure functions; verified against
 * published worked examples in tests/unit/reliability.test.ts.
 */

export interface Observation {
  unit: string;
  rater: string;
  value: number;
}

export type Level = "nominal" | "ordinal" | "interval";

export interface AlphaResult {
  value: number | null;
  /** Why the value is null, when it is. */
  note?: string;
  pairableUnits: number;
  pairableValues: number;
}

function groupByUnit(observations: Observation[]): Map<string, number[]> {
  const units = new Map<string, number[]>();
  for (const observation of observations) {
    const values = units.get(observation.unit) ?? [];
    values.push(observation.value);
    units.set(observation.unit, values);
  }
  return units;
}

/**
 * Krippendorff's alpha, computed from the coincidence matrix: only units with
 * at least two values are pairable; each pair in a unit with m values weighs
 * 1/(m - 1). alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck).
 */
export function krippendorffAlpha(observations: Observation[], level: Level): AlphaResult {
  const units = [...groupByUnit(observations).values()].filter((values) => values.length >= 2);
  const categories = [...new Set(units.flat())].sort((a, b) => a - b);
  const index = new Map(categories.map((value, i) => [value, i]));
  const size = categories.length;
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const values of units) {
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i === j) continue;
        coincidences[index.get(values[i]!)!]![index.get(values[j]!)!]! += weight;
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((sum, value) => sum + value, 0));
  const n = marginals.reduce((sum, value) => sum + value, 0);
  const base = { pairableUnits: units.length, pairableValues: Math.round(n) };
  if (units.length === 0) return { value: null, note: "no unit has two or more ratings, so no pairs can be compared", ...base };

  const distance = (c: number, k: number): number => {
    if (level === "nominal") return c === k ? 0 : 1;
    if (level === "interval") return (categories[c]! - categories[k]!) ** 2;
    // Ordinal: the squared sum of the marginals between the two ranks, less half of each end.
    const [low, high] = c <= k ? [c, k] : [k, c];
    let between = 0;
    for (let g = low; g <= high; g++) between += marginals[g]!;
    return (between - (marginals[low]! + marginals[high]!) / 2) ** 2;
  };

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const delta = distance(c, k);
      observed += coincidences[c]![k]! * delta;
      expected += marginals[c]! * marginals[k]! * delta;
    }
  }
  if (expected === 0) return { value: null, note: "every pairable rating has the same value, so disagreement expected by chance is zero", ...base };
  return { value: 1 - ((n - 1) * observed) / expected, ...base };
}

export interface IccResult {
  "ICC(1,1)": number | null;
  "ICC(2,1)": number | null;
  "ICC(3,1)": number | null;
  "ICC(1,k)": number | null;
  "ICC(2,k)": number | null;
  "ICC(3,k)": number | null;
  k: number;
  unitsUsed: number;
  note?: string;
}

/**
 * Shrout and Fleiss (1979) intraclass correlations on the units rated by
 * every rater (listwise deletion). A unit/rater pair rated more than once is
 * averaged first.
 */
export function intraclassCorrelations(observations: Observation[]): IccResult {
  const raters = [...new Set(observations.map((observation) => observation.rater))].sort();
  const k = raters.length;
  const cells = new Map<string, Map<string, number[]>>();
  for (const observation of observations) {
    const row = cells.get(observation.unit) ?? new Map<string, number[]>();
    row.set(observation.rater, [...(row.get(observation.rater) ?? []), observation.value]);
    cells.set(observation.unit, row);
  }
  const complete = [...cells.values()]
    .filter((row) => raters.every((rater) => row.has(rater)))
    .map((row) => raters.map((rater) => row.get(rater)!.reduce((sum, value) => sum + value, 0) / row.get(rater)!.length));
  const n = complete.length;
  const empty = { "ICC(1,1)": null, "ICC(2,1)": null, "ICC(3,1)": null, "ICC(1,k)": null, "ICC(2,k)": null, "ICC(3,k)": null, k, unitsUsed: n };
  if (k < 2) return { ...empty, note: "fewer than two raters" };
  if (n < 2) return { ...empty, note: `fewer than two units were rated by all ${k} raters (listwise deletion)` };

  const grand = complete.flat().reduce((sum, value) => sum + value, 0) / (n * k);
  const rowMeans = complete.map((row) => row.reduce((sum, value) => sum + value, 0) / k);
  const colMeans = raters.map((_, j) => complete.reduce((sum, row) => sum + row[j]!, 0) / n);
  const ssRows = k * rowMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
  const ssWithin = complete.reduce((sum, row, i) => sum + row.reduce((inner, value) => inner + (value - rowMeans[i]!) ** 2, 0), 0);
  const ssError = ssWithin - ssCols;
  const bms = ssRows / (n - 1);
  const wms = ssWithin / (n * (k - 1));
  const jms = ssCols / (k - 1);
  const ems = ssError / ((n - 1) * (k - 1));

  const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
  const result: IccResult = {
    "ICC(1,1)": ratio(bms - wms, bms + (k - 1) * wms),
    "ICC(2,1)": ratio(bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n),
    "ICC(3,1)": ratio(bms - ems, bms + (k - 1) * ems),
    "ICC(1,k)": ratio(bms - wms, bms),
    "ICC(2,k)": ratio(bms - ems, bms + (jms - ems) / n),
    "ICC(3,k)": ratio(bms - ems, bms),
    k,
    unitsUsed: n,
  };
  if (Object.values(result).some((value) => value === null)) result.note = "the units do not vary (zero variance), so some correlations are undefined";
  return result;
}

export interface RaterEffect {
  rater: string;
  /** Raw least-squares effect: positive = rates more leniently than the panel. */
  effect: number;
  /** Shrunk toward zero by how many ratings stand behind it (for product views). */
  shrunk: number;
  standardError: number | null;
  ratings: number;
}

export interface RaterEffectsResult {
  mean: number | null;
  effects: RaterEffect[];
  residualVariance: number | null;
  /** The shrinkage constant: an effect backed by this many ratings is halved. */
  shrinkageRatings: number;
  notes: string[];
}

function connectedComponents(observations: Observation[]): number {
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(node, root);
    return root;
  };
  for (const observation of observations) {
    for (const node of [`u:${observation.unit}`, `r:${observation.rater}`]) if (!parent.has(node)) parent.set(node, node);
    parent.set(find(`u:${observation.unit}`), find(`r:${observation.rater}`));
  }
  return new Set([...parent.keys()].map(find)).size;
}

/**
 * Fits rating = mean + unit effect + rater effect by least squares on the
 * observed cells only (backfitting, which converges to the least-squares
 * solution), with rater effects summing to zero. Because unit effects are
 * fitted too, a rater is not judged by which candidates they happened to see.
 */
export function raterEffects(observations: Observation[], options: { maxIterations?: number; tolerance?: number } = {}): RaterEffectsResult {
  const notes: string[] = [];
  if (observations.length === 0) return { mean: null, effects: [], residualVariance: null, shrinkageRatings: 0, notes: ["no ratings"] };
  const units = [...new Set(observations.map((observation) => observation.unit))];
  const raters = [...new Set(observations.map((observation) => observation.rater))];
  const unitIndex = new Map(units.map((unit, i) => [unit, i]));
  const raterIndex = new Map(raters.map((rater, i) => [rater, i]));
  const rows = observations.map((observation) => ({ u: unitIndex.get(observation.unit)!, r: raterIndex.get(observation.rater)!, y: observation.value }));

  let mu = rows.reduce((sum, row) => sum + row.y, 0) / rows.length;
  const a = new Array<number>(units.length).fill(0);
  const b = new Array<number>(raters.length).fill(0);
  const unitCounts = new Array<number>(units.length).fill(0);
  const raterCounts = new Array<number>(raters.length).fill(0);
  for (const row of rows) {
    unitCounts[row.u]! += 1;
    raterCounts[row.r]! += 1;
  }
  const maxIterations = options.maxIterations ?? 5000;
  const tolerance = options.tolerance ?? 1e-12;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const sumA = new Array<number>(units.length).fill(0);
    for (const row of rows) sumA[row.u]! += row.y - mu - b[row.r]!;
    for (let u = 0; u < units.length; u++) a[u] = sumA[u]! / unitCounts[u]!;
    const sumB = new Array<number>(raters.length).fill(0);
    for (const row of rows) sumB[row.r]! += row.y - mu - a[row.u]!;
    let change = 0;
    for (let r = 0; r < raters.length; r++) {
      const next = sumB[r]! / raterCounts[r]!;
      change = Math.max(change, Math.abs(next - b[r]!));
      b[r] = next;
    }
    // Identify the model: rater effects sum to zero, unit effects average zero; the shift goes into the mean.
    const meanB = b.reduce((sum, value) => sum + value, 0) / b.length;
    const meanA = a.reduce((sum, value) => sum + value, 0) / a.length;
    for (let r = 0; r < b.length; r++) b[r]! -= meanB;
    for (let u = 0; u < a.length; u++) a[u]! -= meanA;
    mu += meanB + meanA;
    if (change < tolerance) break;
  }

  const residuals = rows.map((row) => row.y - mu - a[row.u]! - b[row.r]!);
  const degrees = rows.length - units.length - raters.length + 1;
  const residualVariance = degrees > 0 ? residuals.reduce((sum, value) => sum + value * value, 0) / degrees : null;
  if (degrees <= 0) notes.push("too few ratings to estimate the residual variance; standard errors and shrinkage use defaults");
  if (connectedComponents(observations) > 1) {
    notes.push("raters and units form separate groups with no shared units, so effects are only comparable within a group");
  }
  // Empirical-Bayes style shrinkage: k = residual variance / variance of true rater effects.
  const rawVariance = b.length > 1 ? b.reduce((sum, value) => sum + value * value, 0) / (b.length - 1) : 0;
  const noise = residualVariance === null ? 0 : raterCounts.reduce((sum, count) => sum + residualVariance / count, 0) / raterCounts.length;
  const trueVariance = rawVariance - noise;
  const shrinkageRatings = residualVariance !== null && trueVariance > 1e-9 ? residualVariance / trueVariance : 10;

  return {
    mean: mu,
    residualVariance,
    shrinkageRatings,
    notes,
    effects: raters.map((rater, r) => ({
      rater,
      effect: b[r]!,
      shrunk: (b[r]! * raterCounts[r]!) / (raterCounts[r]! + shrinkageRatings),
      standardError: residualVariance === null ? null : Math.sqrt(residualVariance / raterCounts[r]!),
      ratings: raterCounts[r]!,
    })),
  };
}
