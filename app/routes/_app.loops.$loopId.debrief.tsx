import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BiasBalanceChart, RecommendationChart, SpreadStripChart } from "~/components/debrief/charts";
import { DecisionForm } from "~/components/debrief/decision-form";
import { EvidenceSideBySide } from "~/components/debrief/evidence-section";
import { PanelMatrix, type VoidResult } from "~/components/debrief/panel-matrix";
import { Agenda, SpreadTable } from "~/components/debrief/spread-section";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AmendmentList } from "~/components/feedback/feedback-readout";
import { biasBalanceSeries, recommendationSeries, stripPlotSeries } from "~/domain/debrief-series";
import { formatDuration } from "~/domain/feedback-timing";
import { can, decideLoopAction } from "~/domain/permissions";
import { decisionSchema } from "~/schemas/decision";
import { voidFeedbackSchema } from "~/schemas/void-feedback";
import { requireLoopPermission } from "~/server/auth/guards.server";
import { getDebrief } from "~/server/debrief/debrief.server";
import { recordDecision } from "~/server/debrief/decisions.server";
import { voidFeedback } from "~/server/feedback/void-feedback.server";
import { readForm } from "~/server/http/read-form.server";
import { formatDateTime } from "~/utils/format";
import { replyWithServiceError, serviceErrorReply } from "~/server/form-reply.server";
import { ServiceError } from "~/server/service-error.server";
import { decisionOutcomeLabels, stageLabels, trackLabels } from "~/domain/vocabulary";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `Debrief: ${page.debrief.loop.candidate.name} · Calibrate` : "Debrief · Calibrate" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, relationship } = await requireLoopPermission({ request, context }, params.loopId, "debrief.read");
  const debrief = await getDebrief(user, params.loopId ?? "", relationship);
  // Voided scorecards stay on the page but are drawn in no chart.
  const submitted = debrief.rows.filter((row) => row.submittedAt && !row.voided);
  const biasIndex = debrief.dimensions.findIndex((dimension) => dimension.key === "engineering_bias");
  // Where "back" leads: the list this person reached the debrief from.
  const back = can(user, "loops.list")
    ? { to: "/loops", label: "Back to loops" }
    : can(user, "pipeline.read")
      ? { to: "/pipeline", label: "Back to the pipeline" }
      : { to: "/rounds", label: "Back to my rounds" };
  return {
    back,
    debrief,
    charts: {
      strip: stripPlotSeries(
        debrief.dimensions,
        submitted.flatMap((row) => row.cells.map((cell) => ({ ...cell, interviewer: row.interviewerName }))),
      ),
      recommendations: recommendationSeries(submitted.map((row) => row.recommendation)),
      bias:
        biasIndex === -1
          ? null
          : biasBalanceSeries(
              submitted.map((row) => ({ interviewer: row.interviewerName, value: row.cells[biasIndex]!.value })),
            ),
    },
  };
}

/**
 * Two forms post here: the decision (the default intent) and an admin's void
 * of one scorecard (intent "void"). Each is allowed by its own loop action and
 * parsed by its own schema; the services check the permission again.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, relationship } = await requireLoopPermission({ request, context }, params.loopId, "debrief.read");
  const loopId = params.loopId ?? "";
  const formData = await readForm({ request, context });
  const voiding = formData.get("intent") === "void";
  const verdict = decideLoopAction(user, relationship, voiding ? "feedback.void" : "decision.record");
  if (!verdict.allowed) throw data({ message: verdict.reason }, { status: verdict.status });

  if (voiding) {
    const submission = parseWithZod(formData, { schema: voidFeedbackSchema });
    const feedbackId = String(formData.get("feedbackId") ?? "");
    if (submission.status !== "success")
      return data({ void: { feedbackId, result: submission.reply() } }, { status: 400 });
    try {
      await voidFeedback(user, loopId, submission.value);
    } catch (error) {
      if (error instanceof ServiceError)
        return data({ void: { feedbackId, result: serviceErrorReply(submission, error) } }, { status: error.status });
      throw error;
    }
    return { void: { feedbackId, result: submission.reply({ resetForm: true }) } };
  }

  const submission = parseWithZod(formData, { schema: decisionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    await recordDecision(user, loopId, submission.value);
  } catch (error) {
    if (error instanceof ServiceError) return replyWithServiceError(submission, error);
    throw error;
  }
  return submission.reply({ resetForm: true });
}

export default function DebriefPage() {
  const { debrief, charts, back } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const voidResult: VoidResult | undefined = actionData && "void" in actionData ? actionData.void : undefined;
  const lastResult = actionData && !("void" in actionData) ? actionData : undefined;
  const { loop } = debrief;
  const late = debrief.rows.filter((row) => row.overdueByMs !== null);
  const voidedCount = debrief.rows.filter((row) => row.voided).length;
  const splitKeys = debrief.agenda.discussFirst.filter((spread) => spread.split).map((spread) => spread.key);
  const amendedRows = debrief.rows.filter((row) => row.amended);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-bold">Debrief: {loop.candidate.name}</h1>
            <p className="text-slate-700">
              {loop.roleTitle} · target {loop.targetLevel} · {trackLabels[loop.track]} ·{" "}
              {loop.candidate.source === "internal" ? "Internal transfer" : "External"} · now{" "}
              {loop.candidate.currentRole}, {loop.candidate.currentLevel}
            </p>
            <p className="text-slate-700">
              Stage{" "}
              <span className="font-semibold" data-testid="stage">
                {stageLabels[loop.stage]}
              </span>{" "}
              · {loop.daysInLoop} days in loop · hiring manager {loop.hiringManagerName} · rubric v{loop.rubricVersion}
              {loop.debriefAt ? ` · debrief ${formatDateTime(loop.debriefAt)}` : ""}
            </p>
          </div>
          <div className="no-print flex gap-2">
            <a href={`/loops/${loop.id}/ratings.csv`} className="btn-secondary" download>
              Export ratings (CSV)
            </a>
            <button type="button" className="btn-secondary" onClick={() => window.print()}>
              Print packet
            </button>
          </div>
        </div>
        <p className="text-sm">
          <span className="font-semibold" data-testid="feedback-count">
            Feedback {debrief.submittedCount}/{debrief.expectedCount}
          </span>{" "}
          submitted
          {voidedCount ? ` (${voidedCount} voided scorecard${voidedCount === 1 ? "" : "s"} not counted)` : ""}.{" "}
          {late.length ? (
            <span className="text-red-800">
              Late:{" "}
              {late
                .map((row) => `${row.interviewerName} (${row.typeLabel}, ${formatDuration(row.overdueByMs!)} overdue)`)
                .join("; ")}
              .
            </span>
          ) : (
            "No one is late."
          )}
        </p>
      </header>

      {!debrief.rows.some((row) => row.submittedAt) ? (
        <EmptyState title="No feedback submitted yet">
          The panel's ratings appear here as interviewers submit. Late interviewers are listed above.
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="agenda-heading">
            <Agenda agenda={debrief.agenda} />
          </section>
          <section aria-labelledby="matrix-heading" className="space-y-3">
            <h2 id="matrix-heading" className="text-lg font-semibold">
              Panel
            </h2>
            <PanelMatrix debrief={debrief} voidResult={voidResult} />
          </section>
          <section aria-labelledby="spread-heading" className="space-y-3">
            <h2 id="spread-heading" className="text-lg font-semibold">
              Spread per dimension
            </h2>
            <SpreadTable spreads={debrief.spreads} adjustedMeans={debrief.adjustedMeans} />
            <p className="text-sm text-slate-700">
              {debrief.adjustedMeans
                ? "Severity-adjusted: each rating minus its interviewer's rater effect on that dimension (how much more leniently or harshly they rate than panels do), so a harsh interviewer's 2 reads closer to what it means. "
                : ""}
              Panel agreement on this candidate's profile (Krippendorff's alpha, ordinal, dimensions as units):{" "}
              <span className="font-semibold" data-testid="loop-alpha">
                {debrief.loopAlpha === null ? "not defined yet" : debrief.loopAlpha.toFixed(2)}
              </span>
              .
            </p>
          </section>
          <section aria-labelledby="charts-heading" className="space-y-3">
            <h2 id="charts-heading" className="text-lg font-semibold">
              At a glance
            </h2>
            <SpreadStripChart
              points={charts.strip}
              dimensions={debrief.dimensions.map((dimension) => dimension.name)}
            />
            <div className="grid gap-4 md:grid-cols-2">
              <RecommendationChart bars={charts.recommendations} />
              {charts.bias ? <BiasBalanceChart balance={charts.bias} /> : null}
            </div>
          </section>
          <section aria-labelledby="evidence-heading" className="space-y-3">
            <h2 id="evidence-heading" className="text-lg font-semibold">
              Evidence side by side
            </h2>
            <EvidenceSideBySide debrief={debrief} />
          </section>
          {amendedRows.length ? (
            <section aria-labelledby="amended-heading" className="space-y-3">
              <h2 id="amended-heading" className="text-lg font-semibold">
                Amended feedback
              </h2>
              {amendedRows.map((row) => (
                <div key={row.roundId}>
                  <p className="font-semibold">
                    {row.interviewerName} ({row.typeLabel})
                  </p>
                  <AmendmentList amendments={row.amendments} dimensions={debrief.dimensions} />
                </div>
              ))}
            </section>
          ) : null}
        </>
      )}

      <section aria-labelledby="decision-heading" className="space-y-3">
        <h2 id="decision-heading" className="text-lg font-semibold">
          Decision
        </h2>
        {debrief.decision ? (
          <div className="card" data-testid="current-decision">
            <p className="text-lg font-semibold">
              {decisionOutcomeLabels[debrief.decision.outcome]}
              {debrief.decision.level ? ` at ${debrief.decision.level}` : ""}
            </p>
            <p className="text-sm text-slate-700">
              {debrief.decision.decidedBy.name}, {formatDateTime(debrief.decision.decidedAt)} · rests on{" "}
              {debrief.decision.dimensionKeys
                .map((key) => debrief.dimensions.find((dimension) => dimension.key === key)?.name ?? key)
                .join(", ")}
            </p>
            <p className="mt-2">{debrief.decision.rationale}</p>
            {debrief.decision.dissent ? <p className="mt-2 text-sm">Dissent: {debrief.decision.dissent}</p> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-700">No decision recorded yet.</p>
        )}
        {debrief.decisionHistory.length ? (
          <details className="card text-sm">
            <summary className="cursor-pointer font-semibold">
              Earlier decisions ({debrief.decisionHistory.length})
            </summary>
            <ul className="mt-2 space-y-2">
              {debrief.decisionHistory.map((decision) => (
                <li key={decision.id}>
                  {decisionOutcomeLabels[decision.outcome]} by {decision.decidedBy.name},{" "}
                  {formatDateTime(decision.decidedAt)} (replaced {formatDateTime(decision.supersededAt)}):{" "}
                  {decision.rationale}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {debrief.canDecide ? (
          <DecisionForm
            dimensions={debrief.dimensions}
            splitKeys={splitKeys}
            targetLevel={loop.targetLevel}
            lastResult={lastResult}
            hasDecision={Boolean(debrief.decision)}
          />
        ) : (
          <p className="text-sm text-slate-600">Only this loop's hiring manager records the decision.</p>
        )}
      </section>
      <p className="no-print text-sm">
        <Link to={back.to} className="link">
          {back.label}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
