import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requirePermission } from "~/server/auth/guards.server";
import { listRoundKits } from "~/server/rubrics/round-kits.server";

export const meta: MetaFunction = () => [{ title: "Interview kits · Calibrate" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission({ request, context }, "kits.manage");
  return { kits: await listRoundKits() };
}

export default function KitsPage() {
  const { kits } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Interview kits</h1>
      <p className="text-sm text-slate-700">
        Each round type carries a kit: its purpose, the dimensions it focuses on, questions to ask and what to listen
        for. Interviewers see it when they prepare.
      </p>
      <ul className="grid gap-3 md:grid-cols-2">
        {kits.map((kit) => (
          <li key={kit.type} className="card">
            <h2 className="font-semibold">
              <Link to={kit.type} className="link">
                {kit.name}
              </Link>
            </h2>
            <p className="text-sm text-slate-700">{kit.purpose}</p>
            <p className="mt-1 text-xs text-slate-600">
              {kit.defaultMinutes} min · focus: {kit.focusDimensionKeys.join(", ") || "none"}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
