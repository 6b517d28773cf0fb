import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { suggestedSecondaryDimensions } from "~/domain/rubric-suggestions";
import { dimensionActionSchema, RUBRIC_NOTES_LIMIT, rubricDetailsSchema } from "~/schemas/rubric";
import { CharacterCount } from "~/components/character-count";
import { requirePermission } from "~/server/auth/guards.server";
import { readForm } from "~/server/http/read-form.server";
import {
  getRubricVersion,
  moveDimension,
  publishVersion,
  removeDimension,
  updateRubricDetails,
} from "~/server/rubrics/rubrics.server";
import { formatDate } from "~/utils/format";
import { ServiceError } from "~/server/service-error.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `Rubric v${page.rubric.version} · Calibrate` : "Rubric · Calibrate" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "rubrics.manage");
  const rubric = await getRubricVersion(params.rubricId ?? "").catch((error: unknown) => {
    if (error instanceof ServiceError) throw data({ message: error.message }, { status: error.status });
    throw error;
  });
  const usedKeys = new Set(rubric.dimensions.map((dimension) => dimension.key));
  return {
    rubric: { ...rubric, publishedAt: rubric.publishedAt?.toISOString() ?? null },
    suggestions: suggestedSecondaryDimensions
      .filter((dimension) => !usedKeys.has(dimension.key))
      .map((dimension) => ({ key: dimension.key, name: dimension.name })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requirePermission({ request, context }, "rubrics.manage");
  const rubricId = params.rubricId ?? "";
  const formData = await readForm({ request, context });
  const intent = formData.get("intent");
  try {
    if (intent === "details") {
      const submission = parseWithZod(formData, { schema: rubricDetailsSchema });
      if (submission.status !== "success")
        return data(
          { message: Object.values(submission.error ?? {}).flat()[0] ?? "Check the details" },
          { status: 400 },
        );
      await updateRubricDetails(admin.id, rubricId, submission.value);
      return { message: "Details saved." };
    }
    if (intent === "publish") {
      await publishVersion(admin.id, rubricId);
      return { message: "Published. New loops use this version from now on." };
    }
    const parsed = dimensionActionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return data({ message: "That request was not understood; reload and try again." }, { status: 400 });
    if (parsed.data.intent === "remove") await removeDimension(admin.id, rubricId, parsed.data.dimensionId);
    else
      await moveDimension(
        admin.id,
        rubricId,
        parsed.data.dimensionId,
        parsed.data.intent === "move-up" ? "up" : "down",
      );
    return { message: "Saved." };
  } catch (error) {
    if (error instanceof ServiceError) return data({ message: error.message }, { status: error.status });
    throw error;
  }
}

export default function RubricPage() {
  const { rubric, suggestions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const editable = rubric.status === "draft";
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/admin/rubrics" className="link">
          Rubrics
        </Link>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">
            v{rubric.version}: {rubric.name}
          </h1>
          <p className="text-sm text-slate-700">
            {editable ? "Draft: edit freely, then publish." : `Published ${formatDate(rubric.publishedAt)}. Read-only.`}
          </p>
        </div>
        {editable ? (
          <Form method="post">
            <button type="submit" name="intent" value="publish" className="btn-primary">
              Publish v{rubric.version}
            </button>
          </Form>
        ) : null}
      </header>
      {result?.message ? (
        <p role="status" className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
          {result.message}
        </p>
      ) : null}

      {editable ? (
        <Form method="post" className="card grid gap-3">
          <input type="hidden" name="intent" value="details" />
          <label htmlFor="rubric-name" className="label">
            Name
          </label>
          <input id="rubric-name" name="name" defaultValue={rubric.name} className="input" required />
          <label htmlFor="rubric-notes" className="label">
            Notes (what changed in this version)
          </label>
          <textarea
            id="rubric-notes"
            name="notes"
            defaultValue={rubric.notes}
            className="input"
            rows={2}
            aria-describedby="rubric-notes-count"
          />
          <CharacterCount fieldId="rubric-notes" limit={RUBRIC_NOTES_LIMIT} initial={rubric.notes.length} />
          <div>
            <button type="submit" className="btn-secondary">
              Save details
            </button>
          </div>
        </Form>
      ) : rubric.notes ? (
        <p className="card text-sm">{rubric.notes}</p>
      ) : null}

      <section aria-labelledby="dimensions-heading" className="space-y-3">
        <h2 id="dimensions-heading" className="text-lg font-semibold">
          Dimensions
        </h2>
        <ol className="space-y-3">
          {rubric.dimensions.map((dimension, index) => (
            <li key={dimension.id} className="card">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h3 className="font-semibold">
                    {index + 1}. {dimension.name}{" "}
                    <span className="text-xs font-normal text-slate-600">
                      ({dimension.core ? "core" : "secondary"}, key {dimension.key})
                    </span>
                  </h3>
                  <p className="text-sm text-slate-700">{dimension.definition}</p>
                </div>
                {editable ? (
                  <Form method="post" className="flex flex-wrap gap-2">
                    <input type="hidden" name="dimensionId" value={dimension.id} />
                    <Link to={`dimensions/${dimension.id}`} className="btn-secondary py-1">
                      Edit<span className="sr-only"> {dimension.name}</span>
                    </Link>
                    <button
                      type="submit"
                      name="intent"
                      value="move-up"
                      className="btn-secondary py-1"
                      disabled={index === 0}
                    >
                      Up<span className="sr-only"> {dimension.name}</span>
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="move-down"
                      className="btn-secondary py-1"
                      disabled={index === rubric.dimensions.length - 1}
                    >
                      Down<span className="sr-only"> {dimension.name}</span>
                    </button>
                    <button type="submit" name="intent" value="remove" className="btn-danger py-1">
                      Remove<span className="sr-only"> {dimension.name}</span>
                    </button>
                  </Form>
                ) : null}
              </div>
              <dl className="mt-2 grid gap-2 text-sm md:grid-cols-4">
                {[dimension.anchor1, dimension.anchor2, dimension.anchor3, dimension.anchor4].map((anchor, level) => (
                  <div key={level}>
                    <dt className="font-semibold">{level + 1}</dt>
                    <dd className="text-slate-700">{anchor}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ol>
        {editable ? (
          <div className="flex flex-wrap gap-2">
            <Link to="dimensions/new" className="btn-secondary">
              Add a dimension
            </Link>
            {suggestions.map((suggestion) => (
              <Link key={suggestion.key} to={`dimensions/new?from=${suggestion.key}`} className="btn-secondary">
                Add “{suggestion.name}”
              </Link>
            ))}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="flags-heading">
        <h2 id="flags-heading" className="text-lg font-semibold">
          Flags
        </h2>
        <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
          {rubric.flags.map((flag) => (
            <li key={flag.key}>
              <span
                className={flag.polarity === "green" ? "font-semibold text-green-800" : "font-semibold text-red-800"}
              >
                {flag.polarity === "green" ? "Green" : "Red"}
              </span>
              : {flag.label} <span className="text-slate-600">({flag.dimension.name})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
