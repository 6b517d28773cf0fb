import { ratingLabel, recommendationLabel } from "~/domain/rating-scale";
import type { FeedbackChange } from "~/domain/feedback-diff";
import type { Recommendation } from "~/generated/prisma/enums";
import { formatDateTime } from "~/utils/format";

export interface ReadoutDimension {
  key: string;
  name: string;
}

export interface ReadoutContent {
  recommendation: Recommendation | null;
  summary: string;
  flagKeys: string[];
  ratings: { dimensionKey: string; value: number | null; evidence: string }[];
  amendments: { amendedAt: string; reason: string; afterPanelVisible: boolean; changes: unknown }[];
}

const ratingTone: Record<number, string> = {
  1: "bg-red-100 text-red-900 border-red-300",
  2: "bg-orange-100 text-orange-900 border-orange-300",
  3: "bg-green-100 text-green-900 border-green-300",
  4: "bg-green-200 text-green-950 border-green-400",
};

/** A rating as colour plus number plus words, readable without colour. */
export function RatingBadge({ value }: { value: number | null }) {
  if (value === null)
    return (
      <span className="inline-block rounded border border-dashed border-slate-400 px-1.5 text-xs text-slate-700">
        No signal
      </span>
    );
  return (
    <span className={`inline-block rounded border px-1.5 text-xs font-semibold ${ratingTone[value]}`}>
      {value} · {ratingLabel(value)}
    </span>
  );
}

function describeChange(change: FeedbackChange, dimensions: ReadoutDimension[]): string {
  const name = (key: string) => dimensions.find((dimension) => dimension.key === key)?.name ?? key;
  switch (change.field) {
    case "rating":
      return `${name(change.dimensionKey)}: ${ratingLabel(change.from)} → ${ratingLabel(change.to)}`;
    case "evidence":
      return `${name(change.dimensionKey)}: evidence rewritten`;
    case "recommendation":
      return `Recommendation: ${recommendationLabel(change.from as Recommendation | null)} → ${recommendationLabel(change.to as Recommendation | null)}`;
    case "summary":
      return "Summary rewritten";
    case "flags":
      return `Flags: ${[...change.added.map((flag) => `+${flag}`), ...change.removed.map((flag) => `−${flag}`)].join(", ")}`;
  }
}

export function AmendmentList({
  amendments,
  dimensions,
}: {
  amendments: ReadoutContent["amendments"];
  dimensions: ReadoutDimension[];
}) {
  if (!amendments.length) return null;
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-semibold text-amber-900">
        Amended {amendments.length === 1 ? "once" : `${amendments.length} times`}
      </p>
      <ul className="mt-1 space-y-2">
        {amendments.map((amendment) => (
          <li key={amendment.amendedAt}>
            <p>
              {formatDateTime(amendment.amendedAt)}
              {amendment.afterPanelVisible ? (
                <span className="ml-2 rounded bg-amber-200 px-1 text-xs font-semibold text-amber-950">
                  after seeing the panel's feedback
                </span>
              ) : null}
            </p>
            <p className="text-slate-800">Reason: {amendment.reason}</p>
            <ul className="list-disc pl-5 text-slate-700">
              {(amendment.changes as FeedbackChange[]).map((change, index) => (
                <li key={index}>{describeChange(change, dimensions)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FeedbackReadout({
  content,
  dimensions,
  flagLabels,
}: {
  content: ReadoutContent;
  dimensions: ReadoutDimension[];
  flagLabels: Record<string, string>;
}) {
  return (
    <div className="space-y-3">
      <p>
        <span className="font-semibold">Recommendation:</span> {recommendationLabel(content.recommendation)}
      </p>
      <dl className="space-y-2">
        {dimensions.map((dimension) => {
          const rating = content.ratings.find((item) => item.dimensionKey === dimension.key);
          return (
            <div key={dimension.key}>
              <dt className="text-sm font-semibold">
                {dimension.name} <RatingBadge value={rating?.value ?? null} />
              </dt>
              {rating?.evidence ? <dd className="text-sm text-slate-800">“{rating.evidence}”</dd> : null}
            </div>
          );
        })}
      </dl>
      {content.flagKeys.length ? (
        <p className="text-sm">
          <span className="font-semibold">Flags:</span>{" "}
          {content.flagKeys.map((key) => flagLabels[key] ?? key).join("; ")}
        </p>
      ) : null}
      <p className="text-sm">
        <span className="font-semibold">Summary:</span> {content.summary}
      </p>
      <AmendmentList amendments={content.amendments} dimensions={dimensions} />
    </div>
  );
}
