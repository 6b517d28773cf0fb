/**
 * The blind rule, tested the way someone would try to break it: as each kind
 * of locked panelist (interviewer, the loop's own hiring manager, its
 * recruiter, an admin), fetch everything reachable (every route loader, i.e.
 * what every page and its `.data` request returns, with every id in play and
 * the list filters), let a colleague submit feedback, and fetch it all again.
 * Only the named who-and-when fields may differ. Aggregates are covered: the
 * colleague also submits on a decided loop, which calibration counts for
 * everyone else. Then the locked panelist submits and the debrief opens.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as debriefRoute from "~/routes/_app.loops.$loopId.debrief";
import { settleCalibrationRefreshes } from "~/server/calibration/calibration.server";
import { recordDecision } from "~/server/debrief/decisions.server";
import { createCandidate, createLoop, createRound } from "../../prisma/factories";
import { submitFeedback } from "../support/access-scenario";
import { cookieFor, prisma, request, run } from "../support/remix";
import { completeForm, panelScenario } from "../support/scenario";

const routesDir = path.resolve("app/routes");
const routeFiles = fs.readdirSync(routesDir).filter((file) => /\.tsx?$/.test(file));

/**
 * What a locked person may learn when a colleague submits: who submitted and
 * when, and what follows from that alone (a round's state, completeness
 * counts, the loop's automatic stage, timing figures such as turnaround), and
 * when the cached statistics were last computed. Nothing else may move.
 */
const WHO_AND_WHEN = new Set([
  "submittedAt",
  "state",
  "feedback", // a list row's completeness: { submitted, expected, overdue }
  "submitted",
  "locked", // a round with submitted feedback cannot be moved: follows from "submitted"
  "entries", // a locked panel: [{ interviewerName, roundType, submittedAt, content: null }], checked below
  "timeline", // the loop's timeline: when each round's feedback arrived
  "medianTurnaroundHours",
  "turnaround", // the recruiter's summary: each interviewer's number of scorecards and how fast they came
  "latencyMs", // the health check's database round trip
  "lateShare",
  "now", // the server's clock
  "submitKey", // a fresh random key per form load
  "computedAt",
  "computeMs",
  "fromCache",
  "refreshing",
]);

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

type Kind = "interviewer" | "hiring manager" | "recruiter" | "admin";

/** A complete scorecard whose evidence and summary carry a marker, so a leak of it can be searched for. */
function marked(marker: string, value: string) {
  return completeForm(
    {
      "ratings.product_altitude.evidence": `${marker}: named the commuter first, then the metric.`,
      summary: `${marker} summary`,
    },
    value,
  );
}

/**
 * Loop A (undecided) and loop B (decided: hire) each have feedback from Carol,
 * an open round for Bob (the colleague who will submit) and an open round for
 * the locked person; loop C is decided and complete, so calibration has data.
 */
async function lockedScenario(kind: Kind) {
  const base = await panelScenario();
  const { users, rubric } = base;
  const locked = {
    interviewer: users.alice,
    "hiring manager": users.hm,
    recruiter: users.recruiter,
    admin: users.admin,
  }[kind];
  const loopA = base.loop;
  const roundType = kind === "recruiter" ? "recruiter_screen" : "leadership";
  const lockedRoundA =
    kind === "interviewer"
      ? base.rounds.aliceProduct
      : await createRound(prisma, {
          loopId: loopA.id,
          type: roundType,
          position: 9,
          interviewerId: locked.id,
          scheduledAt: ago(2),
        });

  const newLoop = async () => {
    const candidate = await createCandidate(prisma, { recruiterId: users.recruiter.id, hiringManagerId: users.hm.id });
    return createLoop(prisma, {
      candidateId: candidate.id,
      recruiterId: users.recruiter.id,
      hiringManagerId: users.hm.id,
      rubricVersionId: rubric.id,
      history: [{ stage: "in_loop", at: ago(20) }],
    });
  };
  const loopB = await newLoop();
  const bobB = await createRound(prisma, {
    loopId: loopB.id,
    type: "behavioral",
    position: 1,
    interviewerId: users.bob.id,
    scheduledAt: ago(8),
  });
  const carolB = await createRound(prisma, {
    loopId: loopB.id,
    type: "execution",
    position: 2,
    interviewerId: users.carol.id,
    scheduledAt: ago(8),
  });
  const lockedRoundB = await createRound(prisma, {
    loopId: loopB.id,
    type: roundType,
    position: 3,
    interviewerId: locked.id,
    scheduledAt: ago(7),
  });
  const loopC = await newLoop();
  const bobC = await createRound(prisma, {
    loopId: loopC.id,
    type: "behavioral",
    position: 1,
    interviewerId: users.bob.id,
    scheduledAt: ago(15),
  });
  const carolC = await createRound(prisma, {
    loopId: loopC.id,
    type: "execution",
    position: 2,
    interviewerId: users.carol.id,
    scheduledAt: ago(15),
  });

  await submitFeedback(users.carol.id, base.rounds.carolExecution.id, marked("CAROL-A", "4"));
  await submitFeedback(users.carol.id, carolB.id, completeForm({}, "3"));
  await submitFeedback(users.carol.id, carolC.id, completeForm({}, "3"));
  await submitFeedback(users.bob.id, bobC.id, completeForm({}, "1"));
  // A hiring manager who owes feedback on the loop cannot decide it; an admin does.
  const decider = kind === "hiring manager" ? users.admin : users.hm;
  for (const loop of [loopB, loopC]) {
    await recordDecision(decider, loop.id, {
      outcome: "hire",
      level: "L5",
      rationale: "The panel found strong product altitude and ownership.",
      dimensionKeys: ["ownership"],
      dissent: "",
    });
  }
  await settleCalibrationRefreshes();
  return {
    ...base,
    locked,
    loops: [loopA.id, loopB.id, loopC.id],
    lockedRounds: [
      lockedRoundA.id,
      lockedRoundB.id,
      ...(kind === "interviewer" ? [base.rounds.aliceAnalytical.id] : []),
    ],
    bobRounds: [base.rounds.bobBehavioral.id, bobB.id],
    allRounds: [lockedRoundA.id, lockedRoundB.id, base.rounds.bobBehavioral.id, bobB.id, carolB.id, bobC.id, carolC.id],
  };
}

/** Every loader's answer for the person, with every id in play and the list filters, keyed by what was asked. */
async function everythingVisibleTo(userId: string, loopIds: string[], roundIds: string[]) {
  const cookie = await cookieFor(userId);
  const seen: Record<string, unknown> = {};
  const queries = ["", "?show=all", "?scope=all", "?period=all", "?period=90", "?roundType=behavioral"];
  for (const file of routeFiles) {
    const route = (await import(path.join(routesDir, file))) as { loader?: unknown };
    if (!route.loader) continue;
    const paramSets: Record<string, string>[] = [{}];
    if (file.includes("$loopId")) paramSets.splice(0, 1, ...loopIds.map((loopId) => ({ loopId })));
    if (file.includes("$roundId")) paramSets.splice(0, paramSets.length, ...roundIds.map((roundId) => ({ roundId })));
    for (const params of paramSets) {
      for (const query of Object.keys(params).length ? [""] : queries) {
        const outcome = await run(route.loader, request(`/probe${query}`, { cookie }), params);
        seen[`${file} ${JSON.stringify(params)} ${query}`] = { status: outcome.status, data: outcome.data };
      }
    }
  }
  await settleCalibrationRefreshes();
  return seen;
}

/** Paths (a.b[2].c) whose values differ between two answers, ignoring the who-and-when fields. */
function differences(before: unknown, after: unknown, at = ""): string[] {
  const key = at
    .split(".")
    .pop()!
    .replace(/\[\d+\]$/, "");
  if (WHO_AND_WHEN.has(key)) return [];
  if (typeof before !== "object" || typeof after !== "object" || before === null || after === null) {
    return Object.is(before, after) ? [] : [`${at}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`];
  }
  if (Array.isArray(before) !== Array.isArray(after)) return [at];
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return [`${at} (length ${before.length} -> ${after.length})`];
    return before.flatMap((item, index) => differences(item, after[index], `${at}[${index}]`));
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((name) =>
    differences(
      (before as Record<string, unknown>)[name],
      (after as Record<string, unknown>)[name],
      at ? `${at}.${name}` : name,
    ),
  );
}

/** Every panel entry a locked person receives names who and when, never what. */
function lockedEntries(seen: Record<string, unknown>): unknown[] {
  const found: unknown[] = [];
  const walk = (value: unknown, key: string) => {
    if (key === "entries" && Array.isArray(value)) found.push(...value);
    else if (value && typeof value === "object") for (const [name, item] of Object.entries(value)) walk(item, name);
  };
  walk(seen, "");
  return found;
}

describe.each<Kind>(["interviewer", "hiring manager", "recruiter", "admin"])("a locked %s", (kind) => {
  it("fetches the same before and after a colleague submits, except who submitted when; the debrief opens once they submit", async () => {
    const scenario = await lockedScenario(kind);
    const { users, locked } = scenario;
    const before = await everythingVisibleTo(locked.id, scenario.loops, scenario.allRounds);
    const observerBefore = await everythingVisibleTo(users.carol.id, scenario.loops, scenario.allRounds);

    for (const roundId of scenario.bobRounds) await submitFeedback(users.bob.id, roundId, marked("BOB-NEW", "1"));
    await settleCalibrationRefreshes();

    const after = await everythingVisibleTo(locked.id, scenario.loops, scenario.allRounds);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // The audit log is itself a record of who did what when: a colleague's submission adds its event.
    // Compared apart: the events about the loops they are locked on carry no details.
    const isAuditLog = (key: string) => key.startsWith("_app.admin.audit.tsx") || key.startsWith("admin.audit[.csv]");
    const changed = Object.keys(before)
      .filter((key) => !isAuditLog(key))
      .flatMap((key) => differences(before[key], after[key]).map((at) => `${key} ${at}`));
    expect(changed).toEqual([]);
    for (const key of Object.keys(after).filter((name) => name.startsWith("admin.audit[.csv]"))) {
      const answer = after[key] as { status: number; data: string };
      if (answer.status !== 200) continue;
      const csv = answer.data;
      const lockedRows = csv.split("\r\n").filter((line) => scenario.loops.slice(0, 2).some((id) => line.includes(id)));
      expect(lockedRows.length).toBeGreaterThan(0);
      expect(lockedRows.filter((line) => /BOB-NEW|CAROL-A|recommendation|outcome/.test(line))).toEqual([]);
    }
    for (const key of Object.keys(after).filter((name) => name.startsWith("_app.admin.audit.tsx"))) {
      const page = after[key] as { data: { events?: { loop: { id: string } | null; details: unknown }[] } };
      const lockedLoops = scenario.loops.slice(0, 2);
      const aboutLocked = (page.data.events ?? []).filter((event) => event.loop && lockedLoops.includes(event.loop.id));
      expect(aboutLocked.every((event) => event.details === null)).toBe(true);
    }
    // The panel entries they were given (masked above) carry no content at all.
    const entries = lockedEntries(after) as { isOwn: boolean; content: unknown; voided: unknown }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(
      entries.filter((entry) => !entry.isOwn).every((entry) => entry.content === null && entry.voided === null),
    ).toBe(true);
    expect(JSON.stringify(after)).not.toMatch(/CAROL-A|BOB-NEW/);

    // Positive control: Carol, who has submitted, sees Bob's new feedback move the debrief and its figures.
    const observerAfter = await everythingVisibleTo(users.carol.id, scenario.loops, scenario.allRounds);
    const observed = Object.keys(observerBefore).flatMap((key) => differences(observerBefore[key], observerAfter[key]));
    expect(observed.length).toBeGreaterThan(0);
    expect(JSON.stringify(observerAfter)).toContain("BOB-NEW");

    // The locked person submits everything they owe: the debrief opens with the colleague's feedback.
    const cookie = await cookieFor(locked.id);
    const closed = await run(debriefRoute.loader, request(`/loops/${scenario.loops[0]}/debrief`, { cookie }), {
      loopId: scenario.loops[0]!,
    });
    expect(closed.status).toBe(403);
    expect(JSON.stringify(closed.data)).toMatch(/opens for you once your own feedback/);
    for (const roundId of scenario.lockedRounds) await submitFeedback(locked.id, roundId, completeForm({}, "3"));
    const open = await run(debriefRoute.loader, request(`/loops/${scenario.loops[0]}/debrief`, { cookie }), {
      loopId: scenario.loops[0]!,
    });
    expect(open.status).toBe(200);
    expect(JSON.stringify(open.data)).toContain("BOB-NEW");
    expect(JSON.stringify(open.data)).toContain("CAROL-A");
  }, 180_000);
});
