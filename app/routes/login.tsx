import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FieldErrors } from "~/components/field";
import { homePathFor } from "~/domain/navigation";
import { describeWait } from "~/domain/sign-in-throttle";
import { loginSchema } from "~/schemas/auth";
import { signIn } from "~/server/auth/sign-in.server";
import { assertSameOrigin } from "~/server/auth/origin.server";
import { getOptionalUser } from "~/server/auth/guards.server";
import { readForm } from "~/server/http/read-form.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta: MetaFunction = () => [{ title: "Sign in · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser({ request, context });
  if (user) {
    const redirectTo = new URL(request.url).searchParams.get("redirectTo");
    throw redirect(safeRedirect(redirectTo, homePathFor(user.role)));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const submission = parseWithZod(await readForm({ request, context }), { schema: loginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signIn({ ...submission.value, ip: context.clientIp ?? "unknown" }, request);
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? `Too many failed sign-ins from here. Wait ${describeWait(result.retryAfterMs)} and try again.`
        : "That email and password do not match an active account.";
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: result.reason === "throttled" ? 429 : 400,
      headers:
        result.reason === "throttled" ? { "Retry-After": String(Math.ceil(result.retryAfterMs / 1000)) } : undefined,
    });
  }
  throw redirect(safeRedirect(submission.value.redirectTo, homePathFor(result.role)), {
    headers: { "Set-Cookie": result.cookie },
  });
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-3xl font-bold tracking-tight text-indigo-800">Calibrate</h1>
        <p className="mt-2 text-center text-sm text-slate-600">Interview calibration for engineer-to-PM hiring</p>
        <Form method="post" {...getFormProps(form)} className="card mt-8 space-y-4">
          <h2 className="text-lg font-semibold">Sign in</h2>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <Field
            label="Email"
            errors={fields.email.errors}
            inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", autoFocus: true }}
          />
          <Field
            label="Password"
            errors={fields.password.errors}
            inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
          />
          <div role="alert" aria-live="polite">
            {/* The server's answer stays until the next attempt rather than vanishing on blur. */}
            <FieldErrors id={form.errorId} errors={lastResult?.error?.[""] ?? null} />
          </div>
          <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
          </button>
        </Form>
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
