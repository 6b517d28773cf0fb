import { type AppLoadContext, redirect } from "@remix-run/node";
import { can, type Capability, type LoopAction, type LoopRelationship } from "~/domain/permissions";
import { authorizeLoop } from "./permissions.server";
import { assertSameOrigin } from "./origin.server";
import { getSession, type SessionUser } from "./session.server";
import { ServiceError } from "../service-error.server";

export type { SessionUser };

/** What a guard needs from a loader's or action's arguments. */
export interface GuardArgs {
  request: Request;
  context?: AppLoadContext;
}

function loginRedirect(request: Request, setCookie: string | null): never {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  const search = redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`;
  throw redirect(`/login${search}`, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

/** The signed-in user or null; never throws for a missing session. */
export async function getOptionalUser({ request, context }: GuardArgs): Promise<SessionUser | null> {
  return (await getSession(request, context)).user;
}

/**
 * Every loader and action starts here (or with one of the guards below, which
 * call it). Mutations are also checked for a same-site Origin. Unauthenticated
 * requests go to the login page and come back afterwards.
 */
export async function requireUser({ request, context }: GuardArgs): Promise<SessionUser> {
  assertSameOrigin(request);
  const { user, setCookie } = await getSession(request, context);
  if (!user) loginRedirect(request, setCookie);
  return user;
}

/** A signed-in user whose role grants the capability; 403 otherwise. */
export async function requirePermission(args: GuardArgs, capability: Capability): Promise<SessionUser> {
  const user = await requireUser(args);
  if (!can(user, capability)) {
    throw new ServiceError(403, "Your role does not give access to this page.");
  }
  return user;
}

/**
 * A signed-in user who may do `action` with the loop, given how they stand to
 * it (hiring manager, recruiter, panelist who owes or has submitted feedback).
 * Unknown loops and loops outside the person's scope answer 404; the blind rule
 * and role limits answer 403 with the reason.
 */
export async function requireLoopPermission(
  args: GuardArgs,
  loopId: string | undefined,
  action: LoopAction,
): Promise<{ user: SessionUser; relationship: LoopRelationship }> {
  const user = await requireUser(args);
  const relationship = await authorizeLoop(user, loopId ?? "", action);
  return { user, relationship };
}
