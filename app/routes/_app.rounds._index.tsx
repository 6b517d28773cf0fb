import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDuration } from "~/domain/feedback-timing";
import { requireUser } from "~/server/auth/guards.server";
import { getMyRounds, type MyRound } from "~/server/rounds/my-rounds.server";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "My rounds · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser({ request, context });
  return getMyRounds(user.id);
}

function RoundRow({ round, now, kind }: { round: MyRound; now: string; kind: "upcoming" | "awaiting" | "submitted" }) {
  const sinceRound = round.scheduledAt ? new Date(now).getTime() - new Date(round.scheduledAt).getTime() : 0;
  return (
    <li className="card flex flex-wrap items-start justify-between gap-2">
      <div>
        <p className="font-semibold">
          <Link to={`/rounds/${round.id}`} className="link">
            {round.candidateName}: {round.typeLabel}
          </Link>
        </p>
        <p className="text-sm text-slate-700">
          {round.roleTitle} · {formatDateTime(round.scheduledAt)} · {round.durationMinutes} min
        </p>
      </div>
      <div className="text-right text-sm">
        {kind === "awaiting" ? (
          <>
            <p>
              Round ended {formatDuration(sinceRound)} ago{round.hasDraft ? " · draft saved" : ""}
            </p>
            {round.state === "overdue" ? (
              <p className="font-semibold text-red-800">Overdue since {formatDateTime(round.feedbackDueAt)}</p>
            ) : (
              <p className="text-slate-700">Due {formatDateTime(round.feedbackDueAt)}</p>
            )}
          </>
        ) : kind === "submitted" ? (
          <p className="text-slate-700">Submitted {formatDateTime(round.submittedAt)}</p>
        ) : (
          <p className="text-slate-700">Feedback due {formatDateTime(round.feedbackDueAt)}</p>
        )}
      </div>
    </li>
  );
}

export default function MyRoundsPage() {
  const { upcoming, awaiting, submitted, now } = useLoaderData<typeof loader>();
  const sections = [
    {
      kind: "awaiting" as const,
      title: "Awaiting your feedback",
      rounds: awaiting,
      empty: "No feedback owed. Nice work.",
    },
    {
      kind: "upcoming" as const,
      title: "Upcoming",
      rounds: upcoming,
      empty: "No rounds scheduled for you yet. Recruiters assign rounds; they will appear here.",
    },
    {
      kind: "submitted" as const,
      title: "Submitted",
      rounds: submitted,
      empty: "Feedback you submit will be listed here.",
    },
  ];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">My rounds</h1>
      {sections.map((section) => (
        <section key={section.kind} aria-labelledby={`${section.kind}-heading`}>
          <h2 id={`${section.kind}-heading`} className="mb-3 text-lg font-semibold">
            {section.title} <span className="text-slate-500">({section.rounds.length})</span>
          </h2>
          {section.rounds.length ? (
            <ul className="space-y-2">
              {section.rounds.map((round) => (
                <RoundRow key={round.id} round={round} now={now} kind={section.kind} />
              ))}
            </ul>
          ) : (
            <EmptyState title={section.empty} />
          )}
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
