import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormFooter } from "~/components/field";
import { TextareaField } from "~/components/textarea-field";
import { roundKitSchema } from "~/schemas/rubric";
import { requirePermission } from "~/server/auth/guards.server";
import { getRoundKit, isRoundType, saveRoundKit } from "~/server/rubrics/round-kits.server";
import { readForm } from "~/server/http/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.kit.name} kit · Calibrate` : "Interview kit · Calibrate" },
];

function roundTypeParam(value: string | undefined) {
  if (!value || !isRoundType(value)) throw data({ message: "There is no such round type." }, { status: 404 });
  return value;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "kits.manage");
  const { kit, dimensions } = await getRoundKit(roundTypeParam(params.type));
  return {
    kit: {
      name: kit.name,
      purpose: kit.purpose,
      defaultMinutes: String(kit.defaultMinutes),
      focusDimensionKeys: kit.focusDimensionKeys,
      questions: kit.questions.join("\n"),
      listenFor: kit.listenFor.join("\n"),
    },
    dimensions,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requirePermission({ request, context }, "kits.manage");
  const type = roundTypeParam(params.type);
  const submission = parseWithZod(await readForm({ request, context }), { schema: roundKitSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await saveRoundKit(admin.id, type, submission.value);
  throw redirect("/admin/kits");
}

export default function KitPage() {
  const { kit, dimensions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "kit",
    lastResult,
    defaultValue: kit,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roundKitSchema }),
  });
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/admin/kits" className="link">
          Interview kits
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{kit.name} kit</h1>
      <Form method="post" {...getFormProps(form)} className="card grid gap-3">
        <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
        <TextareaField
          label="Purpose"
          errors={fields.purpose.errors}
          textareaProps={{ ...getTextareaProps(fields.purpose), rows: 2 }}
        />
        <Field
          label="Default length (minutes)"
          errors={fields.defaultMinutes.errors}
          inputProps={getInputProps(fields.defaultMinutes, { type: "number" })}
        />
        <fieldset>
          <legend className="label">Focus dimensions</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {dimensions.map((dimension) => (
              <label key={dimension.key} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="focusDimensionKeys"
                  value={dimension.key}
                  defaultChecked={kit.focusDimensionKeys.includes(dimension.key)}
                />
                {dimension.name}
              </label>
            ))}
          </div>
        </fieldset>
        <TextareaField
          label="Suggested questions"
          hint="One per line."
          errors={fields.questions.errors}
          textareaProps={{ ...getTextareaProps(fields.questions), rows: 4 }}
        />
        <TextareaField
          label="What to listen for"
          hint="One per line."
          errors={fields.listenFor.errors}
          textareaProps={{ ...getTextareaProps(fields.listenFor), rows: 4 }}
        />
        <FormFooter errorId={form.errorId} errors={form.errors} label="Save kit" className="" />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
