import { describe, expect, it } from "vitest";
import { biasBalanceSeries, recommendationSeries, stripPlotSeries } from "~/domain/debrief-series";
import { countSplits, debriefAgenda, median, sampleSd, spreadOf } from "~/domain/panel-spread";

const dim = (key: string) => ({ key, name: key.toUpperCase() });

describe("spread per dimension", () => {
  it("computes count, median, mean, range and sample SD, ignoring no signal", () => {
    const spread = spreadOf(dim("a"), [1, 4, null, 2, 4, 3]);
    expect(spread).toMatchObject({
      count: 5,
      median: 3,
      mean: 2.8,
      min: 1,
      max: 4,
      range: 3,
      split: true,
      thin: false,
    });
    expect(spread.sd).toBeCloseTo(1.3038, 4);
  });

  it("treats all no-signal as no data, not as low ratings", () => {
    expect(spreadOf(dim("a"), [null, null])).toMatchObject({
      count: 0,
      median: null,
      mean: null,
      min: null,
      max: null,
      range: null,
      sd: null,
      split: false,
      thin: true,
    });
  });

  it("never calls a single rating split or agreed: it is thin", () => {
    expect(spreadOf(dim("a"), [1])).toMatchObject({ count: 1, median: 1, sd: null, split: false, thin: true });
  });

  it("splits when the panel straddles the yes/no line, even by one point", () => {
    expect(spreadOf(dim("a"), [2, 3, 3]).split).toBe(true);
    expect(spreadOf(dim("a"), [3, 4, 4]).split).toBe(false);
    expect(spreadOf(dim("a"), [1, 2, 2]).split).toBe(false);
  });

  it("splits when the range is 2 or more on one side", () => {
    expect(spreadOf(dim("a"), [1, 1]).split).toBe(false);
    expect(spreadOf(dim("a"), [2, 4, 4]).split).toBe(true);
  });

  it("median of an even count averages the middle pair; SD needs two values", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(sampleSd([3])).toBeNull();
    expect(sampleSd([2, 4])).toBeCloseTo(Math.SQRT2, 10);
  });
});

describe("debrief agenda", () => {
  it("puts split dimensions first by disagreement, then agreed ones, and names thin ones as gaps", () => {
    const spreads = [
      spreadOf(dim("agreed"), [3, 3, 3]),
      spreadOf(dim("mild"), [2, 3]),
      spreadOf(dim("wide"), [1, 4, 4]),
      spreadOf(dim("thin"), [4, null]),
      spreadOf(dim("empty"), [null]),
    ];
    const agenda = debriefAgenda(spreads);
    expect(agenda.discussFirst.map((spread) => spread.key)).toEqual(["wide", "mild", "agreed"]);
    expect(agenda.gaps.map((spread) => spread.key)).toEqual(["thin", "empty"]);
    expect(countSplits(spreads)).toBe(2);
  });

  it("breaks ties by SD, then by name, so the order is stable", () => {
    const agenda = debriefAgenda([
      spreadOf(dim("b"), [1, 3]),
      spreadOf(dim("a"), [1, 3]),
      spreadOf(dim("c"), [1, 3, 3, 3]),
    ]);
    expect(agenda.discussFirst.map((spread) => spread.key)).toEqual(["a", "b", "c"]);
  });
});

describe("chart series", () => {
  it("places one dot per rating and stacks equal ratings", () => {
    const points = stripPlotSeries(
      [dim("a"), dim("b")],
      [
        { dimensionKey: "a", interviewer: "X", value: 3 },
        { dimensionKey: "a", interviewer: "Y", value: 3 },
        { dimensionKey: "b", interviewer: "X", value: null },
        { dimensionKey: "b", interviewer: "Y", value: 1 },
      ],
    );
    expect(points.map((point) => [point.dimension, point.value, point.offset, point.interviewer])).toEqual([
      ["A", 3, 0, "X"],
      ["A", 3, 0.12, "Y"],
      ["B", 1, 0, "Y"],
    ]);
  });

  it("counts every recommendation, including zeros", () => {
    expect(recommendationSeries(["yes", "yes", "strong_no", null]).map((bar) => bar.count)).toEqual([1, 0, 2, 0]);
  });

  it("balances engineering bias against product intuition", () => {
    const balance = biasBalanceSeries([
      { interviewer: "X", value: 1 },
      { interviewer: "Y", value: 4 },
      { interviewer: "Z", value: null },
      { interviewer: "W", value: 3 },
    ]);
    expect(balance).toEqual({
      bars: [
        { interviewer: "X", lean: -1.5, value: 1 },
        { interviewer: "Y", lean: 1.5, value: 4 },
        { interviewer: "W", lean: 0.5, value: 3 },
      ],
      engineering: 1,
      product: 2,
    });
  });
});
