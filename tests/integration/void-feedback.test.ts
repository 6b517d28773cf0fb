import { describe, expect, it } from "vitest";
import * as debriefRoute from "~/routes/_app.loops.$loopId.debrief";
import * as csvRoute from "~/routes/loops.$loopId.ratings[.csv]";
import { getCalibration, settleCalibrationRefreshes } from "~/server/calibration/calibration.server";
import type { Debrief } from "~/server/debrief/debrief.server";
import { createFeedback, createRound } from "../../prisma/factories";
import { completeForm, panelScenario, submitFeedback } from "../support/scenario";
import { cookieFor, prisma, request, run } from "../support/remix";

const submit = submitFeedback;

/** Every panelist has submitted: Bob rates 1, the others 4. */
async function fullPanel() {
  const scenario = await panelScenario();
  const { users, rounds } = scenario;
  await submit(users.bob.id, rounds.bobBehavioral.id, completeForm({}, "1"));
  await submit(users.carol.id, rounds.carolExecution.id, completeForm({}, "4"));
  await submit(users.alice.id, rounds.aliceProduct.id, completeForm({}, "4"));
  await submit(users.alice.id, rounds.aliceAnalytical.id, completeForm({}, "4"));
  const bobFeedback = await prisma.feedback.findUniqueOrThrow({
    where: { roundId_interviewerId: { roundId: rounds.bobBehavioral.id, interviewerId: users.bob.id } },
    select: { id: true },
  });
  return { ...scenario, bobFeedbackId: bobFeedback.id };
}

function voidAs(userId: string, loopId: string, form: Record<string, string>) {
  return cookieFor(userId).then((cookie) =>
    run(debriefRoute.action, request(`/loops/${loopId}/debrief`, { cookie, form: { intent: "void", ...form } }), {
      loopId,
    }),
  );
}

async function debriefAs(userId: string, loopId: string): Promise<Debrief> {
  const outcome = await run(
    debriefRoute.loader,
    request(`/loops/${loopId}/debrief`, { cookie: await cookieFor(userId) }),
    { loopId },
  );
  expect(outcome.status).toBe(200);
  return (outcome.data as { debrief: Debrief }).debrief;
}

/** Rows that refusals must leave alone. */
async function counts() {
  const [voided, audits] = await Promise.all([
    prisma.feedback.count({ where: { voidedAt: { not: null } } }),
    prisma.auditEvent.count({ where: { action: "feedback.voided" } }),
  ]);
  return { voided, audits };
}

const reason = "Bob interviewed his former report; conflict of interest found after the round.";

describe("voiding a scorecard", () => {
  it("an admin voids a submitted scorecard: kept on the page with who and why, left out of every figure, audited", async () => {
    const { users, loop, rounds, bobFeedbackId } = await fullPanel();
    const before = await debriefAs(users.hm.id, loop.id);
    expect(before.submittedCount).toBe(4);
    expect(before.spreads.find((spread) => spread.key === "ownership")).toMatchObject({ min: 1, max: 4 });

    const outcome = await voidAs(users.admin.id, loop.id, { feedbackId: bobFeedbackId, reason });
    expect(outcome.status).toBe(200);

    const saved = await prisma.feedback.findUniqueOrThrow({
      where: { id: bobFeedbackId },
      select: { voidedAt: true, voidedById: true, voidReason: true, status: true },
    });
    expect(saved).toMatchObject({ voidedById: users.admin.id, voidReason: reason, status: "submitted" });
    expect(saved.voidedAt).toBeInstanceOf(Date);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "feedback.voided", entityId: bobFeedbackId },
      select: { actorId: true, loopId: true, data: true },
    });
    expect(audit).toMatchObject({ actorId: users.admin.id, loopId: loop.id, data: { reason } });

    // The hiring manager still sees Bob's scorecard, marked voided, but no figure counts it.
    const after = await debriefAs(users.hm.id, loop.id);
    const bobRow = after.rows.find((row) => row.roundId === rounds.bobBehavioral.id)!;
    expect(bobRow.voided).toMatchObject({ byName: users.admin.name, reason });
    expect(bobRow.cells.find((cell) => cell.dimensionKey === "ownership")!.value).toBe(1);
    expect(after.submittedCount).toBe(3);
    expect(after.spreads.find((spread) => spread.key === "ownership")).toMatchObject({ min: 4, max: 4, split: false });

    // The ratings export leaves it out too.
    const csv = await run(
      csvRoute.loader,
      request(`/loops/${loop.id}/ratings.csv`, { cookie: await cookieFor(users.hm.id) }),
      { loopId: loop.id },
    );
    expect(String(csv.data)).not.toContain(users.bob.name);
    expect(String(csv.data)).toContain(users.carol.name);
  });

  it("calibration changes once a counted (decided) loop's scorecard is voided", async () => {
    const { users, loop, bobFeedbackId } = await fullPanel();
    const decided = await run(
      debriefRoute.action,
      request(`/loops/${loop.id}/debrief`, {
        cookie: await cookieFor(users.hm.id),
        form: {
          outcome: "no_hire",
          rationale: "Ownership evidence was team credit rather than decisions owned.",
          dimensionKeys: ["ownership"],
        },
      }),
      { loopId: loop.id },
    );
    expect(decided.status).toBe(200);
    const counted = await getCalibration({}, { fresh: true });
    expect(counted.summary.interviewers.find((row) => row.interviewerId === users.bob.id)?.scorecards).toBe(1);

    expect((await voidAs(users.admin.id, loop.id, { feedbackId: bobFeedbackId, reason })).status).toBe(200);
    // The cached snapshot knows it is out of date at once, and the recomputed figures leave Bob's scorecard out.
    expect(await getCalibration({})).toMatchObject({ fromCache: true, refreshing: true });
    await settleCalibrationRefreshes();
    const after = await getCalibration({});
    expect(after.refreshing).toBe(false);
    expect(after.summary.scorecards).toBe(counted.summary.scorecards - 1);
    expect(after.summary.interviewers.find((row) => row.interviewerId === users.bob.id)).toBeUndefined();
  });

  it("needs a reason; refuses drafts, scorecards already voided and scorecards of other loops; writes nothing", async () => {
    const { users, loop, rounds, rubric, bobFeedbackId } = await fullPanel();
    const start = await counts();

    const noReason = await voidAs(users.admin.id, loop.id, { feedbackId: bobFeedbackId, reason: "   " });
    expect(noReason.status).toBe(400);
    expect(
      (noReason.data as { void: { result: { error: Record<string, string[]> } } }).void.result.error.reason,
    ).toEqual(["Say why this scorecard is voided"]);

    // A draft: Carol has started, not submitted, the feedback for a further round.
    const extra = await createRound(prisma, {
      loopId: loop.id,
      type: "leadership",
      position: 9,
      interviewerId: users.carol.id,
      scheduledAt: new Date(Date.now() - 3_600_000 * 30),
    });
    const draft = await createFeedback(prisma, {
      roundId: extra.id,
      interviewerId: users.carol.id,
      rubricVersionId: rubric.id,
      status: "draft",
      ratings: [],
      draft: { summary: "half written" },
    });
    const onDraft = await voidAs(users.admin.id, loop.id, { feedbackId: draft.id, reason });
    expect(onDraft.status).toBe(409);
    expect(JSON.stringify(onDraft.data)).toContain("still a draft");

    // A scorecard of another loop cannot be voided through this one.
    const outsiders = await createFeedback(prisma, {
      roundId: rounds.outsiderRound.id,
      interviewerId: users.outsider.id,
      rubricVersionId: rubric.id,
      status: "submitted",
      ratings: [],
    });
    const elsewhere = await voidAs(users.admin.id, loop.id, { feedbackId: outsiders.id, reason });
    expect(elsewhere.status).toBe(404);
    expect(await counts()).toEqual(start);

    expect((await voidAs(users.admin.id, loop.id, { feedbackId: bobFeedbackId, reason })).status).toBe(200);
    const again = await voidAs(users.admin.id, loop.id, { feedbackId: bobFeedbackId, reason: "Another reason" });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.data)).toContain("already voided");
    expect(await counts()).toEqual({ voided: start.voided + 1, audits: start.audits + 1 });
    expect((await prisma.feedback.findUniqueOrThrow({ where: { id: bobFeedbackId } })).voidReason).toBe(reason);
  });

  it("only admins void, and not while they owe feedback on the loop themselves", async () => {
    const { users, loop, bobFeedbackId } = await fullPanel();
    const start = await counts();
    for (const user of [users.hm, users.recruiter, users.carol]) {
      const outcome = await voidAs(user.id, loop.id, { feedbackId: bobFeedbackId, reason });
      expect(outcome.status, user.role).toBe(403);
    }
    // An admin sitting on this panel who has not yet written their own feedback is locked, like anyone else.
    await createRound(prisma, {
      loopId: loop.id,
      type: "leadership",
      position: 9,
      interviewerId: users.admin.id,
      scheduledAt: new Date(Date.now() - 3_600_000 * 30),
    });
    const locked = await voidAs(users.admin.id, loop.id, { feedbackId: bobFeedbackId, reason });
    expect(locked.status).toBe(403);
    expect(await counts()).toEqual(start);
    // The debrief offers the control only to those who may use it.
    expect((await debriefAs(users.hm.id, loop.id)).canVoid).toBe(false);
  });

  it("the decision form keeps working beside the void form", async () => {
    const { users, loop } = await fullPanel();
    const outcome = await run(
      debriefRoute.action,
      request(`/loops/${loop.id}/debrief`, {
        cookie: await cookieFor(users.admin.id),
        form: {
          outcome: "hire",
          level: "L5",
          rationale: "Product altitude held across every round; ownership shown with decisions and outcomes.",
          dimensionKeys: ["product_altitude"],
        },
      }),
      { loopId: loop.id },
    );
    expect(outcome.status).toBe(200);
    expect(await prisma.decision.count({ where: { loopId: loop.id } })).toBe(1);
    expect((await debriefAs(users.admin.id, loop.id)).canVoid).toBe(true);
  });
});
