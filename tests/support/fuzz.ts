/**
 * Request fuzzing with fast-check: every loader and action the route manifest
 * has (see in-process-server.ts), as every kind of person, with malformed,
 * oversized, unicode, NUL, duplicated and missing fields, wrong content types
 * and broken bodies. The property: no answer is 5xx, and a refused request
 * (4xx) leaves every table's row count as it was.
 */
import fc from "fast-check";
import { roundTypes as roundTypeOrder, stageOrder } from "~/domain/vocabulary";
import { prisma } from "~/server/db.server";
import { createUser } from "../../prisma/factories";
import type { RouteInfo, RunningApp } from "./in-process-server";
import { cookieFor } from "./remix";
import { panelScenario } from "./scenario";

export type Actor = "anonymous" | "admin" | "recruiter" | "hiringManager" | "committee" | "panelist" | "outsider";

export interface FuzzWorld {
  actors: Record<Exclude<Actor, "anonymous">, { id: string; role: string }>;
  ids: Record<string, string[]>;
  dimensionKeys: string[];
}

/** A realistic little world: a loop with a panel, an unrelated loop, and one person of every kind. */
export async function buildWorld(): Promise<FuzzWorld> {
  const scenario = await panelScenario();
  const committee = await createUser(prisma, { role: "hiring_manager", committeeMember: true });
  const { users, rounds, loop, rubric, dimensions } = scenario;
  const otherLoop = await prisma.round.findUniqueOrThrow({
    where: { id: rounds.outsiderRound.id },
    select: { loopId: true },
  });
  return {
    actors: {
      admin: users.admin,
      recruiter: users.recruiter,
      hiringManager: users.hm,
      committee,
      panelist: users.alice,
      outsider: users.outsider,
    },
    ids: {
      loopId: [loop.id, otherLoop.loopId],
      roundId: Object.values(rounds).map((round) => round.id),
      rubricId: [rubric.id],
      dimensionId: [...dimensions.map((dimension) => dimension.id), "new"],
      type: [...roundTypeOrder],
      userId: Object.values(users).map((user) => user.id),
    },
    dimensionKeys: dimensions.map((dimension) => dimension.key),
  };
}

/** Tables whose rows change on refused requests by design: sign-in throttling counts failed sign-ins. */
const COUNTED_ANYWAY = new Set(["LoginThrottle", "LoginAttempt"]);

let countSql: string | null = null;
export async function rowCounts(): Promise<Record<string, number>> {
  if (!countSql) {
    const tables = await prisma.$queryRaw<{ name: string }[]>`
      SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
    countSql = `SELECT ${tables
      .filter((table) => !COUNTED_ANYWAY.has(table.name))
      .map((table) => `(SELECT count(*)::int FROM "${table.name}") AS "${table.name}"`)
      .join(", ")}`;
  }
  const [row] = await prisma.$queryRawUnsafe<Record<string, number>[]>(countSql);
  return row!;
}

// ---- values -------------------------------------------------------------------------------------

const nasty = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "../../etc/passwd",
  '\'; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  "=cmd|' /C calc'!A0",
  "\u202Eevil",
  "\uD800",
  "😀👩🏽‍💻",
  "ｆｕｌｌｗｉｄｔｈ",
  "-1",
  "0",
  "1e309",
  "NaN",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "9999-12-31T23:59",
  "0001-01-01T00:00",
  "2026-02-30T25:61",
  "1970-01-01T00:00",
);

const unicode = fc.string({ unit: "grapheme", maxLength: 40 });
const binaryish = fc.string({ unit: "binary", maxLength: 40 });
const long = fc.integer({ min: 500, max: 20_000 }).map((length) => "ł".repeat(length));

function valueArb(world: FuzzWorld, { allowLong = true } = {}): fc.Arbitrary<string> {
  const ids = Object.values(world.ids).flat();
  const plausible = fc.constantFrom(
    ...ids,
    ...stageOrder,
    ...world.dimensionKeys,
    "submit",
    "draft",
    "amend",
    "schedule",
    "cancel",
    "stage",
    "create",
    "publish",
    "remove",
    "move-up",
    "move-down",
    "details",
    "change-role",
    "deactivate",
    "reactivate",
    "candidate",
    "loop",
    "everywhere",
    "sign-out-everywhere",
    "yes",
    "no",
    "strong_yes",
    "strong_no",
    "none",
    "1",
    "2",
    "3",
    "4",
    "45",
    "hire",
    "no_hire",
    "more_signal",
    "L5",
    "admin",
    "interviewer",
    "hiring_manager",
    "recruiter",
    "internal",
    "external",
    "core_pm",
    "apm",
    "2027-01-15T10:00",
    "someone@example.com",
    "correct-horse-battery",
    "/rounds",
    "//evil.example",
  );
  return fc.oneof(
    { weight: 5, arbitrary: plausible },
    { weight: 3, arbitrary: nasty },
    { weight: 2, arbitrary: unicode },
    { weight: 1, arbitrary: binaryish },
    { weight: allowLong ? 1 : 0, arbitrary: long },
  );
}

const FIELD_NAMES = [
  "intent",
  "version",
  "submitKey",
  "summary",
  "recommendation",
  "flags",
  "reason",
  "email",
  "password",
  "redirectTo",
  "name",
  "role",
  "userId",
  "roundId",
  "stage",
  "scheduledAt",
  "durationMinutes",
  "interviewerId",
  "confirm",
  "outcome",
  "level",
  "rationale",
  "dimensionKeys",
  "dissent",
  "candidateId",
  "currentRole",
  "currentLevel",
  "targetLevel",
  "source",
  "track",
  "hiringManagerId",
  "templateId",
  "roleTitle",
  "notes",
  "dimensionId",
  "key",
  "definition",
  "lowLabel",
  "highLabel",
  "anchor1",
  "anchor2",
  "anchor3",
  "anchor4",
  "purpose",
  "questions",
  "listenFor",
  "defaultMinutes",
  "focusDimensionKeys",
  "committeeMember",
  "scope",
  "expectedDays",
];

function fieldNameArb(world: FuzzWorld): fc.Arbitrary<string> {
  const ratingFields = world.dimensionKeys.flatMap((key) => [`ratings.${key}.value`, `ratings.${key}.evidence`]);
  const stageFields = stageOrder.map((stage) => `expectedDays.${stage}`);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...FIELD_NAMES, ...ratingFields, ...stageFields, ...stageOrder) },
    { weight: 1, arbitrary: unicode },
    { weight: 1, arbitrary: nasty },
  );
}

// ---- requests -----------------------------------------------------------------------------------

export type Body =
  | { kind: "none" }
  | { kind: "urlencoded" | "multipart"; fields: [string, string][]; type?: string }
  | { kind: "raw"; type: string | null; text: string }
  | { kind: "oversize"; bytes: number };

export interface FuzzCase {
  actor: Actor;
  route: string;
  method: string;
  path: string;
  query: [string, string][];
  origin: "same" | "none" | "cross";
  /** An X-Forwarded-Host header (which only a trusted proxy may set). */
  forwardedHost: string | null;
  body: Body;
}

function bodyArb(world: FuzzWorld): fc.Arbitrary<Body> {
  const fields = fc.array(fc.tuple(fieldNameArb(world), valueArb(world)), { maxLength: 14 });
  return fc.oneof(
    { weight: 10, arbitrary: fields.map((list) => ({ kind: "urlencoded" as const, fields: list })) },
    { weight: 3, arbitrary: fields.map((list) => ({ kind: "multipart" as const, fields: list })) },
    {
      weight: 2,
      arbitrary: fields.map((list) => ({ kind: "urlencoded" as const, fields: list, type: "application/json" })),
    },
    { weight: 2, arbitrary: fc.constant({ kind: "none" as const }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant("raw" as const),
        type: fc.constantFrom(
          "application/json",
          "text/plain",
          null,
          "multipart/form-data; boundary=xyz",
          "multipart/form-data",
          "application/x-www-form-urlencoded",
          "application/x-www-form-urlencoded; charset=utf-16",
          "application/octet-stream",
          "text/html",
          "*/*",
        ),
        text: fc.oneof(
          fc.json(),
          fc.constantFrom("--xyz\r\nContent-Disposition: form-data\r\n\r\nx", "%zz=%%", "a=%E0%A4%A", "=&&=="),
          unicode,
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1_100_000, max: 1_600_000 }).map((bytes) => ({ kind: "oversize" as const, bytes })),
    },
  );
}

/** encodeURIComponent, after replacing lone surrogates (which it cannot encode) as a browser would. */
function encode(value: string): string {
  return encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"),
  );
}

function pathFor(route: RouteInfo, params: Record<string, string>, data: boolean): string {
  const path =
    route.pattern
      .split("/")
      .map((segment) => {
        if (segment.startsWith(":")) return encode(params[segment.slice(1)] ?? "x");
        if (segment === "*") return (params["*"] ?? "x").split("/").map(encode).join("/");
        return segment;
      })
      .join("/") || "/";
  if (!data) return path;
  return path === "/" ? "/_root.data" : `${path.replace(/\/$/, "")}.data`;
}

export function caseArb(world: FuzzWorld, routes: RouteInfo[]): fc.Arbitrary<FuzzCase> {
  const targets = routes.filter((route) => route.hasLoader || route.hasAction);
  const paramValue = (name: string) =>
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...(world.ids[name] ?? ["x"])) },
      { weight: 1, arbitrary: fc.constantFrom(...Object.values(world.ids).flat()) },
      { weight: 2, arbitrary: fc.oneof(unicode, nasty) },
      { weight: 1, arbitrary: fc.integer({ min: 200, max: 3000 }).map((length) => "a".repeat(length)) },
    );
  const queryKey = fc.constantFrom(
    "q",
    "page",
    "period",
    "stage",
    "sort",
    "show",
    "roundType",
    "hiringManager",
    "recruiter",
    "overdue",
    "scope",
    "redirectTo",
    "amend",
    "candidateId",
    "from",
    "submitted",
    "index",
    "_data",
  );
  // The method follows the route: mostly what it answers (GET for loaders, POST for actions), sometimes not.
  const methodFor = (route: RouteInfo) =>
    fc.oneof(
      { weight: route.hasAction ? 7 : 1, arbitrary: fc.constant("POST") },
      { weight: route.hasLoader ? 6 : 1, arbitrary: fc.constant("GET") },
      { weight: 1, arbitrary: fc.constantFrom("PUT", "PATCH", "DELETE", "HEAD", "OPTIONS") },
    );
  return fc
    .constantFrom(...targets)
    .chain((route) =>
      fc.record({
        route: fc.constant(route),
        method: methodFor(route),
        actor: fc.constantFrom<Actor>(
          "anonymous",
          "admin",
          "recruiter",
          "hiringManager",
          "committee",
          "panelist",
          "outsider",
        ),
        data: fc.boolean(),
        query: fc.array(
          fc.tuple(
            fc.oneof({ weight: 5, arbitrary: queryKey }, { weight: 1, arbitrary: unicode }),
            valueArb(world, { allowLong: false }),
          ),
          { maxLength: 5 },
        ),
        origin: fc.oneof(
          { weight: 18, arbitrary: fc.constant("same" as const) },
          { weight: 1, arbitrary: fc.constantFrom("none" as const, "cross" as const) },
        ),
        forwardedHost: fc.oneof(
          { weight: 12, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.constantFrom("evil.example", "127.0.0.1", "a, b", "") },
        ),
        body: bodyArb(world),
        params: fc.record({
          loopId: paramValue("loopId"),
          roundId: paramValue("roundId"),
          rubricId: paramValue("rubricId"),
          dimensionId: paramValue("dimensionId"),
          type: paramValue("type"),
          userId: paramValue("userId"),
          "*": fc.oneof(unicode, nasty),
        }),
      }),
    )
    .map(({ route, actor, method, data, query, origin, forwardedHost, body, params }) => ({
      actor,
      route: route.id,
      method,
      path: pathFor(route, params, data),
      // Index routes take their action with ?index, as Remix's forms send it.
      query:
        route.index && method !== "GET" && !query.some(([key]) => key === "index")
          ? [...query, ["index", ""] as [string, string]]
          : query,
      origin,
      forwardedHost,
      body: method === "GET" || method === "HEAD" ? { kind: "none" as const } : body,
    }));
}

function encodeBody(body: Body): { type: string | null; payload?: BodyInit } {
  switch (body.kind) {
    case "none":
      return { type: null };
    case "oversize":
      return { type: "application/x-www-form-urlencoded", payload: `summary=${"x".repeat(body.bytes)}` };
    case "raw":
      return { type: body.type, payload: body.text };
    case "urlencoded":
      return {
        type: body.type ?? "application/x-www-form-urlencoded",
        payload: new URLSearchParams(body.fields).toString(),
      };
    case "multipart": {
      const form = new FormData();
      for (const [name, value] of body.fields) form.append(name, value);
      return { type: null, payload: form };
    }
  }
}

export interface Outcome {
  status: number;
  countsChanged: string[];
}

/** Sends one case and reports its status, and which row counts changed if it was refused. */
export async function runCase(app: RunningApp, world: FuzzWorld, fuzzCase: FuzzCase): Promise<Outcome> {
  // Earlier cases may have deactivated, demoted or signed out the people used here: restore them.
  await prisma.$executeRawUnsafe(
    `UPDATE "User" SET "active" = true, "role" = CASE "id" ${Object.values(world.actors)
      .map((actor) => `WHEN '${actor.id}' THEN '${actor.role}'::"Role"`)
      .join(" ")} END WHERE "id" IN (${Object.values(world.actors)
      .map((actor) => `'${actor.id}'`)
      .join(", ")}) AND ("active" = false OR "role"::text <> CASE "id" ${Object.values(world.actors)
      .map((actor) => `WHEN '${actor.id}' THEN '${actor.role}'`)
      .join(" ")} END)`,
  );
  const headers = new Headers();
  if (fuzzCase.actor !== "anonymous") {
    headers.set("Cookie", await cookieFor(world.actors[fuzzCase.actor].id));
  }
  if (fuzzCase.origin === "same") headers.set("Origin", app.url);
  if (fuzzCase.origin === "cross") headers.set("Origin", "https://evil.example");
  if (fuzzCase.forwardedHost !== null) headers.set("X-Forwarded-Host", fuzzCase.forwardedHost);
  const { type, payload } = encodeBody(fuzzCase.body);
  if (type) headers.set("Content-Type", type);
  const query = fuzzCase.query.length ? `?${new URLSearchParams(fuzzCase.query).toString()}` : "";
  const before = await rowCounts();
  const response = await fetch(`${app.url}${fuzzCase.path}${query}`, {
    method: fuzzCase.method,
    headers,
    body: payload,
    redirect: "manual",
  }).catch((error: unknown) => ({ status: 599, arrayBuffer: async () => new ArrayBuffer(0), error }));
  await response.arrayBuffer();
  if (response.status < 400 || response.status >= 500) return { status: response.status, countsChanged: [] };
  const after = await rowCounts();
  const countsChanged = Object.keys(before).filter((table) => before[table] !== after[table]);
  return { status: response.status, countsChanged };
}

export function describeCase(fuzzCase: FuzzCase): string {
  const body =
    fuzzCase.body.kind === "oversize"
      ? `oversize ${fuzzCase.body.bytes} bytes`
      : JSON.stringify(fuzzCase.body).slice(0, 300);
  return `${fuzzCase.actor} ${fuzzCase.method} ${fuzzCase.path} query=${JSON.stringify(fuzzCase.query).slice(0, 200)} origin=${fuzzCase.origin} forwardedHost=${fuzzCase.forwardedHost} body=${body}`;
}
