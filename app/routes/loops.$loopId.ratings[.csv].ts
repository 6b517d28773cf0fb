import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireLoopPermission } from "~/server/auth/guards.server";
import { debriefCsv } from "~/server/debrief/debrief-csv.server";

/** The loop's ratings in long format, with the same permission and blind rules as the debrief page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, relationship } = await requireLoopPermission({ request, context }, params.loopId, "debrief.read");
  const { filename, csv } = await debriefCsv(user, params.loopId ?? "", relationship);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
