import { describe, expect, it } from "vitest";
import { contentTypeProblem, fieldProblem, urlProblem } from "~/server/http/form-rules.server";

describe("what a form request must look like", () => {
  it("accepts the two form encodings browsers send", () => {
    expect(contentTypeProblem("application/x-www-form-urlencoded;charset=UTF-8")).toBeNull();
    expect(contentTypeProblem("multipart/form-data; boundary=----abc")).toBeNull();
  });

  it.each([
    ["application/json", 415],
    ["text/plain", 415],
    [null, 415],
    ["multipart/form-data", 400],
  ])("refuses %s with %s", (type, status) => {
    expect(contentTypeProblem(type)?.status).toBe(status);
  });

  it("refuses NUL in a field's name or value", () => {
    expect(fieldProblem([["summary", "fine"]])).toBeNull();
    expect(fieldProblem([["summary", "a\u0000b"]])?.status).toBe(400);
    expect(fieldProblem([["a\u0000", "b"]])?.status).toBe(400);
  });

  it.each([
    ["/loops/a%00b/debrief", 400],
    ["/loops?q=a%00b", 400],
    ["/loops?q=%0A", 400],
    ["/login?_data=", 400],
    ["/login?_data=routes%2Flogin", 400],
    ["/loops/%E0%A4%A", 400],
    [`/loops?q=${"a".repeat(5000)}`, 414],
  ])("refuses the address %s with %s", (url, status) => {
    expect(urlProblem(url)?.status).toBe(status);
  });

  it("lets ordinary addresses through, unicode and all", () => {
    for (const url of ["/loops?q=Zo%C3%AB+M%C3%BCller&stage=debrief", "/rounds/abc123/feedback?amend=1", "/"]) {
      expect(urlProblem(url)).toBeNull();
    }
  });
});
