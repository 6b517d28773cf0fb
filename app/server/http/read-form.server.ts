import type { AppLoadContext } from "@remix-run/node";
import { env } from "~/env.server";
import { contentTypeProblem, fieldProblem, type Rejection, tooLarge } from "./form-rules.server";
import { ServiceError } from "../service-error.server";

export type FormResult = { ok: true; form: FormData } | { ok: false; rejection: Rejection };

interface FormArgs {
  request: Request;
  context?: AppLoadContext;
}

/**
 * An action's form, or the reason it cannot be read: the HTTP layer's verdict
 * when it already refused the body (too large, not a form, broken), otherwise
 * the same checks made here, so every action answers 400/413/415 the same way
 * however the request reached it.
 */
export async function readFormResult({ request, context }: FormArgs): Promise<FormResult> {
  if (context?.bodyRejection) return { ok: false, rejection: context.bodyRejection };
  const typeProblem = contentTypeProblem(request.headers.get("Content-Type"));
  if (typeProblem) return { ok: false, rejection: typeProblem };
  if (Number(request.headers.get("Content-Length") ?? 0) > env.FORM_BODY_LIMIT) {
    return { ok: false, rejection: tooLarge(env.FORM_BODY_LIMIT) };
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return {
      ok: false,
      rejection: { status: 400, message: "The form could not be read: its body is not valid form data." },
    };
  }
  const problem = fieldProblem(form.entries());
  return problem ? { ok: false, rejection: problem } : { ok: true, form };
}

/** The action's form; throws a 400/413/415 response with the reason when it cannot be read. */
export async function readForm(args: FormArgs): Promise<FormData> {
  const result = await readFormResult(args);
  if (!result.ok) throw new ServiceError(result.rejection.status, result.rejection.message);
  return result.form;
}
