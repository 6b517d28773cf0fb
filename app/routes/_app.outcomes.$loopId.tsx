import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormFooter } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { outcomeSchemaFor } from "~/schemas/outcomes";
import { requireLoopPermission } from "~/server/auth/guards.server";
import { getOutcomeForm, getPerformanceScale, recordOutcome } from "~/server/outcomes/outcomes.server";
import { readForm } from "~/server/http/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `Outcomes for ${page.loop.candidate} · Calibrate` : "Hire outcomes · Calibrate" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireLoopPermission({ request, context }, params.loopId, "outcome.record");
  return getOutcomeForm(user, params.loopId!);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireLoopPermission({ request, context }, params.loopId, "outcome.record");
  const scale = await getPerformanceScale();
  const submission = parseWithZod(await readForm({ request, context }), {
    schema: outcomeSchemaFor(scale.map((level) => level.value)),
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await recordOutcome(user, params.loopId!, submission.value);
  throw redirect("/outcomes");
}

export default function OutcomePage() {
  const { loop, outcome, scale } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = outcomeSchemaFor(scale.map((level) => level.value));
  const [form, fields] = useForm({
    id: "outcome",
    lastResult,
    defaultValue: {
      performance6: outcome?.performance6?.toString() ?? "",
      performance12: outcome?.performance12?.toString() ?? "",
      stillInRole: outcome?.stillInRole === null || outcome === null ? "" : outcome.stillInRole ? "yes" : "no",
    },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const levels = scale.map((level) => [String(level.value), `${level.value} · ${level.label}`] as const);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/outcomes" className="link">
          Hire outcomes
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">Outcomes for {loop.candidate}</h1>
      <p className="text-sm text-slate-700">
        {loop.roleTitle}. Leave a field empty until it is known. Confidential: used only in aggregate validity figures.
      </p>
      <Form method="post" {...getFormProps(form)} className="card grid max-w-xl gap-3">
        <SelectField
          label="Performance at 6 months"
          errors={fields.performance6.errors}
          errorId={fields.performance6.errorId}
          options={levels}
          placeholder="Not known yet"
          selectProps={{ ...getSelectProps(fields.performance6), id: fields.performance6.id }}
        />
        <SelectField
          label="Performance at 12 months"
          errors={fields.performance12.errors}
          errorId={fields.performance12.errorId}
          options={levels}
          placeholder="Not known yet"
          selectProps={{ ...getSelectProps(fields.performance12), id: fields.performance12.id }}
        />
        <SelectField
          label="Still in the role"
          errors={fields.stillInRole.errors}
          errorId={fields.stillInRole.errorId}
          options={[
            ["yes", "Yes"],
            ["no", "No"],
          ]}
          placeholder="Not known yet"
          selectProps={{ ...getSelectProps(fields.stillInRole), id: fields.stillInRole.id }}
        />
        <FormFooter errorId={form.errorId} errors={form.errors} label="Save outcomes" className="" />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
