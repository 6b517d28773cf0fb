import { describe, expect, it } from "vitest";
import * as healthRoute from "~/routes/healthz";
import { openDatabase } from "~/server/db.server";
import { checkDatabase, publicHealth } from "~/server/health.server";
import { demoAccounts, isEmpty, seedDemoData } from "../../prisma/seed";
import { prisma, request, run } from "../support/remix";

describe("health check", () => {
  it("answers 200 {status: ok} and tells an anonymous caller nothing more", async () => {
    const outcome = await run(healthRoute.loader, request("/healthz"));
    expect(outcome.status).toBe(200);
    expect(outcome.data).toEqual({ status: "ok" });
  });

  it("reports the database as down when it cannot be reached, with the detail only in the server log", async () => {
    const unreachable = openDatabase({ databaseUrl: "postgresql://nobody@127.0.0.1:1/none", pgliteDataDir: "" });
    const status = await checkDatabase(unreachable);
    expect(status.up).toBe(false);
    const log: string[] = [];
    expect(await publicHealth((line) => log.push(line), unreachable)).toEqual({ up: false });
    expect(await publicHealth((line) => log.push(line), unreachable)).toEqual({ up: false });
    // Once per change of state, not once per probe.
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^healthz: the postgres database is unreachable: /);
    await unreachable.close();
  });
});

describe("demo seed", () => {
  it("fills an empty database with loops in every stage, split and agreeing panels, drafts and overdue feedback", async () => {
    expect(await isEmpty(prisma)).toBe(true);
    const now = new Date();
    await seedDemoData(prisma, now);
    expect(await isEmpty(prisma)).toBe(false);

    const emails = (await prisma.user.findMany({ select: { email: true } })).map((user) => user.email);
    for (const account of demoAccounts) expect(emails).toContain(account.email);

    const stages = await prisma.loop.groupBy({ by: ["stage"], _count: true });
    expect(stages.map((group) => group.stage).sort()).toEqual(
      [
        "awaiting_feedback",
        "closed",
        "debrief",
        "decided",
        "in_loop",
        "loop_scheduled",
        "offer",
        "screen",
        "sourced",
      ].sort(),
    );
    const candidates = await prisma.candidate.groupBy({ by: ["source", "track"], _count: true });
    expect(new Set(candidates.map((group) => group.source))).toEqual(new Set(["internal", "external"]));
    expect(new Set(candidates.map((group) => group.track))).toEqual(new Set(["core_pm", "technical_pm", "apm"]));

    expect(await prisma.feedback.count({ where: { status: "draft" } })).toBeGreaterThan(0);
    expect(await prisma.rating.count({ where: { value: null } })).toBeGreaterThan(0);

    // A split panel: ratings on both sides of the yes/no line on one dimension of one loop.
    const debriefLoops = await prisma.loop.findMany({
      where: { stage: "debrief" },
      select: {
        rounds: {
          select: {
            feedback: {
              where: { status: "submitted" },
              select: { ratings: { select: { value: true, dimension: { select: { key: true } } } } },
            },
          },
        },
      },
    });
    const splits = debriefLoops.filter((loop) => {
      const byDimension = new Map<string, number[]>();
      for (const round of loop.rounds)
        for (const feedback of round.feedback)
          for (const rating of feedback.ratings)
            if (rating.value !== null)
              byDimension.set(rating.dimension.key, [...(byDimension.get(rating.dimension.key) ?? []), rating.value]);
      return [...byDimension.values()].some((values) => Math.min(...values) <= 2 && Math.max(...values) >= 3);
    });
    expect(splits.length).toBeGreaterThan(0);

    // interviewer1 has something in every section of "My rounds".
    const sam = await prisma.user.findUniqueOrThrow({
      where: { email: "interviewer1@example.com" },
      select: { id: true },
    });
    const samRounds = await prisma.round.findMany({
      where: { interviewerId: sam.id },
      select: { scheduledAt: true, feedbackDueAt: true, feedback: { select: { status: true } } },
    });
    expect(samRounds.some((round) => round.scheduledAt! > now)).toBe(true);
    expect(samRounds.some((round) => round.feedback[0]?.status === "draft")).toBe(true);
    expect(samRounds.some((round) => round.feedbackDueAt! < now && round.feedback.length === 0)).toBe(true);
  });
});
