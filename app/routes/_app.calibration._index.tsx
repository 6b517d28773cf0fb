import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { AlphaByRoundTypeChart, AlphaOverTimeChart, RaterEffectChart } from "~/components/calibration/charts";
import { GeneralizabilitySection } from "~/components/calibration/generalizability-section";
import { ValiditySection } from "~/components/calibration/validity-section";
import { EmptyState } from "~/components/empty-state";
import { ScrollRegion } from "~/components/scroll-region";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { recommendations } from "~/domain/rating-scale";
import { calibrationQuerySchema } from "~/schemas/calibration";
import { requirePermission } from "~/server/auth/guards.server";
import { getCalibrationPage } from "~/server/calibration/calibration-page.server";
import { readsOutcomes } from "~/server/outcomes/outcomes.server";
import { formatDateTime } from "~/utils/format";
import { roundTypeLabels } from "~/domain/vocabulary";

export const meta: MetaFunction = () => [{ title: "Calibration · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission({ request, context }, "calibration.own");
  const query = calibrationQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // Outcome-linked validity: admins and the people-analytics grant only (calibrationFor checks again).
  return getCalibrationPage(user, query, { validity: await readsOutcomes(user) });
}

const pct = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
const num = (value: number | null, digits = 2) => (value === null ? "—" : value.toFixed(digits));
const signed = (value: number | null) => (value === null ? "—" : `${value >= 0 ? "+" : ""}${value.toFixed(2)}`);

export default function CalibrationPage() {
  const page = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{page.ownOnly ? "My calibration" : "Calibration"}</h1>
        <p className="text-sm text-slate-700">
          {page.ownOnly
            ? "How your ratings compare with the panels you sat on, and with the organisation. Other interviewers' figures are not shown."
            : "How each interviewer rates compared with the panel, and how reliably each dimension is measured."}{" "}
          Based on {page.totals.scorecards} scorecards and {page.totals.ratings} ratings; computed{" "}
          {formatDateTime(page.computedAt)}
          {page.refreshing ? " (newer feedback is being included; reload in a moment)" : ""}.
        </p>
      </header>

      {page.ownOnly ? null : (
        <Form method="get" className="card flex flex-wrap items-end gap-3 text-sm" aria-label="Filter calibration">
          <div>
            <label htmlFor="period" className="label">
              Period
            </label>
            <select
              id="period"
              name="period"
              defaultValue={searchParams.get("period") ?? "365"}
              className="input mt-1 w-auto"
            >
              <option value="90">Last 90 days</option>
              <option value="180">Last 6 months</option>
              <option value="365">Last 12 months</option>
              <option value="all">All time</option>
            </select>
          </div>
          <div>
            <label htmlFor="roundType" className="label">
              Round type
            </label>
            <select
              id="roundType"
              name="roundType"
              defaultValue={searchParams.get("roundType") ?? ""}
              className="input mt-1 w-auto"
            >
              <option value="">All</option>
              {Object.entries(roundTypeLabels).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="hiringManager" className="label">
              Hiring manager
            </label>
            <select
              id="hiringManager"
              name="hiringManager"
              defaultValue={searchParams.get("hiringManager") ?? ""}
              className="input mt-1 w-auto"
            >
              <option value="">All</option>
              {page.hiringManagers.map((manager) => (
                <option key={manager.id} value={manager.id}>
                  {manager.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            Apply
          </button>
        </Form>
      )}

      {page.interviewers.length === 0 ? (
        <EmptyState title="No submitted feedback in this view">
          Calibration needs submitted scorecards. Widen the period or clear the filters.
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="interviewers-heading" className="space-y-3">
            <h2 id="interviewers-heading" className="text-lg font-semibold">
              {page.ownOnly ? "Your ratings" : "Interviewers"}
            </h2>
            <ScrollRegion label="Interviewers table">
              <table className="table" data-testid="calibration-table">
                <caption className="sr-only">Per interviewer: volume, leniency, agreement and habits</caption>
                <thead>
                  <tr>
                    <th scope="col">Interviewer</th>
                    <th scope="col">Scorecards</th>
                    <th scope="col">Rater effect (± SE)</th>
                    {page.dimensions.map((dimension) => (
                      <th key={dimension.key} scope="col">
                        Mean {dimension.name}
                      </th>
                    ))}
                    <th scope="col">Recommendations</th>
                    <th scope="col">Agrees with panel</th>
                    <th scope="col">Agrees with decision</th>
                    <th scope="col">No signal</th>
                    <th scope="col">Turnaround (median)</th>
                    <th scope="col">Late</th>
                    <th scope="col">Thin evidence</th>
                  </tr>
                </thead>
                <tbody>
                  <tr className="bg-slate-50 text-slate-700">
                    <th scope="row" className="text-left">
                      Organisation
                    </th>
                    <td>{page.totals.scorecards}</td>
                    <td>0 by definition</td>
                    {page.dimensions.map((dimension) => (
                      <td key={dimension.key}>{num(page.orgMeanByDimension[dimension.key] ?? null)}</td>
                    ))}
                    <td colSpan={7} />
                  </tr>
                  {page.interviewers.map((row) => (
                    <tr key={row.interviewerId}>
                      <th scope="row" className="text-left">
                        {row.name}
                      </th>
                      <td>{row.scorecards}</td>
                      <td>
                        <span
                          className={
                            row.effectShrunk !== null && Math.abs(row.effectShrunk) >= 0.25 ? "font-semibold" : ""
                          }
                        >
                          {signed(row.effectShrunk)}
                        </span>{" "}
                        <span className="text-xs text-slate-600">± {num(row.effectStandardError)}</span>
                        <span className="block text-xs text-slate-600">
                          {row.effectShrunk === null
                            ? ""
                            : row.effectShrunk > 0.1
                              ? "lenient"
                              : row.effectShrunk < -0.1
                                ? "harsh"
                                : "in line"}{" "}
                          · raw {signed(row.effect)}
                        </span>
                      </td>
                      {page.dimensions.map((dimension) => (
                        <td key={dimension.key}>{num(row.meanByDimension[dimension.key] ?? null)}</td>
                      ))}
                      <td className="text-xs">
                        {recommendations
                          .map(
                            (recommendation) =>
                              `${recommendation.label} ${pct(row.recommendationShares[recommendation.value] ?? 0)}`,
                          )
                          .join(" · ")}
                      </td>
                      <td>{pct(row.agreementWithPanel)}</td>
                      <td>{pct(row.agreementWithDecision)}</td>
                      <td>{pct(row.noSignalShare)}</td>
                      <td>{row.medianTurnaroundHours === null ? "—" : `${Math.round(row.medianTurnaroundHours)} h`}</td>
                      <td>{pct(row.lateShare)}</td>
                      <td>{pct(row.flaggedShare)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            <p className="text-xs text-slate-600">
              Rater effect: how many rating points above (lenient) or below (harsh) the panel this interviewer rates the
              same candidates, from the model rating = candidate effect + rater effect. It is shrunk toward zero when
              few ratings stand behind it; "raw" is the unshrunk least-squares value.
            </p>
            <RaterEffectChart
              bars={page.interviewers.map((row) => ({
                name: row.name,
                effect: row.effectShrunk ?? 0,
                error: row.effectStandardError ?? 0,
              }))}
            />
          </section>

          <section aria-labelledby="reliability-heading" className="space-y-3">
            <h2 id="reliability-heading" className="text-lg font-semibold">
              How reliably each dimension is measured
            </h2>
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
              {page.reliability.map((item) => (
                <li key={item.key} className="card">
                  <p className="text-sm text-slate-700">
                    {page.dimensions.find((dimension) => dimension.key === item.key)?.name}
                  </p>
                  <p className="text-2xl font-semibold">{item.alpha === null ? "n/a" : item.alpha.toFixed(2)}</p>
                  <p className="text-xs text-slate-600">
                    {item.alpha === null
                      ? "not enough paired ratings"
                      : item.alpha >= 0.8
                        ? "reliable"
                        : item.alpha >= 0.667
                          ? "tentative"
                          : "not measured consistently"}
                  </p>
                </li>
              ))}
            </ul>
            <AlphaOverTimeChart series={page.alphaByMonth} dimensions={page.dimensions} />
            <AlphaByRoundTypeChart bars={page.alphaByRoundType} />
          </section>

          <GeneralizabilitySection dimensions={page.generalizability} series={page.panelSeries} />

          {page.validity ? <ValiditySection validity={page.validity} /> : null}
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
