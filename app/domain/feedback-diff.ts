/** What an amendment changed, field by field, for the amendment history. */
export interface ComparableFeedback {
  ratings: { dimensionKey: string; value: number | null; evidence: string }[];
  flagKeys: string[];
  recommendation: string | null;
  summary: string;
}

export type FeedbackChange =
  | { field: "rating"; dimensionKey: string; from: number | null; to: number | null }
  | { field: "evidence"; dimensionKey: string; from: string; to: string }
  | { field: "recommendation"; from: string | null; to: string | null }
  | { field: "summary"; from: string; to: string }
  | { field: "flags"; added: string[]; removed: string[] };

export function diffFeedback(before: ComparableFeedback, after: ComparableFeedback): FeedbackChange[] {
  const changes: FeedbackChange[] = [];
  const previous = new Map(before.ratings.map((rating) => [rating.dimensionKey, rating]));
  for (const rating of after.ratings) {
    const old = previous.get(rating.dimensionKey) ?? { value: null, evidence: "" };
    if (old.value !== rating.value)
      changes.push({ field: "rating", dimensionKey: rating.dimensionKey, from: old.value, to: rating.value });
    if (old.evidence.trim() !== rating.evidence.trim()) {
      changes.push({ field: "evidence", dimensionKey: rating.dimensionKey, from: old.evidence, to: rating.evidence });
    }
  }
  if (before.recommendation !== after.recommendation)
    changes.push({ field: "recommendation", from: before.recommendation, to: after.recommendation });
  if (before.summary.trim() !== after.summary.trim())
    changes.push({ field: "summary", from: before.summary, to: after.summary });
  const added = after.flagKeys.filter((flag) => !before.flagKeys.includes(flag));
  const removed = before.flagKeys.filter((flag) => !after.flagKeys.includes(flag));
  if (added.length || removed.length) changes.push({ field: "flags", added, removed });
  return changes;
}
