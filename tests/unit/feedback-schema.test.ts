import { describe, expect, it } from "vitest";
import { z } from "zod";
import { diffFeedback } from "~/domain/feedback-diff";
import { initialFeedbackValues } from "~/domain/feedback-form-state";
import { feedbackSchema, toContent } from "~/schemas/feedback";

const keys = ["product_altitude", "ownership"];
const valid = {
  ratings: {
    product_altitude: { value: "3", evidence: "Opened with the commuter and a success metric." },
    ownership: { value: "none" },
  },
  flags: ["said_what_to_cut", "made_up_flag", "said_what_to_cut"],
  recommendation: "yes",
  summary: "Product-first.",
  version: "2",
  submitKey: "k",
};

function errorsOf(mode: "draft" | "submit" | "amend", input: unknown) {
  const result = feedbackSchema(keys, mode).safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

function issuesOf(mode: "draft" | "submit" | "amend", input: unknown) {
  const result = feedbackSchema(keys, mode).safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("feedback schema", () => {
  it("accepts a complete submission and turns it into content (no signal is null, unknown flags dropped)", () => {
    const parsed = feedbackSchema(keys, "submit").parse(valid);
    expect(toContent(parsed, keys, ["said_what_to_cut"])).toEqual({
      ratings: [
        { dimensionKey: "product_altitude", value: 3, evidence: "Opened with the commuter and a success metric." },
        { dimensionKey: "ownership", value: null, evidence: "" },
      ],
      flagKeys: ["said_what_to_cut"],
      recommendation: "yes",
      summary: "Product-first.",
    });
  });

  it("requires evidence for a rating other than No signal", () => {
    expect(
      issuesOf("submit", { ...valid, ratings: { ...valid.ratings, ownership: { value: "2", evidence: "  " } } }),
    ).toEqual(["ratings.ownership.evidence: Add the evidence behind this rating: what the candidate said or did"]);
  });

  it("requires a choice on every dimension, a recommendation and a summary to submit", () => {
    expect(issuesOf("submit", { ratings: { product_altitude: { value: "3", evidence: "x" } }, version: "0" })).toEqual([
      "ratings.ownership.value: Choose a rating or No signal",
      "recommendation: Choose an overall recommendation",
      "summary: Write a short summary of the round",
    ]);
  });

  it("lets a draft be incomplete", () => {
    expect(errorsOf("draft", { version: "0" })).toEqual({});
  });

  it("refuses values off the scale and overlong text, in drafts too", () => {
    expect(issuesOf("draft", { ...valid, ratings: { product_altitude: { value: "5" } } })[0]).toMatch(
      /ratings.product_altitude.value/,
    );
    expect(issuesOf("draft", { ...valid, summary: "x".repeat(4001) })).toEqual([
      "summary: Keep the summary under 4000 characters",
    ]);
  });

  it("requires a reason to amend", () => {
    expect(issuesOf("amend", valid)).toEqual(["reason: Say why you are amending submitted feedback"]);
  });
});

describe("initial form values", () => {
  it("defaults non-focus dimensions to No signal and leaves focus dimensions to choose", () => {
    const values = initialFeedbackValues({
      dimensionKeys: keys,
      focusKeys: ["ownership"],
      draft: null,
      submitted: null,
    });
    expect(values.ratings).toEqual({
      product_altitude: { value: "none", evidence: "" },
      ownership: { value: undefined, evidence: "" },
    });
  });

  it("restores a draft as it was left", () => {
    const values = initialFeedbackValues({
      dimensionKeys: keys,
      focusKeys: [],
      draft: {
        ratings: { ownership: { value: "4", evidence: "Owned the delay." } },
        flags: ["bounded_unknown"],
        summary: "Half done",
      },
      submitted: null,
    });
    expect(values.ratings.ownership).toEqual({ value: "4", evidence: "Owned the delay." });
    expect(values.flags).toEqual(["bounded_unknown"]);
    expect(values.summary).toBe("Half done");
  });
});

describe("amendment diff", () => {
  const before = {
    ratings: [
      { dimensionKey: "a", value: 2, evidence: "x" },
      { dimensionKey: "b", value: null, evidence: "" },
    ],
    flagKeys: ["f1"],
    recommendation: "no",
    summary: "s",
  };
  it("lists each change", () => {
    const after = {
      ...before,
      ratings: [{ dimensionKey: "a", value: 3, evidence: "x more" }, before.ratings[1]!],
      flagKeys: ["f2"],
      recommendation: "yes",
    };
    expect(diffFeedback(before, after)).toEqual([
      { field: "rating", dimensionKey: "a", from: 2, to: 3 },
      { field: "evidence", dimensionKey: "a", from: "x", to: "x more" },
      { field: "recommendation", from: "no", to: "yes" },
      { field: "flags", added: ["f2"], removed: ["f1"] },
    ]);
  });
  it("is empty when nothing changed (whitespace aside)", () => {
    expect(diffFeedback(before, { ...before, summary: "s  " })).toEqual([]);
  });
});
