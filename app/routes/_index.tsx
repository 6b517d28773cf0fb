import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { homePathFor } from "~/domain/navigation";
import { requireUser } from "~/server/auth/guards.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser({ request, context });
  throw redirect(homePathFor(user.role));
}
