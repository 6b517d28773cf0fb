import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditQueryFrom } from "~/schemas/audit";
import { auditCsvStream } from "~/server/audit/audit-log.server";
import { requirePermission } from "~/server/auth/guards.server";

/** Every audit event matching the log's filters (all pages), as CSV. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requirePermission({ request, context }, "audit.read");
  const { query, errors } = auditQueryFrom(new URL(request.url).searchParams);
  if (errors) {
    const message = [errors.from, errors.to].filter(Boolean).join(" ");
    return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(await auditCsvStream(admin, query), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
