import { data } from "@remix-run/node";
import type { ServiceError } from "./service-error.server";

/** What an action needs of a Conform submission to reply with an error (hides the type parameters). */
interface RepliableSubmission<Reply> {
  reply(options: { fieldErrors?: Record<string, string[]>; formErrors?: string[]; hideFields?: string[] }): Reply;
}

/**
 * The one way a form's action turns a service's refusal into the form's reply:
 * the message goes next to the field it concerns (or above the form), with the
 * refusal's status. What was typed stays in the form.
 */
export function replyWithServiceError<Reply>(
  submission: RepliableSubmission<Reply>,
  error: ServiceError,
  options: { hideFields?: string[] } = {},
) {
  return data(serviceErrorReply(submission, error, options), { status: error.status });
}

/** The form's reply alone, for actions that send it inside a larger answer (send it with `error.status`). */
export function serviceErrorReply<Reply>(
  submission: RepliableSubmission<Reply>,
  error: ServiceError,
  options: { hideFields?: string[] } = {},
): Reply {
  return error.field
    ? submission.reply({ fieldErrors: { [error.field]: [error.message] }, hideFields: options.hideFields })
    : submission.reply({ formErrors: [error.message], hideFields: options.hideFields });
}
