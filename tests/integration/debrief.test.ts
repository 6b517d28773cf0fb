import { describe, expect, it } from "vitest";
import * as debriefRoute from "~/routes/_app.loops.$loopId.debrief";
import * as csvRoute from "~/routes/loops.$loopId.ratings[.csv]";
import * as loopsRoute from "~/routes/_app.loops._index";
import { database } from "~/server/db.server";
import { getDebrief } from "~/server/debrief/debrief.server";
import { settleCalibrationRefreshes } from "~/server/calibration/calibration.server";
import { parseCsv } from "~/utils/csv";
import { parseRatingsCsv, reliabilityReport } from "~/domain/reliability-report";
import { createRound, createUser } from "../../prisma/factories";
import { completeForm, panelScenario, submitFeedback } from "../support/scenario";
import { cookieFor, prisma, request, run } from "../support/remix";

const submit = submitFeedback;

/** Bob rates 1 and Carol 4 on ownership: a split. Both 3 on product altitude: agreed. */
async function splitPanel() {
  const scenario = await panelScenario();
  const { users, rounds } = scenario;
  await submit(
    users.bob.id,
    rounds.bobBehavioral.id,
    completeForm({ "ratings.ownership.value": "1", "ratings.product_altitude.value": "3" }, "3"),
  );
  await submit(
    users.carol.id,
    rounds.carolExecution.id,
    completeForm(
      {
        "ratings.ownership.value": "4",
        "ratings.product_altitude.value": "3",
        "ratings.ownership.evidence": "- =cmd| owned the call",
      },
      "3",
    ),
  );
  return scenario;
}

describe("debrief", () => {
  it("shows the panel with spread, split dimensions first, and who is late", async () => {
    const { users, loop } = await splitPanel();
    const outcome = await run(
      debriefRoute.loader,
      request(`/loops/${loop.id}/debrief`, { cookie: await cookieFor(users.hm.id) }),
      { loopId: loop.id },
    );
    expect(outcome.status).toBe(200);
    const { debrief } = outcome.data as { debrief: Awaited<ReturnType<typeof getDebrief>> };
    expect(debrief.agenda.discussFirst[0]!.key).toBe("ownership");
    expect(debrief.agenda.discussFirst[0]!.split).toBe(true);
    expect(debrief.spreads.find((spread) => spread.key === "product_altitude")).toMatchObject({
      count: 2,
      split: false,
      median: 3,
    });
    expect(debrief.agenda.gaps.map((gap) => gap.key).sort()).toEqual(["engineering_bias", "tradeoff_ranking"]);
    expect(debrief.submittedCount).toBe(2);
    // Alice's product-sense round (3 days ago) is past due; her analytical round (yesterday) is not yet.
    const late = debrief.rows.filter((row) => row.overdueByMs !== null).map((row) => row.typeLabel);
    expect(late).toEqual(["Product sense"]);
    expect(debrief.canDecide).toBe(true);
  });

  it("opens for the hiring manager, recruiter, admin and submitted panelists; not for a panelist who owes feedback or an outsider", async () => {
    const { users, loop, rounds } = await splitPanel();
    const status = async (userId: string) =>
      (
        await run(debriefRoute.loader, request(`/loops/${loop.id}/debrief`, { cookie: await cookieFor(userId) }), {
          loopId: loop.id,
        })
      ).status;
    const csvStatus = async (userId: string) =>
      (
        await run(csvRoute.loader, request(`/loops/${loop.id}/ratings.csv`, { cookie: await cookieFor(userId) }), {
          loopId: loop.id,
        })
      ).status;
    for (const user of [users.hm, users.recruiter, users.admin, users.bob]) {
      expect(await status(user.id)).toBe(200);
      expect(await csvStatus(user.id)).toBe(200);
    }
    expect(await status(users.alice.id)).toBe(403);
    expect(await csvStatus(users.alice.id)).toBe(403);
    expect(await status(users.outsider.id)).toBe(404);
    expect(await csvStatus(users.outsider.id)).toBe(404);
    // Once Alice has submitted both rounds, it opens.
    await submit(users.alice.id, rounds.aliceProduct.id, completeForm());
    expect(await status(users.alice.id)).toBe(403);
    await submit(users.alice.id, rounds.aliceAnalytical.id, completeForm());
    expect(await status(users.alice.id)).toBe(200);
  });

  it("exports the ratings in long format, safe to open in a spreadsheet", async () => {
    const { users, loop } = await splitPanel();
    const outcome = await run(
      csvRoute.loader,
      request(`/loops/${loop.id}/ratings.csv`, { cookie: await cookieFor(users.hm.id) }),
      { loopId: loop.id },
    );
    expect(outcome.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(outcome.headers.get("Content-Disposition")).toBe('attachment; filename="ratings-casey-candidate.csv"');
    const rows = parseCsv(outcome.data as string);
    expect(rows[0]).toEqual([
      "candidate",
      "loop",
      "round",
      "round_type",
      "interviewer",
      "dimension",
      "rating",
      "evidence",
      "submitted_at",
    ]);
    expect(rows).toHaveLength(1 + 2 * 4);
    const carolOwnership = rows.find((row) => row[4] === "Carol Panelist" && row[5] === "ownership")!;
    expect(carolOwnership.slice(0, 2)).toEqual(["Casey Candidate", loop.id]);
    expect(carolOwnership[3]).toBe("execution");
    expect(carolOwnership[6]).toBe("4");
    expect(carolOwnership[7]).toBe("'- =cmd| owned the call");
    expect(rows.find((row) => row[4] === "Bob Panelist" && row[5] === "tradeoff_ranking")![6]).toBe("");
  });

  it("the export feeds the calibration report unchanged", async () => {
    const { users, loop } = await splitPanel();
    const outcome = await run(
      csvRoute.loader,
      request(`/loops/${loop.id}/ratings.csv`, { cookie: await cookieFor(users.hm.id) }),
      { loopId: loop.id },
    );
    const report = reliabilityReport(parseRatingsCsv(outcome.data as string));
    const ownership = report.dimensions.find((entry) => entry.dimension === "ownership")!;
    expect(ownership).toMatchObject({ units: 1, raters: 2, ratings: 2 });
    expect(Object.keys(ownership.raterEffects).sort()).toEqual(["Bob Panelist", "Carol Panelist"]);
  });

  it("makes the same number of queries whatever the panel size", async () => {
    const { users, loop } = await splitPanel();
    await getDebrief(users.hm, loop.id); // warms the calibration cache
    await settleCalibrationRefreshes();
    await getDebrief(users.hm, loop.id);
    let before = database.queryCount();
    await getDebrief(users.hm, loop.id);
    const small = database.queryCount() - before;

    for (let i = 0; i < 6; i++) {
      const extra = await createUser(prisma, { role: "interviewer" });
      const round = await createRound(prisma, {
        loopId: loop.id,
        type: "leadership",
        position: 10 + i,
        interviewerId: extra.id,
        scheduledAt: new Date(Date.now() - 2 * 86_400_000),
      });
      await submit(extra.id, round.id, completeForm({}, String((i % 4) + 1)));
    }
    await getDebrief(users.hm, loop.id); // new submissions: the calibration cache recomputes in the background
    await settleCalibrationRefreshes();
    before = database.queryCount();
    const big = await getDebrief(users.hm, loop.id);
    expect(big.submittedCount).toBe(8);
    // Prisma loads each relation level with one query, so the count is fixed (no N+1), not 1.
    expect(database.queryCount() - before).toBe(small);
  });
});

describe("decisions", () => {
  const decision = {
    outcome: "hire",
    level: "L5",
    rationale: "Strong product altitude across rounds; ownership split resolved by the execution evidence.",
    dimensionKeys: ["ownership", "product_altitude"],
    dissent: "Bob saw team credit, not ownership.",
  };

  it("the hiring manager records a decision: saved with who and when, the loop moves to decided", async () => {
    const { users, loop } = await splitPanel();
    const outcome = await run(
      debriefRoute.action,
      request(`/loops/${loop.id}/debrief`, { cookie: await cookieFor(users.hm.id), form: decision }),
      { loopId: loop.id },
    );
    expect(outcome.status).toBe(200);
    const saved = await prisma.decision.findFirstOrThrow({
      where: { loopId: loop.id },
      select: { outcome: true, level: true, decidedById: true, dimensionKeys: true, dissent: true, supersededAt: true },
    });
    expect(saved).toEqual({
      outcome: "hire",
      level: "L5",
      decidedById: users.hm.id,
      dimensionKeys: ["ownership", "product_altitude"],
      dissent: decision.dissent,
      supersededAt: null,
    });
    const updated = await prisma.loop.findUniqueOrThrow({
      where: { id: loop.id },
      select: {
        stage: true,
        stageChanges: {
          orderBy: { changedAt: "desc" },
          take: 1,
          select: { fromStage: true, toStage: true, changedById: true },
        },
      },
    });
    expect(updated.stage).toBe("decided");
    // Submissions already moved it on automatically (Alice's feedback is still overdue).
    expect(updated.stageChanges[0]).toEqual({
      fromStage: "awaiting_feedback",
      toStage: "decided",
      changedById: users.hm.id,
    });
  });

  it("changing the decision keeps the history", async () => {
    const { users, loop } = await splitPanel();
    const cookie = await cookieFor(users.hm.id);
    await run(debriefRoute.action, request(`/loops/${loop.id}/debrief`, { cookie, form: decision }), {
      loopId: loop.id,
    });
    await run(
      debriefRoute.action,
      request(`/loops/${loop.id}/debrief`, { cookie, form: { ...decision, outcome: "more_signal", level: "" } }),
      { loopId: loop.id },
    );
    const all = await prisma.decision.findMany({
      where: { loopId: loop.id },
      orderBy: { decidedAt: "asc" },
      select: { outcome: true, supersededAt: true, level: true },
    });
    expect(all.map((item) => [item.outcome, item.supersededAt === null, item.level])).toEqual([
      ["hire", false, "L5"],
      ["more_signal", true, null],
    ]);
    const page = await getDebrief(users.hm, loop.id);
    expect(page.decision?.outcome).toBe("more_signal");
    expect(page.decisionHistory.map((item) => item.outcome)).toEqual(["hire"]);
  });

  it("explains bad input next to the field and writes nothing", async () => {
    const { users, loop } = await splitPanel();
    const outcome = await run(
      debriefRoute.action,
      request(`/loops/${loop.id}/debrief`, {
        cookie: await cookieFor(users.hm.id),
        form: { outcome: "hire", rationale: "ok" },
      }),
      { loopId: loop.id },
    );
    expect(outcome.status).toBe(400);
    const errors = (outcome.data as { error: Record<string, string[]> }).error;
    expect(errors.level).toEqual(["Set the level to hire at"]);
    expect(errors.rationale![0]).toContain("at least a sentence");
    expect(errors.dimensionKeys).toEqual(["Name at least one dimension the decision rests on"]);
    expect(await prisma.decision.count({ where: { loopId: loop.id } })).toBe(0);
  });

  it("recruiters, other hiring managers and interviewers cannot record the decision", async () => {
    const { users, loop } = await splitPanel();
    const otherHm = await createUser(prisma, { role: "hiring_manager" });
    // Another hiring manager does not even learn the loop exists; the others are told why not.
    for (const [user, status] of [
      [users.recruiter, 403],
      [otherHm, 404],
      [users.bob, 403],
    ] as const) {
      const outcome = await run(
        debriefRoute.action,
        request(`/loops/${loop.id}/debrief`, { cookie: await cookieFor(user.id), form: decision }),
        { loopId: loop.id },
      );
      expect(outcome.status, user.role).toBe(status);
    }
    expect(await prisma.decision.count({ where: { loopId: loop.id } })).toBe(0);
  });
});

describe("my loops", () => {
  it("lists the hiring manager's loops with feedback completeness and split counts, filterable", async () => {
    const { users, loop } = await splitPanel();
    const outcome = await run(
      loopsRoute.loader,
      request("/loops?sort=candidate", { cookie: await cookieFor(users.hm.id) }),
    );
    const rows = (
      outcome.data as {
        loops: { id: string; splits: number; feedback: { submitted: number; expected: number; overdue: number } }[];
      }
    ).loops;
    const row = rows.find((item) => item.id === loop.id)!;
    expect(row.splits).toBe(1);
    expect(row.feedback).toEqual({ submitted: 2, expected: 4, overdue: 1 });
    const filtered = await run(
      loopsRoute.loader,
      request("/loops?stage=offer", { cookie: await cookieFor(users.hm.id) }),
    );
    expect((filtered.data as { loops: unknown[] }).loops).toEqual([]);
    const junk = await run(
      loopsRoute.loader,
      request("/loops?stage=nonsense&sort=evil", { cookie: await cookieFor(users.hm.id) }),
    );
    expect(junk.status).toBe(200);
  });
});
