import { type ActionFunctionArgs, data } from "@remix-run/node";
import { requirePermission } from "~/server/auth/guards.server";
import { signOutEverywhere } from "~/server/auth/sign-out-everywhere.server";
import { readForm } from "~/server/http/read-form.server";

/** An admin signs a person out of every browser (SignOutEverywhereForm posts here). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requirePermission({ request, context }, "people.manage");
  const form = await readForm({ request, context });
  if (form.get("intent") !== "sign-out-everywhere") {
    throw data({ message: "Use the Sign out everywhere button on the People page." }, { status: 400 });
  }
  const { name, ended } = await signOutEverywhere(admin, params.userId ?? "");
  return Response.json({
    ok: true,
    message:
      ended === 0
        ? `${name} was not signed in anywhere.`
        : `${name} is signed out of ${ended} session${ended === 1 ? "" : "s"}.`,
  });
}
