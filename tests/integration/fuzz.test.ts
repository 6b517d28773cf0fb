import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildWorld, caseArb, describeCase, runCase } from "../support/fuzz";
import { startInProcessServer, type RunningApp } from "../support/in-process-server";

/**
 * Fuzzes every loader and action in the route manifest through the whole HTTP
 * stack (see tests/support/fuzz.ts). A bounded run is part of npm test;
 * `npm run fuzz -- --runs 100000` runs long (FUZZ_RUNS, FUZZ_SEED).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

let app: RunningApp;
beforeAll(async () => {
  app = await startInProcessServer();
});
afterAll(() => app.close());

it(
  `answers ${RUNS} malformed requests to every route, as everyone, with no 5xx and nothing written when refusing`,
  { timeout: Math.max(240_000, RUNS * 400) },
  async () => {
    const world = await buildWorld();
    const statuses = new Map<number, number>();
    const perRoute = new Map<string, number>();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(caseArb(world, app.routes), async (fuzzCase) => {
        const outcome = await runCase(app, world, fuzzCase);
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        perRoute.set(fuzzCase.route, (perRoute.get(fuzzCase.route) ?? 0) + 1);
        if (outcome.status >= 500) throw new Error(`answered ${outcome.status}: ${describeCase(fuzzCase)}`);
        if (outcome.countsChanged.length) {
          throw new Error(
            `refused with ${outcome.status} but changed ${outcome.countsChanged.join(", ")}: ${describeCase(fuzzCase)}`,
          );
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    const engine = process.env.CALIBRATE_TEST_ENGINE;
    const tally = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
    const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    console.log(
      `fuzz (${engine}, seed ${SEED}): ${total} requests over ${perRoute.size} routes in ${Math.round((Date.now() - started) / 1000)} s; statuses ${tally.join(", ")}; ${app.log.length} refusals logged`,
    );
    // Every route with a loader or action was exercised, and refusals are logged as one line each.
    const targets = app.routes.filter((route) => route.hasLoader || route.hasAction).map((route) => route.id);
    if (RUNS >= 1000) expect(targets.filter((id) => !perRoute.has(id))).toEqual([]);
    expect(app.log.filter((line) => line.includes("\n"))).toEqual([]);
  },
);
