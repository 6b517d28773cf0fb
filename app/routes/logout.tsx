import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { assertSameOrigin } from "~/server/auth/origin.server";
import { endSession } from "~/server/auth/session.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}
