/**
 * Calls route loaders and actions the way Remix does: with a real Request,
 * params and load context. Thrown Responses (redirects, 403s) are returned so
 * tests can assert on them.
 */
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { prisma } from "~/server/db.server";

export const ORIGIN = "http://calibrate.test";

export async function cookieFor(userId: string): Promise<string> {
  const { createSession } = await import("~/server/auth/session.server");
  const setCookie = await createSession(userId, new Request(ORIGIN));
  return setCookie.split(";")[0]!;
}

export function request(
  pathname: string,
  init: { method?: string; cookie?: string; form?: Record<string, string | string[]>; origin?: string | null } = {},
): Request {
  const headers = new Headers();
  if (init.cookie) headers.set("Cookie", init.cookie);
  const method = init.method ?? (init.form ? "POST" : "GET");
  if (method !== "GET" && init.origin !== null) headers.set("Origin", init.origin ?? ORIGIN);
  let body: URLSearchParams | undefined;
  if (init.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(init.form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`${ORIGIN}${pathname}`, { method, headers, body });
}

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

export interface Outcome {
  status: number;
  headers: Headers;
  data: unknown;
}

/** Runs a loader or action; returns status, headers and data whether it returned or threw. */
export async function run(
  handler: unknown,
  req: Request,
  params: Record<string, string> = {},
  context: Partial<AppLoadContext> = {},
): Promise<Outcome> {
  try {
    const result = await (handler as Handler)({
      request: req,
      params,
      context: { clientIp: "203.0.113.7", ...context },
    });
    return normalise(result);
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithResponseInit(thrown)) return normalise(thrown);
    throw thrown;
  }
}

function isDataWithResponseInit(
  value: unknown,
): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

async function normalise(value: unknown): Promise<Outcome> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // plain text body
    }
    return { status: value.status, headers: value.headers, data };
  }
  if (isDataWithResponseInit(value)) {
    return { status: value.init?.status ?? 200, headers: new Headers(value.init?.headers), data: value.data };
  }
  return { status: 200, headers: new Headers(), data: value };
}

export { prisma };
