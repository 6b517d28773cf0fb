import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BiasBalanceChart, RecommendationChart, SpreadStripChart } from "~/components/debrief/charts";
import { biasBalanceSeries, recommendationSeries, stripPlotSeries } from "~/domain/debrief-series";

// The debrief renders on the server first: charts must not throw or log there, and
// their text alternative must be in the server HTML (the SVG only appears after hydration).
describe("debrief charts on the server", () => {
  it("render with their captions and data tables", () => {
    const dimensions = [{ key: "ownership", name: "Ownership" }];
    const html = renderToString(
      <>
        <SpreadStripChart
          points={stripPlotSeries(dimensions, [{ dimensionKey: "ownership", interviewer: "Bob", value: 1 }])}
          dimensions={["Ownership"]}
        />
        <RecommendationChart bars={recommendationSeries(["yes", "no"])} />
        <BiasBalanceChart balance={biasBalanceSeries([{ interviewer: "Bob", value: 2 }])} />
      </>,
    );
    expect(html).toContain("Each interviewer&#x27;s rating, per dimension");
    expect(html).toContain('<th scope="row">Ownership</th><td>Bob</td><td>1</td>');
    expect(html).toContain("Strong no: 0, No: 1, Yes: 1, Strong yes: 0");
    expect(html).toContain("0 of 1 ratings lean product-first, 1 lean engineering-first");
  });
});
