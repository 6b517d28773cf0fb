import { checkDatabase } from "~/server/health.server";

/** For load balancers: 200 when this server can reach its database, 503 when not. */
export async function loader() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.up ? "ok" : "unavailable", database },
    { status: database.up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
