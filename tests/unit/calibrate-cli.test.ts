import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseRatingsCsv, reliabilityReport } from "~/domain/reliability-report";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "calibrate-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string) {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

function cli(...args: string[]) {
  return spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/calibrate.ts", ...args], { encoding: "utf8" });
}

// Krippendorff (2011) example in long format: an empty rating is a missing value.
const krippendorffRows = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const krippendorffCsv =
  "unit,rater,rating\n" +
  krippendorffRows.flatMap((row, r) => row.map((value, u) => `u${u + 1},${"ABCD"[r]},${value ?? ""}`)).join("\n") +
  "\n";

describe("calibrate reliability (CLI)", () => {
  it("prints one JSON object with the published alpha values", () => {
    const result = cli("reliability", "--input", file("k.csv", krippendorffCsv));
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.dimensions).toHaveLength(1);
    const [entry] = report.dimensions;
    expect(entry).toMatchObject({ dimension: null, units: 12, raters: 4, ratings: 41 });
    expect(entry.krippendorffAlpha.nominal).toBeCloseTo(0.743, 3);
    expect(entry.krippendorffAlpha.ordinal).toBeCloseTo(0.815, 3);
    expect(entry.krippendorffAlpha.interval).toBeCloseTo(0.849, 3);
    expect(Object.keys(entry.icc)).toEqual([
      "ICC(1,1)",
      "ICC(2,1)",
      "ICC(3,1)",
      "ICC(1,k)",
      "ICC(2,k)",
      "ICC(3,k)",
      "k",
      "unitsUsed",
    ]);
    expect(Object.keys(entry.raterEffects)).toEqual(["A", "B", "C", "D"]);
  });

  it("reports one entry per dimension, and null with a reason where a statistic is undefined", () => {
    const csv =
      "dimension,unit,rater,rating\nownership,a,x,3\nownership,a,y,4\nownership,b,x,2\nownership,b,y,2\naltitude,a,x,1\naltitude,b,y,4\n";
    const result = cli("reliability", "--input", file("dims.csv", csv));
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.dimensions.map((entry: { dimension: string }) => entry.dimension)).toEqual(["ownership", "altitude"]);
    const altitude = report.dimensions[1];
    expect(altitude.krippendorffAlpha).toEqual({ nominal: null, ordinal: null, interval: null });
    expect(altitude.icc["ICC(2,1)"]).toBeNull();
    expect(altitude.notes.join(" ")).toContain("no unit has two or more ratings");
    expect(result.stdout).not.toContain("NaN");
  });

  it("adds REML variance components and the reliability of a panel of k (lme4's Penicillin as ratings)", () => {
    const penicillin = fs
      .readFileSync(path.resolve("tests/fixtures/penicillin/penicillin.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","))
      .map(([diameter, plate, sample]) => `${plate},${sample},${diameter}`);
    const result = cli(
      "reliability",
      "--input",
      file("penicillin.csv", `unit,rater,rating\n${penicillin.join("\n")}\n`),
    );
    expect(result.status).toBe(0);
    const [entry] = JSON.parse(result.stdout).dimensions;
    // The existing fields come first, unchanged; the new ones follow.
    expect(Object.keys(entry)).toEqual([
      "dimension",
      "units",
      "raters",
      "ratings",
      "krippendorffAlpha",
      "icc",
      "raterEffects",
      "varianceComponents",
      "panelReliability",
      "notes",
    ]);
    expect(entry.varianceComponents).toMatchObject({ method: "REML" });
    expect(entry.varianceComponents.unit).toBeCloseTo(0.7169, 3);
    expect(entry.varianceComponents.rater).toBeCloseTo(3.7311, 3);
    expect(entry.varianceComponents.residual).toBeCloseTo(0.3024, 3);
    expect(entry.panelReliability.k).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // k = 1: 0.7169 / (0.7169 + 3.7311 + 0.3024) raw; 0.7169 / (0.7169 + 0.3024) adjusted.
    expect(entry.panelReliability.raw[0]).toBeCloseTo(0.7169 / 4.7504, 3);
    expect(entry.panelReliability.adjusted[0]).toBeCloseTo(0.7169 / 1.0193, 3);
  });

  it("gives null variance components with a note when raters cannot be separated", () => {
    const result = cli("reliability", "--input", file("one-rater.csv", "unit,rater,rating\na,x,1\nb,x,3\n"));
    const [entry] = JSON.parse(result.stdout).dimensions;
    expect(entry.varianceComponents).toBeNull();
    expect(entry.panelReliability).toBeNull();
    expect(entry.notes.join(" ")).toContain("varianceComponents: fewer than two raters");
  });

  it.each([
    ["empty.csv", "", "the file is empty"],
    ["header.csv", "unit,who,rating\na,x,1\n", "row 1: the header lacks column(s) rater"],
    ["word.csv", "unit,rater,rating\na,x,3\nb,x,high\n", 'row 3: rating "high" is not a number'],
  ])("refuses %s with a one-line message naming the row", (name, content, message) => {
    const result = cli("reliability", "--input", file(name, content));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it("explains its usage", () => {
    const result = cli("reliability");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: npm run -s calibrate -- reliability --input FILE.csv");
  });
});

describe("ratings CSV input", () => {
  it("reads the debrief export: loop is the unit, interviewer the rater, empty rating is no signal", () => {
    const csv = [
      "candidate,loop,round,round_type,interviewer,dimension,rating,evidence,submitted_at",
      'Casey,L1,r1,behavioral,Bob,ownership,1,"said ""we"", never ""I""",2026-11-20T10:00:00.000Z',
      "Casey,L1,r2,execution,Carol,ownership,4,owned it,2026-11-20T11:00:00.000Z",
      "Casey,L1,r1,behavioral,Bob,tradeoff_ranking,,,2026-11-20T10:00:00.000Z",
    ].join("\r\n");
    const parsed = parseRatingsCsv(csv);
    expect([...parsed.dimensions.keys()]).toEqual(["ownership", "tradeoff_ranking"]);
    expect(parsed.dimensions.get("ownership")!.observations).toEqual([
      { unit: "L1", rater: "Bob", value: 1 },
      { unit: "L1", rater: "Carol", value: 4 },
    ]);
    const report = reliabilityReport(parsed);
    expect(report.dimensions[1]).toMatchObject({ dimension: "tradeoff_ranking", units: 1, raters: 1, ratings: 0 });
  });

  it("accepts any numbers, not only 1-4", () => {
    const parsed = parseRatingsCsv("unit,rater,rating\na,x,7.5\na,y,-2\n");
    expect(parsed.dimensions.get(null)!.observations.map((observation) => observation.value)).toEqual([7.5, -2]);
  });

  it("the npm script works as documented", () => {
    const output = execFileSync(
      "npm",
      ["run", "-s", "calibrate", "--", "reliability", "--input", file("npm.csv", krippendorffCsv)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    expect(JSON.parse(output).dimensions[0].krippendorffAlpha.interval).toBeCloseTo(0.849, 3);
  });
});
