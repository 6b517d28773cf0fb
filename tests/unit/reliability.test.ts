import { describe, expect, it } from "vitest";
import { intraclassCorrelations, krippendorffAlpha, raterEffects, type Observation } from "~/domain/reliability";

function fromMatrix(raters: string[], rows: (number | null)[][]): Observation[] {
  // rows are raters (Krippendorff's layout): rows[r][u]
  const observations: Observation[] = [];
  rows.forEach((row, r) =>
    row.forEach((value, u) => value !== null && observations.push({ unit: `u${u + 1}`, rater: raters[r]!, value })),
  );
  return observations;
}

/**
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
 * Annenberg School for Communication, University of Pennsylvania, departmental
 * paper 43, section C ("nominal data, any number of observers, missing data")
 * and its worked variations. Four observers, twelve units, missing values;
 * printed results: nominal .743, ordinal .815, interval .849.
 * Tolerance: 0.0005 (the paper prints three decimals).
 */
const krippendorff2011 = fromMatrix(
  ["A", "B", "C", "D"],
  [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ],
);

describe("Krippendorff's alpha (published example)", () => {
  it.each([
    ["nominal", 0.743],
    ["ordinal", 0.815],
    ["interval", 0.849],
  ] as const)("%s alpha is %s", (level, expected) => {
    const result = krippendorffAlpha(krippendorff2011, level);
    expect(Math.abs(result.value! - expected)).toBeLessThan(0.0005);
    // Unit 12 has one value: not pairable. Eleven units, 40 pairable values.
    expect(result.pairableUnits).toBe(11);
    expect(result.pairableValues).toBe(40);
  });

  it("is 1 for perfect agreement and null (with a reason) when undefined", () => {
    const perfect = fromMatrix(
      ["A", "B"],
      [
        [1, 2, 3, 4],
        [1, 2, 3, 4],
      ],
    );
    expect(krippendorffAlpha(perfect, "ordinal").value).toBeCloseTo(1, 12);
    const lonely = fromMatrix(
      ["A", "B"],
      [
        [1, null],
        [null, 2],
      ],
    );
    expect(krippendorffAlpha(lonely, "interval")).toMatchObject({ value: null, pairableUnits: 0 });
    const constant = fromMatrix(
      ["A", "B"],
      [
        [3, 3],
        [3, 3],
      ],
    );
    expect(krippendorffAlpha(constant, "nominal").note).toContain("same value");
  });

  it("does not depend on rater labels or row order", () => {
    const shuffled = [...krippendorff2011]
      .reverse()
      .map((observation) => ({ ...observation, rater: `x${observation.rater}` }));
    expect(krippendorffAlpha(shuffled, "ordinal").value).toBeCloseTo(
      krippendorffAlpha(krippendorff2011, "ordinal").value!,
      12,
    );
  });
});

/**
 * Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: uses in
 * assessing rater reliability. Psychological Bulletin, 86(2), 420-428.
 * Table 2: six targets rated by four judges; Table 4 prints ICC(1,1) = .17,
 * ICC(2,1) = .29, ICC(3,1) = .71, ICC(1,4) = .44, ICC(2,4) = .62, ICC(3,4) = .91.
 * Tolerance: 0.005 (two printed decimals). The same data ship as `sf` in R's psych package.
 */
const shroutFleiss = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
].flatMap((row, target) => row.map((value, judge) => ({ unit: `t${target + 1}`, rater: `J${judge + 1}`, value })));

describe("intraclass correlations (published example)", () => {
  it.each([
    ["ICC(1,1)", 0.17],
    ["ICC(2,1)", 0.29],
    ["ICC(3,1)", 0.71],
    ["ICC(1,k)", 0.44],
    ["ICC(2,k)", 0.62],
    ["ICC(3,k)", 0.91],
  ] as const)("%s is %s", (form, expected) => {
    const result = intraclassCorrelations(shroutFleiss);
    expect(Math.abs((result[form] as number) - expected)).toBeLessThan(0.005);
    expect(result.k).toBe(4);
    expect(result.unitsUsed).toBe(6);
  });

  it("uses only units rated by every rater, and says so when too few remain", () => {
    const withGaps = [...shroutFleiss, { unit: "t7", rater: "J1", value: 3 }];
    expect(intraclassCorrelations(withGaps).unitsUsed).toBe(6);
    const sparse = intraclassCorrelations(
      krippendorff2011.filter((observation) => observation.unit === "u2" || observation.rater !== "C"),
    );
    expect(sparse.unitsUsed).toBeLessThan(2);
    expect(sparse["ICC(2,1)"]).toBeNull();
    expect(sparse.note).toContain("fewer than two units");
  });
});

function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function gaussian(random: () => number) {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

describe("rater effects", () => {
  it("recovers exactly the effects of a noise-free additive model with missing cells", () => {
    const planted = { harsh: -0.8, lenient: 0.6, middle: 0.2 };
    const abilities = [2.0, 2.6, 3.1, 1.7, 3.4];
    const observations: Observation[] = [];
    abilities.forEach((ability, u) => {
      for (const [rater, effect] of Object.entries(planted)) {
        if ((u + rater.length) % 4 === 0) continue; // missing cells, unevenly
        observations.push({ unit: `c${u}`, rater, value: 3 + ability - 2.5 + effect });
      }
    });
    const result = raterEffects(observations);
    const meanPlanted = (planted.harsh + planted.lenient + planted.middle) / 3;
    for (const effect of result.effects)
      expect(effect.effect).toBeCloseTo(planted[effect.rater as keyof typeof planted] - meanPlanted, 9);
    expect(result.effects.reduce((sum, effect) => sum + effect.effect, 0)).toBeCloseTo(0, 12);
  });

  it("is not fooled by which candidates a rater happened to see", () => {
    // The lenient rater only saw weak candidates; raw means would call them harsh.
    const observations: Observation[] = [
      { unit: "weak1", rater: "lenient", value: 2 },
      { unit: "weak1", rater: "fair", value: 1 },
      { unit: "weak2", rater: "lenient", value: 3 },
      { unit: "weak2", rater: "fair", value: 2 },
      { unit: "strong1", rater: "fair", value: 4 },
      { unit: "strong2", rater: "fair", value: 4 },
    ];
    const effects = Object.fromEntries(
      raterEffects(observations).effects.map((effect) => [effect.rater, effect.effect]),
    );
    expect(effects.lenient).toBeCloseTo(0.5, 9);
    expect(effects.fair).toBeCloseTo(-0.5, 9);
  });

  it("recovers planted effects in simulated panels within a small error, and shrinks raters with few ratings", () => {
    const random = seededRandom(42);
    const planted: Record<string, number> = { r1: -0.6, r2: -0.3, r3: 0, r4: 0.1, r5: 0.3, r6: 0.5 };
    const raters = Object.keys(planted);
    const observations: Observation[] = [];
    for (let candidate = 0; candidate < 400; candidate++) {
      const ability = 2.5 + gaussian(random) * 0.7;
      // Each candidate meets a panel of 4 of the 6 raters.
      const panel = [...raters].sort(() => random() - 0.5).slice(0, 4);
      for (const rater of panel)
        observations.push({ unit: `c${candidate}`, rater, value: ability + planted[rater]! + gaussian(random) * 0.5 });
    }
    observations.push({ unit: "c0", rater: "newcomer", value: 4 });
    const result = raterEffects(observations);
    // Effects are identified up to a shared constant (the newcomer shares the sum-to-zero),
    // so compare after centring the six planted raters.
    const estimates = raters.map((rater) => result.effects.find((effect) => effect.rater === rater)!.effect);
    const centre = estimates.reduce((sum, value) => sum + value, 0) / estimates.length;
    const errors = raters.map((rater, i) => estimates[i]! - centre - planted[rater]!);
    const rmse = Math.sqrt(errors.reduce((sum, error) => sum + error * error, 0) / errors.length);
    console.info(`simulated panels: rater-effect RMSE ${rmse.toFixed(4)} (noise SD 0.5, ~267 ratings per rater)`);
    expect(rmse).toBeLessThan(0.06);
    const newcomer = result.effects.find((effect) => effect.rater === "newcomer")!;
    expect(newcomer.ratings).toBe(1);
    expect(Math.abs(newcomer.shrunk)).toBeLessThan(Math.abs(newcomer.effect) / 2);
    expect(newcomer.standardError!).toBeGreaterThan(
      result.effects.find((effect) => effect.rater === "r1")!.standardError! * 5,
    );
  });

  it("notes when raters never share a unit", () => {
    const result = raterEffects([
      { unit: "a", rater: "x", value: 1 },
      { unit: "b", rater: "y", value: 4 },
    ]);
    expect(result.notes.join(" ")).toContain("separate groups");
  });
});
