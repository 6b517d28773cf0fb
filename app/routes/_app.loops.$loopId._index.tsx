import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldErrors } from "~/components/field";
import { LoopTimelineChart } from "~/components/loop-timeline-chart";
import { addRoundSchema, cancelRoundSchema, changeStageSchema, scheduleRoundSchema } from "~/schemas/loop-admin";
import { requireLoopPermission } from "~/server/auth/guards.server";
import { allows } from "~/server/auth/permissions.server";
import { addRound, cancelRound, scheduleRound } from "~/server/loops/rounds.server";
import { changeStage } from "~/server/loops/loops.server";
import { getLoopForRecruiter } from "~/server/loops/loop-page.server";
import { type LoopStage } from "~/generated/prisma/enums";
import { readForm } from "~/server/http/read-form.server";
import { formatDateTime } from "~/utils/format";
import { ServiceError } from "~/server/service-error.server";
import { roundTypeLabels, roundTypes, stageLabels, stageOrder } from "~/domain/vocabulary";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.loop.candidate.name} · Loop · Calibrate` : "Loop · Calibrate" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, relationship } = await requireLoopPermission({ request, context }, params.loopId, "loop.view");
  const page = await getLoopForRecruiter(params.loopId ?? "");
  return { ...page, canManage: allows(user, relationship, "loop.manage") };
}

type ActionResult = {
  roundId?: string;
  message?: string;
  warnings?: string[];
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireLoopPermission({ request, context }, params.loopId, "loop.manage");
  const form = Object.fromEntries(await readForm({ request, context })) as Record<string, string>;
  const reply = (result: ActionResult, status = 200) => data(result, { status });
  try {
    if (form.intent === "schedule") {
      const parsed = scheduleRoundSchema.safeParse(form);
      if (!parsed.success)
        return reply(
          { roundId: form.roundId, fieldErrors: z.flattenError(parsed.error).fieldErrors, values: form },
          400,
        );
      const result = await scheduleRound(user, {
        ...parsed.data,
        loopId: params.loopId ?? "",
        confirm: parsed.data.confirm === "yes",
      });
      if (!result.saved)
        return reply({
          roundId: form.roundId,
          warnings: result.warnings.map((warning) => warning.message),
          values: form,
        });
      return reply({ roundId: form.roundId, message: "Round scheduled." });
    }
    if (form.intent === "cancel") {
      const parsed = cancelRoundSchema.safeParse(form);
      if (!parsed.success)
        return reply({ roundId: form.roundId, fieldErrors: z.flattenError(parsed.error).fieldErrors }, 400);
      await cancelRound(user, { ...parsed.data, loopId: params.loopId ?? "" });
      return reply({ roundId: form.roundId, message: "Round cancelled." });
    }
    if (form.intent === "add-round") {
      const parsed = addRoundSchema.safeParse(form);
      if (!parsed.success) return reply({ fieldErrors: z.flattenError(parsed.error).fieldErrors, values: form }, 400);
      await addRound(user, { loopId: params.loopId ?? "", type: parsed.data.type });
      return reply({ message: `${roundTypeLabels[parsed.data.type]} round added: schedule it below.` });
    }
    const parsed = changeStageSchema.safeParse(form);
    if (!parsed.success) return reply({ fieldErrors: z.flattenError(parsed.error).fieldErrors, values: form }, 400);
    await changeStage(user, params.loopId ?? "", parsed.data.stage, parsed.data.reason);
    return reply({
      message:
        parsed.data.stage === "closed"
          ? "Loop closed; its open rounds were cancelled with the reason given."
          : `Moved to ${stageLabels[parsed.data.stage]}.`,
    });
  } catch (error) {
    if (error instanceof ServiceError) {
      return reply(
        {
          roundId: form.roundId,
          message: error.message,
          fieldErrors: error.field ? { [error.field]: [error.message] } : undefined,
          values: form,
        },
        error.status,
      );
    }
    throw error;
  }
}

export default function LoopPage() {
  const { loop, people, canManage, timeline } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const stageResult = result?.values?.intent === "stage" ? result : undefined;
  const addRoundResult = result?.values?.intent === "add-round" ? result : undefined;
  // Rounds are added while the loop is still interviewing (More signal needed reopens a decided loop).
  const interviewing = !["decided", "offer", "closed"].includes(loop.stage);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{loop.candidate.name}</h1>
          <p className="text-slate-700">
            {loop.roleTitle} · target {loop.targetLevel} ·{" "}
            {loop.candidate.source === "internal" ? "Internal" : "External"} · now {loop.candidate.currentRole},{" "}
            {loop.candidate.currentLevel} · hiring manager {loop.hiringManager.name}
          </p>
          <p className="text-slate-700">
            Stage{" "}
            <span className="font-semibold" data-testid="loop-stage">
              {stageLabels[loop.stage]}
            </span>{" "}
            for {loop.daysInStage} days · {loop.daysInLoop} days in loop
          </p>
        </div>
        <div className="flex gap-2">
          {canManage ? (
            <Link to="edit" className="btn-secondary">
              Edit
            </Link>
          ) : null}
          <Link to={`/loops/${loop.id}/debrief`} className="btn-secondary">
            Debrief
          </Link>
        </div>
      </header>
      {result?.message && !result.roundId && !result.fieldErrors ? (
        <p role="status" className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
          {result.message}
        </p>
      ) : null}

      <section aria-labelledby="pace-heading" className="space-y-3">
        <h2 id="pace-heading" className="sr-only">
          Timeline and pace
        </h2>
        <p className="text-sm" data-testid="pace">
          {timeline.pace.decided ? "Decided" : "Running"} on day {Math.floor(timeline.pace.days)};{" "}
          {loop.candidate.source === "internal" ? "internal transfers" : "external candidates"} typically reach a
          decision in about {timeline.reference} days{" "}
          <span className={timeline.pace.versusReference > 0 ? "font-semibold text-red-800" : "text-green-800"}>
            ({Math.abs(Math.round(timeline.pace.versusReference))} days{" "}
            {timeline.pace.versusReference > 0 ? "over" : "under"})
          </span>
          . A typical loop is 4-6 rounds over 2-3 weeks.
        </p>
        <LoopTimelineChart timeline={timeline} />
      </section>

      <section aria-labelledby="rounds-heading" className="space-y-3">
        <h2 id="rounds-heading" className="text-lg font-semibold">
          Rounds
        </h2>
        <ol className="space-y-3">
          {loop.rounds.map((round) => {
            const mine = result?.roundId === round.id ? result : undefined;
            const values = mine?.values;
            return (
              <li key={round.id} className="card space-y-3" data-testid={`round-${round.type}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold">{round.typeLabel}</h3>
                  <p className="text-sm text-slate-700">
                    {round.status === "cancelled"
                      ? `Cancelled: ${round.cancelledReason}`
                      : round.scheduledAt
                        ? `${formatDateTime(round.scheduledAt)} · ${round.durationMinutes} min · ${round.interviewerName ?? "no interviewer"}`
                        : "Not scheduled yet"}
                    {round.state === "overdue" ? (
                      <span className="ml-2 font-semibold text-red-800">feedback overdue</span>
                    ) : null}
                    {round.state === "submitted" ? <span className="ml-2 text-green-800">feedback in</span> : null}
                  </p>
                </div>
                {round.reminders.length ? (
                  <p className="text-xs text-slate-700" data-testid="reminders">
                    {round.reminders.filter((reminder) => reminder.kind === "feedback_overdue").length
                      ? `Reminded ${round.interviewerName} ${round.reminders.filter((reminder) => reminder.kind === "feedback_overdue").length}× about overdue feedback, last ${formatDateTime(round.reminders.filter((reminder) => reminder.kind === "feedback_overdue").at(-1)!.sentAt)}. `
                      : ""}
                    {round.reminders.some((reminder) => reminder.kind === "round_upcoming")
                      ? "Round notice sent. "
                      : ""}
                  </p>
                ) : null}
                {mine?.message ? (
                  <p role="status" className="text-sm text-indigo-900">
                    {mine.message}
                  </p>
                ) : null}
                {canManage && round.status !== "cancelled" && !round.locked ? (
                  <Form
                    method="post"
                    className="grid gap-3 text-sm md:grid-cols-5"
                    aria-label={`Schedule ${round.typeLabel}`}
                  >
                    <input type="hidden" name="intent" value="schedule" />
                    <input type="hidden" name="roundId" value={round.id} />
                    <div>
                      <label htmlFor={`at-${round.id}`} className="label">
                        Date and time (UTC)
                      </label>
                      <input
                        id={`at-${round.id}`}
                        type="datetime-local"
                        name="scheduledAt"
                        defaultValue={values?.scheduledAt ?? round.scheduledAtInput}
                        className="input mt-1"
                        required
                      />
                      <FieldErrors id={`at-${round.id}-error`} errors={mine?.fieldErrors?.scheduledAt} />
                    </div>
                    <div>
                      <label htmlFor={`len-${round.id}`} className="label">
                        Minutes
                      </label>
                      <input
                        id={`len-${round.id}`}
                        type="number"
                        name="durationMinutes"
                        min={15}
                        max={240}
                        defaultValue={values?.durationMinutes ?? round.durationMinutes}
                        className="input mt-1"
                        required
                      />
                      <FieldErrors id={`len-${round.id}-error`} errors={mine?.fieldErrors?.durationMinutes} />
                    </div>
                    <div>
                      <label htmlFor={`who-${round.id}`} className="label">
                        Interviewer
                      </label>
                      <select
                        id={`who-${round.id}`}
                        name="interviewerId"
                        defaultValue={values?.interviewerId ?? round.interviewerId ?? ""}
                        className="input mt-1"
                        required
                      >
                        <option value="">Choose…</option>
                        {people
                          .filter((person) => person.role !== "recruiter" || round.type === "recruiter_screen")
                          .map((person) => (
                            <option key={person.id} value={person.id}>
                              {person.name}
                            </option>
                          ))}
                      </select>
                      <FieldErrors id={`who-${round.id}-error`} errors={mine?.fieldErrors?.interviewerId} />
                    </div>
                    {round.scheduledAt ? (
                      <div>
                        <label htmlFor={`why-${round.id}`} className="label">
                          Reason for moving it
                        </label>
                        <input
                          id={`why-${round.id}`}
                          name="reason"
                          defaultValue={values?.reason ?? ""}
                          className="input mt-1"
                        />
                        <FieldErrors id={`why-${round.id}-error`} errors={mine?.fieldErrors?.reason} />
                      </div>
                    ) : (
                      <div />
                    )}
                    <div className="flex items-end pb-6">
                      {mine?.warnings?.length ? <input type="hidden" name="confirm" value="yes" /> : null}
                      <button type="submit" className="btn-primary" disabled={busy}>
                        {mine?.warnings?.length ? "Schedule anyway" : round.scheduledAt ? "Reschedule" : "Schedule"}
                      </button>
                    </div>
                    {mine?.warnings?.length ? (
                      <ul role="alert" className="list-disc pl-5 text-amber-900 md:col-span-5">
                        {mine.warnings.map((warning) => (
                          <li key={warning}>{warning}</li>
                        ))}
                      </ul>
                    ) : null}
                  </Form>
                ) : null}
                {canManage && round.status !== "cancelled" && round.locked ? (
                  <p className="text-xs text-slate-700" data-testid="cancel-absent">
                    Feedback is in, so this round stays on the record (no cancelling); an admin can void the scorecard
                    in the debrief.
                  </p>
                ) : null}
                {canManage && round.status !== "cancelled" && !round.locked ? (
                  <details className="text-sm">
                    <summary className="cursor-pointer text-slate-700">Cancel this round</summary>
                    <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                      <input type="hidden" name="intent" value="cancel" />
                      <input type="hidden" name="roundId" value={round.id} />
                      <div>
                        <label htmlFor={`cancel-${round.id}`} className="label">
                          Reason
                        </label>
                        <input id={`cancel-${round.id}`} name="reason" className="input mt-1" required />
                      </div>
                      <button type="submit" className="btn-danger">
                        Cancel round
                      </button>
                    </Form>
                  </details>
                ) : null}
                {round.changes.length ? (
                  <details className="text-xs text-slate-700">
                    <summary className="cursor-pointer">History ({round.changes.length})</summary>
                    <ul className="mt-1 space-y-0.5">
                      {round.changes.map((change, index) => (
                        <li key={index}>
                          {formatDateTime(change.changedAt)}: {change.kind} by {change.changedBy.name}
                          {change.reason ? ` (${change.reason})` : ""}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      {canManage && interviewing ? <AddRoundForm result={addRoundResult} /> : null}

      <section aria-labelledby="stage-heading" className="space-y-3">
        <h2 id="stage-heading" className="text-lg font-semibold">
          Stage
        </h2>
        <ol className="text-sm">
          {loop.stageChanges.map((change, index) => (
            <li key={index}>
              {formatDateTime(change.changedAt)}: {change.fromStage ? `${stageLabels[change.fromStage]} → ` : ""}
              {stageLabels[change.toStage]}
              {change.changedBy ? ` by ${change.changedBy.name}` : ""}
              {change.reason ? ` (${change.reason})` : ""}
            </li>
          ))}
        </ol>
        {canManage ? <StageForm stage={loop.stage} result={stageResult} /> : null}
      </section>
    </div>
  );
}

function StageForm({ stage, result }: { stage: LoopStage; result: ActionResult | undefined }) {
  const errors = result?.fieldErrors;
  return (
    <Form method="post" className="card flex flex-wrap items-start gap-3 text-sm" aria-label="Change stage">
      <input type="hidden" name="intent" value="stage" />
      <div>
        <label htmlFor="stage" className="label">
          Move to
        </label>
        <select
          id="stage"
          name="stage"
          defaultValue={result?.values?.stage ?? stage}
          className="input mt-1 w-auto"
          aria-invalid={errors?.stage ? true : undefined}
          aria-describedby={errors?.stage ? "stage-error" : undefined}
        >
          {stageOrder
            .filter((option) => option !== "decided")
            .map((option) => (
              <option key={option} value={option}>
                {stageLabels[option]}
              </option>
            ))}
        </select>
        <FieldErrors id="stage-error" errors={errors?.stage} />
      </div>
      <div className="min-w-[16rem] flex-1">
        <label htmlFor="stage-reason" className="label">
          Reason
        </label>
        <input
          id="stage-reason"
          name="reason"
          defaultValue={result?.values?.reason ?? ""}
          className="input mt-1"
          aria-invalid={errors?.reason ? true : undefined}
          aria-describedby={errors?.reason ? "stage-reason-hint stage-reason-error" : "stage-reason-hint"}
        />
        <p id="stage-reason-hint" className="mt-1 text-xs text-slate-600">
          Closing (or a withdrawal) cancels the open rounds with this reason. A decided loop reopens only through More
          signal needed in the debrief.
        </p>
        <FieldErrors id="stage-reason-error" errors={errors?.reason} />
      </div>
      <button type="submit" className="btn-secondary mt-6">
        Change stage
      </button>
    </Form>
  );
}

function AddRoundForm({ result }: { result: ActionResult | undefined }) {
  const errors = result?.fieldErrors?.type;
  return (
    <section aria-labelledby="add-round-heading" className="space-y-2">
      <h2 id="add-round-heading" className="text-lg font-semibold">
        Add a round
      </h2>
      <Form method="post" className="card flex flex-wrap items-start gap-3 text-sm">
        <input type="hidden" name="intent" value="add-round" />
        <div>
          <label htmlFor="add-round-type" className="label">
            Round type
          </label>
          <select
            id="add-round-type"
            name="type"
            defaultValue={result?.values?.type ?? ""}
            className="input mt-1 w-auto"
            required
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? "add-round-type-error" : undefined}
          >
            <option value="">Choose…</option>
            {roundTypes.map((type) => (
              <option key={type} value={type}>
                {roundTypeLabels[type]}
              </option>
            ))}
          </select>
          <FieldErrors id="add-round-type-error" errors={errors} />
        </div>
        <button type="submit" className="btn-secondary mt-6">
          Add round
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
