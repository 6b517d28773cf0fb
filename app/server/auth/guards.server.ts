import { data, redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { assertSameOrigin } from "./origin.server";
import { getSession, type SessionUser } from "./session.server";

export type { SessionUser };

function loginRedirect(request: Request, setCookie: string | null): never {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  const search = redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`;
  throw redirect(`/login${search}`, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

/** The signed-in user or null; never throws for a missing session. */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request)).user;
}

/**
 * Every loader and action starts here. Mutations are also checked for a
 * same-site Origin. Unauthenticated requests go to the login page and come
 * back afterwards.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  assertSameOrigin(request);
  const { user, setCookie } = await getSession(request);
  if (!user) loginRedirect(request, setCookie);
  return user;
}

export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw data({ message: "Your role does not give access to this page." }, { status: 403 });
  }
  return user;
}
