import { describe, expect, it } from "vitest";
import * as pipelineRoute from "~/routes/_app.pipeline._index";
import * as stagesRoute from "~/routes/_app.admin.stages";
import { createCandidate, createLoop, createUser } from "../../prisma/factories";
import { panelScenario } from "../support/scenario";
import { cookieFor, prisma, request, run } from "../support/remix";

type Row = {
  id: string;
  candidateName: string;
  stuckDays: number;
  feedback: { overdue: number };
  nextRound: { typeLabel: string } | null;
};

describe("pipeline", () => {
  it("searches by name, filters overdue-only and by recruiter, shows the next round and flags stuck loops", async () => {
    const { users, loop } = await panelScenario();
    const cookie = await cookieFor(users.recruiter.id);
    const rows = async (query: string) =>
      ((await run(pipelineRoute.loader, request(`/pipeline?${query}`, { cookie }))).data as { loops: Row[] }).loops;

    expect((await rows("q=casey")).map((row) => row.candidateName)).toEqual(["Casey Candidate"]);
    expect(await rows("q=nobody-by-this-name")).toEqual([]);
    // Alice's product-sense feedback is past due: the loop is in the overdue-only view.
    expect((await rows("overdue=1")).map((row) => row.id)).toContain(loop.id);
    expect((await rows(`recruiter=${users.recruiter.id}`)).map((row) => row.id)).toContain(loop.id);
    const other = await createUser(prisma, { role: "recruiter" });
    expect((await rows(`recruiter=${other.id}`)).map((row) => row.id)).not.toContain(loop.id);

    // In loop for 10 days against an expected 14: not stuck; lower the limit and it is.
    expect((await rows("q=casey"))[0]!.stuckDays).toBe(0);
    await prisma.stageSetting.update({ where: { stage: "in_loop" }, data: { expectedDays: 4 } });
    expect((await rows("q=casey"))[0]!.stuckDays).toBe(6);

    await prisma.round.update({
      where: { id: (await prisma.round.findFirstOrThrow({ where: { loopId: loop.id, type: "analytical" } })).id },
      data: { scheduledAt: new Date(Date.now() + 86_400_000) },
    });
    expect((await rows("q=casey"))[0]!.nextRound?.typeLabel).toBe("Analytical");
  });

  it("lets admins set the expected days per stage, with clear errors", async () => {
    const admin = await createUser(prisma, { role: "admin" });
    const cookie = await cookieFor(admin.id);
    const form = {
      sourced: "7",
      screen: "7",
      loop_scheduled: "10",
      in_loop: "14",
      awaiting_feedback: "2",
      debrief: "3",
      decided: "5",
      offer: "14",
    };
    expect((await run(stagesRoute.action, request("/admin/stages", { cookie, form }))).status).toBe(200);
    expect((await prisma.stageSetting.findUniqueOrThrow({ where: { stage: "awaiting_feedback" } })).expectedDays).toBe(
      2,
    );
    const bad = await run(stagesRoute.action, request("/admin/stages", { cookie, form: { ...form, debrief: "0" } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).toContain("At least 1 day");
    const recruiter = await createUser(prisma, { role: "recruiter" });
    expect(
      (await run(stagesRoute.loader, request("/admin/stages", { cookie: await cookieFor(recruiter.id) }))).status,
    ).toBe(403);
  });
});

describe("pipeline summary", () => {
  it("shows recruiters the median days in each stage and to decision, split internal/external, and turnaround; others are refused", async () => {
    const summaryRoute = await import("~/routes/_app.pipeline.summary");
    const { users, rubric } = await panelScenario();
    const day = (n: number) => new Date(Date.now() - n * 86_400_000);
    // Two internal loops decided after 20 and 30 days (screen 4 and 6 days), one external after 80.
    const plans: { source: "internal" | "external"; start: number; screenEnds: number; decided: number }[] = [
      { source: "internal", start: 60, screenEnds: 56, decided: 40 },
      { source: "internal", start: 50, screenEnds: 44, decided: 20 },
      { source: "external", start: 100, screenEnds: 90, decided: 20 },
    ];
    for (const plan of plans) {
      const candidate = await createCandidate(prisma, {
        recruiterId: users.recruiter.id,
        hiringManagerId: users.hm.id,
        source: plan.source,
      });
      await createLoop(prisma, {
        candidateId: candidate.id,
        recruiterId: users.recruiter.id,
        hiringManagerId: users.hm.id,
        rubricVersionId: rubric.id,
        history: [
          { stage: "screen", at: day(plan.start) },
          { stage: "in_loop", at: day(plan.screenEnds) },
          { stage: "decided", at: day(plan.decided) },
        ],
      });
    }
    const outcome = await run(
      summaryRoute.loader,
      request("/pipeline/summary?period=365", { cookie: await cookieFor(users.recruiter.id) }),
    );
    expect(outcome.status).toBe(200);
    type SegmentRow = {
      segment: string;
      decided: number;
      medianDaysToDecision: number | null;
      medianDaysInStage: Record<string, number | null>;
    };
    const segments = (outcome.data as { segments: SegmentRow[] }).segments;
    const segment = (name: string) => segments.find((row) => row.segment === name)!;
    expect(segment("internal")).toMatchObject({ decided: 2, medianDaysToDecision: 25 });
    expect(segment("internal").medianDaysInStage.screen).toBeCloseTo(5, 6);
    expect(segment("external")).toMatchObject({ decided: 1, medianDaysToDecision: 80 });
    expect(segment("external").medianDaysInStage.screen).toBeCloseTo(10, 6);
    expect(segment("all")).toMatchObject({ decided: 3, medianDaysToDecision: 30 });
    for (const viewer of [users.hm, users.alice]) {
      expect(
        (await run(summaryRoute.loader, request("/pipeline/summary", { cookie: await cookieFor(viewer.id) }))).status,
      ).toBe(403);
    }
  });
});
