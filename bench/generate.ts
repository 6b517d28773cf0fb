/**
 * Fills the configured database (PGLITE_DATA_DIR or DATABASE_URL; use a
 * throwaway one) with a large, realistic-shaped data set, in SQL, fast:
 *   LOOPS loops (default 20,000), 5 rounds each, one submitted scorecard per
 *   round with 4 ratings: 20,000 loops -> 100,000 scorecards -> 400,000 ratings.
 */
import { DEMO_PASSWORD, createDefaultRubric, createRoundKits, createUser } from "../prisma/factories";
import { migrate } from "~/server/migrations.server";
import type { Database } from "~/server/db.server";

export async function generate(database: Database, loops: number) {
  await database.withSql((sql) => migrate(sql));
  const { prisma } = database;
  const rubric = await createDefaultRubric(prisma);
  await createRoundKits(prisma);
  const recruiter = await createUser(prisma, {
    role: "recruiter",
    email: "bench-recruiter@example.com",
    password: DEMO_PASSWORD,
  });
  const managers = [];
  for (let i = 0; i < 20; i++)
    managers.push(await createUser(prisma, { role: "hiring_manager", email: `bench-hm${i}@example.com` }));
  const interviewers = [];
  for (let i = 0; i < 60; i++)
    interviewers.push(
      await createUser(prisma, { role: "interviewer", email: `bench-int${i}@example.com`, name: `Interviewer ${i}` }),
    );
  const hmArray = `ARRAY[${managers.map((user) => `'${user.id}'`).join(",")}]`;
  const intArray = `ARRAY[${interviewers.map((user) => `'${user.id}'`).join(",")}]`;
  const dims = await prisma.dimension.findMany({
    where: { rubricVersionId: rubric.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const stages = [
    "sourced",
    "screen",
    "loop_scheduled",
    "in_loop",
    "awaiting_feedback",
    "debrief",
    "decided",
    "offer",
    "closed",
  ];

  await database.withSql(async (sql) => {
    await sql.exec(`
      INSERT INTO "Candidate" (id, name, email, "currentRole", "currentLevel", source, track, "targetLevel", "recruiterId", "hiringManagerId", "createdAt", "updatedAt")
      SELECT 'bc' || g, 'Candidate ' || g, 'candidate' || g || '@bench.example', 'Software Engineer', 'L5',
             (CASE WHEN g % 3 = 0 THEN 'internal' ELSE 'external' END)::"CandidateSource",
             (CASE WHEN g % 4 = 0 THEN 'technical_pm' ELSE 'core_pm' END)::"Track", 'L5', '${recruiter.id}', (${hmArray})[1 + g % 20],
             now() - (g % 400) * interval '1 day', now()
      FROM generate_series(1, ${loops}) g;
      INSERT INTO "Loop" (id, "candidateId", "roleTitle", track, "targetLevel", "recruiterId", "hiringManagerId", "rubricVersionId", stage, "stageChangedAt", "startedAt", "createdAt", "updatedAt")
      SELECT 'bl' || g, 'bc' || g, 'Product Manager', (CASE WHEN g % 4 = 0 THEN 'technical_pm' ELSE 'core_pm' END)::"Track", 'L5', '${recruiter.id}',
             (${hmArray})[1 + g % 20], '${rubric.id}', (CASE WHEN g % 10 < 8 THEN (ARRAY['decided','offer','closed'])[1 + g % 3]
                   ELSE (ARRAY[${stages.map((stage) => `'${stage}'`).join(",")}])[1 + g % 6] END)::"LoopStage",
             now() - (g % 30) * interval '1 day', now() - (g % 400) * interval '1 day', now() - (g % 400) * interval '1 day', now()
      FROM generate_series(1, ${loops}) g;
      INSERT INTO "Round" (id, "loopId", type, position, status, "scheduledAt", "durationMinutes", "interviewerId", "focusDimensionKeys", "feedbackDueAt", "createdAt", "updatedAt")
      SELECT 'br' || g || '_' || p, 'bl' || g, (ARRAY['product_sense','behavioral','execution','analytical','leadership'])[p]::"RoundType", p, 'completed',
             now() - (g % 400) * interval '1 day' + p * interval '1 day', 45, (${intArray})[1 + (g * 7 + p * 13) % 60], ARRAY['ownership'],
             now() - (g % 400) * interval '1 day' + p * interval '1 day' + interval '24 hours 45 minutes', now(), now()
      FROM generate_series(1, ${loops}) g, generate_series(1, 5) p;
      INSERT INTO "Feedback" (id, "roundId", "interviewerId", "rubricVersionId", status, recommendation, summary, "flagKeys", version, "submittedAt", "createdAt", "updatedAt")
      SELECT 'bf' || r.id, r.id, r."interviewerId", '${rubric.id}', 'submitted',
             (ARRAY['strong_no','no','yes','strong_yes'])[1 + (hashtext(r.id) & 3)]::"Recommendation", 'Bench summary', ARRAY[]::text[], 1,
             r."scheduledAt" + ((hashtext(r.id || 's') & 63)) * interval '1 hour', now(), now()
      FROM "Round" r WHERE r.id LIKE 'br%';
      INSERT INTO "Rating" (id, "feedbackId", "dimensionId", value, evidence, "evidenceFlag")
      SELECT 'bt' || f.id || '_' || d.pos, f.id, (ARRAY[${dims.map((dimension) => `'${dimension.id}'`).join(",")}])[d.pos],
             CASE WHEN (hashtext(f.id || d.pos) & 7) = 0 THEN NULL ELSE 1 + (hashtext(f.id || 'v' || d.pos) & 3) END,
             'Said what they would cut and why.', CASE WHEN (hashtext(f.id || 'e' || d.pos) & 15) = 0 THEN 'too_short' END
      FROM "Feedback" f, generate_series(1, 4) AS d(pos) WHERE f.id LIKE 'bf%';
      -- Most loops in a year's history are decided; calibration counts decided loops only.
      INSERT INTO "Decision" (id, "loopId", outcome, level, rationale, "dimensionKeys", dissent, "decidedById", "decidedAt")
      SELECT 'bd' || l.id, l.id, (CASE WHEN l.stage = 'offer' OR hashtext(l.id) & 1 = 0 THEN 'hire' ELSE 'no_hire' END)::"DecisionOutcome",
             NULL, 'Bench decision', ARRAY['ownership'], '', l."hiringManagerId", l."startedAt" + interval '10 days'
      FROM "Loop" l WHERE l.id LIKE 'bl%' AND l.stage IN ('decided', 'offer', 'closed');
      -- Outcomes for about half of the hires, so the validity figures (bootstrap intervals) are timed too.
      INSERT INTO "HireOutcome" ("loopId", "performance6", "performance12", "stillInRole", "recordedById", "updatedAt")
      SELECT d."loopId", 1 + (hashtext(d."loopId" || 'p6') & 3),
             CASE WHEN hashtext(d."loopId") & 2 = 0 THEN 1 + (hashtext(d."loopId" || 'p12') & 3) END,
             (hashtext(d."loopId" || 'r') & 7) <> 0, d."decidedById", now()
      FROM "Decision" d WHERE d.id LIKE 'bd%' AND d.outcome = 'hire' AND hashtext(d."loopId" || 'o') & 1 = 0;
      ANALYZE;
    `);
  });
}
