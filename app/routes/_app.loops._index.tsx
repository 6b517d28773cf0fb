import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LoopTable, Pagination } from "~/components/loop-table";
import { pageFrom } from "~/schemas/paging";
import { requireRole } from "~/server/auth/guards.server";
import { listLoops } from "~/server/loops/loop-list.server";

export const meta: MetaFunction = () => [{ title: "My loops · Calibrate" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["hiring_manager", "admin"]);
  // Hiring managers see the loops they own; admins see every loop.
  const list = await listLoops({
    hiringManagerId: user.role === "hiring_manager" ? user.id : undefined,
    page: pageFrom(request),
  });
  return { ...list, isAdmin: user.role === "admin" };
}

export default function MyLoopsPage() {
  const { loops, page, pageCount, total, isAdmin } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">{isAdmin ? "All loops" : "My loops"}</h1>
      <p className="mb-4 text-sm text-slate-600">{total} loops, longest in their current stage first.</p>
      {loops.length ? (
        <>
          <LoopTable loops={loops} caption={isAdmin ? "All loops" : "Loops you are the hiring manager for"} />
          <Pagination page={page} pageCount={pageCount} />
        </>
      ) : (
        <EmptyState title="No loops yet">
          Loops appear here when a recruiter names you as the hiring manager for a candidate.
        </EmptyState>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
