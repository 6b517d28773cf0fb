import type { Role } from "~/generated/prisma/enums";
import { prisma } from "../db.server";
import { attemptLogin } from "./login.server";
import { createSession } from "./session.server";

export type SignInResult =
  | { ok: true; cookie: string; role: Role }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

export async function signIn(
  input: { email: string; password: string; ip: string },
  request: Request,
): Promise<SignInResult> {
  const result = await attemptLogin(input);
  if (!result.ok) return result;
  const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId }, select: { role: true } });
  return { ok: true, cookie: await createSession(result.userId, request), role: user.role };
}
