import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GeneralizabilitySection } from "~/components/calibration/generalizability-section";
import { ValiditySection } from "~/components/calibration/validity-section";
import { panelReading, panelReliabilitySeries, varianceShares } from "~/domain/calibration-series";
import { outcomeKinds, outcomeLabels, validityEstimate } from "~/domain/validity";
import { panelReliability } from "~/domain/variance-components";

/** Server HTML without React's text separators. */
const text = (element: React.ReactElement) => renderToString(element).replaceAll("<!-- -->", "");

// The calibration page renders on the server first: the new sections must render there, with the chart's text
// alternative in the HTML.
describe("calibration sections on the server", () => {
  it("render panel reliability with its reading and chart table", () => {
    const components = { unit: 1, rater: 0.5, residual: 1.5, units: 40, raters: 6, ratings: 150 };
    const panel = panelReliability(components);
    const dimensions = [
      {
        key: "ownership",
        name: "Ownership",
        components,
        shares: varianceShares(components),
        panel,
        typicalPanel: 4,
        reading: panelReading(components, 4),
        note: null,
      },
    ];
    const html = text(<GeneralizabilitySection dimensions={dimensions} series={panelReliabilitySeries(dimensions)} />);
    expect(html).toContain("Candidate 33% · interviewer severity 17% · other 50%");
    expect(html).toContain("67% of the spread between candidates&#x27; means is the candidates themselves");
    expect(html).toContain("Reaching 0.8 takes 8 interviewers (6 with severity adjusted)");
    expect(html).toContain("Reliability of a panel&#x27;s mean against panel size");
    expect(html).toContain('<th scope="row">4</th><td>0.67 / 0.73</td>');
  });

  it("render validity with N, the small-sample warning and the interval", () => {
    const pool = new Map(Array.from({ length: 40 }, (_, i) => [`l${i}`, i % 7] as const));
    const outcomes = new Map(Array.from({ length: 12 }, (_, i) => [`l${i}`, (i % 7) + (i % 3)] as const));
    const estimate = validityEstimate(pool, outcomes, "ssr");
    const byOutcome = Object.fromEntries(outcomeKinds.map((kind) => [kind, { raw: estimate, adjusted: estimate }]));
    const html = text(
      <ValiditySection
        validity={{
          hires: 12,
          withOutcome: { performance6: 12, performance12: 0, stillInRole: 0 },
          smallSample: 30,
          interviewerMinimum: 10,
          outcomes: outcomeKinds.map((kind) => ({ kind, label: outcomeLabels[kind] })),
          predictors: [
            {
              key: "recommendation",
              name: "Overall recommendation",
              byOutcome: byOutcome as never,
            },
          ],
          interviewers: [],
        }}
      />,
    );
    expect(html).toContain("(N = 12)");
    expect(html).toContain("Only 12 hires have this outcome, below 30");
    expect(html).toContain(estimate.r!.toFixed(2));
    expect(html).toContain(`[${estimate.interval![0].toFixed(2)}, ${estimate.interval![1].toFixed(2)}]`);
    expect(html).toContain("None recorded yet.");
  });
});
