import type { Recommendation } from "~/generated/prisma/enums";
import { recommendationLabels, recommendationValues } from "./vocabulary";

/** The 4-point scale: no middle, higher is always a stronger product signal. No signal is not a number. */
export const ratingLevels = [
  { value: 1, label: "Strong no" },
  { value: 2, label: "Lean no" },
  { value: 3, label: "Lean yes" },
  { value: 4, label: "Strong yes" },
] as const;

export function ratingLabel(value: number | null): string {
  if (value === null) return "No signal";
  return ratingLevels.find((level) => level.value === value)?.label ?? String(value);
}

export const recommendations: { value: Recommendation; label: string }[] = recommendationValues.map((value) => ({
  value,
  label: recommendationLabels[value],
}));

export function recommendationLabel(value: Recommendation | null): string {
  return recommendations.find((item) => item.value === value)?.label ?? "None";
}

/** A rating as the form holds it: "none" for no signal, or a level as text. */
export const NO_SIGNAL = "none";
export const ratingChoices = [NO_SIGNAL, "1", "2", "3", "4"] as const;
export type RatingChoice = (typeof ratingChoices)[number];

export function choiceToValue(choice: RatingChoice | undefined): number | null {
  return choice === undefined || choice === NO_SIGNAL ? null : Number(choice);
}

export function valueToChoice(value: number | null): RatingChoice {
  return value === null ? NO_SIGNAL : (String(value) as RatingChoice);
}
