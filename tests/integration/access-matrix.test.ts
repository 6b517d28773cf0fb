/**
 * Every route module's loader and action, called as every relationship to a
 * loop, against the table in access-matrix.table.ts. The route modules are
 * found by walking app/routes (the route manifest of the classic compiler),
 * so a new route without a row fails here. Set PRINT_ACCESS_MATRIX=1 to print
 * what each cell does now (to review a change, then copy into the table).
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories";
import { accessScenario, RELATIONSHIPS, type Relationship } from "../support/access-scenario";
import { cookieFor, prisma, request, run, type Outcome } from "../support/remix";
import { accessMatrix, type Cell } from "./access-matrix.table";

const routesDir = path.resolve("app/routes");
const routeFiles = fs
  .readdirSync(routesDir)
  .filter((file) => /\.tsx?$/.test(file))
  .sort();

type Scenario = Awaited<ReturnType<typeof accessScenario>>;
let scenario: Scenario;
let ids: { rubricId: string; dimensionId: string; bystanderId: string };

beforeAll(async () => {
  scenario = await accessScenario();
  const dimension = await prisma.dimension.findFirstOrThrow({
    where: { rubricVersionId: scenario.rubric.id },
    select: { id: true },
  });
  const bystander = await createUser(prisma, { role: "interviewer" });
  await cookieFor(bystander.id);
  ids = { rubricId: scenario.rubric.id, dimensionId: dimension.id, bystanderId: bystander.id };
}, 120_000);

/** Route params from the file name's dynamic segments. */
function paramsFor(file: string, relationship: Relationship): Record<string, string> {
  const params: Record<string, string> = {};
  if (file.includes("$loopId")) params.loopId = scenario.loop.id;
  if (file.includes("$roundId")) params.roundId = scenario.ownRound[relationship];
  if (file.includes("$rubricId")) params.rubricId = ids.rubricId;
  if (file.includes("$dimensionId")) params.dimensionId = ids.dimensionId;
  if (file.includes("$type")) params.type = "product_sense";
  // Signing a person out everywhere ends their sessions: aim it at someone no other cell signs in as.
  if (file.includes("$userId")) params.userId = ids.bystanderId;
  if (file === "$.tsx") params["*"] = "no/such/page";
  return params;
}

/** Feedback written by people other than the viewer (Bob's is marked SECRET-2, Carol's SECRET-4). */
function othersContent(relationship: Relationship): RegExp {
  return relationship === "unlockedPanelist" ? /SECRET-2/ : /SECRET-[24]/;
}

function classify(outcome: Outcome, relationship: Relationship): Cell {
  const text = JSON.stringify(outcome.data) ?? "";
  const location = outcome.headers.get("Location") ?? "";
  switch (outcome.status) {
    case 200:
      return othersContent(relationship).test(text) ? "reads" : "ok";
    case 302:
    case 303:
      return location.startsWith("/login") ? "login" : "redir";
    default:
      return String(outcome.status) as Cell;
  }
}

async function cell(file: string, kind: "loader" | "action", relationship: Relationship) {
  const route = (await import(path.join(routesDir, file))) as Record<string, unknown>;
  // Signing out ends the session it is given: give it one of its own.
  const cookie =
    relationship === "anonymous"
      ? undefined
      : file === "logout.tsx"
        ? await cookieFor(scenario.people[relationship].id)
        : scenario.cookies[relationship];
  const url = `/probe?page=1`;
  const req = kind === "loader" ? request(url, { cookie }) : request(url, { cookie, form: {} });
  const outcome = await run(route[kind], req, paramsFor(file, relationship));
  return { cell: classify(outcome, relationship), outcome };
}

describe("access matrix", () => {
  it("has a row for every route module, and only for route modules", async () => {
    const handlers: string[] = [];
    for (const file of routeFiles) {
      const route = (await import(path.join(routesDir, file))) as Record<string, unknown>;
      for (const kind of ["loader", "action"] as const) if (route[kind]) handlers.push(`${file} ${kind}`);
    }
    const rows = Object.entries(accessMatrix).flatMap(([file, row]) =>
      (["loader", "action"] as const).filter((kind) => row[kind]).map((kind) => `${file} ${kind}`),
    );
    expect(rows.sort()).toEqual(handlers.sort());
  });

  if (process.env.PRINT_ACCESS_MATRIX) {
    it("prints the observed matrix", async () => {
      const lines: string[] = [];
      for (const file of routeFiles) {
        const route = (await import(path.join(routesDir, file))) as Record<string, unknown>;
        const parts: string[] = [];
        for (const kind of ["loader", "action"] as const) {
          if (!route[kind]) continue;
          const cells: string[] = [];
          for (const relationship of RELATIONSHIPS) {
            cells.push((await cell(file, kind, relationship)).cell.padEnd(6));
          }
          parts.push(`  "${file} ${kind}": "${cells.join(" ").trimEnd()}",`);
        }
        lines.push(...parts);
      }
      console.log(`\n${lines.join("\n")}\n`);
    }, 600_000);
  }

  for (const file of routeFiles) {
    for (const kind of ["loader", "action"] as const) {
      const expected = accessMatrix[file]?.[kind];
      if (!expected) continue;
      it(`${file} ${kind}`, async () => {
        const before = kind === "action" ? await rowCounts() : null;
        for (const relationship of RELATIONSHIPS) {
          const { cell: actual, outcome } = await cell(file, kind, relationship);
          expect(actual, `${relationship}: ${outcome.status} ${JSON.stringify(outcome.data).slice(0, 300)}`).toBe(
            expected[relationship],
          );
        }
        // An empty form changes nothing, whoever posts it (sessions aside: signing out ends one).
        if (before && file !== "logout.tsx") expect(await rowCounts()).toEqual(before);
      });
    }
  }
});

async function rowCounts() {
  const [feedback, ratings, decisions, rounds, stageChanges, users, rubrics] = await Promise.all([
    prisma.feedback.count(),
    prisma.rating.count(),
    prisma.decision.count(),
    prisma.roundChange.count(),
    prisma.stageChange.count(),
    prisma.user.count(),
    prisma.rubricVersion.count(),
  ]);
  return { feedback, ratings, decisions, rounds, stageChanges, users, rubrics };
}
