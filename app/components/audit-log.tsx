import { Form, Link, useSearchParams } from "@remix-run/react";
import { knownAuditActions } from "~/domain/audit-actions";
import type { AuditQueryErrors } from "~/schemas/audit";
import type { AuditLogEvent } from "~/server/audit/audit-log.server";
import { formatTimestamp } from "~/utils/format";
import { Field } from "./field";

/** The audit log's filters, as a plain GET form so a filtered view is a shareable address. */
export function AuditFilters({
  actors,
  errors,
}: {
  actors: { id: string; name: string; active: boolean }[];
  errors: AuditQueryErrors | null;
}) {
  const [searchParams] = useSearchParams();
  const value = (name: string) => searchParams.get(name) ?? "";
  const action = value("action");
  const unknownAction = action && !knownAuditActions.some((known) => known.action === action);
  return (
    <Form method="get" className="card mb-4 text-sm" aria-label="Filter events">
      <div className="grid gap-x-3 gap-y-1 sm:grid-cols-2 lg:grid-cols-5">
        <div>
          <label htmlFor="filter-actor" className="label">
            Person
          </label>
          <select id="filter-actor" name="actor" defaultValue={value("actor")} className="input mt-1">
            <option value="">Anyone</option>
            <option value="system">The system (no person)</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.active ? actor.name : `${actor.name} (deactivated)`}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-loop" className="label">
            Loop
          </label>
          <input
            id="filter-loop"
            name="loop"
            type="search"
            defaultValue={value("loop")}
            placeholder="Candidate or loop id"
            className="input mt-1"
          />
        </div>
        <div>
          <label htmlFor="filter-action" className="label">
            Action
          </label>
          <select id="filter-action" name="action" defaultValue={action} className="input mt-1">
            <option value="">Any action</option>
            {knownAuditActions.map((known) => (
              <option key={known.action} value={known.action}>
                {known.label}
              </option>
            ))}
            {unknownAction ? <option value={action}>{action}</option> : null}
          </select>
        </div>
        <Field
          label="From"
          errors={errors?.from ? [errors.from] : null}
          inputProps={{ id: "filter-from", name: "from", type: "date", defaultValue: value("from") }}
        />
        <Field
          label="To"
          errors={errors?.to ? [errors.to] : null}
          inputProps={{ id: "filter-to", name: "to", type: "date", defaultValue: value("to") }}
        />
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-secondary">
          Apply
        </button>
        <Link to="/admin/audit" className="link">
          Clear filters
        </Link>
      </div>
    </Form>
  );
}

export function AuditTable({ events }: { events: AuditLogEvent[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="table">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Concerning</th>
            <th scope="col">Loop</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="whitespace-nowrap">
                <time dateTime={event.at}>{formatTimestamp(event.at)}</time>
              </td>
              <td>{event.actor ? event.actor.name : <span className="text-slate-600">system</span>}</td>
              <td>
                {event.label}
                {event.label !== event.action ? (
                  <span className="block font-mono text-xs text-slate-600">{event.action}</span>
                ) : null}
              </td>
              <td>
                {event.entity.href ? (
                  <Link to={event.entity.href} className="link">
                    {event.entity.label}
                  </Link>
                ) : (
                  event.entity.label
                )}
              </td>
              <td>
                {event.loop ? (
                  <Link to={`/loops/${event.loop.id}`} className="link">
                    {event.loop.candidate ?? event.loop.id}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="max-w-md break-words text-xs text-slate-700">
                {event.details === null ? (
                  <span className="italic">Withheld until your own feedback for this loop is submitted.</span>
                ) : (
                  event.details || "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
