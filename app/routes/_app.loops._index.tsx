import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LoopTable, Pagination } from "~/components/loop-table";
import { pageFrom } from "~/schemas/paging";
import { requireRole } from "~/server/auth/guards.server";
import { listLoops } from "~/server/loops/loop-list.server";

export const meta: MetaFunction = () => [{ title: "My loops · Calibrate" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["hiring_manager", "admin"]);
  const showClosed = new URL(request.url).searchParams.get("show") === "all";
  // Hiring managers see the loops they own; admins see every loop.
  const list = await listLoops({
    hiringManagerId: user.role === "hiring_manager" ? user.id : undefined,
    activeOnly: !showClosed,
    page: pageFrom(request),
  });
  return { ...list, isAdmin: user.role === "admin", showClosed };
}

export default function MyLoopsPage() {
  const { loops, page, pageCount, total, isAdmin, showClosed } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">{isAdmin ? "All loops" : "My loops"}</h1>
      <p className="mb-4 text-sm text-slate-600">
        {total} {showClosed ? "loops" : "active loops"}, longest in their current stage first.{" "}
        <Link className="link" to={showClosed ? "." : "?show=all"}>
          {showClosed ? "Hide closed loops" : "Include closed loops"}
        </Link>
      </p>
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
