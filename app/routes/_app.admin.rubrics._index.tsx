import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { newRubricVersionSchema } from "~/schemas/rubric";
import { requirePermission } from "~/server/auth/guards.server";
import { createDraftVersion, listRubricVersions } from "~/server/rubrics/rubrics.server";
import { readForm } from "~/server/http/read-form.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Rubrics · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "rubrics.manage");
  const versions = await listRubricVersions();
  return {
    versions: versions.map((version) => ({
      ...version,
      publishedAt: version.publishedAt?.toISOString() ?? null,
      createdAt: version.createdAt.toISOString(),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission({ request, context }, "rubrics.manage");
  const parsed = newRubricVersionSchema.safeParse(Object.fromEntries(await readForm({ request, context })));
  if (!parsed.success) throw data({ message: "Use the Start a new version button to start a draft." }, { status: 400 });
  const draft = await createDraftVersion(admin.id);
  throw redirect(`/admin/rubrics/${draft.id}`);
}

export default function RubricsPage() {
  const { versions } = useLoaderData<typeof loader>();
  const draft = versions.find((version) => version.status === "draft");
  const current = versions.find((version) => version.status === "published");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Rubrics</h1>
          <p className="text-sm text-slate-700">
            Published versions never change: feedback keeps the version it was written against, and each loop uses the
            version that was current when it started.
          </p>
        </div>
        {draft ? (
          <Link to={draft.id} className="btn-primary">
            Continue draft v{draft.version}
          </Link>
        ) : (
          <Form method="post">
            <button type="submit" name="intent" value="new_draft" className="btn-primary">
              Start a new version
            </button>
          </Form>
        )}
      </div>
      {versions.length === 0 ? (
        <p className="card">No rubric yet. Start a new version to define the dimensions interviewers rate.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="table">
            <caption className="sr-only">Rubric versions</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Dimensions</th>
                <th scope="col">Loops</th>
                <th scope="col">Scorecards</th>
                <th scope="col">Published</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.id}>
                  <td>
                    <Link to={version.id} className="link">
                      v{version.version}: {version.name}
                    </Link>
                  </td>
                  <td>
                    {version.status === "draft"
                      ? "Draft"
                      : version.id === current?.id
                        ? "Published (current)"
                        : "Published"}
                  </td>
                  <td>{version._count.dimensions}</td>
                  <td>{version._count.loops}</td>
                  <td>{version._count.feedback}</td>
                  <td>{formatDate(version.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
