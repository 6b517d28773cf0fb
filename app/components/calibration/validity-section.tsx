import type { OutcomeKind, CorrelationEstimate } from "~/domain/validity";
import { ScrollRegion } from "../scroll-region";

export interface ValidityView {
  hires: number;
  withOutcome: Record<OutcomeKind, number>;
  smallSample: number;
  interviewerMinimum: number;
  outcomes: { kind: OutcomeKind; label: string }[];
  predictors: {
    key: string;
    name: string;
    byOutcome: Record<OutcomeKind, { raw: CorrelationEstimate; adjusted: CorrelationEstimate }>;
  }[];
  interviewers: {
    interviewerId: string;
    name: string;
    byOutcome: Record<OutcomeKind, { n: number; r: number | null; interval: [number, number] | null }>;
  }[];
}

const r2 = (value: number | null) => (value === null ? "—" : value.toFixed(2));
const interval = (value: [number, number] | null) => (value ? `[${r2(value[0])}, ${r2(value[1])}]` : "");

function Estimate({ estimate }: { estimate: CorrelationEstimate }) {
  if (estimate.r === null)
    return (
      <td colSpan={2} className="text-xs text-slate-600">
        {estimate.warning ?? "not computed"}
      </td>
    );
  return (
    <>
      <td>
        {r2(estimate.r)} <span className="text-xs text-slate-600">{interval(estimate.interval)}</span>
      </td>
      <td>
        {r2(estimate.corrected)} <span className="text-xs text-slate-600">{interval(estimate.correctedInterval)}</span>
      </td>
    </>
  );
}

/** Outcome-linked validity: admins and people analytics only (the server sends it to no one else). */
export function ValiditySection({ validity }: { validity: ValidityView }) {
  const known = validity.outcomes.some((outcome) => validity.withOutcome[outcome.kind] > 0);
  return (
    <section aria-labelledby="validity-heading" className="space-y-3" data-testid="validity">
      <h2 id="validity-heading" className="text-lg font-semibold">
        Do our ratings predict how hires do?
      </h2>
      <p className="text-sm text-slate-700">
        Confidential (admins and people analytics). Correlation between the panel&apos;s mean and each later outcome,
        among the {validity.hires} hires in view, with a bootstrap 95% interval. Only hires have outcomes, which narrows
        the range of ratings; the corrected figure estimates the correlation across everyone interviewed (Thorndike case
        II, with the spread of all decided candidates).
      </p>
      {!known ? (
        <p className="text-sm text-slate-700">
          No outcomes recorded yet for hires in this view. Hiring managers record them under Hire outcomes.
        </p>
      ) : (
        validity.outcomes.map((outcome) => {
          const n = validity.withOutcome[outcome.kind];
          return (
            <div key={outcome.kind} className="space-y-1">
              <h3 className="font-semibold">
                {outcome.label} <span className="text-sm font-normal text-slate-600">(N = {n})</span>
              </h3>
              {n === 0 ? (
                <p className="text-sm text-slate-700">None recorded yet.</p>
              ) : n < validity.smallSample ? (
                <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  Only {n === 1 ? "1 hire has" : `${n} hires have`} this outcome, below {validity.smallSample}:
                  intervals are wide and a correlation this size can be chance. Read it as a hint, not a finding.
                </p>
              ) : null}
              {n === 0 ? null : (
                <ScrollRegion label={`Validity against ${outcome.label.toLowerCase()}`}>
                  <table className="table" data-testid={`validity-${outcome.kind}`}>
                    <caption className="sr-only">Validity against {outcome.label.toLowerCase()}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Predictor</th>
                        <th scope="col">N</th>
                        <th scope="col">r, raw mean [95%]</th>
                        <th scope="col">Corrected</th>
                        <th scope="col">r, adjusted mean [95%]</th>
                        <th scope="col">Corrected</th>
                      </tr>
                    </thead>
                    <tbody>
                      {validity.predictors.map((predictor) => {
                        const estimates = predictor.byOutcome[outcome.kind];
                        return (
                          <tr key={predictor.key}>
                            <th scope="row" className="text-left">
                              {predictor.name}
                            </th>
                            <td>{estimates.raw.n}</td>
                            <Estimate estimate={estimates.raw} />
                            <Estimate estimate={estimates.adjusted} />
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </div>
          );
        })
      )}
      {validity.interviewers.length ? (
        <div className="space-y-1">
          <h3 className="font-semibold">Each interviewer&apos;s recommendations against outcomes</h3>
          <p className="text-xs text-slate-600">
            Correlation between an interviewer&apos;s own recommendation (strong no 1 to strong yes 4) and the outcome,
            over the hires they interviewed; shown from {validity.interviewerMinimum} such hires.
          </p>
          <ScrollRegion label="Interviewers against outcomes">
            <table className="table" data-testid="validity-interviewers">
              <caption className="sr-only">Per interviewer: recommendations against outcomes</caption>
              <thead>
                <tr>
                  <th scope="col">Interviewer</th>
                  {validity.outcomes.map((outcome) => (
                    <th key={outcome.kind} scope="col">
                      {outcome.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {validity.interviewers.map((row) => (
                  <tr key={row.interviewerId}>
                    <th scope="row" className="text-left">
                      {row.name}
                    </th>
                    {validity.outcomes.map((outcome) => {
                      const cell = row.byOutcome[outcome.kind];
                      return (
                        <td key={outcome.kind}>
                          {cell.r === null ? (
                            <span className="text-xs text-slate-600">
                              {cell.n < validity.interviewerMinimum
                                ? `${cell.n} of ${validity.interviewerMinimum} hires needed`
                                : `N = ${cell.n}: their recommendation or the outcome does not vary`}
                            </span>
                          ) : (
                            <>
                              {r2(cell.r)} <span className="text-xs text-slate-600">{interval(cell.interval)}</span>{" "}
                              <span className="text-xs text-slate-600">(N = {cell.n})</span>
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      ) : null}
    </section>
  );
}
