import { describe, expect, it } from "vitest";
import * as calibrationRoute from "~/routes/_app.calibration._index";
import * as debriefRoute from "~/routes/_app.loops.$loopId.debrief";
import { getCalibration, settleCalibrationRefreshes, warmCalibration } from "~/server/calibration/calibration.server";
import { getDebrief } from "~/server/debrief/debrief.server";
import { recordDecision } from "~/server/debrief/decisions.server";
import { panelReading } from "~/domain/calibration-series";
import { createCandidate, createFeedback, createLoop, createRound, createUser } from "../../prisma/factories";
import { completeForm, panelScenario, submitFeedback } from "../support/scenario";
import { cookieFor, prisma, request, run } from "../support/remix";

const submit = submitFeedback;

/**
 * Bob rates everything 1 point below Carol on the same candidates: Bob is harsh, Carol lenient.
 * The hiring manager then decides, which is when calibration starts counting the loop.
 */
async function ratedPanels() {
  const first = await panelScenario();
  await submit(first.users.bob.id, first.rounds.bobBehavioral.id, completeForm({}, "2"));
  await submit(first.users.carol.id, first.rounds.carolExecution.id, completeForm({}, "3"));
  await submit(first.users.alice.id, first.rounds.aliceProduct.id, completeForm({}, "3"));
  await recordDecision(first.users.hm, first.loop.id, {
    outcome: "hire",
    level: "L5",
    rationale: "Strong product altitude and ownership across the panel.",
    dimensionKeys: ["ownership"],
    dissent: "",
  });
  return first;
}

describe("calibration", () => {
  it("estimates who rates harshly and who leniently, and caches until feedback changes", async () => {
    const { users } = await ratedPanels();
    const first = await getCalibration({});
    const bob = first.summary.interviewers.find((row) => row.interviewerId === users.bob.id)!;
    const carol = first.summary.interviewers.find((row) => row.interviewerId === users.carol.id)!;
    expect(bob.effect!).toBeLessThan(carol.effect!);
    expect(carol.effect! - bob.effect!).toBeCloseTo(1, 6);
    expect(bob.scorecards).toBe(1);
    expect(bob.noSignalShare).toBe(0.5);
    expect(first.fromCache).toBe(false);
    expect((await getCalibration({})).fromCache).toBe(true);

    // New feedback: the stale snapshot is served at once while it recomputes in the background.
    await prisma.feedback.updateMany({ where: { interviewerId: users.bob.id }, data: { submittedAt: new Date() } });
    const stale = await getCalibration({});
    expect(stale).toMatchObject({ fromCache: true, refreshing: true });
    await settleCalibrationRefreshes();
    expect(await getCalibration({})).toMatchObject({ fromCache: true, refreshing: false });
  });

  it("hiring managers and admins see everyone; an interviewer sees only their own row; recruiters are refused", async () => {
    const { users } = await ratedPanels();
    for (const viewer of [users.hm, users.admin]) {
      const outcome = await run(
        calibrationRoute.loader,
        request("/calibration?period=all", { cookie: await cookieFor(viewer.id) }),
      );
      expect(outcome.status).toBe(200);
      expect((outcome.data as { interviewers: unknown[] }).interviewers.length).toBeGreaterThanOrEqual(3);
    }
    const own = await run(
      calibrationRoute.loader,
      request("/calibration?roundType=behavioral", { cookie: await cookieFor(users.bob.id) }),
    );
    expect(own.status).toBe(200);
    const data = own.data as { ownOnly: boolean; interviewers: { interviewerId: string }[]; hiringManagers: unknown[] };
    expect(data.ownOnly).toBe(true);
    expect(data.interviewers.map((row) => row.interviewerId)).toEqual([users.bob.id]);
    expect(data.hiringManagers).toEqual([]);
    expect(JSON.stringify(own.data)).not.toContain("Carol Panelist");
    expect(
      (await run(calibrationRoute.loader, request("/calibration", { cookie: await cookieFor(users.recruiter.id) })))
        .status,
    ).toBe(403);
  });

  it("splits each dimension's variance on rotating panels, from decided loops only, for every viewer", async () => {
    const { users, rubric, dimensions } = await panelScenario();
    const interviewers = await Promise.all(
      [0, 1, 2, 3].map((i) => createUser(prisma, { role: "interviewer", name: `Rotating ${i}` })),
    );
    const ownership = dimensions.find((dimension) => dimension.key === "ownership")!;
    // Twelve candidates of three levels, each seen by three of four interviewers in turn; interviewer 0 rates one
    // point harsher. Decided loops only count: a thirteenth, undecided loop rated wildly must change nothing.
    async function panel(index: number, decided: boolean) {
      const candidate = await createCandidate(prisma, {
        recruiterId: users.recruiter.id,
        hiringManagerId: users.hm.id,
      });
      const loop = await createLoop(prisma, {
        candidateId: candidate.id,
        recruiterId: users.recruiter.id,
        hiringManagerId: users.hm.id,
        rubricVersionId: rubric.id,
      });
      for (let seat = 0; seat < 3; seat++) {
        const interviewer = (index + seat) % 4;
        const round = await createRound(prisma, {
          loopId: loop.id,
          type: (["product_sense", "behavioral", "execution"] as const)[seat]!,
          position: seat + 1,
          interviewerId: interviewers[interviewer]!.id,
          scheduledAt: new Date(Date.now() - 86_400_000),
        });
        const level = 1 + (index % 3);
        const value = decided
          ? Math.min(4, Math.max(1, level + (interviewer === 0 ? -1 : 0) + (seat === 1 ? 1 : 0)))
          : 4;
        await createFeedback(prisma, {
          roundId: round.id,
          interviewerId: interviewers[interviewer]!.id,
          rubricVersionId: rubric.id,
          status: "submitted",
          recommendation: "yes",
          ratings: [{ dimensionId: ownership.id, value, evidence: "Walked through the trade-off and owned it." }],
        });
      }
      if (decided)
        await prisma.decision.create({
          data: { loopId: loop.id, outcome: "no_hire", rationale: "Rotating panel test.", decidedById: users.hm.id },
        });
    }
    for (let index = 0; index < 12; index++) await panel(index, true);
    const decidedOnly = (await getCalibration({ hiringManagerId: users.hm.id }, { fresh: true })).summary;
    await panel(12, false);
    const withUndecided = (await getCalibration({ hiringManagerId: users.hm.id }, { fresh: true })).summary;

    const figures = (summary: typeof decidedOnly) =>
      summary.dimensions.find((dimension) => dimension.dimensionKey === "ownership")!.generalizability;
    const split = figures(decidedOnly);
    expect(split.components).toMatchObject({ units: 12, raters: 4, ratings: 36 });
    expect(split.components!.unit).toBeGreaterThan(split.components!.residual);
    expect(split.components!.rater).toBeGreaterThan(0);
    expect(split.panel!.adjusted[2]).toBeGreaterThan(split.panel!.raw[2]!);
    expect(split.typicalPanel).toBe(3);
    const again = figures(withUndecided).components!;
    expect(again).toMatchObject({ units: 12, raters: 4, ratings: 36 });
    for (const key of ["unit", "rater", "residual"] as const)
      expect(again[key]).toBeCloseTo(split.components![key], 10);

    // Interviewers see these organisation-wide figures too (they name no one), read out in words, but never validity.
    await getCalibration({}, { fresh: true });
    const own = await run(
      calibrationRoute.loader,
      request("/calibration", { cookie: await cookieFor(interviewers[0]!.id) }),
    );
    const page = own.data as {
      generalizability: { key: string; components: { unit: number } | null; reading: string }[];
      validity: unknown;
    };
    const everyone = (await getCalibration({})).summary.dimensions.find(
      (dimension) => dimension.dimensionKey === "ownership",
    )!.generalizability;
    const shown = page.generalizability.find((dimension) => dimension.key === "ownership")!;
    expect(shown.components?.unit).toBeCloseTo(everyone.components!.unit, 8);
    expect(shown.reading).toBe(panelReading(everyone.components, everyone.typicalPanel));
    expect(page.validity).toBeNull();
  });

  it("never serves a snapshot of an older summary shape, and drops such snapshots at start", async () => {
    await ratedPanels();
    const oldKey = JSON.stringify({ periodDays: null, roundType: null, hiringManagerId: null });
    await prisma.calibrationSnapshot.create({
      data: { key: oldKey, dataVersion: "old", computeMs: 1, data: { interviewers: [], dimensions: [] } },
    });
    const result = await getCalibration({});
    expect(result.summary.dimensions.every((dimension) => "generalizability" in dimension)).toBe(true);
    await warmCalibration();
    expect(await prisma.calibrationSnapshot.findUnique({ where: { key: oldKey } })).toBeNull();
    expect(await prisma.calibrationSnapshot.count()).toBeGreaterThanOrEqual(2);
  });

  it("filters by hiring manager and period; bad filter values fall back to defaults", async () => {
    const { users } = await ratedPanels();
    const cookie = await cookieFor(users.hm.id);
    const mine = await run(
      calibrationRoute.loader,
      request(`/calibration?hiringManager=${users.hm.id}&period=90`, { cookie }),
    );
    expect((mine.data as { totals: { scorecards: number } }).totals.scorecards).toBe(3);
    const nobody = await run(calibrationRoute.loader, request("/calibration?hiringManager=nobody", { cookie }));
    expect((nobody.data as { interviewers: unknown[] }).interviewers).toEqual([]);
    const junk = await run(
      calibrationRoute.loader,
      request("/calibration?period=forever&roundType=karaoke", { cookie }),
    );
    expect(junk.status).toBe(200);
  });

  it("puts severity-adjusted ratings in the debrief for the hiring manager, not for panelists", async () => {
    const { users, loop, rounds, rubric } = await ratedPanels();
    // Three more decided candidates on which Bob again rates a point below Carol: his severity is well measured.
    for (let i = 0; i < 3; i++) {
      const candidate = await createCandidate(prisma, {
        recruiterId: users.recruiter.id,
        hiringManagerId: users.hm.id,
      });
      const other = await createLoop(prisma, {
        candidateId: candidate.id,
        recruiterId: users.recruiter.id,
        hiringManagerId: users.hm.id,
        rubricVersionId: rubric.id,
      });
      const scheduledAt = new Date(Date.now() - 5 * 86_400_000);
      const bobRound = await createRound(prisma, {
        loopId: other.id,
        type: "behavioral",
        position: 1,
        interviewerId: users.bob.id,
        scheduledAt,
      });
      const carolRound = await createRound(prisma, {
        loopId: other.id,
        type: "execution",
        position: 2,
        interviewerId: users.carol.id,
        scheduledAt,
      });
      await submit(users.bob.id, bobRound.id, completeForm({}, String(1 + (i % 3))));
      await submit(users.carol.id, carolRound.id, completeForm({}, String(2 + (i % 3))));
      await recordDecision(users.hm, other.id, {
        outcome: "no_hire",
        rationale: "Design altitude throughout; tradeoffs listed, never ranked.",
        dimensionKeys: ["ownership"],
        dissent: "",
      });
    }
    await getCalibration({}, { fresh: true });
    const debrief = await getDebrief(users.hm, loop.id);
    const ownershipOf = (roundId: string) =>
      debrief.rows.find((row) => row.roundId === roundId)!.cells.find((cell) => cell.dimensionKey === "ownership")!;
    // Bob rates a point below the panel: his 2 reads higher once adjusted, and Carol's 3 no higher.
    const bob = ownershipOf(rounds.bobBehavioral.id);
    const carol = ownershipOf(rounds.carolExecution.id);
    expect(bob.value).toBe(2);
    expect(bob.adjusted!).toBeGreaterThan(2);
    expect(carol.value).toBe(3);
    expect(carol.adjusted!).toBeLessThanOrEqual(3);
    // Adjusting removes most of the one-point gap between a harsh and a lenient rater.
    expect(Math.abs(carol.adjusted! - bob.adjusted!)).toBeLessThan(1);
    expect(debrief.adjustedMeans?.ownership).not.toBeNull();
    expect(debrief.loopAlpha).not.toBeNull();

    await submit(users.alice.id, rounds.aliceAnalytical.id, completeForm());
    const asPanelist = await run(
      debriefRoute.loader,
      request(`/loops/${loop.id}/debrief`, { cookie: await cookieFor(users.alice.id) }),
      { loopId: loop.id },
    );
    const panelistView = (asPanelist.data as { debrief: Awaited<ReturnType<typeof getDebrief>> }).debrief;
    expect(panelistView.adjustedMeans).toBeNull();
    expect(panelistView.rows.every((row) => row.cells.every((cell) => cell.raterEffect === null))).toBe(true);
  });
});
