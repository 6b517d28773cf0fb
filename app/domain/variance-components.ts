import type { Observation } from "./reliability";

/**
 * Variance components for rotating panels (generalizability theory on an
 * unbalanced crossed design): rating = mean + candidate + interviewer + residual,
 * with candidate ~ N(0, unit), interviewer ~ N(0, rater), residual ~ N(0, residual),
 * estimated by REML. Pure; verified against lme4's Penicillin fit and planted
 * simulations in tests/unit/variance-components.test.ts.
 *
 * Method: Henderson's mixed-model equations, scaled by the residual variance.
 * The candidate block is diagonal, so candidates are absorbed one at a time
 * (each touches only its own few interviewers: the sparse part), leaving a
 * dense (interviewers + 1) square system, factored by Cholesky. From it come
 * log|C| and y'Py, hence the REML deviance profiled over the residual variance,
 * a function of two variance ratios only, minimised by Nelder-Mead on their
 * logarithms. Standard errors come from the numerical Hessian of the full
 * deviance (the observed information).
 */

export interface VarianceComponentsFit {
  unit: number;
  rater: number;
  residual: number;
  /** Asymptotic standard errors (observed information); null for a component estimated at zero. */
  standardErrors: { unit: number | null; rater: number | null; residual: number | null };
  /** The estimated overall mean. */
  mean: number;
  units: number;
  raters: number;
  ratings: number;
  /** Each interviewer's predicted effect (BLUP): positive rates leniently, negative harshly. */
  raterEffects: Map<string, number>;
  method: "REML";
  /** Deviance evaluations the optimiser used. */
  evaluations: number;
}

export type VarianceComponentsResult = { fit: VarianceComponentsFit; note?: undefined } | { fit: null; note: string };

interface Design {
  n: number;
  mean: number;
  /** Sum of squares of the centred ratings. */
  yy: number;
  unitIds: string[];
  raterIds: string[];
  unitCount: Float64Array;
  unitSum: Float64Array;
  raterCount: Float64Array;
  raterSum: Float64Array;
  /** Cells (unit, rater) in compressed rows: cellStart[i]..cellStart[i+1] are unit i's interviewers. */
  cellStart: Int32Array;
  cellRater: Int32Array;
  cellCount: Float64Array;
}

function buildDesign(observations: Observation[]): Design {
  const unitIndex = new Map<string, number>();
  const raterIndex = new Map<string, number>();
  const index = (map: Map<string, number>, key: string) => {
    let value = map.get(key);
    if (value === undefined) map.set(key, (value = map.size));
    return value;
  };
  const n = observations.length;
  const unitOf = new Int32Array(n);
  const raterOf = new Int32Array(n);
  let total = 0;
  observations.forEach((observation, k) => {
    unitOf[k] = index(unitIndex, observation.unit);
    raterOf[k] = index(raterIndex, observation.rater);
    total += observation.value;
  });
  const mean = total / n;
  const units = unitIndex.size;
  const raters = raterIndex.size;
  const unitCount = new Float64Array(units);
  const unitSum = new Float64Array(units);
  const raterCount = new Float64Array(raters);
  const raterSum = new Float64Array(raters);
  let yy = 0;
  const cellsByUnit: Map<number, number>[] = Array.from({ length: units }, () => new Map());
  observations.forEach((observation, k) => {
    const y = observation.value - mean;
    yy += y * y;
    unitCount[unitOf[k]!]! += 1;
    unitSum[unitOf[k]!]! += y;
    raterCount[raterOf[k]!]! += 1;
    raterSum[raterOf[k]!]! += y;
    const cells = cellsByUnit[unitOf[k]!]!;
    cells.set(raterOf[k]!, (cells.get(raterOf[k]!) ?? 0) + 1);
  });
  const cellStart = new Int32Array(units + 1);
  let cellTotal = 0;
  for (let i = 0; i < units; i++) {
    cellStart[i] = cellTotal;
    cellTotal += cellsByUnit[i]!.size;
  }
  cellStart[units] = cellTotal;
  const cellRater = new Int32Array(cellTotal);
  const cellCount = new Float64Array(cellTotal);
  for (let i = 0; i < units; i++) {
    let c = cellStart[i]!;
    for (const [rater, count] of cellsByUnit[i]!) {
      cellRater[c] = rater;
      cellCount[c] = count;
      c += 1;
    }
  }
  return {
    n,
    mean,
    yy,
    unitIds: [...unitIndex.keys()],
    raterIds: [...raterIndex.keys()],
    unitCount,
    unitSum,
    raterCount,
    raterSum,
    cellStart,
    cellRater,
    cellCount,
  };
}

/** In-place Cholesky of a dense symmetric matrix (row-major, size p); returns log-determinant or null. */
function cholesky(a: Float64Array, p: number): number | null {
  let logDet = 0;
  for (let j = 0; j < p; j++) {
    const rowJ = j * p;
    let diagonal = a[rowJ + j]!;
    for (let k = 0; k < j; k++) diagonal -= a[rowJ + k]! * a[rowJ + k]!;
    if (!(diagonal > 0)) return null;
    const root = Math.sqrt(diagonal);
    a[rowJ + j] = root;
    logDet += 2 * Math.log(root);
    for (let i = j + 1; i < p; i++) {
      const rowI = i * p;
      let sum = a[rowI + j]!;
      for (let k = 0; k < j; k++) sum -= a[rowI + k]! * a[rowJ + k]!;
      a[rowI + j] = sum / root;
    }
  }
  return logDet;
}

/** Solves L L' x = b with the factor from cholesky (lower triangle), in place on b. */
function choleskySolve(l: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * p + k]! * b[k]!;
    b[i] = sum / l[i * p + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let sum = b[i]!;
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i]! * b[k]!;
    b[i] = sum / l[i * p + i]!;
  }
}

interface Evaluation {
  /** log|G*| + log|C|, the determinant terms of the REML deviance (G* = variances over the residual's). */
  logDet: number;
  /** y'Py times the residual variance: the residual sum of squares of the mixed-model fit. */
  yPy: number;
  beta: number;
  raterEffects: Float64Array;
}

/** Solves the mixed-model equations for variance ratios gammaUnit = unit / residual, gammaRater = rater / residual. */
function evaluate(design: Design, gammaUnit: number, gammaRater: number): Evaluation | null {
  const raters = design.raterIds.length;
  const p = raters + 1;
  const s = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  // X'X, X'Z_rater, Z_rater'Z_rater and their right-hand sides (index 0 is the intercept).
  s[0] = design.n;
  for (let j = 0; j < raters; j++) {
    s[j + 1] = design.raterCount[j]!;
    s[(j + 1) * p] = design.raterCount[j]!;
    s[(j + 1) * p + j + 1] = design.raterCount[j]!;
    rhs[j + 1] = design.raterSum[j]!;
  }
  // Absorb each candidate: subtract b b' / d, where d = n_i + residual/unit and b is the candidate's column.
  let logDet = 0;
  const entries: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < design.unitIds.length; i++) {
    const count = design.unitCount[i]!;
    const w = gammaUnit / (1 + gammaUnit * count); // 1/d, stable as gammaUnit -> 0
    logDet += Math.log1p(gammaUnit * count); // log d + log gammaUnit
    entries.length = 0;
    weights.length = 0;
    entries.push(0);
    weights.push(count);
    for (let c = design.cellStart[i]!; c < design.cellStart[i + 1]!; c++) {
      entries.push(design.cellRater[c]! + 1);
      weights.push(design.cellCount[c]!);
    }
    const sum = design.unitSum[i]!;
    for (let a = 0; a < entries.length; a++) {
      const row = entries[a]! * p;
      const wa = w * weights[a]!;
      rhs[entries[a]!]! -= wa * sum;
      for (let b = 0; b < entries.length; b++) s[row + entries[b]!]! -= wa * weights[b]!;
    }
  }
  // Scale the interviewer rows and columns by sqrt(gammaRater) so that the block stays well conditioned
  // as the interviewer variance tends to zero; its determinant then already includes log|G*| for interviewers.
  const scale = Math.sqrt(gammaRater);
  for (let a = 0; a < p; a++) {
    const da = a === 0 ? 1 : scale;
    rhs[a]! *= da;
    for (let b = 0; b < p; b++) s[a * p + b]! *= da * (b === 0 ? 1 : scale);
    if (a > 0) s[a * p + a]! += 1;
  }
  const logDetS = cholesky(s, p);
  if (logDetS === null) return null;
  logDet += logDetS;
  choleskySolve(s, p, rhs);
  const beta = rhs[0]!;
  const raterEffects = new Float64Array(raters);
  for (let j = 0; j < raters; j++) raterEffects[j] = rhs[j + 1]! * scale;
  // y'Py = y'y - solution'(right-hand side); the centred ratings sum to zero, so the intercept adds nothing.
  let explained = 0;
  for (let j = 0; j < raters; j++) explained += raterEffects[j]! * design.raterSum[j]!;
  for (let i = 0; i < design.unitIds.length; i++) {
    let fitted = design.unitCount[i]! * beta;
    for (let c = design.cellStart[i]!; c < design.cellStart[i + 1]!; c++)
      fitted += design.cellCount[c]! * raterEffects[design.cellRater[c]!]!;
    const unitEffect = (gammaUnit / (1 + gammaUnit * design.unitCount[i]!)) * (design.unitSum[i]! - fitted);
    explained += unitEffect * design.unitSum[i]!;
  }
  return { logDet, yPy: Math.max(design.yy - explained, 0), beta, raterEffects };
}

/** Nelder-Mead in two dimensions, within box bounds. */
function minimise(f: (x: number[]) => number, start: number[], bounds: [number, number]) {
  const clamp = (x: number[]) => x.map((value) => Math.min(bounds[1], Math.max(bounds[0], value)));
  let simplex = [start, [start[0]! + 1, start[1]!], [start[0]!, start[1]! + 1]].map(clamp);
  let values = simplex.map(f);
  let evaluations = 3;
  for (let iteration = 0; iteration < 1000; iteration++) {
    const order = [0, 1, 2].sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    const size = Math.max(
      ...simplex.slice(1).map((point) => Math.hypot(point[0]! - simplex[0]![0]!, point[1]! - simplex[0]![1]!)),
    );
    if (values[2]! - values[0]! < 1e-11 * (1 + Math.abs(values[0]!)) && size < 1e-7) break;
    const centroid = [0, 1].map((d) => (simplex[0]![d]! + simplex[1]![d]!) / 2);
    const towards = (t: number) => clamp(centroid.map((c, d) => c + t * (simplex[2]![d]! - c)));
    const reflected = towards(-1);
    const fr = f(reflected);
    evaluations += 1;
    if (fr < values[0]!) {
      const expanded = towards(-2);
      const fe = f(expanded);
      evaluations += 1;
      [simplex[2], values[2]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[1]!) {
      [simplex[2], values[2]] = [reflected, fr];
    } else {
      const contracted = towards(fr < values[2]! ? -0.5 : 0.5);
      const fc = f(contracted);
      evaluations += 1;
      if (fc < Math.min(fr, values[2]!)) {
        [simplex[2], values[2]] = [contracted, fc];
      } else {
        for (const i of [1, 2]) {
          simplex[i] = simplex[i]!.map((value, d) => simplex[0]![d]! + (value - simplex[0]![d]!) / 2);
          values[i] = f(simplex[i]!);
          evaluations += 1;
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best]!, value: values[best]!, evaluations };
}

/** Inverse of a small dense symmetric matrix (Gauss-Jordan); null if singular. */
function invert(matrix: number[][]): number[][] | null {
  const size = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: size }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    if (Math.abs(a[pivot]![col]!) < 1e-300) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const lead = a[col]![col]!;
    for (let k = 0; k < 2 * size; k++) a[col]![k]! /= lead;
    for (let row = 0; row < size; row++) {
      if (row === col) continue;
      const factor = a[row]![col]!;
      for (let k = 0; k < 2 * size; k++) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  return a.map((row) => row.slice(size));
}

// Variance ratios below e^-25 (relative to the residual) are reported as zero: the boundary of the parameter space.
const LOG_RATIO_BOUNDS: [number, number] = [-30, 15];
const AT_ZERO = -25;

/**
 * REML estimates of the candidate (unit), interviewer (rater) and residual
 * variances. Null with a note when the design cannot separate them.
 */
export function estimateVarianceComponents(observations: Observation[]): VarianceComponentsResult {
  const design = observations.length ? buildDesign(observations) : null;
  if (!design) return { fit: null, note: "no ratings" };
  const units = design.unitIds.length;
  const raters = design.raterIds.length;
  if (units < 2) return { fit: null, note: "fewer than two units, so unit variance is undefined" };
  if (raters < 2) return { fit: null, note: "fewer than two raters, so rater variance cannot be separated" };
  if (design.n <= units)
    return { fit: null, note: "no unit has two or more ratings, so residual and unit variance cannot be separated" };
  if (design.yy === 0) return { fit: null, note: "every rating has the same value, so there is no variance to divide" };

  const degrees = design.n - 1; // n - rank(X), X the intercept
  const profiled = (theta: number[]) => {
    const result = evaluate(design, Math.exp(theta[0]!), Math.exp(theta[1]!));
    if (!result || result.yPy <= 0) return Number.POSITIVE_INFINITY;
    return result.logDet + degrees * Math.log(result.yPy / degrees);
  };
  const optimum = minimise(profiled, [0, 0], LOG_RATIO_BOUNDS);
  const [thetaUnit, thetaRater] = optimum.x.map((theta) => (theta < AT_ZERO ? Number.NEGATIVE_INFINITY : theta)) as [
    number,
    number,
  ];
  const final = evaluate(design, Math.exp(thetaUnit), Math.exp(thetaRater));
  if (!final) return { fit: null, note: "the mixed-model equations are singular for this design" };
  const residual = final.yPy / degrees;
  const unit = Math.exp(thetaUnit) * residual;
  const rater = Math.exp(thetaRater) * residual;

  // Observed information: the Hessian of the full REML deviance in log-variances, for components away from zero.
  const full = (logs: number[]) => {
    const [u, r, e] = logs.map(Math.exp) as [number, number, number];
    const result = evaluate(design, u / e, r / e);
    return result ? result.logDet + degrees * Math.log(e) + result.yPy / e : Number.NaN;
  };
  const at = [Math.log(unit), Math.log(rater), Math.log(residual)];
  const free = [0, 1, 2].filter((k) => Number.isFinite(at[k]!));
  const h = 1e-3;
  const shifted = (moves: [number, number][]) => {
    const point = [...at];
    for (const [k, step] of moves) point[k]! += step;
    return full(point);
  };
  const f0 = full(at);
  const hessian = free.map((a) =>
    free.map((b) =>
      a === b
        ? (shifted([[a, h]]) - 2 * f0 + shifted([[a, -h]])) / (h * h)
        : (shifted([
            [a, h],
            [b, h],
          ]) -
            shifted([
              [a, h],
              [b, -h],
            ]) -
            shifted([
              [a, -h],
              [b, h],
            ]) +
            shifted([
              [a, -h],
              [b, -h],
            ])) /
          (4 * h * h),
    ),
  );
  const covariance = invert(hessian);
  const errors: (number | null)[] = [null, null, null];
  free.forEach((k, index) => {
    const variance = covariance ? 2 * covariance[index]![index]! : Number.NaN;
    errors[k] = variance > 0 ? Math.exp(at[k]!) * Math.sqrt(variance) : null;
  });

  return {
    fit: {
      unit,
      rater,
      residual,
      standardErrors: { unit: errors[0]!, rater: errors[1]!, residual: errors[2]! },
      mean: design.mean + final.beta,
      units,
      raters,
      ratings: design.n,
      raterEffects: new Map(design.raterIds.map((id, j) => [id, final.raterEffects[j]!])),
      method: "REML",
      evaluations: optimum.evaluations,
    },
  };
}

export interface PanelReliability {
  k: number[];
  /** Reliability of a raw panel mean: the interviewers differ per candidate, so their severity is error. */
  raw: number[];
  /** Reliability once each interviewer's severity is removed (taken as known). */
  adjusted: number[];
  /** The smallest panel reaching the target (0.8 by default), or null if none can. */
  smallestPanel: { raw: number | null; adjusted: number | null };
}

/**
 * The generalizability coefficient of the mean of k ratings by k different
 * interviewers: unit / (unit + error / k), where the error is rater + residual
 * for raw means and residual alone once severity is adjusted away.
 */
export function panelReliability(
  components: { unit: number; rater: number; residual: number },
  maxPanel = 8,
  target = 0.8,
): PanelReliability | null {
  const { unit, rater, residual } = components;
  if (!(unit > 0)) return null;
  const k = Array.from({ length: maxPanel }, (_, i) => i + 1);
  const coefficient = (error: number, size: number) => unit / (unit + error / size);
  // unit / (unit + e/k) >= target  <=>  k >= target/(1-target) * e/unit (with a little slack for rounding).
  const smallest = (error: number) =>
    error === 0 ? 1 : Math.max(1, Math.ceil((target / (1 - target)) * (error / unit) - 1e-9));
  return {
    k,
    raw: k.map((size) => coefficient(rater + residual, size)),
    adjusted: k.map((size) => coefficient(residual, size)),
    smallestPanel: { raw: smallest(rater + residual), adjusted: smallest(residual) },
  };
}
