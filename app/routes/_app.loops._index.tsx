import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LoopFilters, LoopTable, Pagination } from "~/components/loop-table";
import { loopListQueryFrom } from "~/schemas/loop-list";
import { pageFrom } from "~/schemas/paging";
import { requirePermission } from "~/server/auth/guards.server";
import { listLoops } from "~/server/loops/loop-list.server";

export const meta: MetaFunction = () => [{ title: "My loops · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission({ request, context }, "loops.list");
  const query = loopListQueryFrom(request);
  // Hiring managers see the loops they manage and those they sit on; committee members may widen
  // that to every loop; admins see every loop. The debrief's own guard applies the same scope.
  const everyLoop = user.role === "admin" || (user.committeeMember && query.scope === "all");
  const list = await listLoops(user, {
    ...query,
    scope: everyLoop ? "all" : "mine",
    activeOnly: query.show !== "all",
    page: pageFrom(request),
  });
  return {
    ...list,
    committeeMember: user.role !== "admin" && user.committeeMember,
    everyLoop,
    showClosed: query.show === "all",
  };
}

export default function MyLoopsPage() {
  const { loops, page, pageCount, total, committeeMember, everyLoop, showClosed } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const scopeLink = (scope: "mine" | "all") => {
    const next = new URLSearchParams(searchParams);
    next.set("scope", scope);
    next.delete("page");
    return `?${next}`;
  };
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">{everyLoop ? "All loops" : "My loops"}</h1>
      <p className="mb-4 text-sm text-slate-600">
        {total} {showClosed ? "loops" : "active loops"}. Open a candidate for the debrief.
      </p>
      {committeeMember ? (
        <p className="mb-4 text-sm">
          As a hiring committee member you may read every loop&apos;s debrief:{" "}
          {everyLoop ? (
            <Link to={scopeLink("mine")} className="link">
              show only my loops
            </Link>
          ) : (
            <Link to={scopeLink("all")} className="link">
              show all loops
            </Link>
          )}
          .
        </p>
      ) : null}
      <LoopFilters />
      {loops.length ? (
        <>
          <LoopTable loops={loops} caption={everyLoop ? "All loops" : "Loops you manage or sit on the panel of"} />
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
