import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FeedbackForm } from "~/components/feedback/feedback-form";
import { FeedbackReadout } from "~/components/feedback/feedback-readout";
import { initialFeedbackValues, type FeedbackFormValues } from "~/domain/feedback-form-state";
import { feedbackSchema, toContent } from "~/schemas/feedback";
import { requireUser } from "~/server/auth/guards.server";
import { getRoundForInterviewer, newSubmitKey } from "~/server/feedback/feedback-form.server";
import { roundRubricFor } from "~/server/feedback/round-rubric.server";
import { amendFeedback, submitFeedback } from "~/server/feedback/feedback-writes.server";
import { readForm } from "~/server/http/read-form.server";
import { formatDateTime } from "~/utils/format";
import { replyWithServiceError } from "~/server/form-reply.server";
import { ServiceError } from "~/server/service-error.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  {
    title: page ? `Feedback: ${page.loop.candidate.name}, ${page.round.typeLabel} · Calibrate` : "Feedback · Calibrate",
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser({ request, context });
  const page = await getRoundForInterviewer(user, params.roundId ?? "");
  const submitted = page.own?.status === "submitted";
  const amend = submitted && new URL(request.url).searchParams.get("amend") === "1";
  return {
    ...page,
    mode: submitted ? (amend ? ("amend" as const) : ("view" as const)) : ("submit" as const),
    submitKey: newSubmitKey(),
    initialValues: initialFeedbackValues({
      dimensionKeys: page.rubric.dimensions.map((dimension) => dimension.key),
      focusKeys: page.round.focusDimensionKeys,
      draft: page.own?.status === "draft" ? page.own.draft : null,
      submitted: submitted ? page.own : null,
    }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser({ request, context });
  const roundId = params.roundId ?? "";
  const rubric = await roundRubricFor(user, roundId);
  if (!rubric) throw data({ message: "This round does not exist or is not assigned to you." }, { status: 404 });
  const keys = rubric.dimensions.map((dimension) => dimension.key);
  const formData = await readForm({ request, context });
  const intent = formData.get("intent") === "amend" ? "amend" : "submit";
  const submission = parseWithZod(formData, { schema: feedbackSchema(keys, intent) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });

  const content = toContent(submission.value, keys, rubric.flagKeys);
  try {
    if (intent === "submit") {
      if (!submission.value.submitKey)
        return data(submission.reply({ formErrors: ["Reload the page: the form is missing its submit key."] }), {
          status: 400,
        });
      await submitFeedback(user, rubric, {
        version: submission.value.version,
        submitKey: submission.value.submitKey,
        content,
      });
    } else {
      await amendFeedback(user, roundId, { reason: submission.value.reason ?? "", content });
    }
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.details.reason === "conflict") {
      return data(
        submission.reply({
          formErrors: [
            `Not submitted: this feedback was saved from another tab or window at ${formatDateTime(String(error.details.updatedAt))}. Reload to see that version, then submit.`,
          ],
        }),
        { status: 409 },
      );
    }
    return replyWithServiceError(submission, error);
  }
  throw redirect(`/rounds/${roundId}?${intent === "amend" ? "amended" : "submitted"}=1`);
}

export default function FeedbackPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // Without JavaScript the page reloads after an error: start from what was typed, not the saved draft.
  const typed = lastResult?.initialValue as Partial<FeedbackFormValues> | undefined;
  const initialValues: FeedbackFormValues = typed
    ? {
        ratings: { ...page.initialValues.ratings, ...(typed.ratings ?? {}) },
        flags: Array.isArray(typed.flags) ? typed.flags : typed.flags ? [String(typed.flags)] : [],
        recommendation: typed.recommendation,
        summary: typed.summary ?? "",
      }
    : page.initialValues;
  const flagLabels = Object.fromEntries(page.rubric.flags.map((flag) => [flag.key, flag.label]));

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/rounds" className="link">
          My rounds
        </Link>{" "}
        /{" "}
        <Link to={`/rounds/${page.round.id}`} className="link">
          {page.loop.candidate.name}, {page.round.typeLabel}
        </Link>
      </nav>
      <header>
        <h1 className="text-2xl font-bold">
          {page.mode === "amend" ? "Amend feedback" : page.mode === "view" ? "Your feedback" : "Feedback"}:{" "}
          {page.loop.candidate.name}
        </h1>
        <p className="text-slate-700">
          {page.round.typeLabel} · {formatDateTime(page.round.scheduledAt)} · rubric v{page.rubric.version}
          {page.round.feedbackDueAt ? ` · due ${formatDateTime(page.round.feedbackDueAt)}` : ""}
        </p>
      </header>

      {page.mode === "view" && page.own ? (
        <section className="card">
          <p className="mb-3 text-sm text-slate-700">
            Submitted {formatDateTime(page.own.submittedAt)}. Submitted feedback is read-only; amend it with a reason if
            something needs to change.
          </p>
          <FeedbackReadout content={page.own} dimensions={page.rubric.dimensions} flagLabels={flagLabels} />
          <Link to="?amend=1" className="btn-secondary mt-4">
            Amend feedback
          </Link>
        </section>
      ) : (
        <FeedbackForm
          roundId={page.round.id}
          mode={page.mode === "amend" ? "amend" : "submit"}
          dimensions={page.rubric.dimensions}
          flags={page.rubric.flags}
          focusKeys={page.round.focusDimensionKeys}
          initialValues={initialValues}
          version={page.own?.version ?? 0}
          submitKey={page.submitKey}
          serverUpdatedAt={page.own?.updatedAt ?? null}
          lastResult={lastResult}
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
