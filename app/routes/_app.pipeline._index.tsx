import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LoopFilters, LoopTable, Pagination } from "~/components/loop-table";
import { loopListQueryFrom } from "~/schemas/loop-list";
import { pageFrom } from "~/schemas/paging";
import { requirePermission } from "~/server/auth/guards.server";
import { pipelinePeople } from "~/server/loops/loop-forms.server";
import { listLoops } from "~/server/loops/loop-list.server";

export const meta: MetaFunction = () => [{ title: "Pipeline · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission({ request, context }, "pipeline.read");
  const query = loopListQueryFrom(request);
  const [list, people] = await Promise.all([
    listLoops(user, { ...query, activeOnly: query.show !== "all", page: pageFrom(request) }),
    pipelinePeople(),
  ]);
  return { ...list, people };
}

export default function PipelinePage() {
  const { loops, page, pageCount, total, people } = useLoaderData<typeof loader>();
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="mb-1 text-2xl font-bold">Pipeline</h1>
        <div className="flex gap-2">
          <Link to="/pipeline/summary" className="btn-secondary">
            Summary
          </Link>
          <Link to="/candidates/new" className="btn-primary">
            New candidate
          </Link>
        </div>
      </div>
      <p className="mb-4 text-sm text-slate-600">
        {total} loops match. Rows in red are stuck past their stage's expected time or have overdue feedback.
      </p>
      <LoopFilters people={people} />
      {loops.length ? (
        <>
          <LoopTable loops={loops} caption="Active loops" linkTo="manage" />
          <Pagination page={page} pageCount={pageCount} />
        </>
      ) : (
        <EmptyState title="No active loops">
          When candidates enter the process their loops will be listed here.
        </EmptyState>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
