import { describe, expect, it } from "vitest";
import { parseDateTimeLocal, roundDateProblem } from "~/domain/date-bounds";

describe("dates people type", () => {
  it("read a real moment as UTC", () => {
    expect(parseDateTimeLocal("2026-11-24T10:30")?.toISOString()).toBe("2026-11-24T10:30:00.000Z");
    expect(parseDateTimeLocal("2028-02-29T00:00")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it.each([
    "2026-02-30T10:00",
    "2027-02-29T10:00",
    "2026-11-24T25:00",
    "2026-11-24T10:61",
    "2026-13-01T10:00",
    "24/11/2026",
  ])("refuse %s instead of rolling it over into another day", (value) => expect(parseDateTimeLocal(value)).toBeNull());
});

describe("when a round may be", () => {
  const bounds = { loopOpenedAt: new Date("2026-11-20T15:00:00Z"), now: new Date("2026-11-23T12:00:00Z") };
  it("is any time from the day the loop opened to five years ahead", () => {
    expect(roundDateProblem(new Date("2026-11-20T09:00:00Z"), bounds)).toBeNull();
    expect(roundDateProblem(new Date("2031-11-01T09:00:00Z"), bounds)).toBeNull();
  });
  it("is never before the loop opened, nor in year 9999", () => {
    expect(roundDateProblem(new Date("2026-11-19T23:59:00Z"), bounds)).toBe(
      "A round cannot be before the loop opened (2026-11-20).",
    );
    expect(roundDateProblem(new Date("9999-12-31T23:59:00Z"), bounds)).toBe(
      "Schedule rounds at most five years ahead.",
    );
  });
});
