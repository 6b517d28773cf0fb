import { describe, expect, it } from "vitest";
import * as scaleRoute from "~/routes/_app.admin.performance-scale";
import * as templatesRoute from "~/routes/_app.admin.templates._index";
import * as calibrationRoute from "~/routes/_app.calibration._index";
import * as debriefRoute from "~/routes/_app.loops.$loopId.debrief";
import * as outcomeRoute from "~/routes/_app.outcomes.$loopId";
import * as outcomesRoute from "~/routes/_app.outcomes._index";
import { calibrationFor, settleCalibrationRefreshes } from "~/server/calibration/calibration.server";
import { recordDecision } from "~/server/debrief/decisions.server";
import { createRound, createUser } from "../../prisma/factories";
import { completeForm, panelScenario, submitFeedback } from "../support/scenario";
import { cookieFor, prisma, request, run } from "../support/remix";

const submit = submitFeedback;

/** A decided loop (hire by default) with three submitted scorecards. */
async function decidedPanel(outcome: "hire" | "no_hire" = "hire") {
  const scenario = await panelScenario();
  const { users, rounds, loop } = scenario;
  await submit(users.bob.id, rounds.bobBehavioral.id, completeForm({}, "2"));
  await submit(users.carol.id, rounds.carolExecution.id, completeForm({}, "3"));
  await submit(users.alice.id, rounds.aliceProduct.id, completeForm({}, "3"));
  await recordDecision(users.hm, loop.id, {
    outcome,
    level: outcome === "hire" ? "L5" : undefined,
    rationale: "Strong product altitude and ownership across the panel.",
    dimensionKeys: ["ownership"],
    dissent: "",
  });
  return scenario;
}

const recordAs = async (userId: string, loopId: string, form: Record<string, string>) =>
  run(outcomeRoute.action, request(`/outcomes/${loopId}`, { cookie: await cookieFor(userId), form }), { loopId });

/** The calibration page's data once any background recomputation has finished (snapshots are served stale first). */
async function calibrationAs(userId: string) {
  const load = async () =>
    (await run(calibrationRoute.loader, request("/calibration?period=all", { cookie: await cookieFor(userId) })))
      .data as { validity: { hires: number; withOutcome: Record<string, number> } | null };
  await load();
  await settleCalibrationRefreshes();
  return load();
}

describe("hire outcomes", () => {
  it("are recorded by the loop's hiring manager or an admin, and by no one else", async () => {
    const { users, loop } = await decidedPanel();
    const otherManager = await createUser(prisma, { role: "hiring_manager", committeeMember: true });

    const form = await run(
      outcomeRoute.loader,
      request(`/outcomes/${loop.id}`, { cookie: await cookieFor(users.hm.id) }),
      {
        loopId: loop.id,
      },
    );
    expect(form.status).toBe(200);
    expect((form.data as { scale: unknown[] }).scale).toHaveLength(5);

    const saved = await recordAs(users.hm.id, loop.id, { performance6: "4", performance12: "", stillInRole: "yes" });
    expect(saved.status).toBe(302);
    expect(await prisma.hireOutcome.findUnique({ where: { loopId: loop.id } })).toMatchObject({
      performance6: 4,
      performance12: null,
      stillInRole: true,
      recordedById: users.hm.id,
    });
    expect((await recordAs(users.admin.id, loop.id, { performance6: "4", performance12: "3" })).status).toBe(302);
    expect((await prisma.hireOutcome.findUnique({ where: { loopId: loop.id } }))!.performance12).toBe(3);

    // A committee member can read the loop's debrief but does not manage it; panelists and recruiters neither.
    for (const [userId, status] of [
      [otherManager.id, 403],
      [users.bob.id, 403],
      [users.recruiter.id, 403],
      [users.outsider.id, 404],
    ] as const) {
      expect((await recordAs(userId, loop.id, { performance6: "1" })).status).toBe(status);
      expect(
        (
          await run(outcomeRoute.loader, request(`/outcomes/${loop.id}`, { cookie: await cookieFor(userId) }), {
            loopId: loop.id,
          })
        ).status,
      ).toBe(status);
    }
    expect((await prisma.hireOutcome.findUnique({ where: { loopId: loop.id } }))!.performance6).toBe(4);

    const list = await run(outcomesRoute.loader, request("/outcomes", { cookie: await cookieFor(users.hm.id) }));
    expect((list.data as { hires: { loopId: string }[] }).hires.map((hire) => hire.loopId)).toEqual([loop.id]);
    const otherList = await run(
      outcomesRoute.loader,
      request("/outcomes", { cookie: await cookieFor(otherManager.id) }),
    );
    expect((otherList.data as { hires: unknown[] }).hires).toEqual([]);
    expect(
      (await run(outcomesRoute.loader, request("/outcomes", { cookie: await cookieFor(users.bob.id) }))).status,
    ).toBe(403);
  });

  it("are only for hires, and refuse a value off the scale with the field's message", async () => {
    const { users, loop } = await decidedPanel("no_hire");
    const refused = await recordAs(users.hm.id, loop.id, { performance6: "3" });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.data)).toContain("only for hires");
    expect(await prisma.hireOutcome.findUnique({ where: { loopId: loop.id } })).toBeNull();

    await prisma.decision.updateMany({ where: { loopId: loop.id }, data: { outcome: "hire" } });
    const bad = await recordAs(users.hm.id, loop.id, { performance6: "9", stillInRole: "maybe" });
    expect(bad.status).toBe(400);
    const errors = (bad.data as { error: Record<string, string[]> }).error;
    expect(errors.performance6).toEqual(["Choose the performance at 6 months from the scale"]);
    expect(errors.stillInRole).toEqual(["Answer yes, no, or leave it for later"]);
    expect(await prisma.hireOutcome.findUnique({ where: { loopId: loop.id } })).toBeNull();
  });

  it("feed validity for admins and the people-analytics grant only, never a debrief", async () => {
    const { users, loop } = await decidedPanel();
    // This file's tests share one database: compare with the figures before this outcome.
    const before = (await calibrationAs(users.admin.id)).validity!;
    await recordAs(users.hm.id, loop.id, { performance6: "4", stillInRole: "yes" });

    const admin = (await calibrationAs(users.admin.id)).validity!;
    expect(admin.hires).toBe(before.hires);
    expect(admin.withOutcome).toEqual({
      performance6: before.withOutcome.performance6! + 1,
      performance12: before.withOutcome.performance12,
      stillInRole: before.withOutcome.stillInRole! + 1,
    });

    // A hiring manager sees every interviewer's calibration but not outcomes, until granted people analytics.
    const manager = await calibrationAs(users.hm.id);
    expect(manager.validity).toBeNull();
    expect(JSON.stringify(manager)).not.toContain("withOutcome");
    await expect(calibrationFor(users.hm, {}, { validity: true })).rejects.toMatchObject({ status: 403 });
    await prisma.user.update({ where: { id: users.hm.id }, data: { peopleAnalytics: true } });
    expect((await calibrationAs(users.hm.id)).validity).toMatchObject({ withOutcome: admin.withOutcome });

    // The grant does not widen an interviewer's own-only view.
    await prisma.user.update({ where: { id: users.bob.id }, data: { peopleAnalytics: true } });
    expect((await calibrationAs(users.bob.id)).validity).toBeNull();

    const debrief = await run(
      debriefRoute.loader,
      request(`/loops/${loop.id}/debrief`, { cookie: await cookieFor(users.admin.id) }),
      { loopId: loop.id },
    );
    expect(debrief.status).toBe(200);
    const text = JSON.stringify(debrief.data);
    expect(text).not.toContain("performance6");
    expect(text).not.toContain("withOutcome");
  });

  it("leave out a hire the viewer still owes feedback on (the blind rule holds for validity)", async () => {
    const { users, loop } = await decidedPanel();
    await recordAs(users.hm.id, loop.id, { performance6: "4" });
    const before = (await calibrationAs(users.admin.id)).validity!;
    await createRound(prisma, {
      loopId: loop.id,
      type: "leadership",
      position: 9,
      interviewerId: users.admin.id,
      scheduledAt: new Date(),
    });
    expect((await calibrationAs(users.admin.id)).validity).toMatchObject({
      hires: before.hires - 1,
      withOutcome: { performance6: before.withOutcome.performance6! - 1 },
    });
  });

  it("use the admin's performance scale, whose used levels cannot be removed", async () => {
    const { users, loop } = await decidedPanel();
    const save = async (userId: string, labels: string) =>
      run(
        scaleRoute.action,
        request("/admin/performance-scale", { cookie: await cookieFor(userId), form: { labels } }),
      );
    expect((await save(users.hm.id, "Low\nHigh")).status).toBe(403);
    expect((await save(users.admin.id, "Only one")).status).toBe(400);

    await recordAs(users.hm.id, loop.id, { performance6: "4" });
    const shrink = await save(users.admin.id, "Low\nMiddle\nHigh");
    expect(shrink.status).toBe(409);
    expect(JSON.stringify(shrink.data)).toContain("keep at least 4 levels");
    expect(await prisma.performanceLevel.count()).toBe(5);

    expect((await save(users.admin.id, "Poor\nFair\nGood\nGreat")).status).toBe(200);
    expect((await prisma.performanceLevel.findMany({ orderBy: { value: "asc" } })).map((level) => level.label)).toEqual(
      ["Poor", "Fair", "Good", "Great"],
    );
  });
});

describe("loop templates page", () => {
  it("lists each template's rounds and the reliability its panel buys, for admins only", async () => {
    const { users } = await decidedPanel();
    const page = await run(
      templatesRoute.loader,
      request("/admin/templates", { cookie: await cookieFor(users.admin.id) }),
    );
    expect(page.status).toBe(200);
    const { templates } = page.data as {
      templates: { name: string; k: number; roundTypes: string[]; dimensions: { key: string }[] }[];
    };
    const standard = templates.find((template) => template.name === "Standard engineer-to-PM loop")!;
    expect(standard.roundTypes[0]).toBe("recruiter_screen");
    expect(standard.k).toBe(5); // six rounds, the recruiter's screen carries no interviewer ratings
    expect(standard.dimensions.length).toBeGreaterThan(0);
    expect(
      (await run(templatesRoute.loader, request("/admin/templates", { cookie: await cookieFor(users.hm.id) }))).status,
    ).toBe(403);
  });
});
