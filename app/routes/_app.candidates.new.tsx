import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CandidateFields } from "~/components/candidate-fields";
import { FormFooter } from "~/components/field";
import { candidateSchema } from "~/schemas/loop-admin";
import { requirePermission } from "~/server/auth/guards.server";
import { createCandidateRecord } from "~/server/loops/candidates.server";
import { loopFormOptions } from "~/server/loops/loop-forms.server";
import { serviceErrorReply } from "~/server/form-reply.server";
import { ServiceError } from "~/server/service-error.server";
import { readForm } from "~/server/http/read-form.server";

export const meta: MetaFunction = () => [{ title: "New candidate · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "candidates.create");
  return loopFormOptions();
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission({ request, context }, "candidates.create");
  const submission = parseWithZod(await readForm({ request, context }), { schema: candidateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), existingId: null }, { status: 400 });
  try {
    const candidate = await createCandidateRecord(user, submission.value);
    throw redirect(`/loops/new?candidateId=${candidate.id}`);
  } catch (error) {
    if (error instanceof ServiceError) {
      return data(
        {
          result: serviceErrorReply(submission, error),
          existingId: (error.details.existingCandidateId as string | undefined) ?? null,
        },
        { status: error.status },
      );
    }
    throw error;
  }
}

export default function NewCandidatePage() {
  const { hiringManagers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "candidate",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: candidateSchema }),
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">New candidate</h1>
      <Form method="post" {...getFormProps(form)} className="card grid gap-3 md:grid-cols-2">
        <CandidateFields
          fields={fields}
          hiringManagers={hiringManagers}
          afterEmail={
            actionData?.existingId ? (
              <p className="-mt-4 text-sm">
                <Link to={`/loops/new?candidateId=${actionData.existingId}`} className="link">
                  Open a loop for the existing candidate instead
                </Link>
              </p>
            ) : null
          }
        />
        <FormFooter errorId={form.errorId} errors={form.errors} label="Add candidate and open a loop" />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
