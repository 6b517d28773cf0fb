import type { RatingChoice } from "./rating-scale";

/** The feedback form's values as the browser holds them (and as a draft is stored). */
export interface FeedbackFormValues {
  ratings: Record<string, { value?: RatingChoice; evidence: string }>;
  flags: string[];
  recommendation?: string;
  summary: string;
}

/**
 * The form's starting values: the draft as it was left, or the submitted
 * feedback, or a blank form where non-focus dimensions default to No signal
 * (a round does not probe everything) and focus dimensions await a choice.
 */
export function initialFeedbackValues(input: {
  dimensionKeys: string[];
  focusKeys: string[];
  draft: unknown;
  submitted: {
    ratings: { dimensionKey: string; value: number | null; evidence: string }[];
    flagKeys: string[];
    recommendation: string | null;
    summary: string;
  } | null;
}): FeedbackFormValues {
  if (input.submitted) {
    return {
      ratings: Object.fromEntries(
        input.dimensionKeys.map((key) => {
          const rating = input.submitted!.ratings.find((item) => item.dimensionKey === key);
          return [
            key,
            {
              value: rating ? (rating.value === null ? "none" : (String(rating.value) as RatingChoice)) : "none",
              evidence: rating?.evidence ?? "",
            },
          ];
        }),
      ),
      flags: input.submitted.flagKeys,
      recommendation: input.submitted.recommendation ?? undefined,
      summary: input.submitted.summary,
    };
  }
  const draft = (input.draft ?? {}) as Partial<FeedbackFormValues>;
  return {
    ratings: Object.fromEntries(
      input.dimensionKeys.map((key) => {
        const saved = draft.ratings?.[key];
        const value = saved?.value ?? (input.focusKeys.includes(key) ? undefined : "none");
        return [key, { value, evidence: saved?.evidence ?? "" }];
      }),
    ),
    flags: Array.isArray(draft.flags) ? draft.flags : [],
    recommendation: draft.recommendation,
    summary: typeof draft.summary === "string" ? draft.summary : "",
  };
}

/** Reads the live form back into values (for the evidence check and local backup). */
export function readFeedbackForm(form: HTMLFormElement, dimensionKeys: string[]): FeedbackFormValues {
  const data = new FormData(form);
  return {
    ratings: Object.fromEntries(
      dimensionKeys.map((key) => [
        key,
        {
          value: (data.get(`ratings.${key}.value`) as RatingChoice | null) ?? undefined,
          evidence: String(data.get(`ratings.${key}.evidence`) ?? ""),
        },
      ]),
    ),
    flags: data.getAll("flags").map(String),
    recommendation: (data.get("recommendation") as string | null) ?? undefined,
    summary: String(data.get("summary") ?? ""),
  };
}
