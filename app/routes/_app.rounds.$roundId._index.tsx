import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FeedbackReadout } from "~/components/feedback/feedback-readout";
import { requireUser } from "~/server/auth/guards.server";
import { getRoundForInterviewer } from "~/server/feedback/feedback-form.server";
import { getPanelFeedback } from "~/server/feedback/panel-feedback.server";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.loop.candidate.name}, ${page.round.typeLabel} · Calibrate` : "Round · Calibrate" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser({ request, context });
  const page = await getRoundForInterviewer(user, params.roundId ?? "");
  const panel = await getPanelFeedback(user, page.loop.id);
  return {
    round: page.round,
    loop: page.loop,
    kit: page.kit,
    dimensions: page.rubric.dimensions.map((dimension) => ({ key: dimension.key, name: dimension.name })),
    flagLabels: Object.fromEntries(page.rubric.flags.map((flag) => [flag.key, flag.label])),
    ownStatus: page.own?.status ?? null,
    panel: { access: panel.access, entries: panel.entries.filter((entry) => !entry.isOwn) },
  };
}

const stateText = {
  upcoming: "Upcoming",
  awaiting: "Awaiting your feedback",
  overdue: "Feedback overdue",
  submitted: "Feedback submitted",
  cancelled: "Cancelled",
} as const;

export default function RoundPage() {
  const { round, loop, kit, dimensions, flagLabels, ownStatus, panel } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const focusNames = dimensions
    .filter((dimension) => round.focusDimensionKeys.includes(dimension.key))
    .map((dimension) => dimension.name);
  const cta =
    ownStatus === "submitted" ? "View your feedback" : ownStatus === "draft" ? "Continue your draft" : "Write feedback";

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/rounds" className="link">
          My rounds
        </Link>
      </nav>
      {searchParams.get("submitted") ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          Feedback submitted. Thank you.
        </p>
      ) : searchParams.get("amended") ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          Amendment saved. The original and the change are both kept.
        </p>
      ) : null}
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">
            {loop.candidate.name}: {round.typeLabel}
          </h1>
          <p className="text-slate-700">
            {loop.roleTitle} ({loop.targetLevel}) · now {loop.candidate.currentRole}, {loop.candidate.currentLevel} ·{" "}
            {loop.candidate.source === "internal" ? "internal transfer" : "external"}
          </p>
          <p className="text-slate-700">
            {formatDateTime(round.scheduledAt)} · {round.durationMinutes} min ·{" "}
            <span className={round.state === "overdue" ? "font-semibold text-red-800" : ""}>
              {stateText[round.state]}
            </span>
            {round.feedbackDueAt && round.state !== "submitted" ? ` · due ${formatDateTime(round.feedbackDueAt)}` : ""}
          </p>
        </div>
        {round.state !== "cancelled" ? (
          <Link to="feedback" className="btn-primary">
            {cta}
          </Link>
        ) : null}
      </header>

      <section aria-labelledby="kit-heading" className="card">
        {kit ? (
          <>
            <h2 id="kit-heading" className="text-lg font-semibold">
              Interview kit: {kit.name}
            </h2>
            <p className="mt-1 text-slate-800">{kit.purpose}</p>
            <p className="mt-2 text-sm">
              <span className="font-semibold">Focus dimensions:</span> {focusNames.join(", ") || "none set"}
            </p>
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              <div>
                <h3 className="font-semibold">Suggested questions</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                  {kit.questions.map((question) => (
                    <li key={question}>{question}</li>
                  ))}
                </ul>
              </div>
              <div>
                <h3 className="font-semibold">Listen for</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                  {kit.listenFor.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </div>
            </div>
          </>
        ) : (
          <>
            <h2 id="kit-heading" className="text-lg font-semibold">
              Interview kit
            </h2>
            <p className="mt-1 text-slate-800">
              There is no kit for this round type yet. Focus dimensions: {focusNames.join(", ") || "none set"}. An admin
              can write one under Kits.
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="panel-heading" className="space-y-3">
        <h2 id="panel-heading" className="text-lg font-semibold">
          The panel's feedback
        </h2>
        {panel.access === "open" ? (
          <p className="text-sm">
            <Link to={`/loops/${loop.id}/debrief`} className="link">
              Open the debrief for {loop.candidate.name}
            </Link>
          </p>
        ) : null}
        {panel.access === "locked" ? (
          <p className="rounded-md border border-slate-300 bg-white p-3 text-sm text-slate-800">
            You will see the panel's ratings and evidence once your own feedback for this candidate is submitted, so
            that your judgement stays your own.
          </p>
        ) : null}
        {panel.entries.length === 0 ? (
          <p className="text-sm text-slate-700">No one else on the panel has submitted feedback yet.</p>
        ) : (
          <ul className="space-y-3">
            {panel.entries.map((entry) => (
              <li key={entry.feedbackId} className="card">
                <p className="font-semibold">
                  {entry.interviewerName} · {entry.roundTypeLabel}
                </p>
                <p className="text-sm text-slate-700">Submitted {formatDateTime(entry.submittedAt)}</p>
                {entry.content ? (
                  <div className="mt-3">
                    <FeedbackReadout content={entry.content} dimensions={dimensions} flagLabels={flagLabels} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
