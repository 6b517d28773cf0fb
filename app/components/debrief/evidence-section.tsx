import { RatingBadge } from "~/components/feedback/feedback-readout";
import type { Debrief } from "~/server/debrief/debrief.server";

/** For each dimension, every interviewer's rating next to their evidence. */
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
                <li key={row.roundId} className="rounded-md border border-slate-200 p-2">
                  <p className="text-sm">
                    <span className="font-semibold">{row.interviewerName}</span>{" "}
                    <span className="text-slate-600">({row.typeLabel})</span> <RatingBadge value={cell.value} />
                    {cell.amended ? <span className="ml-1 text-xs font-semibold text-amber-800">amended</span> : null}
                  </p>
                  <p className="mt-1 text-sm text-slate-800">
                    {cell.evidence ? `“${cell.evidence}”` : <span className="text-slate-600">No evidence.</span>}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
