import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requirePermission } from "~/server/auth/guards.server";
import { getTemplatesWithReliability } from "~/server/calibration/template-reliability.server";
import { formatDateTime } from "~/utils/format";
import { roundTypeLabels } from "~/domain/vocabulary";

export const meta: MetaFunction = () => [{ title: "Loop templates · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission({ request, context }, "rubrics.manage");
  return getTemplatesWithReliability(user);
}

const reliabilityText = (value: number | null | undefined) => (value == null ? "n/a" : value.toFixed(2));

export default function TemplatesPage() {
  const { templates, dimensions, measured, computedAt } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Loop templates</h1>
      <p className="text-sm text-slate-700">
        The round plans new loops start from, and the reliability each one&apos;s panel buys: for its number of
        interviewer rounds, how much of the spread between candidates&apos; mean ratings is the candidates themselves
        (raw / with interviewer severity adjusted; 0.8 or more is dependable). From all decided loops, computed{" "}
        {formatDateTime(computedAt)}; see{" "}
        <Link to="/calibration" className="link">
          calibration
        </Link>{" "}
        for the full curve.
      </p>
      {!measured ? (
        <p className="text-sm text-slate-700">
          Reliability needs decided loops with rotating panels: it appears here once there are enough.
        </p>
      ) : null}
      {templates.length === 0 ? (
        <EmptyState title="No loop templates">Templates are created with the installation.</EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="templates">
          {templates.map((template) => (
            <li key={template.id} className="card space-y-2">
              <h2 className="font-semibold">{template.name}</h2>
              <ol className="flex flex-wrap gap-1 text-xs">
                {template.roundTypes.map((type, index) => (
                  <li key={`${type}-${index}`} className="rounded bg-slate-100 px-2 py-0.5 text-slate-800">
                    {roundTypeLabels[type as keyof typeof roundTypeLabels] ?? type}
                  </li>
                ))}
              </ol>
              <table className="table text-sm">
                <caption className="text-left text-xs text-slate-600">
                  Panel of {template.k} interviewer{template.k === 1 ? "" : "s"}: reliability per dimension
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Dimension</th>
                    <th scope="col">Raw</th>
                    <th scope="col">Adjusted</th>
                  </tr>
                </thead>
                <tbody>
                  {template.dimensions.map((dimension) => (
                    <tr key={dimension.key}>
                      <th scope="row" className="text-left">
                        {dimension.name}
                      </th>
                      <td>{reliabilityText(dimension.reliability?.raw)}</td>
                      <td>{reliabilityText(dimension.reliability?.adjusted)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ul>
      )}
      {dimensions.length === 0 ? <p className="text-sm text-slate-600">No rubric is published yet.</p> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
