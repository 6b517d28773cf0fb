import { Form, Link, useSearchParams } from "@remix-run/react";
import type { LoopStage } from "~/generated/prisma/enums";
import { formatDate } from "~/utils/format";
import { stageLabels, stageOrder, trackOptions } from "~/domain/vocabulary";

export interface LoopRow {
  id: string;
  candidateName: string;
  source: "internal" | "external";
  roleTitle: string;
  targetLevel: string;
  stage: LoopStage;
  hiringManagerName: string;
  daysInStage: number;
  daysInLoop: number;
  debriefAt: string | null;
  feedback: { expected: number; submitted: number; overdue: number };
  /** null: the viewer still owes feedback on this loop, so the panel's ratings stay closed to them. */
  splits: number | null;
  stuckDays: number;
  nextRound: { typeLabel: string; at: string } | null;
}

/** `linkTo`: where a candidate's name leads: the debrief (hiring managers) or the loop's management page (recruiters). */
export function LoopTable({
  loops,
  caption,
  linkTo = "debrief",
}: {
  loops: LoopRow[];
  caption: string;
  linkTo?: "debrief" | "manage";
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Stage</th>
            <th scope="col">Days in stage</th>
            <th scope="col">Days in loop</th>
            <th scope="col">Feedback</th>
            <th scope="col">Split dimensions</th>
            <th scope="col">Next round</th>
            <th scope="col">Debrief</th>
            <th scope="col">Hiring manager</th>
          </tr>
        </thead>
        <tbody>
          {loops.map((loop) => (
            <tr key={loop.id} className={loop.stuckDays || loop.feedback.overdue ? "bg-red-50/60" : ""}>
              <td>
                <Link to={linkTo === "debrief" ? `/loops/${loop.id}/debrief` : `/loops/${loop.id}`} className="link">
                  {loop.candidateName}
                </Link>
                <span className="block text-xs text-slate-600">
                  {loop.roleTitle} · {loop.targetLevel} · {loop.source === "internal" ? "Internal" : "External"}
                </span>
              </td>
              <td>{stageLabels[loop.stage]}</td>
              <td>
                {loop.daysInStage}
                {loop.stuckDays ? (
                  <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
                    stuck, {loop.stuckDays} d over
                  </span>
                ) : null}
              </td>
              <td>{loop.daysInLoop}</td>
              <td>
                {loop.feedback.expected ? `${loop.feedback.submitted}/${loop.feedback.expected}` : "—"}
                {loop.feedback.overdue ? (
                  <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
                    {loop.feedback.overdue} overdue
                  </span>
                ) : null}
              </td>
              <td>
                {loop.splits === null ? (
                  <span className="text-xs text-slate-600">After your feedback</span>
                ) : loop.splits ? (
                  <span className="font-semibold text-red-800">{loop.splits} split</span>
                ) : loop.feedback.submitted ? (
                  "None"
                ) : (
                  "—"
                )}
              </td>
              <td className="text-xs">
                {loop.nextRound ? `${loop.nextRound.typeLabel}, ${formatDate(loop.nextRound.at)}` : "—"}
              </td>
              <td>{formatDate(loop.debriefAt)}</td>
              <td>{loop.hiringManagerName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const [searchParams] = useSearchParams();
  if (pageCount <= 1) return null;
  // Keep the list's other filters when paging.
  const pageHref = (target: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(target));
    return `?${next}`;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link className="link" to={pageHref(page - 1)}>
          Previous
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="link" to={pageHref(page + 1)}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}

/** Filters and sort for loop lists, as a plain GET form so the URL is shareable and it works without JavaScript. */
export function LoopFilters({
  showClosedOption = true,
  people,
}: {
  showClosedOption?: boolean;
  /** Offer recruiter and hiring-manager filters (the pipeline). */
  people?: { recruiters: { id: string; name: string }[]; hiringManagers: { id: string; name: string }[] };
}) {
  const [searchParams] = useSearchParams();
  const value = (name: string) => searchParams.get(name) ?? "";
  return (
    <Form method="get" className="card mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter loops">
      <div>
        <label htmlFor="filter-q" className="label">
          Candidate name
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={value("q")} className="input mt-1 w-48" />
      </div>
      <div>
        <label htmlFor="filter-stage" className="label">
          Stage
        </label>
        <select id="filter-stage" name="stage" defaultValue={value("stage")} className="input mt-1 w-auto">
          <option value="">Any active stage</option>
          {stageOrder.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabels[stage]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-source" className="label">
          Internal / external
        </label>
        <select id="filter-source" name="source" defaultValue={value("source")} className="input mt-1 w-auto">
          <option value="">Both</option>
          <option value="internal">Internal</option>
          <option value="external">External</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-track" className="label">
          Track
        </label>
        <select id="filter-track" name="track" defaultValue={value("track")} className="input mt-1 w-auto">
          <option value="">Any</option>
          {trackOptions.map(([track, label]) => (
            <option key={track} value={track}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {people
        ? (
            [
              ["recruiter", "Recruiter", people.recruiters],
              ["hiringManager", "Hiring manager", people.hiringManagers],
            ] as const
          ).map(([name, label, options]) => (
            <div key={name}>
              <label htmlFor={`filter-${name}`} className="label">
                {label}
              </label>
              <select id={`filter-${name}`} name={name} defaultValue={value(name)} className="input mt-1 w-auto">
                <option value="">Anyone</option>
                {options.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </select>
            </div>
          ))
        : null}
      <div>
        <label htmlFor="filter-sort" className="label">
          Sort by
        </label>
        <select id="filter-sort" name="sort" defaultValue={value("sort") || "stage_age"} className="input mt-1 w-auto">
          <option value="stage_age">Longest in stage</option>
          <option value="loop_age">Longest in loop</option>
          <option value="newest">Newest loops</option>
          <option value="candidate">Candidate name</option>
        </select>
      </div>
      <label className="flex items-center gap-2 pb-2">
        <input type="checkbox" name="overdue" value="1" defaultChecked={value("overdue") === "1"} />
        Overdue feedback only
      </label>
      {showClosedOption ? (
        <label className="flex items-center gap-2 pb-2">
          <input type="checkbox" name="show" value="all" defaultChecked={value("show") === "all"} />
          Include closed
        </label>
      ) : null}
      <button type="submit" className="btn-secondary">
        Apply
      </button>
    </Form>
  );
}
