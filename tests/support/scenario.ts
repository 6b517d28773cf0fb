import type { RoundType } from "~/generated/prisma/enums";
import {
  createCandidate,
  createDefaultRubric,
  createLoop,
  createRound,
  createRoundKits,
  createUser,
} from "../../prisma/factories";
import * as feedbackRoute from "~/routes/_app.rounds.$roundId.feedback";
import { prisma } from "~/server/db.server";
import { cookieFor, request, run } from "./remix";

/**
 * A loop whose panel has finished its rounds: three interviewers (one with two
 * rounds), a hiring manager, a recruiter and an outsider interviewer.
 */
export async function panelScenario(options: { upcomingForFirst?: boolean } = {}) {
  const rubric = await createDefaultRubric(prisma);
  await createRoundKits(prisma);
  const [hm, recruiter, admin, alice, bob, carol, outsider] = await Promise.all([
    createUser(prisma, { role: "hiring_manager" }),
    createUser(prisma, { role: "recruiter" }),
    createUser(prisma, { role: "admin" }),
    createUser(prisma, { role: "interviewer", name: "Alice Panelist" }),
    createUser(prisma, { role: "interviewer", name: "Bob Panelist" }),
    createUser(prisma, { role: "interviewer", name: "Carol Panelist" }),
    createUser(prisma, { role: "interviewer", name: "Olga Outsider" }),
  ]);
  const candidate = await createCandidate(prisma, {
    recruiterId: recruiter.id,
    hiringManagerId: hm.id,
    name: "Casey Candidate",
  });
  const loop = await createLoop(prisma, {
    candidateId: candidate.id,
    recruiterId: recruiter.id,
    hiringManagerId: hm.id,
    rubricVersionId: rubric.id,
    history: [{ stage: "in_loop", at: new Date(Date.now() - 10 * 86_400_000) }],
  });
  const past = (days: number) => new Date(Date.now() - days * 86_400_000);
  const plan: [RoundType, string, Date][] = [
    ["product_sense", alice.id, past(3)],
    ["behavioral", bob.id, past(3)],
    ["execution", carol.id, past(2)],
    ["analytical", alice.id, options.upcomingForFirst ? new Date(Date.now() + 86_400_000) : past(1)],
  ];
  const rounds = [];
  for (const [index, [type, interviewerId, scheduledAt]] of plan.entries()) {
    rounds.push(await createRound(prisma, { loopId: loop.id, type, position: index + 1, interviewerId, scheduledAt }));
  }
  const dimensions = await prisma.dimension.findMany({
    where: { rubricVersionId: rubric.id },
    orderBy: { position: "asc" },
    select: { id: true, key: true },
  });
  const otherCandidate = await createCandidate(prisma, { recruiterId: recruiter.id, hiringManagerId: hm.id });
  const otherLoop = await createLoop(prisma, {
    candidateId: otherCandidate.id,
    recruiterId: recruiter.id,
    hiringManagerId: hm.id,
    rubricVersionId: rubric.id,
  });
  const outsiderRound = await createRound(prisma, {
    loopId: otherLoop.id,
    type: "behavioral",
    position: 1,
    interviewerId: outsider.id,
    scheduledAt: past(1),
  });
  return {
    rubric,
    dimensions,
    users: { hm, recruiter, admin, alice, bob, carol, outsider },
    loop,
    rounds: {
      aliceProduct: rounds[0]!,
      bobBehavioral: rounds[1]!,
      carolExecution: rounds[2]!,
      aliceAnalytical: rounds[3]!,
      outsiderRound,
    },
  };
}

/** A complete, valid feedback form for the default rubric. */
export function completeForm(
  overrides: Record<string, string | string[]> = {},
  value = "3",
): Record<string, string | string[]> {
  return {
    intent: "submit",
    version: "0",
    submitKey: `key-${Math.random().toString(36).slice(2)}`,
    "ratings.product_altitude.value": value,
    "ratings.product_altitude.evidence": `SECRET-${value}: opened with the commuter, named a success metric, then said what to cut.`,
    "ratings.tradeoff_ranking.value": "none",
    "ratings.ownership.value": value,
    "ratings.ownership.evidence": "Decided to launch to 10% with incomplete load data and set rollback criteria.",
    "ratings.engineering_bias.value": "none",
    flags: ["said_what_to_cut"],
    recommendation: Number(value) >= 3 ? "yes" : "no",
    summary: `Summary SECRET-${value}`,
    ...overrides,
  };
}

/** Submits a panelist's feedback through the route, as the browser would; throws unless it redirects (saved). */
export async function submitFeedback(userId: string, roundId: string, form: Record<string, string | string[]>) {
  const outcome = await run(
    feedbackRoute.action,
    request(`/rounds/${roundId}/feedback`, { cookie: await cookieFor(userId), form }),
    { roundId },
  );
  if (outcome.status !== 302) throw new Error(`submit failed: ${outcome.status} ${JSON.stringify(outcome.data)}`);
}
