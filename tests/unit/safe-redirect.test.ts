import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/loops?page=2", "/loops?page=2"],
    ["/rounds#x", "/rounds#x"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/loops", "/"],
    ["javascript:alert(1)", "/"],
    ["loops", "/"],
    ["/loops\n/evil", "/"],
    ["", "/"],
    [null, "/"],
  ])("%j -> %j", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it("uses the given fallback", () => {
    expect(safeRedirect("//x", "/rounds")).toBe("/rounds");
  });
});
