import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getOptionalUser } from "~/server/auth/guards.server";
import { assertSameOrigin } from "~/server/auth/origin.server";
import { endSession } from "~/server/auth/session.server";
import { signOutEverywhere } from "~/server/auth/sign-out-everywhere.server";
import { readFormResult } from "~/server/http/read-form.server";

export async function loader() {
  throw redirect("/");
}

/**
 * Signs out this browser, or with `scope=everywhere` every browser the person
 * is signed in on. Signing out never fails on the body: whatever was sent,
 * this browser's session ends.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const read = await readFormResult({ request, context });
  if (read.ok && read.form.get("scope") === "everywhere") {
    const user = await getOptionalUser({ request, context });
    if (user) await signOutEverywhere(user, user.id);
  }
  throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}
