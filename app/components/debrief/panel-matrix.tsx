import type { SubmissionResult } from "@conform-to/react";
import { useState } from "react";
import { RatingBadge } from "~/components/feedback/feedback-readout";
import { formatDuration } from "~/domain/feedback-timing";
import { ratingLabel, recommendationLabel } from "~/domain/rating-scale";
import type { Debrief } from "~/server/debrief/debrief.server";
import { formatDateTime } from "~/utils/format";
import { struckThrough, VoidedNote, VoidScorecardForm } from "./void-scorecard";

type Row = Debrief["rows"][number];

function StatusNote({ row }: { row: Row }) {
  if (row.state === "upcoming") return <span className="text-slate-600">Upcoming</span>;
  if (!row.submittedAt) {
    return row.overdueByMs !== null ? (
      <span className="font-semibold text-red-800">Overdue {formatDuration(row.overdueByMs)}</span>
    ) : (
      <span className="text-slate-700">Awaiting feedback</span>
    );
  }
  return (
    <span className="text-slate-700">
      {row.lateByMs !== null ? (
        <span className="font-semibold text-amber-800">Late by {formatDuration(row.lateByMs)}</span>
      ) : (
        "On time"
      )}
      {row.afterDebrief ? <span className="ml-1 font-semibold text-amber-800">· after the debrief</span> : null}
      {row.amended ? (
        <span className="ml-1 font-semibold text-amber-800">
          · amended{row.amendedAfterPanel ? " after seeing the panel" : ""}
        </span>
      ) : null}
    </span>
  );
}

/** The last void attempt, for the form it came from. */
export interface VoidResult {
  feedbackId: string;
  result: SubmissionResult<string[]>;
}

/**
 * Rounds by dimensions. A cell is a button: choosing it shows the evidence
 * behind the rating. A voided scorecard stays in its row, struck through, with
 * who voided it and why; admins may void a submitted one.
 */
export function PanelMatrix({ debrief, voidResult }: { debrief: Debrief; voidResult?: VoidResult }) {
  const [selected, setSelected] = useState<{ roundId: string; dimensionKey: string } | null>(null);
  const selectedRow = debrief.rows.find((row) => row.roundId === selected?.roundId);
  const selectedCell = selectedRow?.cells.find((cell) => cell.dimensionKey === selected?.dimensionKey);
  const selectedDimension = debrief.dimensions.find((dimension) => dimension.key === selected?.dimensionKey);

  return (
    <div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="table">
          <caption className="sr-only">
            Panel ratings: rounds by dimension. Choose a rating to read its evidence.
          </caption>
          <thead>
            <tr>
              <th scope="col">Round and interviewer</th>
              {debrief.dimensions.map((dimension) => (
                <th key={dimension.key} scope="col">
                  {dimension.name}
                </th>
              ))}
              <th scope="col">Overall</th>
            </tr>
          </thead>
          <tbody>
            {debrief.rows.map((row) => (
              <tr key={row.roundId} data-testid={`panel-row-${row.roundId}`} data-voided={row.voided ? "" : undefined}>
                <th scope="row" className="min-w-[12rem] text-left font-normal">
                  <span className={row.voided ? struckThrough : ""}>
                    <span className="font-semibold">{row.typeLabel}</span>
                    <span className="block">{row.interviewerName}</span>
                  </span>
                  {row.voided ? <VoidedNote voided={row.voided} /> : null}
                  <span className="block text-xs">
                    <StatusNote row={row} />
                  </span>
                  {debrief.canVoid && row.feedbackId && row.submittedAt && !row.voided ? (
                    <VoidScorecardForm
                      feedbackId={row.feedbackId}
                      label={`${row.interviewerName} (${row.typeLabel})`}
                      lastResult={voidResult?.feedbackId === row.feedbackId ? voidResult.result : undefined}
                    />
                  ) : null}
                </th>
                {row.cells.map((cell) => {
                  const focus = row.focusDimensionKeys.includes(cell.dimensionKey);
                  const isSelected = selected?.roundId === row.roundId && selected.dimensionKey === cell.dimensionKey;
                  const name = debrief.dimensions.find((dimension) => dimension.key === cell.dimensionKey)?.name;
                  return (
                    <td key={cell.dimensionKey} className={focus ? "bg-indigo-50/60" : ""}>
                      {cell.submitted ? (
                        <button
                          type="button"
                          aria-pressed={isSelected}
                          aria-label={`${row.interviewerName}, ${name}: ${ratingLabel(cell.value)}${cell.adjusted !== null ? `, severity-adjusted ${cell.adjusted.toFixed(1)}` : ""}${cell.amended ? ", amended" : ""}${row.voided ? ", voided" : ""}. Show evidence`}
                          aria-describedby={cell.raterEffect ? `effect-${row.roundId}-${cell.dimensionKey}` : undefined}
                          onClick={() =>
                            setSelected(isSelected ? null : { roundId: row.roundId, dimensionKey: cell.dimensionKey })
                          }
                          className={`group relative rounded p-0.5 text-left ${isSelected ? "ring-2 ring-indigo-700" : ""} ${row.voided ? struckThrough : ""}`}
                        >
                          <RatingBadge value={cell.value} />
                          {cell.adjusted !== null && cell.raterEffect ? (
                            <>
                              <span className="block text-xs text-slate-700" data-testid="adjusted">
                                adj. {cell.adjusted.toFixed(1)}
                              </span>
                              <span
                                role="tooltip"
                                id={`effect-${row.roundId}-${cell.dimensionKey}`}
                                className="invisible absolute left-0 top-full z-20 mt-1 w-56 rounded bg-slate-900 p-2 text-xs text-white group-hover:visible group-focus:visible"
                              >
                                {row.interviewerName} rates {cell.raterEffect.shrunk >= 0 ? "+" : ""}
                                {cell.raterEffect.shrunk.toFixed(2)} against panels on this dimension (
                                {cell.raterEffect.ratings} ratings); adjusted = rating − effect.
                              </span>
                            </>
                          ) : null}
                          {cell.amended ? (
                            <span className="ml-1 text-xs font-semibold text-amber-800">amended</span>
                          ) : null}
                          {cell.evidenceFlag ? (
                            <span className="block text-xs text-amber-800">thin evidence</span>
                          ) : null}
                        </button>
                      ) : (
                        <span className="text-xs text-slate-600">—</span>
                      )}
                      {focus ? <span className="block text-xs text-indigo-800">focus</span> : null}
                    </td>
                  );
                })}
                <td className={row.voided ? struckThrough : ""}>
                  {row.submittedAt ? recommendationLabel(row.recommendation) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div aria-live="polite" className="mt-3">
        {selectedRow && selectedCell && selectedDimension ? (
          <div className="card" data-testid="selected-evidence">
            <p className="font-semibold">
              {selectedRow.interviewerName} on {selectedDimension.name}: <RatingBadge value={selectedCell.value} />
            </p>
            <p className="mt-1 text-slate-800">
              {selectedCell.evidence ? `“${selectedCell.evidence}”` : "No evidence written."}
            </p>
            <p className="mt-1 text-xs text-slate-600">
              {selectedRow.typeLabel} · submitted {formatDateTime(selectedRow.submittedAt)}
            </p>
            {selectedRow.voided ? <VoidedNote voided={selectedRow.voided} /> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600">Choose a rating to read the evidence behind it.</p>
        )}
      </div>
    </div>
  );
}
