import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/server/auth/guards.server";
import { debriefCsv } from "~/server/debrief/debrief-csv.server";

/** The loop's ratings in long format, with the same permission and blind rules as the debrief page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { filename, csv } = await debriefCsv(user, params.loopId ?? "");
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
