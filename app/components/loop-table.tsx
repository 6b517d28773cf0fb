import { Link, useSearchParams } from "@remix-run/react";
import { stageLabels } from "~/domain/stages";
import type { LoopStage } from "~/generated/prisma/enums";
import { formatDate } from "~/utils/format";

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
}

export function LoopTable({ loops, caption }: { loops: LoopRow[]; caption: string }) {
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
            <th scope="col">Debrief</th>
            <th scope="col">Hiring manager</th>
          </tr>
        </thead>
        <tbody>
          {loops.map((loop) => (
            <tr key={loop.id}>
              <td>
                <span className="font-medium">{loop.candidateName}</span>
                <span className="block text-xs text-slate-600">
                  {loop.roleTitle} · {loop.targetLevel} · {loop.source === "internal" ? "Internal" : "External"}
                </span>
              </td>
              <td>{stageLabels[loop.stage]}</td>
              <td>{loop.daysInStage}</td>
              <td>{loop.daysInLoop}</td>
              <td>
                {loop.feedback.expected ? `${loop.feedback.submitted}/${loop.feedback.expected}` : "—"}
                {loop.feedback.overdue ? (
                  <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
                    {loop.feedback.overdue} overdue
                  </span>
                ) : null}
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
