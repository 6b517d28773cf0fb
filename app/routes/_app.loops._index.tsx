import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LoopFilters, LoopTable, Pagination } from "~/components/loop-table";
import { loopListQueryFrom } from "~/schemas/loop-list";
import { pageFrom } from "~/schemas/paging";
import { requireRole } from "~/server/auth/guards.server";
import { listLoops } from "~/server/loops/loop-list.server";

export const meta: MetaFunction = () => [{ title: "My loops · Calibrate" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["hiring_manager", "admin"]);
  const query = loopListQueryFrom(request);
  // Hiring managers see the loops they own; admins see every loop.
  const list = await listLoops({
    ...query,
    hiringManagerId: user.role === "hiring_manager" ? user.id : undefined,
    activeOnly: query.show !== "all",
    page: pageFrom(request),
  });
  return { ...list, isAdmin: user.role === "admin", showClosed: query.show === "all" };
}

export default function MyLoopsPage() {
  const { loops, page, pageCount, total, isAdmin, showClosed } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">{isAdmin ? "All loops" : "My loops"}</h1>
      <p className="mb-4 text-sm text-slate-600">
        {total} {showClosed ? "loops" : "active loops"}. Open a candidate for the debrief.
      </p>
      <LoopFilters />
      {loops.length ? (
        <>
          <LoopTable loops={loops} caption={isAdmin ? "All loops" : "Loops you are the hiring manager for"} />
          <Pagination page={page} pageCount={pageCount} />
        </>
      ) : (
        <EmptyState title="No loops match">
          Loops appear here when a recruiter names you as the hiring manager for a candidate. If you filtered the list,
          clear the filters.
        </EmptyState>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
