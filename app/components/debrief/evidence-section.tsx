import { RatingBadge } from "~/components/feedback/feedback-readout";
import type { Debrief } from "~/server/debrief/debrief.server";
import { struckThrough, VoidedNote } from "./void-scorecard";

/** For each dimension, every interviewer's rating next to their evidence; voided scorecards struck through. */
export function EvidenceSideBySide({ debrief }: { debrief: Debrief }) {
  const submitted = debrief.rows.filter((row) => row.submittedAt);
  return (
    <div className="space-y-4">
      {debrief.dimensions.map((dimension, index) => (
        <section key={dimension.key} aria-labelledby={`evidence-${dimension.key}`} className="card break-inside-avoid">
          <h3 id={`evidence-${dimension.key}`} className="font-semibold">
            {dimension.name}
          </h3>
          <ul className="mt-2 grid gap-3 md:grid-cols-2">
            {submitted.map((row) => {
              const cell = row.cells[index]!;
              return (
                <li
                  key={row.roundId}
                  className={`rounded-md border p-2 ${row.voided ? "border-dashed border-red-300" : "border-slate-200"}`}
                  data-voided={row.voided ? "" : undefined}
                >
                  <p className={`text-sm ${row.voided ? struckThrough : ""}`}>
                    <span className="font-semibold">{row.interviewerName}</span>{" "}
                    <span className="text-slate-600">({row.typeLabel})</span> <RatingBadge value={cell.value} />
                    {cell.amended ? <span className="ml-1 text-xs font-semibold text-amber-800">amended</span> : null}
                  </p>
                  <p className={`mt-1 text-sm ${row.voided ? struckThrough : "text-slate-800"}`}>
                    {cell.evidence ? `“${cell.evidence}”` : <span className="text-slate-600">No evidence.</span>}
                  </p>
                  {row.voided ? <VoidedNote voided={row.voided} /> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
