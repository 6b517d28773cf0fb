import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormFooter } from "~/components/field";
import { TextareaField } from "~/components/textarea-field";
import { performanceScaleSchema } from "~/schemas/outcomes";
import { requirePermission } from "~/server/auth/guards.server";
import { getPerformanceScale, savePerformanceScale } from "~/server/outcomes/outcomes.server";
import { readForm } from "~/server/http/read-form.server";

export const meta: MetaFunction = () => [{ title: "Performance scale · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "rubrics.manage");
  return { scale: await getPerformanceScale() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission({ request, context }, "rubrics.manage");
  const submission = parseWithZod(await readForm({ request, context }), { schema: performanceScaleSchema });
  if (submission.status !== "success") return data({ ...submission.reply(), saved: false }, { status: 400 });
  const result = await savePerformanceScale(admin.id, submission.value.labels);
  if (!result.ok)
    return data({ ...submission.reply({ fieldErrors: { labels: [result.error] } }), saved: false }, { status: 409 });
  return { ...submission.reply(), saved: true };
}

export default function PerformanceScalePage() {
  const { scale } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "scale",
    lastResult,
    defaultValue: { labels: scale.map((level) => level.label).join("\n") },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: performanceScaleSchema }),
  });
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/outcomes" className="link">
          Hire outcomes
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">Performance scale</h1>
      <p className="text-sm text-slate-700">
        The levels hiring managers record performance on at 6 and 12 months, lowest first: level 1 is the first line.
        Relabel freely; a level that recorded outcomes use cannot be removed.
      </p>
      {lastResult?.saved ? (
        <p role="status" className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
          Saved.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card grid max-w-xl gap-3">
        <TextareaField
          label="Levels"
          hint="One label per line, from 2 to 10 levels."
          errors={fields.labels.errors}
          textareaProps={{ ...getTextareaProps(fields.labels), rows: 8 }}
        />
        <FormFooter errorId={form.errorId} errors={form.errors} label="Save scale" className="" />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
