import { PrismaAdapter } from "@lucia-auth/adapter-prisma";
import { Lucia, TimeSpan } from "lucia";
import type { Role } from "~/generated/prisma/enums";
import { prisma } from "../db.server";

/**
 * All session code lives here (Lucia v3 is deprecated upstream; this is the
 * one module to replace). Sessions are rows in the database, so any number of
 * app servers can share them. Expiry slides: a session used in the second half
 * of its life is extended and its cookie re-sent.
 */
const lucia = new Lucia(new PrismaAdapter(prisma.session, prisma.user), {
  sessionExpiresIn: new TimeSpan(14, "d"),
  sessionCookie: {
    name: "calibrate_session",
    expires: true,
    // Secure is added per request (see withSecure): only when the browser reached us over HTTPS.
    attributes: { secure: false, sameSite: "lax", path: "/" },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    role: attributes.role,
    active: attributes.active,
    committeeMember: attributes.committeeMember,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; name: string; role: Role; active: boolean; committeeMember: boolean };
  }
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  committeeMember: boolean;
}

export interface SessionLookup {
  user: SessionUser | null;
  /** A Set-Cookie value to send back: the extended or cleared session cookie. */
  setCookie: string | null;
}

export const sessionCookieName = lucia.sessionCookieName;

/**
 * Marks the cookie Secure whenever the request came over HTTPS (directly, or
 * through a proxy when TRUST_PROXY=true). A Secure cookie sent over plain HTTP
 * would be dropped by the browser, locking everyone out.
 */
function withSecure(cookie: { serialize(): string }, request: Request): string {
  const serialized = cookie.serialize();
  return new URL(request.url).protocol === "https:" ? `${serialized}; Secure` : serialized;
}

export async function createSession(userId: string, request: Request): Promise<string> {
  const session = await lucia.createSession(userId, {});
  return withSecure(lucia.createSessionCookie(session.id), request);
}

export type SessionLookupResult = SessionLookup & { sessionId: string | null };

/**
 * The session of a request. The root loader and the route's guard both ask
 * about the same request, and Remix hands each loader its own Request object,
 * so the lookup is memoised on the load context, which every loader of one
 * request shares (server.ts creates it per HTTP request).
 */
export function getSession(request: Request, context?: { sessionLookup?: Promise<SessionLookupResult> }) {
  if (!context) return validate(request);
  context.sessionLookup ??= validate(request);
  return context.sessionLookup;
}

async function validate(request: Request): Promise<SessionLookupResult> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, setCookie: null, sessionId: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) {
    return { user: null, setCookie: withSecure(lucia.createBlankSessionCookie(), request), sessionId: null };
  }
  if (!user.active) {
    await lucia.invalidateUserSessions(user.id);
    return { user: null, setCookie: withSecure(lucia.createBlankSessionCookie(), request), sessionId: null };
  }
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, committeeMember: user.committeeMember },
    setCookie: session.fresh ? withSecure(lucia.createSessionCookie(session.id), request) : null,
    sessionId: session.id,
  };
}

export async function endSession(request: Request): Promise<string> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return withSecure(lucia.createBlankSessionCookie(), request);
}

export async function endAllSessionsOf(userId: string): Promise<void> {
  await lucia.invalidateUserSessions(userId);
}

export async function deleteExpiredSessions(): Promise<void> {
  await lucia.deleteExpiredSessions();
}
