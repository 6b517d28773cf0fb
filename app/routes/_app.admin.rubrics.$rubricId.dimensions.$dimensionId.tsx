import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormFooter } from "~/components/field";
import { TextareaField } from "~/components/textarea-field";
import { ratingLevels } from "~/domain/rating-scale";
import { dimensionSchema } from "~/schemas/rubric";
import { requirePermission } from "~/server/auth/guards.server";
import { getRubricVersion, saveDimension, suggestionFor } from "~/server/rubrics/rubrics.server";
import { ServiceError } from "~/server/service-error.server";
import { readForm } from "~/server/http/read-form.server";

export const meta: MetaFunction = () => [{ title: "Rubric dimension · Calibrate" }];

async function load(rubricId: string) {
  try {
    return await getRubricVersion(rubricId);
  } catch (error) {
    if (error instanceof ServiceError) throw data({ message: error.message }, { status: error.status });
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "rubrics.manage");
  const rubric = await load(params.rubricId ?? "");
  if (rubric.status !== "draft")
    throw data(
      { message: "Published versions are read-only. Start a new version to change a dimension." },
      { status: 409 },
    );
  const isNew = params.dimensionId === "new";
  const existing = rubric.dimensions.find((dimension) => dimension.id === params.dimensionId);
  if (!isNew && !existing) throw data({ message: "That dimension is not part of this version." }, { status: 404 });
  const from = suggestionFor(new URL(request.url).searchParams.get("from"));
  return { rubric: { id: rubric.id, version: rubric.version }, isNew, defaults: existing ?? from ?? null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requirePermission({ request, context }, "rubrics.manage");
  const submission = parseWithZod(await readForm({ request, context }), { schema: dimensionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    await saveDimension(
      admin.id,
      params.rubricId ?? "",
      params.dimensionId === "new" ? null : (params.dimensionId ?? null),
      submission.value,
    );
  } catch (error) {
    if (error instanceof ServiceError) {
      return data(
        submission.reply(
          error.field ? { fieldErrors: { [error.field]: [error.message] } } : { formErrors: [error.message] },
        ),
        { status: error.status },
      );
    }
    throw error;
  }
  throw redirect(`/admin/rubrics/${params.rubricId}`);
}

export default function DimensionPage() {
  const { rubric, isNew, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "dimension",
    lastResult,
    defaultValue: defaults ?? undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: dimensionSchema }),
  });
  const anchors = [fields.anchor1, fields.anchor2, fields.anchor3, fields.anchor4];
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/admin/rubrics" className="link">
          Rubrics
        </Link>{" "}
        /{" "}
        <Link to={`/admin/rubrics/${rubric.id}`} className="link">
          v{rubric.version}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{isNew ? "Add a dimension" : "Edit dimension"}</h1>
      <p className="text-sm text-slate-700">
        Describe what the candidate says or does at each level, concretely enough that two interviewers hearing the same
        answer choose the same number. Higher always means a stronger product signal.
      </p>
      <Form method="post" {...getFormProps(form)} className="card grid gap-3 md:grid-cols-2">
        <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
        <Field
          label="Key"
          hint="Used in exports and the CSV; letters, digits and underscores."
          errors={fields.key.errors}
          inputProps={getInputProps(fields.key, { type: "text" })}
        />
        <div className="md:col-span-2">
          <Field
            label="One-line definition"
            errors={fields.definition.errors}
            inputProps={getInputProps(fields.definition, { type: "text" })}
          />
        </div>
        <Field
          label="Low end label"
          errors={fields.lowLabel.errors}
          inputProps={getInputProps(fields.lowLabel, { type: "text" })}
        />
        <Field
          label="High end label"
          errors={fields.highLabel.errors}
          inputProps={getInputProps(fields.highLabel, { type: "text" })}
        />
        {anchors.map((anchor, index) => (
          <TextareaField
            key={anchor.name}
            label={`${index + 1} · ${ratingLevels[index]!.label}: what it sounds like`}
            errors={anchor.errors}
            textareaProps={{ ...getTextareaProps(anchor), rows: 3 }}
          />
        ))}
        <FormFooter errorId={form.errorId} errors={form.errors} label={isNew ? "Add dimension" : "Save dimension"} />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
