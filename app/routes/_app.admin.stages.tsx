import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormFooter } from "~/components/field";
import { stageSettingsSchema, TIMED_STAGES } from "~/schemas/stage-settings";
import { requirePermission } from "~/server/auth/guards.server";
import { listStageSettings, saveStageSettings } from "~/server/loops/stage-settings.server";
import { stageLabels } from "~/domain/vocabulary";
import { readForm } from "~/server/http/read-form.server";

export const meta: MetaFunction = () => [{ title: "Stage durations · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "stages.manage");
  return { settings: await listStageSettings() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission({ request, context }, "stages.manage");
  const submission = parseWithZod(await readForm({ request, context }), { schema: stageSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  await saveStageSettings(admin.id, submission.value);
  return { result: submission.reply(), saved: true };
}

export default function StageSettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<(typeof TIMED_STAGES)[number], number | string>>({
    id: "stage-settings",
    lastResult: actionData?.result,
    defaultValue: Object.fromEntries(TIMED_STAGES.map((stage) => [stage, settings[stage] ?? ""])),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: stageSettingsSchema }),
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Stage durations</h1>
      <p className="text-sm text-slate-700">A loop longer than this in a stage is marked stuck in the pipeline.</p>
      {actionData?.saved ? (
        <p role="status" className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
          Saved.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {TIMED_STAGES.map((stage) => (
          <Field
            key={stage}
            label={`${stageLabels[stage]} (days)`}
            errors={fields[stage].errors}
            inputProps={{ ...getInputProps(fields[stage], { type: "number" }), id: `stage-${stage}`, min: 1, max: 365 }}
          />
        ))}
        <FormFooter
          errorId={form.errorId}
          errors={form.errors}
          label="Save durations"
          className="sm:col-span-2 lg:col-span-4"
        />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
