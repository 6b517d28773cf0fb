import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldErrors } from "~/components/field";
import { stageLabels } from "~/domain/stages";
import { requirePermission } from "~/server/auth/guards.server";
import { listStageSettings, saveStageSettings } from "~/server/loops/stage-settings.server";
import { readForm } from "~/server/http/read-form.server";

export const meta: MetaFunction = () => [{ title: "Stage durations · Calibrate" }];

const STAGES = [
  "sourced",
  "screen",
  "loop_scheduled",
  "in_loop",
  "awaiting_feedback",
  "debrief",
  "decided",
  "offer",
] as const;
const days = z.coerce
  .number({ error: "Enter a number of days" })
  .int("Use whole days")
  .min(1, "At least 1 day")
  .max(365, "At most 365 days");
const stageSettingsSchema = z.object(
  Object.fromEntries(STAGES.map((stage) => [stage, days])) as Record<(typeof STAGES)[number], typeof days>,
);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "stages.manage");
  return { settings: await listStageSettings() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission({ request, context }, "stages.manage");
  const parsed = stageSettingsSchema.safeParse(Object.fromEntries(await readForm({ request, context })));
  if (!parsed.success)
    return data(
      { errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, saved: false },
      { status: 400 },
    );
  await saveStageSettings(admin.id, parsed.data);
  return { errors: {} as Record<string, string[]>, saved: true };
}

export default function StageSettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Stage durations</h1>
      <p className="text-sm text-slate-700">A loop longer than this in a stage is marked stuck in the pipeline.</p>
      {result?.saved ? (
        <p role="status" className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
          Saved.
        </p>
      ) : null}
      <Form method="post" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {STAGES.map((stage) => (
          <div key={stage}>
            <label htmlFor={`stage-${stage}`} className="label">
              {stageLabels[stage]} (days)
            </label>
            <input
              id={`stage-${stage}`}
              name={stage}
              type="number"
              min={1}
              max={365}
              defaultValue={settings[stage] ?? ""}
              className="input mt-1"
            />
            <FieldErrors id={`stage-${stage}-error`} errors={result?.errors[stage]} />
          </div>
        ))}
        <div className="sm:col-span-2 lg:col-span-4">
          <button type="submit" className="btn-primary">
            Save durations
          </button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
