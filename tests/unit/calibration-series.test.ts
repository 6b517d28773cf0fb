import { describe, expect, it } from "vitest";
import {
  interviewerRounds,
  panelReading,
  panelReliabilitySeries,
  reliabilityAt,
  templateReliability,
  varianceShares,
} from "~/domain/calibration-series";
import { panelReliability } from "~/domain/variance-components";

// unit 1, rater 0.5, residual 1.5 (variance 3): shares 1/3, 1/6, 1/2. With 4 interviewers: raw 1 / (1 + 2/4) = 67%,
// adjusted 1 / (1 + 1.5/4) = 73%.
const components = { unit: 1, rater: 0.5, residual: 1.5 };

describe("calibration series", () => {
  it("splits a rating's variance into shares", () => {
    const shares = varianceShares(components)!;
    expect(shares.unit).toBeCloseTo(1 / 3, 12);
    expect(shares.rater).toBeCloseTo(1 / 6, 12);
    expect(shares.residual).toBeCloseTo(1 / 2, 12);
    expect(varianceShares({ unit: 0, rater: 0, residual: 0 })).toBeNull();
  });

  it("reads the panel's reliability out in words", () => {
    expect(panelReading(components, 4)).toBe(
      "With 4 interviewers, 67% of the spread between candidates' means is the candidates themselves; severity adjustment raises it to 73%.",
    );
    expect(panelReading({ unit: 1, rater: 0, residual: 1 }, 1)).toBe(
      "With 1 interviewer, 50% of the spread between candidates' means is the candidates themselves; severity adjustment adds nothing here.",
    );
    expect(panelReading(components, 3.5)).toMatch(/^With 4 interviewers/);
    expect(panelReading(null, null)).toMatch(/Not enough ratings/);
    expect(panelReading({ unit: 0, rater: 1, residual: 1 }, 4)).toMatch(/do not differ measurably/);
  });

  it("agrees with the panel reliability the statistics module reports, at every k", () => {
    const panel = panelReliability(components)!;
    for (const [index, k] of panel.k.entries()) {
      expect(reliabilityAt(components, k)!.raw).toBeCloseTo(panel.raw[index]!, 12);
      expect(reliabilityAt(components, k)!.adjusted).toBeCloseTo(panel.adjusted[index]!, 12);
    }
  });

  it("builds one chart row per panel size, raw and adjusted per dimension, null where undefined", () => {
    const series = panelReliabilitySeries([
      { key: "ownership", panel: panelReliability(components) },
      { key: "altitude", panel: null },
    ]);
    expect(series).toHaveLength(8);
    expect(series[3]).toEqual({
      k: 4,
      "ownership:raw": 2 / 3,
      "ownership:adjusted": 8 / 11,
      "altitude:raw": null,
      "altitude:adjusted": null,
    });
  });

  it("counts a template's interviewer rounds (not the recruiter's screen) and what that panel buys", () => {
    const roundTypes = ["recruiter_screen", "product_sense", "behavioral", "execution", "analytical"];
    expect(interviewerRounds(roundTypes)).toBe(4);
    const result = templateReliability(roundTypes, [
      { key: "ownership", name: "Ownership", components },
      { key: "altitude", name: "Altitude", components: null },
    ]);
    expect(result.k).toBe(4);
    expect(result.dimensions[0]!.reliability!.raw).toBeCloseTo(2 / 3, 12);
    expect(result.dimensions[1]!.reliability).toBeNull();
  });
});
