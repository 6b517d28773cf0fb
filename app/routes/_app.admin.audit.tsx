import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuditFilters, AuditTable } from "~/components/audit-log";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/loop-table";
import { auditQueryFrom } from "~/schemas/audit";
import { pageFrom } from "~/schemas/paging";
import { auditActors, auditLogPage, type AuditLogEvent } from "~/server/audit/audit-log.server";
import { requirePermission } from "~/server/auth/guards.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requirePermission({ request, context }, "audit.read");
  const { query, errors } = auditQueryFrom(new URL(request.url).searchParams);
  const actors = await auditActors();
  if (errors) {
    const none: AuditLogEvent[] = [];
    return data({ errors, actors, events: none, total: 0, page: 1, pageCount: 1 }, { status: 400 });
  }
  return { errors, actors, ...(await auditLogPage(admin, query, pageFrom(request))) };
}

export default function AuditLogPage() {
  const { errors, actors, events, total, page, pageCount } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const filtered = ["actor", "loop", "action", "from", "to"].some((name) => searchParams.get(name));
  const csvParams = new URLSearchParams(searchParams);
  csvParams.delete("page");
  const csvQuery = csvParams.toString();
  const csvHref = `/admin/audit.csv${csvQuery ? `?${csvQuery}` : ""}`;
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="mb-1 text-2xl font-bold">Audit log</h1>
        {events.length ? (
          <a href={csvHref} className="btn-secondary" download>
            Download CSV
          </a>
        ) : null}
      </div>
      <p className="mb-4 text-sm text-slate-600">
        Who read or changed which feedback, decision, round or person, and when. Newest first; times in UTC.
      </p>
      <AuditFilters actors={actors} errors={errors} />
      {errors ? (
        <p role="alert" className="card border-red-300 text-sm text-red-800">
          The period could not be used, so no events are listed. Correct the dates above and apply again.
        </p>
      ) : events.length ? (
        <>
          <p className="mb-2 text-sm text-slate-700" aria-live="polite">
            {total === 1 ? "1 event" : `${total.toLocaleString("en-GB")} events`}
            {pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}
          </p>
          <AuditTable events={events} />
          <Pagination page={page} pageCount={pageCount} />
        </>
      ) : filtered ? (
        <EmptyState title="No events match">
          Widen the period or{" "}
          <Link to="/admin/audit" className="link">
            clear the filters
          </Link>
          .
        </EmptyState>
      ) : (
        <EmptyState title="No events yet">
          Reads of feedback, submissions, amendments, decisions and admin changes are listed here as they happen.
        </EmptyState>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
