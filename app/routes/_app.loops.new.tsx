import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FieldErrors, FormFooter } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { newLoopSchema } from "~/schemas/loop-admin";
import { requirePermission } from "~/server/auth/guards.server";
import { createLoopFromTemplate } from "~/server/loops/loops.server";
import { candidateForLoop, loopFormOptions } from "~/server/loops/loop-forms.server";
import { replyWithServiceError } from "~/server/form-reply.server";
import { ServiceError } from "~/server/service-error.server";
import { roundTypeLabels, trackOptions } from "~/domain/vocabulary";
import { readForm } from "~/server/http/read-form.server";

export const meta: MetaFunction = () => [{ title: "New loop · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "candidates.create");
  const candidate = await candidateForLoop(new URL(request.url).searchParams.get("candidateId") ?? "");
  if (!candidate)
    throw data(
      { message: "Choose a candidate first: add one, or open a loop from an existing candidate." },
      { status: 404 },
    );
  return { candidate, ...(await loopFormOptions()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission({ request, context }, "candidates.create");
  const submission = parseWithZod(await readForm({ request, context }), { schema: newLoopSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const loop = await createLoopFromTemplate(user, submission.value);
    throw redirect(`/loops/${loop.id}`);
  } catch (error) {
    if (error instanceof ServiceError) return replyWithServiceError(submission, error);
    throw error;
  }
}

export default function NewLoopPage() {
  const { candidate, hiringManagers, templates } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "loop",
    lastResult,
    defaultValue: {
      candidateId: candidate.id,
      roleTitle:
        candidate.track === "technical_pm"
          ? "Technical Product Manager"
          : candidate.track === "apm"
            ? "Associate Product Manager"
            : "Product Manager",
      hiringManagerId: candidate.hiringManagerId,
      track: candidate.track,
      targetLevel: candidate.targetLevel,
      templateId: candidate.source === "internal" ? "internal" : "standard",
    },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newLoopSchema }),
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">New loop for {candidate.name}</h1>
      <Form method="post" {...getFormProps(form)} className="card grid gap-3 md:grid-cols-2">
        <input {...getInputProps(fields.candidateId, { type: "hidden" })} />
        <Field
          label="Role title"
          errors={fields.roleTitle.errors}
          inputProps={getInputProps(fields.roleTitle, { type: "text" })}
        />
        <Field
          label="Target level"
          errors={fields.targetLevel.errors}
          inputProps={getInputProps(fields.targetLevel, { type: "text" })}
        />
        <SelectField
          label="Track"
          selectProps={getSelectProps(fields.track)}
          errors={fields.track.errors}
          errorId={fields.track.errorId}
          options={trackOptions}
          placeholder={null}
        />
        <SelectField
          label="Hiring manager"
          selectProps={getSelectProps(fields.hiringManagerId)}
          errors={fields.hiringManagerId.errors}
          errorId={fields.hiringManagerId.errorId}
          options={hiringManagers.map((manager) => [manager.id, manager.name] as const)}
        />
        <fieldset className="md:col-span-2">
          <legend className="label">Plan the rounds from a template</legend>
          <div className="mt-1 space-y-1">
            {templates.map((template) => (
              <label key={template.id} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name={fields.templateId.name}
                  value={template.id}
                  defaultChecked={fields.templateId.initialValue === template.id}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{template.name}</span>
                  <span className="block text-slate-600">
                    {template.roundTypes.map((type) => roundTypeLabels[type]).join(" → ")}
                  </span>
                </span>
              </label>
            ))}
          </div>
          <FieldErrors id={fields.templateId.errorId} errors={fields.templateId.errors} />
        </fieldset>
        <FormFooter errorId={form.errorId} errors={form.errors} label="Open loop" />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
