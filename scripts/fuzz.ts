/**
 * npm run fuzz -- [--runs N] [--seed S] [--engine pglite|postgres|both]
 * The request fuzz (tests/integration/fuzz.test.ts) for as long as you like:
 * npm test runs a bounded number of cases with a fixed seed; this runs N
 * (default 10,000) with a random seed, printed so a failure can be replayed.
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10000" },
    seed: { type: "string" },
    engine: { type: "string", default: "pglite" },
  },
});
const runs = Number(values.runs);
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
if (
  !Number.isInteger(runs) ||
  runs < 1 ||
  !Number.isInteger(seed) ||
  !["pglite", "postgres", "both"].includes(values.engine!)
) {
  console.error("Usage: npm run fuzz -- [--runs N] [--seed S] [--engine pglite|postgres|both]");
  process.exit(2);
}
const projects = values.engine === "both" ? ["pglite", "postgres"] : [values.engine!];
console.log(`Fuzzing ${runs} requests per engine (${projects.join(", ")}) with seed ${seed}.`);
const result = spawnSync(
  "npx",
  [
    "vitest",
    "run",
    ...projects.flatMap((engine) => ["--project", `integration-${engine}`]),
    "tests/integration/fuzz.test.ts",
  ],
  { stdio: "inherit", env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) } },
);
process.exit(result.status ?? 1);
