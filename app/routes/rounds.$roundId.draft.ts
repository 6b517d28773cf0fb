import type { ActionFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { feedbackSchema } from "~/schemas/feedback";
import { getOptionalUser } from "~/server/auth/guards.server";
import { assertSameOrigin } from "~/server/auth/origin.server";
import { roundRubricFor } from "~/server/feedback/round-rubric.server";
import { saveDraft } from "~/server/feedback/feedback-writes.server";
import { ServiceError } from "~/server/service-error.server";
import { jsonEndpoint, jsonMethodNotAllowed } from "~/server/http/json-endpoint.server";
import { readFormResult } from "~/server/http/read-form.server";

/**
 * Autosave endpoint for the feedback form (fetch with keepalive, also on page
 * hide). Answers JSON, never a redirect, so a signed-out tab learns it must
 * sign in again instead of being navigated away from its typing.
 */
export const action = jsonEndpoint(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const user = await getOptionalUser({ request, context });
  if (!user)
    return Response.json(
      { ok: false, reason: "signed_out", message: "You are signed out. Sign in again to save." },
      { status: 401 },
    );
  const roundId = params.roundId ?? "";
  const rubric = await roundRubricFor(user, roundId);
  if (!rubric)
    return Response.json(
      { ok: false, reason: "not_found", message: "This round is not assigned to you." },
      { status: 404 },
    );

  const read = await readFormResult({ request, context });
  if (!read.ok) {
    return Response.json(
      { ok: false, reason: "unreadable", message: read.rejection.message },
      { status: read.rejection.status },
    );
  }
  const submission = parseWithZod(read.form, {
    schema: feedbackSchema(
      rubric.dimensions.map((dimension) => dimension.key),
      "draft",
    ),
  });
  if (submission.status !== "success") {
    return Response.json(
      { ok: false, reason: "invalid", message: "Some fields are too long to save.", errors: submission.error },
      { status: 400 },
    );
  }
  const { version, submitKey: _submitKey, reason: _reason, ...draft } = submission.value;
  try {
    const saved = await saveDraft(user, roundId, { version, draft });
    return Response.json({ ok: true, version: saved.version, savedAt: saved.savedAt.toISOString() });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    // A conflict says which version won and when, so the tab can offer to reload it.
    const reason = error.details.reason === "conflict" ? "conflict" : "state";
    return Response.json({ ok: false, reason, message: error.message, ...error.details }, { status: error.status });
  }
});

export async function loader() {
  return jsonMethodNotAllowed("POST");
}
