/**
 * npm run bench -- [--loops 20000]
 * Builds a throwaway database (PGlite under bench/out, or DATABASE_URL if set:
 * it must be an empty, disposable database), fills it with bench/generate.ts,
 * and times the heavy reads: the calibration statistics (cold and cached),
 * the pipeline and hiring-manager loop lists, and a debrief. Prints figures;
 * asserts nothing.
 */
import fs from "node:fs";
import path from "node:path";

const loopsArg = process.argv.indexOf("--loops");
const loops = loopsArg === -1 ? 20_000 : Number(process.argv[loopsArg + 1]);
const databaseUrl = process.env.BENCH_DATABASE_URL;
const dataDir = path.resolve("bench/out/pglite");
if (!databaseUrl) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });

// The app modules read their database from the environment; point them at the bench database.
if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = dataDir;
}

// Imported only now: app modules read (and validate) the environment when first loaded,
// and the process's one database (a PGlite dir must never be opened twice) is the app's own.
const { database } = await import("~/server/db.server");
const { generate } = await import("./generate");
const started = performance.now();
await generate(database, loops);
const ratings = await database.prisma.rating.count();
console.log(
  `generated ${loops} loops, ${await database.prisma.feedback.count()} scorecards, ${ratings} ratings in ${((performance.now() - started) / 1000).toFixed(1)} s (${database.kind})`,
);

const { getCalibration } = await import("~/server/calibration/calibration.server");
const { listLoops } = await import("~/server/loops/loop-list.server");
const { getDebrief } = await import("~/server/debrief/debrief.server");

async function time<T>(label: string, work: () => Promise<T>, runs = 1): Promise<T> {
  let result!: T;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(46)} median ${samples[Math.floor(samples.length / 2)]!.toFixed(0).padStart(6)} ms  (min ${samples[0]!.toFixed(0)}, max ${samples.at(-1)!.toFixed(0)}, ${runs} run${runs > 1 ? "s" : ""})`,
  );
  return result;
}

const manager = await database.prisma.user.findFirstOrThrow({
  where: { role: "hiring_manager" },
  select: { id: true, role: true, committeeMember: true },
});
const admin = { id: manager.id, role: "admin" as const, committeeMember: false };
const cold = await time("calibration, all time (cold: compute)", () => getCalibration({}));
console.log(
  `  computed over ${cold.summary.ratings} ratings, ${cold.summary.scorecards} scorecards, ${cold.summary.interviewers.length} interviewers (compute ${cold.computeMs} ms)`,
);
await time("calibration, all time (cached)", () => getCalibration({}), 5);
await time("calibration, last 90 days (cold)", () => getCalibration({ periodDays: 90 }));
await time("pipeline page 1 (active, longest in stage)", () => listLoops(admin, { activeOnly: true, page: 1 }), 5);
await time("pipeline page 200", () => listLoops(admin, { activeOnly: true, page: 200 }), 5);
await time("hiring manager's loops, filtered (internal)", () => listLoops(manager, { source: "internal", page: 1 }), 5);
await time("debrief of one loop (calibration cached)", () => getDebrief(admin, "bl1"), 5);
await database.close();
