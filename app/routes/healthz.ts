import { publicHealth } from "~/server/health.server";

/** For load balancers: 200 {"status":"ok"} when this server can reach its database, 503 {"status":"unavailable"} when not. */
export async function loader() {
  const { up } = await publicHealth();
  return Response.json(
    { status: up ? "ok" : "unavailable" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
