import { createHash } from "node:crypto";
import { PrismaAdapter } from "@lucia-auth/adapter-prisma";
import { generateIdFromEntropySize, Lucia, TimeSpan } from "lucia";
import type { Role } from "~/generated/prisma/enums";
import { prisma } from "../db.server";

/**
 * All session code lives here (Lucia v3 is deprecated upstream; this is the
 * one module to replace). Sessions are rows in the database, so any number of
 * app servers can share them. Expiry slides: a session used in the second half
 * of its life is extended and its cookie re-sent, but never past an absolute
 * lifetime from sign-in. The cookie carries a random token; the database keeps
 * only its SHA-256 (the session id), so a leaked database or backup holds no
 * usable session.
 */
export const SESSION_SLIDING_DAYS = 14;
export const SESSION_ABSOLUTE_DAYS = 30;

const lucia = new Lucia(new PrismaAdapter(prisma.session, prisma.user), {
  sessionExpiresIn: new TimeSpan(SESSION_SLIDING_DAYS, "d"),
  sessionCookie: {
    name: "calibrate_session",
    expires: true,
    // Secure is added per request (see withSecure): only when the browser reached us over HTTPS.
    attributes: { secure: false, sameSite: "lax", path: "/" },
  },
  getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt }),
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
    DatabaseSessionAttributes: { createdAt: Date };
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

/** The session id stored for a cookie's token. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(userId: string, request: Request): Promise<string> {
  const token = generateIdFromEntropySize(25);
  await lucia.createSession(userId, { createdAt: new Date() }, { sessionId: hashSessionToken(token) });
  return withSecure(lucia.createSessionCookie(token), request);
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

function readToken(request: Request): string | null {
  const token = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  // Tokens are 40 base32 characters; a cookie that cannot be one never reaches the database.
  return token && /^[\w-]{1,100}$/.test(token) ? token : null;
}

async function validate(request: Request): Promise<SessionLookupResult> {
  const token = readToken(request);
  if (!token) return { user: null, setCookie: null, sessionId: null };
  const { session, user } = await lucia.validateSession(hashSessionToken(token));
  const signedOut = { user: null, setCookie: withSecure(lucia.createBlankSessionCookie(), request), sessionId: null };
  if (!session || !user) return signedOut;
  if (!user.active) {
    await lucia.invalidateUserSessions(user.id);
    return signedOut;
  }
  if (Date.now() - session.createdAt.getTime() >= SESSION_ABSOLUTE_DAYS * 86_400_000) {
    await lucia.invalidateSession(session.id);
    return signedOut;
  }
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, committeeMember: user.committeeMember },
    setCookie: session.fresh ? withSecure(lucia.createSessionCookie(token), request) : null,
    sessionId: session.id,
  };
}

export async function endSession(request: Request): Promise<string> {
  const token = readToken(request);
  if (token) await lucia.invalidateSession(hashSessionToken(token));
  return withSecure(lucia.createBlankSessionCookie(), request);
}

export async function endAllSessionsOf(userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}

export async function deleteExpiredSessions(): Promise<void> {
  await lucia.deleteExpiredSessions();
}
