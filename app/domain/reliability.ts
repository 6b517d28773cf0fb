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
  if (units.length === 0)
    return { value: null, note: "no unit has two or more ratings, so no pairs can be compared", ...base };

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
  if (expected === 0)
    return {
      value: null,
      note: "every pairable rating has the same value, so disagreement expected by chance is zero",
      ...base,
    };
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
    .map((row) =>
      raters.map((rater) => row.get(rater)!.reduce((sum, value) => sum + value, 0) / row.get(rater)!.length),
    );
  const n = complete.length;
  const empty = {
    "ICC(1,1)": null,
    "ICC(2,1)": null,
    "ICC(3,1)": null,
    "ICC(1,k)": null,
    "ICC(2,k)": null,
    "ICC(3,k)": null,
    k,
    unitsUsed: n,
  };
  if (k < 2) return { ...empty, note: "fewer than two raters" };
  if (n < 2) return { ...empty, note: `fewer than two units were rated by all ${k} raters (listwise deletion)` };

  const grand = complete.flat().reduce((sum, value) => sum + value, 0) / (n * k);
  const rowMeans = complete.map((row) => row.reduce((sum, value) => sum + value, 0) / k);
  const colMeans = raters.map((_, j) => complete.reduce((sum, row) => sum + row[j]!, 0) / n);
  const ssRows = k * rowMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
  const ssWithin = complete.reduce(
    (sum, row, i) => sum + row.reduce((inner, value) => inner + (value - rowMeans[i]!) ** 2, 0),
    0,
  );
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
  if (Object.values(result).some((value) => value === null))
    result.note = "the units do not vary (zero variance), so some correlations are undefined";
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

/** Groups in the bipartite unit-rater graph (union-find over integer ids, path halving). */
function componentCount(unitCount: number, raterCount: number, edges: Iterable<[number, number]>): number {
  const parent = Array.from({ length: unitCount + raterCount }, (_, i) => i);
  const find = (node: number) => {
    let current = node;
    while (parent[current] !== current) {
      parent[current] = parent[parent[current]!]!;
      current = parent[current]!;
    }
    return current;
  };
  for (const [unit, rater] of edges) {
    const a = find(unit);
    const b = find(unitCount + rater);
    if (a !== b) parent[a] = b;
  }
  let roots = 0;
  for (let i = 0; i < parent.length; i++) if (find(i) === i) roots += 1;
  return roots;
}

function solveLinearSystem(matrix: number[][], rhs: number[]): number[] {
  // Gaussian elimination with partial pivoting; matrix is small (raters x raters).
  const size = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const lead = a[col]![col]!;
    if (Math.abs(lead) < 1e-14) continue;
    for (let row = 0; row < size; row++) {
      if (row === col) continue;
      const factor = a[row]![col]! / lead;
      if (factor === 0) continue;
      for (let k = col; k <= size; k++) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-14 ? 0 : row[size]! / row[i]!));
}

/**
 * Fits rating = mean + unit effect + rater effect by least squares on the
 * observed cells only, with rater effects summing to zero. Because unit
 * effects are fitted too, a rater is not judged by which candidates they
 * happened to see. Solved exactly: unit effects are absorbed, leaving a small
 * raters-by-raters system (C + 11') b = q, where the added 11' imposes the
 * sum-to-zero constraint.
 */
export function raterEffects(observations: Observation[]): RaterEffectsResult {
  const notes: string[] = [];
  if (observations.length === 0)
    return { mean: null, effects: [], residualVariance: null, shrinkageRatings: 0, notes: ["no ratings"] };
  const raters = [...new Set(observations.map((observation) => observation.rater))];
  const raterIndex = new Map(raters.map((rater, i) => [rater, i]));
  const byUnit = new Map<string, { r: number; y: number }[]>();
  for (const observation of observations) {
    const list = byUnit.get(observation.unit) ?? [];
    list.push({ r: raterIndex.get(observation.rater)!, y: observation.value });
    byUnit.set(observation.unit, list);
  }
  const size = raters.length;
  const c = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const q = new Array<number>(size).fill(0);
  const counts = new Array<number>(size).fill(0);
  for (const list of byUnit.values()) {
    const unitMean = list.reduce((sum, item) => sum + item.y, 0) / list.length;
    for (const item of list) {
      counts[item.r]! += 1;
      c[item.r]![item.r]! += 1;
      q[item.r]! += item.y - unitMean;
      for (const other of list) c[item.r]![other.r]! -= 1 / list.length;
    }
  }
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) c[i]![j]! += 1;
  const b = solveLinearSystem(c, q);
  const centre = b.reduce((sum, value) => sum + value, 0) / size;
  for (let r = 0; r < size; r++) b[r]! -= centre;

  let residualSum = 0;
  const unitEffects: number[] = [];
  for (const list of byUnit.values()) {
    const effect = list.reduce((sum, item) => sum + item.y - b[item.r]!, 0) / list.length;
    unitEffects.push(effect);
    for (const item of list) residualSum += (item.y - effect - b[item.r]!) ** 2;
  }
  const mu = unitEffects.reduce((sum, value) => sum + value, 0) / unitEffects.length;
  const degrees = observations.length - byUnit.size - size + 1;
  const residualVariance = degrees > 0 ? residualSum / degrees : null;
  if (degrees <= 0)
    notes.push("too few ratings to estimate the residual variance; standard errors and shrinkage use defaults");
  const edges = function* () {
    let unit = 0;
    for (const list of byUnit.values()) {
      for (const item of list) yield [unit, item.r] as [number, number];
      unit += 1;
    }
  };
  if (componentCount(byUnit.size, size, edges()) > 1) {
    notes.push(
      "raters and units form separate groups with no shared units, so effects are only comparable within a group",
    );
  }
  // Empirical-Bayes style shrinkage: k = residual variance / variance of true rater effects.
  const rawVariance = size > 1 ? b.reduce((sum, value) => sum + value * value, 0) / (size - 1) : 0;
  const noise = residualVariance === null ? 0 : counts.reduce((sum, count) => sum + residualVariance / count, 0) / size;
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
      shrunk: (b[r]! * counts[r]!) / (counts[r]! + shrinkageRatings),
      standardError: residualVariance === null ? null : Math.sqrt(residualVariance / counts[r]!),
      ratings: counts[r]!,
    })),
  };
}
