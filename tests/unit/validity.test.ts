import { describe, expect, it } from "vitest";
import { normal, seededRandom } from "~/domain/random";
import {
  bootstrapCorrelationInterval,
  correctForRangeRestriction,
  interviewerValidity,
  pearson,
  validityEstimate,
} from "~/domain/validity";

function bivariate(seed: number, n: number, rho: number) {
  const random = seededRandom(seed);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = normal(random);
    xs.push(x);
    ys.push(rho * x + Math.sqrt(1 - rho * rho) * normal(random));
  }
  return { xs, ys };
}

describe("Pearson's r", () => {
  it("matches a small case worked by hand, and is null without variance", () => {
    // x 1..5, y 2,4,5,4,5: sxy = 6, sxx = 10, syy = 6, r = 6 / sqrt(60) = 0.7746.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});

describe("range restriction (Thorndike case II)", () => {
  it("reproduces the textbook example: r = .25 among those selected, U = 1.40, gives .340", () => {
    // Worked example in Sackett, Laczo & Arvey (2002) and Ree et al. (1994), as reproduced by the
    // personnelSelectionUtility reference: correct_r_direct_range_restriction(.25, 1.40) = 0.3399501.
    expect(correctForRangeRestriction(0.25, 1.4, 1)).toBeCloseTo(0.3399501, 7);
  });

  it("recovers the applicant-pool correlation after top-down selection on the predictor", () => {
    const { xs, ys } = bivariate(3, 20_000, 0.5);
    const cut = [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.7)]!;
    const hired = xs.map((x, i) => [x, ys[i]!] as const).filter(([x]) => x >= cut);
    const poolSd = Math.sqrt(xs.reduce((sum, x) => sum + x * x, 0) / xs.length);
    const restricted = pearson(
      hired.map(([x]) => x),
      hired.map(([, y]) => y),
    )!;
    const hiredMean = hired.reduce((sum, [x]) => sum + x, 0) / hired.length;
    const hiredSd = Math.sqrt(hired.reduce((sum, [x]) => sum + (x - hiredMean) ** 2, 0) / hired.length);
    expect(restricted).toBeLessThan(0.35); // selection shrinks it
    expect(correctForRangeRestriction(restricted, poolSd, hiredSd)).toBeCloseTo(0.5, 1);
  });
});

describe("bootstrap interval", () => {
  it("covers the true correlation about 95% of the time (400 simulated samples of 80)", () => {
    const rho = 0.4;
    let covered = 0;
    const trials = 400;
    for (let trial = 0; trial < trials; trial++) {
      const { xs, ys } = bivariate(1_000 + trial, 80, rho);
      const interval = bootstrapCorrelationInterval(xs, ys, { seed: trial, resamples: 999 })!;
      if (interval[0] <= rho && rho <= interval[1]) covered += 1;
    }
    const coverage = covered / trials;
    // Percentile intervals for r run slightly narrow at this N; the standard error of coverage here is about 0.011.
    expect(coverage).toBeGreaterThan(0.9);
    expect(coverage).toBeLessThan(0.98);
  }, 60_000);

  it("is the same interval for the same data and seed", () => {
    const { xs, ys } = bivariate(9, 50, 0.3);
    expect(bootstrapCorrelationInterval(xs, ys, { seed: 4 })).toEqual(
      bootstrapCorrelationInterval(xs, ys, { seed: 4 }),
    );
  });
});

describe("validity estimate", () => {
  it("reports N, r, interval and the corrected r, and warns below 30 hires", () => {
    const { xs, ys } = bivariate(21, 200, 0.5);
    const pool = new Map(xs.map((x, i) => [`l${i}`, x]));
    // The 25 highest-rated were hired and have outcomes.
    const hired = [...pool.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
    const outcomes = new Map(hired.map(([loopId]) => [loopId, ys[Number(loopId.slice(1))]!]));
    const estimate = validityEstimate(pool, outcomes, "test");
    expect(estimate.n).toBe(25);
    expect(estimate.r).not.toBeNull();
    expect(estimate.interval![0]).toBeLessThan(estimate.r!);
    expect(estimate.interval![1]).toBeGreaterThan(estimate.r!);
    expect(estimate.poolSd!).toBeGreaterThan(estimate.hiredSd!);
    expect(Math.abs(estimate.corrected!)).toBeGreaterThan(Math.abs(estimate.r!));
    expect(estimate.warning).toMatch(/N = 25 is below 30/);
  });

  it("computes nothing below 5 hires, and says so", () => {
    const estimate = validityEstimate(new Map([["a", 1]]), new Map([["a", 3]]), "x");
    expect(estimate).toMatchObject({ n: 1, r: null, interval: null });
    expect(estimate.warning).toMatch(/at least 5/);
  });

  it("shows an interviewer's own validity only from 10 hires on", () => {
    const pairs = Array.from({ length: 9 }, (_, i) => ({ recommendation: (i % 4) + 1, outcome: (i % 3) + 1 }));
    expect(interviewerValidity(pairs, "x")).toEqual({ n: 9, r: null, interval: null });
    const more = [...pairs, { recommendation: 4, outcome: 3 }];
    expect(interviewerValidity(more, "x").r).toBeCloseTo(
      pearson(
        more.map((pair) => pair.recommendation),
        more.map((pair) => pair.outcome),
      )!,
      12,
    );
  });
});
