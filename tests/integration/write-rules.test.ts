import { describe, expect, it } from "vitest";
import * as debriefRoute from "~/routes/_app.loops.$loopId.debrief";
import * as feedbackRoute from "~/routes/_app.rounds.$roundId.feedback";
import * as loopRoute from "~/routes/_app.loops.$loopId._index";
import * as myRoundsRoute from "~/routes/_app.rounds._index";
import * as usersRoute from "~/routes/_app.admin.users._index";
import { getDebrief } from "~/server/debrief/debrief.server";
import { planReminders, schedulerTick } from "~/server/jobs/scheduler.server";
import type { MyRound } from "~/server/rounds/my-rounds.server";
import { createCandidate, createLoop, createRound, createUser } from "../../prisma/factories";
import { completeForm, panelScenario } from "../support/scenario";
import { cookieFor, prisma, request, run } from "../support/remix";

async function submit(userId: string, roundId: string) {
  const outcome = await run(
    feedbackRoute.action,
    request(`/rounds/${roundId}/feedback`, { cookie: await cookieFor(userId), form: completeForm() }),
    { roundId },
  );
  expect(outcome.status).toBe(302);
}

async function onLoop(userId: string, loopId: string, form: Record<string, string>) {
  return run(loopRoute.action, request(`/loops/${loopId}`, { cookie: await cookieFor(userId), form }), { loopId });
}

async function decide(userId: string, loopId: string, outcome: "hire" | "no_hire" | "more_signal") {
  const result = await run(
    debriefRoute.action,
    request(`/loops/${loopId}/debrief`, {
      cookie: await cookieFor(userId),
      form: {
        outcome,
        ...(outcome === "hire" ? { level: "L5" } : {}),
        rationale: "Ownership was shown through decisions with incomplete data, in two rounds.",
        dimensionKeys: ["ownership"],
      },
    }),
    { loopId },
  );
  expect(result.status).toBe(200);
}

async function stageOf(loopId: string) {
  return (await prisma.loop.findUniqueOrThrow({ where: { id: loopId }, select: { stage: true } })).stage;
}

/** The rows a refused write must leave exactly as they were. */
async function rowCounts() {
  const [stageChanges, roundChanges, cancelled, audits, notifications, decisions, activeUsers, rounds] =
    await Promise.all([
      prisma.stageChange.count(),
      prisma.roundChange.count(),
      prisma.round.count({ where: { status: "cancelled" } }),
      prisma.auditEvent.count(),
      prisma.notification.count(),
      prisma.decision.count(),
      prisma.user.count({ where: { active: true } }),
      prisma.round.count(),
    ]);
  return { stageChanges, roundChanges, cancelled, audits, notifications, decisions, activeUsers, rounds };
}

describe("cancelling a round", () => {
  it("refuses a round with submitted feedback, says an admin can void the scorecard instead, and writes nothing", async () => {
    const { users, loop, rounds } = await panelScenario();
    await submit(users.bob.id, rounds.bobBehavioral.id);
    const before = await rowCounts();
    const refused = await onLoop(users.recruiter.id, loop.id, {
      intent: "cancel",
      roundId: rounds.bobBehavioral.id,
      reason: "Wrong interviewer",
    });
    expect(refused.status).toBe(409);
    expect((refused.data as { message: string }).message).toMatch(/cannot be cancelled.*an admin can void it/);
    expect(await rowCounts()).toEqual(before);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: rounds.bobBehavioral.id } })).status).toBe("scheduled");
    // The loop page marks the round as kept on the record, which is why it offers no Cancel control.
    const page = await run(
      loopRoute.loader,
      request(`/loops/${loop.id}`, { cookie: await cookieFor(users.recruiter.id) }),
      { loopId: loop.id },
    );
    const rows = (page.data as { loop: { rounds: { id: string; locked: boolean }[] } }).loop.rounds;
    expect(rows.find((round) => round.id === rounds.bobBehavioral.id)!.locked).toBe(true);
    expect(rows.find((round) => round.id === rounds.carolExecution.id)!.locked).toBe(false);
    // A round without submitted feedback still cancels.
    const cancelled = await onLoop(users.recruiter.id, loop.id, {
      intent: "cancel",
      roundId: rounds.carolExecution.id,
      reason: "Carol is on leave",
    });
    expect(cancelled.status).toBe(200);
  });
});

describe("moving the stage by hand", () => {
  it("refuses moves that contradict the recorded decision, next to the stage field, and writes nothing", async () => {
    const { users, loop } = await panelScenario();
    const before = await rowCounts();
    const offer = await onLoop(users.recruiter.id, loop.id, { intent: "stage", stage: "offer", reason: "" });
    expect(offer.status).toBe(409);
    expect((offer.data as { fieldErrors: { stage: string[] } }).fieldErrors.stage[0]).toMatch(/needs a hire decision/);
    const decided = await onLoop(users.recruiter.id, loop.id, { intent: "stage", stage: "decided", reason: "" });
    expect(decided.status).toBe(409);
    expect(await rowCounts()).toEqual(before);
    expect(await stageOf(loop.id)).toBe("in_loop");

    await decide(users.hm.id, loop.id, "hire");
    expect(await stageOf(loop.id)).toBe("decided");
    const settled = await rowCounts();
    const back = await onLoop(users.recruiter.id, loop.id, { intent: "stage", stage: "in_loop", reason: "oops" });
    expect(back.status).toBe(409);
    expect((back.data as { fieldErrors: { stage: string[] } }).fieldErrors.stage[0]).toBe(
      "The loop has a hire decision: record More signal needed in the debrief to reopen the loop.",
    );
    expect(await rowCounts()).toEqual(settled);
    expect(await stageOf(loop.id)).toBe("decided");

    // With the hire recorded, the offer is allowed, and the move is audited.
    const toOffer = await onLoop(users.recruiter.id, loop.id, { intent: "stage", stage: "offer", reason: "Approved" });
    expect(toOffer.status).toBe(200);
    expect(await stageOf(loop.id)).toBe("offer");
    expect(
      await prisma.auditEvent.count({
        where: { action: "loop.stage_changed", loopId: loop.id, actorId: users.recruiter.id },
      }),
    ).toBe(1);
  });
});

describe("closing a loop", () => {
  it("cancels its open rounds with the reason, stops their reminders and takes them off My rounds", async () => {
    const { users, loop, rounds } = await panelScenario({ upcomingForFirst: true });
    await submit(users.bob.id, rounds.bobBehavioral.id);
    const now = new Date();
    // Reminders are planned before the close: overdue feedback and tomorrow's round notice.
    expect(await planReminders(now)).toBeGreaterThan(0);
    const upcomingFor = async (userId: string) =>
      (
        (await run(myRoundsRoute.loader, request("/rounds", { cookie: await cookieFor(userId) }))).data as {
          upcoming: MyRound[];
        }
      ).upcoming.map((round) => round.id);
    expect(await upcomingFor(users.alice.id)).toContain(rounds.aliceAnalytical.id);

    // A reason is needed; without one nothing is written.
    const before = await rowCounts();
    const noReason = await onLoop(users.recruiter.id, loop.id, { intent: "stage", stage: "closed", reason: "" });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.data)).toContain("Say why the loop is closing");
    expect(await rowCounts()).toEqual(before);

    const closed = await onLoop(users.recruiter.id, loop.id, {
      intent: "stage",
      stage: "closed",
      reason: "Candidate withdrew",
    });
    expect(closed.status).toBe(200);
    const after = await prisma.loop.findUniqueOrThrow({
      where: { id: loop.id },
      select: {
        stage: true,
        closedAt: true,
        rounds: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            status: true,
            cancelledReason: true,
            changes: { select: { kind: true, reason: true, changedById: true } },
          },
        },
      },
    });
    expect(after.stage).toBe("closed");
    expect(after.closedAt).toBeInstanceOf(Date);
    const open = [rounds.aliceProduct.id, rounds.carolExecution.id, rounds.aliceAnalytical.id];
    for (const round of after.rounds) {
      if (open.includes(round.id)) {
        expect(round).toMatchObject({ status: "cancelled", cancelledReason: "Candidate withdrew" });
        expect(round.changes).toEqual([
          { kind: "cancelled", reason: "Candidate withdrew", changedById: users.recruiter.id },
        ]);
      } else {
        // Bob's round has his submitted feedback: it stays on the record.
        expect(round).toMatchObject({ id: rounds.bobBehavioral.id, status: "scheduled", changes: [] });
      }
    }
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "loop.stage_changed", loopId: loop.id },
      select: { data: true },
    });
    expect((audit.data as { cancelledRoundIds: string[] }).cancelledRoundIds.sort()).toEqual([...open].sort());

    // The scheduler runs days later: reminders already planned for the cancelled rounds are not sent,
    // while the other loop's overdue round (the positive control) still gets its reminder.
    await schedulerTick("closing-test", new Date(now.getTime() + 3 * 86_400_000));
    expect(await prisma.notification.count({ where: { roundId: { in: [...open, rounds.bobBehavioral.id] } } })).toBe(0);
    expect(await prisma.notification.count({ where: { roundId: rounds.outsiderRound.id } })).toBeGreaterThan(0);
    expect(await upcomingFor(users.alice.id)).not.toContain(rounds.aliceAnalytical.id);
  });
});

describe("More signal needed", () => {
  it("keeps the loop active, returns it to loop scheduling with the decision recorded, and lets rounds be added", async () => {
    const { users, loop, rounds } = await panelScenario();
    await submit(users.bob.id, rounds.bobBehavioral.id);
    await submit(users.carol.id, rounds.carolExecution.id);
    await submit(users.alice.id, rounds.aliceProduct.id);
    await decide(users.hm.id, loop.id, "more_signal");

    const reopened = await prisma.loop.findUniqueOrThrow({
      where: { id: loop.id },
      select: {
        stage: true,
        closedAt: true,
        stageChanges: { orderBy: { changedAt: "desc" }, take: 1, select: { toStage: true, reason: true } },
      },
    });
    expect(reopened).toEqual({
      stage: "loop_scheduled",
      closedAt: null,
      stageChanges: [{ toStage: "loop_scheduled", reason: "More signal needed: back to loop scheduling" }],
    });
    expect((await getDebrief(users.hm, loop.id)).decision?.outcome).toBe("more_signal");

    // Alice's late scorecard from the first rounds does not send the loop back to debrief.
    await submit(users.alice.id, rounds.aliceAnalytical.id);
    expect(await stageOf(loop.id)).toBe("loop_scheduled");

    // The recruiter adds the further round and schedules it.
    const added = await onLoop(users.recruiter.id, loop.id, { intent: "add-round", type: "leadership" });
    expect(added.status).toBe(200);
    const round = await prisma.round.findFirstOrThrow({
      where: { loopId: loop.id, type: "leadership" },
      select: { id: true, position: true, scheduledAt: true, changes: { select: { kind: true } } },
    });
    expect(round).toMatchObject({ position: 5, scheduledAt: null, changes: [{ kind: "planned" }] });
    const scheduled = await onLoop(users.recruiter.id, loop.id, {
      intent: "schedule",
      roundId: round.id,
      scheduledAt: "2030-02-04T10:00",
      durationMinutes: "45",
      interviewerId: users.outsider.id,
    });
    expect(scheduled.data).toMatchObject({ message: "Round scheduled." });
    expect(await stageOf(loop.id)).toBe("loop_scheduled");

    // A hire or no hire settles it again; a settled loop takes no more rounds.
    await decide(users.hm.id, loop.id, "no_hire");
    expect(await stageOf(loop.id)).toBe("decided");
    const before = await rowCounts();
    const refused = await onLoop(users.recruiter.id, loop.id, { intent: "add-round", type: "behavioral" });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.data)).toContain("record More signal needed in the debrief to reopen it");
    expect(await rowCounts()).toEqual(before);
  });
});

describe("deactivating a person", () => {
  async function aliceOnTwoLoops() {
    const scenario = await panelScenario({ upcomingForFirst: true });
    const { users, rubric, rounds } = scenario;
    // Alice's product-sense feedback is in: that round stays hers.
    await submit(users.alice.id, rounds.aliceProduct.id);
    const otherRecruiter = await createUser(prisma, { role: "recruiter", name: "Rita Recruiter" });
    const candidate = await createCandidate(prisma, {
      recruiterId: otherRecruiter.id,
      hiringManagerId: users.hm.id,
      name: "Dana Second",
    });
    const secondLoop = await createLoop(prisma, {
      candidateId: candidate.id,
      recruiterId: otherRecruiter.id,
      hiringManagerId: users.hm.id,
      rubricVersionId: rubric.id,
    });
    const secondRound = await createRound(prisma, {
      loopId: secondLoop.id,
      type: "execution",
      position: 1,
      interviewerId: users.alice.id,
      scheduledAt: new Date(Date.now() + 3 * 86_400_000),
    });
    return { ...scenario, otherRecruiter, secondLoop, secondRound };
  }

  async function deactivate(adminId: string, userId: string, confirm = false) {
    return run(
      usersRoute.action,
      request("/admin/users", {
        cookie: await cookieFor(adminId),
        form: { intent: "deactivate", userId, ...(confirm ? { confirm: "yes" } : {}) },
      }),
    );
  }

  it("first lists their open rounds and saves nothing; confirming unassigns them and tells each recruiter", async () => {
    const { users, loop, rounds, otherRecruiter, secondLoop, secondRound } = await aliceOnTwoLoops();
    const aliceCookie = await cookieFor(users.alice.id);
    const before = await rowCounts();

    const asked = await deactivate(users.admin.id, users.alice.id);
    expect(asked.status).toBe(200);
    const pending = (
      asked.data as {
        confirmDeactivation: {
          name: string;
          openRounds: { roundId: string; loopId: string; candidateName: string; roundTypeLabel: string }[];
        };
      }
    ).confirmDeactivation;
    expect(pending.name).toBe(users.alice.name);
    expect(pending.openRounds).toEqual([
      expect.objectContaining({
        roundId: rounds.aliceAnalytical.id,
        loopId: loop.id,
        candidateName: "Casey Candidate",
        roundTypeLabel: "Analytical",
      }),
      expect.objectContaining({ roundId: secondRound.id, loopId: secondLoop.id, candidateName: "Dana Second" }),
    ]);
    expect(await rowCounts()).toEqual(before);

    const confirmed = await deactivate(users.admin.id, users.alice.id, true);
    expect(confirmed.status).toBe(200);
    expect((confirmed.data as { notice: string }).notice).toContain("unassigned from 2 rounds");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: users.alice.id } })).active).toBe(false);
    // Her sessions end at once.
    expect((await run(myRoundsRoute.loader, request("/rounds", { cookie: aliceCookie }))).status).toBe(302);

    for (const roundId of [rounds.aliceAnalytical.id, secondRound.id]) {
      const round = await prisma.round.findUniqueOrThrow({
        where: { id: roundId },
        select: {
          interviewerId: true,
          status: true,
          changes: { select: { kind: true, reason: true, changedById: true } },
        },
      });
      expect(round).toEqual({
        interviewerId: null,
        status: "scheduled",
        changes: [{ kind: "unassigned", reason: "interviewer deactivated", changedById: users.admin.id }],
      });
    }
    // The round with her submitted feedback keeps her name.
    expect((await prisma.round.findUniqueOrThrow({ where: { id: rounds.aliceProduct.id } })).interviewerId).toBe(
      users.alice.id,
    );

    // Each loop's recruiter is told, with a link to the loop page to reassign.
    const notices = await prisma.notification.findMany({
      where: { kind: "interviewer_deactivated" },
      orderBy: { toEmail: "asc" },
      select: { toUserId: true, subject: true, body: true, transport: true },
    });
    expect(notices.map((notice) => notice.toUserId).sort()).toEqual([users.recruiter.id, otherRecruiter.id].sort());
    const first = notices.find((notice) => notice.toUserId === users.recruiter.id)!;
    expect(first.subject).toBe(`Reassign: ${users.alice.name} no longer interviews for Casey Candidate`);
    expect(first.body).toContain(`/loops/${loop.id}`);
    expect(first.body).toContain("Analytical");
    expect(first.transport).toBe("outbox");
    expect(notices.find((notice) => notice.toUserId === otherRecruiter.id)!.body).toContain(`/loops/${secondLoop.id}`);

    // Audited for the person and for each loop.
    expect(await prisma.auditEvent.count({ where: { action: "user.deactivated", entityId: users.alice.id } })).toBe(1);
    const perLoop = await prisma.auditEvent.findMany({
      where: { action: "loop.interviewer_unassigned" },
      select: { loopId: true },
    });
    expect(perLoop.map((event) => event.loopId).sort()).toEqual([loop.id, secondLoop.id].sort());
  });

  it("deactivates at once someone with no open rounds", async () => {
    const { users } = await panelScenario();
    const idle = await createUser(prisma, { role: "interviewer" });
    const outcome = await deactivate(users.admin.id, idle.id);
    expect(outcome.status).toBe(200);
    expect((outcome.data as { confirmDeactivation: unknown }).confirmDeactivation).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: idle.id } })).active).toBe(false);
  });
});
