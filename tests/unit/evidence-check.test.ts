import { describe, expect, it } from "vitest";
import { checkEvidence, type RatingForCheck } from "~/domain/evidence-check";

const rating = (value: number | null, evidence: string, key = "ownership"): RatingForCheck => ({
  dimensionKey: key,
  dimensionName: "Ownership",
  value,
  evidence,
});
const kinds = (ratings: RatingForCheck[]) => checkEvidence(ratings).map((warning) => warning.kind);

describe("evidence check", () => {
  it("ignores no-signal ratings, even without evidence", () => {
    expect(kinds([rating(null, "")])).toEqual([]);
  });

  it("flags a rating with no evidence", () => {
    expect(kinds([rating(3, "   ")])).toEqual(["missing"]);
  });

  it("flags thin evidence", () => {
    expect(kinds([rating(3, "Good examples given.")])).toEqual(["too_short"]);
  });

  it("flags adjectives without observed behaviour", () => {
    expect(
      kinds([rating(3, "Very smart and sharp, clearly a strong communicator with a credible background overall")]),
    ).toEqual(["adjectives_only"]);
    const [warning] = checkEvidence([
      rating(2, "Credible and impressive, seemed solid throughout the whole conversation today"),
    ]);
    expect(warning!.message).toContain('"credible", "impressive", "solid"');
  });

  it("accepts adjectives when the evidence also reports what happened", () => {
    expect(
      kinds([
        rating(3, 'Sharp: when asked what to cut, said "the admin dashboard, because under 5% of accounts use it".'),
      ]),
    ).toEqual([]);
  });

  it("accepts a specific, behavioural account", () => {
    expect(
      kinds([
        rating(
          3,
          "Decided to launch to 10% with incomplete load data and described the rollback criteria they set and met.",
        ),
      ]),
    ).toEqual([]);
  });

  it("asks for more evidence behind the ends of the scale", () => {
    expect(kinds([rating(4, "Ranked the backlog by churn impact and cut the admin dashboard.")])).toEqual([
      "extreme_thin",
    ]);
    expect(kinds([rating(1, "No.")])).toEqual(["too_short", "extreme_thin"]);
    expect(
      kinds([
        rating(
          4,
          'Said "support capacity binds first, so we cut self-serve billing, which costs roughly 2% of upgrades", then named what would reverse the call and who would feel the cost.',
        ),
      ]),
    ).toEqual([]);
  });

  it("reports each dimension separately", () => {
    const warnings = checkEvidence([rating(3, "", "a"), rating(null, "", "b"), rating(2, "smart", "c")]);
    expect(warnings.map((warning) => [warning.dimensionKey, warning.kind])).toEqual([
      ["a", "missing"],
      ["c", "adjectives_only"],
    ]);
  });
});
