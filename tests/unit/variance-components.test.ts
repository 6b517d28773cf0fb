import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normal, seededRandom } from "~/domain/random";
import type { Observation } from "~/domain/reliability";
import { estimateVarianceComponents, panelReliability } from "~/domain/variance-components";

/**
 * lme4's Penicillin data (tests/fixtures/penicillin/SOURCE.md): 24 plates x 6
 * samples, fully crossed. Plates play the candidates, samples the interviewers.
 * Published REML fit of diameter ~ 1 + (1|plate) + (1|sample):
 * plate 0.7169, sample 3.7311, residual 0.3024, intercept 22.972.
 */
function penicillin(): Observation[] {
  const text = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/penicillin/penicillin.csv"), "utf8");
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [diameter, plate, sample] = line.split(",");
      return { unit: plate!, rater: sample!, value: Number(diameter) };
    });
}

/**
 * A rotating-panel hiring design: each candidate meets one interviewer from
 * each of five round types' pools (300 interviewers in all), drawn with very
 * unequal workloads; about one rating in ten is "no signal" (missing), so
 * panels have 3 to 5 ratings. Normal effects with planted variances.
 */
function simulatePanels(
  seed: number,
  planted: { unit: number; rater: number; residual: number },
  candidates = 2_000,
  interviewers = 300,
) {
  const random = seededRandom(seed);
  const pools = 5;
  const perPool = interviewers / pools;
  const severity = Array.from({ length: interviewers }, () => Math.sqrt(planted.rater) * normal(random));
  // Workload weights ~ 1/(rank+1): the busiest interviewer in a pool sees many times more candidates than the least.
  const weights = Array.from({ length: perPool }, (_, rank) => 1 / (rank + 1));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const pick = () => {
    let target = random() * totalWeight;
    for (let rank = 0; rank < perPool; rank++) {
      target -= weights[rank]!;
      if (target <= 0) return rank;
    }
    return perPool - 1;
  };
  const observations: Observation[] = [];
  for (let c = 0; c < candidates; c++) {
    const ability = Math.sqrt(planted.unit) * normal(random);
    for (let pool = 0; pool < pools; pool++) {
      const rater = pool * perPool + pick();
      if (random() < 0.1) continue;
      observations.push({
        unit: `c${c}`,
        rater: `i${rater}`,
        value: 2.5 + ability + severity[rater]! + Math.sqrt(planted.residual) * normal(random),
      });
    }
  }
  return observations;
}

describe("REML variance components", () => {
  it("reproduces lme4's Penicillin fit within 0.001", () => {
    const { fit } = estimateVarianceComponents(penicillin());
    expect(fit).not.toBeNull();
    expect(Math.abs(fit!.unit - 0.7169)).toBeLessThan(0.001);
    expect(Math.abs(fit!.rater - 3.7311)).toBeLessThan(0.001);
    expect(Math.abs(fit!.residual - 0.3024)).toBeLessThan(0.001);
    expect(Math.abs(fit!.mean - 22.972)).toBeLessThan(0.001);
    expect(fit!.units).toBe(24);
    expect(fit!.raters).toBe(6);
    // Sample A makes the widest zones, sample F the narrowest: their predicted effects order the same way.
    expect(fit!.raterEffects.get("A")!).toBeGreaterThan(fit!.raterEffects.get("F")!);
  });

  it("recovers planted components on unbalanced rotating panels (2,000 candidates, 300 interviewers)", () => {
    const planted = { unit: 0.5, rater: 0.15, residual: 0.6 };
    const zScores: number[] = [];
    const squaredErrors = { unit: 0, rater: 0, residual: 0 };
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    for (const seed of seeds) {
      const { fit } = estimateVarianceComponents(simulatePanels(seed, planted));
      expect(fit).not.toBeNull();
      for (const key of ["unit", "rater", "residual"] as const) {
        const error = fit![key] - planted[key];
        expect(fit!.standardErrors[key]!).toBeGreaterThan(0);
        zScores.push(error / fit!.standardErrors[key]!);
        squaredErrors[key] += error * error;
      }
    }
    // Every estimate lies within three of its standard errors of the planted value, and about two in three
    // within one (68% if the errors are right): the standard errors are honest, not just wide.
    expect(Math.max(...zScores.map(Math.abs))).toBeLessThan(3);
    const withinOne = zScores.filter((z) => Math.abs(z) < 1).length / zScores.length;
    expect(withinOne).toBeGreaterThan(0.55);
    expect(withinOne).toBeLessThan(0.9);
    // Measured (README, ADR 0010): root-mean-square errors over the eight samples.
    const rms = (key: keyof typeof squaredErrors) => Math.sqrt(squaredErrors[key] / seeds.length);
    expect(rms("unit")).toBeLessThan(0.03);
    expect(rms("rater")).toBeLessThan(0.03);
    expect(rms("residual")).toBeLessThan(0.02);
  }, 60_000);

  it("finds a zero interviewer variance when interviewers do not differ", () => {
    const { fit } = estimateVarianceComponents(simulatePanels(5, { unit: 0.5, rater: 0, residual: 0.6 }, 600, 60));
    expect(fit!.rater).toBeLessThan(0.01);
    expect(Math.abs(fit!.unit - 0.5)).toBeLessThan(3 * fit!.standardErrors.unit!);
  });

  it("says why when the design cannot separate the components", () => {
    expect(estimateVarianceComponents([]).note).toBe("no ratings");
    expect(
      estimateVarianceComponents([
        { unit: "a", rater: "x", value: 1 },
        { unit: "b", rater: "x", value: 2 },
      ]).note,
    ).toMatch(/fewer than two raters/);
    expect(
      estimateVarianceComponents([
        { unit: "a", rater: "x", value: 1 },
        { unit: "b", rater: "y", value: 2 },
      ]).note,
    ).toMatch(/no unit has two or more ratings/);
  });
});

describe("panel reliability", () => {
  it("matches the generalizability coefficient worked by hand", () => {
    // unit 1, rater 0.5, residual 1.5. Raw error per rating 2.0, adjusted 1.5.
    // k = 4: raw 1 / (1 + 2/4) = 0.6667; adjusted 1 / (1 + 1.5/4) = 0.7273.
    // k = 1: raw 1/3, adjusted 0.4. Reaching 0.8 needs k >= 4 * 2 = 8 raw, k >= 4 * 1.5 = 6 adjusted.
    const result = panelReliability({ unit: 1, rater: 0.5, residual: 1.5 })!;
    expect(result.k).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.raw[3]).toBeCloseTo(2 / 3, 10);
    expect(result.adjusted[3]).toBeCloseTo(8 / 11, 10);
    expect(result.raw[0]).toBeCloseTo(1 / 3, 10);
    expect(result.adjusted[0]).toBeCloseTo(0.4, 10);
    expect(result.raw[7]).toBeCloseTo(0.8, 10);
    expect(result.smallestPanel).toEqual({ raw: 8, adjusted: 6 });
  });

  it("is undefined when candidates do not differ", () => {
    expect(panelReliability({ unit: 0, rater: 0.2, residual: 1 })).toBeNull();
  });
});
