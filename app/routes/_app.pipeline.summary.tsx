import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { REFERENCE_DAYS } from "~/domain/loop-timeline";
import { summaryPeriodSchema } from "~/schemas/pipeline-summary";
import { requirePermission } from "~/server/auth/guards.server";
import { getPipelineSummary } from "~/server/loops/pipeline-summary.server";
import { stageLabels, stageOrder, trackLabels } from "~/domain/vocabulary";

export const meta: MetaFunction = () => [{ title: "Pipeline summary · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "pipeline.read");
  const period = summaryPeriodSchema.parse(new URL(request.url).searchParams.get("period") ?? undefined);
  return { period, ...(await getPipelineSummary(Number(period))) };
}

const segmentLabels = { all: "All loops", internal: "Internal", external: "External", ...trackLabels } as const;
const days = (value: number | null) => (value === null ? "—" : value.toFixed(1));

export default function PipelineSummaryPage() {
  const { segments, turnaround } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const stages = stageOrder.filter((stage) => stage !== "closed");
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/pipeline" className="link">
          Pipeline
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">Pipeline summary</h1>
      <Form method="get" className="flex items-end gap-3 text-sm">
        <div>
          <label htmlFor="period" className="label">
            Loops started in the last
          </label>
          <select
            id="period"
            name="period"
            defaultValue={searchParams.get("period") ?? "180"}
            className="input mt-1 w-auto"
          >
            <option value="90">90 days</option>
            <option value="180">6 months</option>
            <option value="365">12 months</option>
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Apply
        </button>
      </Form>
      {segments[0]!.loops === 0 ? (
        <EmptyState title="No loops started in this period">
          Widen the period, or open loops from the pipeline.
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="time-heading" className="space-y-2">
            <h2 id="time-heading" className="text-lg font-semibold">
              Median days in each stage and to a decision
            </h2>
            <p className="text-sm text-slate-700">
              For reference, internal transfers usually reach a decision in about {REFERENCE_DAYS.internal} days and
              external candidates in about {REFERENCE_DAYS.external}.
            </p>
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="table" data-testid="stage-times">
                <caption className="sr-only">Median days per stage and to decision, by segment</caption>
                <thead>
                  <tr>
                    <th scope="col">Segment</th>
                    <th scope="col">Loops</th>
                    {stages.map((stage) => (
                      <th key={stage} scope="col">
                        {stageLabels[stage]}
                      </th>
                    ))}
                    <th scope="col">To decision (decided loops)</th>
                  </tr>
                </thead>
                <tbody>
                  {segments.map((segment) => (
                    <tr key={segment.segment}>
                      <th scope="row" className="text-left">
                        {segmentLabels[segment.segment]}
                      </th>
                      <td>{segment.loops}</td>
                      {stages.map((stage) => (
                        <td key={stage}>{days(segment.medianDaysInStage[stage])}</td>
                      ))}
                      <td>
                        {days(segment.medianDaysToDecision)}{" "}
                        <span className="text-xs text-slate-600">({segment.decided})</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="turnaround-heading" className="space-y-2">
            <h2 id="turnaround-heading" className="text-lg font-semibold">
              Feedback turnaround by interviewer
            </h2>
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="table">
                <caption className="sr-only">
                  Median hours from the end of a round to submitted feedback, and share submitted late
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Interviewer</th>
                    <th scope="col">Scorecards</th>
                    <th scope="col">Median hours to submit</th>
                    <th scope="col">Late</th>
                  </tr>
                </thead>
                <tbody>
                  {turnaround.map((row) => (
                    <tr key={row.interviewerName}>
                      <th scope="row" className="text-left">
                        {row.interviewerName}
                      </th>
                      <td>{row.scorecards}</td>
                      <td>{row.medianHours === null ? "—" : Math.round(row.medianHours)}</td>
                      <td className={row.lateShare > 0.25 ? "font-semibold text-red-800" : ""}>
                        {Math.round(row.lateShare * 100)}%
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
