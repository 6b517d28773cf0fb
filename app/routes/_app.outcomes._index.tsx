import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollRegion } from "~/components/scroll-region";
import { can } from "~/domain/permissions";
import { requirePermission } from "~/server/auth/guards.server";
import { getPerformanceScale, listHiresForOutcomes } from "~/server/outcomes/outcomes.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Hire outcomes · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission({ request, context }, "outcomes.record");
  const [hires, scale] = await Promise.all([listHiresForOutcomes(user), getPerformanceScale()]);
  return { ...hires, scale, editsScale: can(user, "rubrics.manage") };
}

const yesNo = (value: boolean | null) => (value === null ? "—" : value ? "Yes" : "No");

export default function OutcomesPage() {
  const { hires, total, shown, scale, editsScale } = useLoaderData<typeof loader>();
  const label = (value: number | null) =>
    value === null ? "—" : (scale.find((level) => level.value === value)?.label ?? String(value));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Hire outcomes</h1>
      <p className="text-sm text-slate-700">
        How each hire is doing: performance at 6 and 12 months on the organisation&apos;s scale, and whether they are
        still in the role. Outcomes are confidential: they feed only the aggregate validity figures that admins and
        people-analytics see on the calibration page, and never appear in a debrief.
        {editsScale ? (
          <>
            {" "}
            <Link to="/admin/performance-scale" className="link">
              Edit the performance scale
            </Link>
            .
          </>
        ) : null}
      </p>
      {hires.length === 0 ? (
        <EmptyState title="No hires yet">Outcomes are recorded for loops whose decision is hire.</EmptyState>
      ) : (
        <ScrollRegion label="Hires table">
          <table className="table" data-testid="outcomes-table">
            <caption className="sr-only">Hires and their recorded outcomes</caption>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Role</th>
                <th scope="col">Decided</th>
                <th scope="col">At 6 months</th>
                <th scope="col">At 12 months</th>
                <th scope="col">Still in role</th>
              </tr>
            </thead>
            <tbody>
              {hires.map((hire) => (
                <tr key={hire.loopId}>
                  <th scope="row" className="text-left">
                    <Link to={hire.loopId} className="link">
                      {hire.candidate}
                    </Link>
                    {hire.transfer ? <span className="ml-1 text-xs text-slate-600">(internal transfer)</span> : null}
                  </th>
                  <td>{hire.roleTitle}</td>
                  <td>{formatDate(hire.decidedAt)}</td>
                  <td>{label(hire.outcome?.performance6 ?? null)}</td>
                  <td>{label(hire.outcome?.performance12 ?? null)}</td>
                  <td>{yesNo(hire.outcome?.stillInRole ?? null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {total > shown ? (
        <p className="text-sm text-slate-600">
          The {shown} most recent of {total} hires.
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
