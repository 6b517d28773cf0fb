import { describe, expect, it } from "vitest";
import * as candidateRoute from "~/routes/_app.candidates.new";
import * as newLoopRoute from "~/routes/_app.loops.new";
import * as loopRoute from "~/routes/_app.loops.$loopId._index";
import * as feedbackRoute from "~/routes/_app.rounds.$roundId.feedback";
import { createDefaultRubric, createRoundKits, createUser } from "../../prisma/factories";
import { completeForm } from "../support/scenario";
import { cookieFor, prisma, request, run } from "../support/remix";

async function recruiterSetup() {
  await createDefaultRubric(prisma);
  await createRoundKits(prisma);
  const [recruiter, hm, ada, ben] = await Promise.all([
    createUser(prisma, { role: "recruiter" }),
    createUser(prisma, { role: "hiring_manager" }),
    createUser(prisma, { role: "interviewer", name: "Ada Interviewer" }),
    createUser(prisma, { role: "interviewer", name: "Ben Interviewer" }),
  ]);
  return { recruiter, hm, ada, ben, cookie: await cookieFor(recruiter.id) };
}

const candidateForm = (hmId: string, email = `new-${Math.random().toString(36).slice(2)}@example.com`) => ({
  name: "Nia New",
  email,
  currentRole: "Backend Engineer",
  currentLevel: "L5",
  source: "internal",
  track: "core_pm",
  targetLevel: "L5",
  hiringManagerId: hmId,
});

async function openLoop(setup: Awaited<ReturnType<typeof recruiterSetup>>, templateId = "internal") {
  const created = await run(
    candidateRoute.action,
    request("/candidates/new", { cookie: setup.cookie, form: candidateForm(setup.hm.id) }),
  );
  expect(created.status).toBe(302);
  const candidateId = new URL(created.headers.get("Location")!, "http://x").searchParams.get("candidateId")!;
  const opened = await run(
    newLoopRoute.action,
    request("/loops/new", {
      cookie: setup.cookie,
      form: {
        candidateId,
        roleTitle: "Product Manager",
        hiringManagerId: setup.hm.id,
        track: "core_pm",
        targetLevel: "L5",
        templateId,
      },
    }),
  );
  expect(opened.status).toBe(302);
  return opened.headers.get("Location")!.split("/").pop()!;
}

describe("recruiters: candidates, loops and rounds", () => {
  it("detects a duplicate candidate by email and points to the existing one", async () => {
    const setup = await recruiterSetup();
    const email = "dup@example.com";
    expect(
      (
        await run(
          candidateRoute.action,
          request("/candidates/new", { cookie: setup.cookie, form: candidateForm(setup.hm.id, email) }),
        )
      ).status,
    ).toBe(302);
    const again = await run(
      candidateRoute.action,
      request("/candidates/new", { cookie: setup.cookie, form: candidateForm(setup.hm.id, "DUP@example.com") }),
    );
    expect(again.status).toBe(409);
    const existing = await prisma.candidate.findUniqueOrThrow({ where: { email } });
    expect(again.data).toMatchObject({ existingId: existing.id });
    expect(JSON.stringify(again.data)).toContain("already has this email");
  });

  it("explains bad candidate input next to each field", async () => {
    const setup = await recruiterSetup();
    const outcome = await run(
      candidateRoute.action,
      request("/candidates/new", {
        cookie: setup.cookie,
        form: { ...candidateForm(setup.hm.id), currentLevel: "senior", source: "" },
      }),
    );
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.data)).toContain("Use a level such as L5");
    expect(JSON.stringify(outcome.data)).toContain("Choose internal or external");
  });

  it("opens a loop on the current rubric with rounds planned from the template", async () => {
    const setup = await recruiterSetup();
    const loopId = await openLoop(setup);
    const loop = await prisma.loop.findUniqueOrThrow({
      where: { id: loopId },
      select: {
        stage: true,
        rubricVersion: { select: { version: true } },
        rounds: { orderBy: { position: "asc" }, select: { type: true, scheduledAt: true } },
      },
    });
    expect(loop.stage).toBe("sourced");
    expect(loop.rubricVersion.version).toBe(1);
    expect(loop.rounds.map((round) => round.type)).toEqual([
      "recruiter_screen",
      "product_sense",
      "behavioral",
      "execution",
    ]);
    expect(loop.rounds.every((round) => round.scheduledAt === null)).toBe(true);
  });

  it("schedules rounds, warns about clashes and repeat interviewers, keeps every change, and moves the stage", async () => {
    const setup = await recruiterSetup();
    const loopId = await openLoop(setup);
    const rounds = await prisma.round.findMany({
      where: { loopId },
      orderBy: { position: "asc" },
      select: { id: true, type: true },
    });
    const schedule = (roundId: string, at: string, interviewerId: string, extra: Record<string, string> = {}) =>
      run(
        loopRoute.action,
        request(`/loops/${loopId}`, {
          cookie: setup.cookie,
          form: { intent: "schedule", roundId, scheduledAt: at, durationMinutes: "45", interviewerId, ...extra },
        }),
        { loopId },
      );

    expect((await schedule(rounds[0]!.id, "2030-01-06T10:00", setup.recruiter.id)).data).toMatchObject({
      message: "Round scheduled.",
    });
    expect((await schedule(rounds[1]!.id, "2030-01-07T10:00", setup.ada.id)).data).toMatchObject({
      message: "Round scheduled.",
    });
    // Ada again, overlapping her own round with this candidate: two warnings, nothing saved.
    const warned = await schedule(rounds[2]!.id, "2030-01-07T10:30", setup.ada.id);
    expect((warned.data as { warnings: string[] }).warnings).toHaveLength(2);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: rounds[2]!.id } })).scheduledAt).toBeNull();
    // Confirmed: saved.
    expect((await schedule(rounds[2]!.id, "2030-01-07T10:30", setup.ada.id, { confirm: "yes" })).data).toMatchObject({
      message: "Round scheduled.",
    });
    expect((await schedule(rounds[3]!.id, "2030-01-08T10:00", setup.ben.id)).data).toMatchObject({
      message: "Round scheduled.",
    });
    expect((await prisma.loop.findUniqueOrThrow({ where: { id: loopId } })).stage).toBe("loop_scheduled");

    // Rescheduling needs a reason; the history keeps both.
    const noReason = await schedule(rounds[3]!.id, "2030-01-09T10:00", setup.ben.id);
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.data)).toContain("Say why the round is moving");
    await schedule(rounds[3]!.id, "2030-01-09T10:00", setup.ben.id, { reason: "Candidate asked to move" });
    const changes = await prisma.roundChange.findMany({
      where: { roundId: rounds[3]!.id },
      orderBy: { changedAt: "asc" },
      select: { kind: true, reason: true },
    });
    expect(changes.map((change) => change.kind)).toEqual(["planned", "scheduled", "rescheduled"]);
    expect(changes[2]!.reason).toBe("Candidate asked to move");

    // Cancel with a reason.
    const cancelled = await run(
      loopRoute.action,
      request(`/loops/${loopId}`, {
        cookie: setup.cookie,
        form: { intent: "cancel", roundId: rounds[2]!.id, reason: "Duplicate interviewer" },
      }),
      { loopId },
    );
    expect(cancelled.status).toBe(200);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: rounds[2]!.id } })).status).toBe("cancelled");
  });

  it("only active interviewers can be assigned; hiring managers can look but not change", async () => {
    const setup = await recruiterSetup();
    const loopId = await openLoop(setup);
    const round = await prisma.round.findFirstOrThrow({ where: { loopId, type: "product_sense" } });
    const gone = await createUser(prisma, { role: "interviewer", active: false });
    const refused = await run(
      loopRoute.action,
      request(`/loops/${loopId}`, {
        cookie: setup.cookie,
        form: {
          intent: "schedule",
          roundId: round.id,
          scheduledAt: "2030-01-07T10:00",
          durationMinutes: "45",
          interviewerId: gone.id,
        },
      }),
      { loopId },
    );
    expect(refused.status).toBe(400);
    const hmCookie = await cookieFor(setup.hm.id);
    expect((await run(loopRoute.loader, request(`/loops/${loopId}`, { cookie: hmCookie }), { loopId })).status).toBe(
      200,
    );
    expect(
      (
        await run(
          loopRoute.action,
          request(`/loops/${loopId}`, { cookie: hmCookie, form: { intent: "stage", stage: "closed" } }),
          { loopId },
        )
      ).status,
    ).toBe(403);
    // An interviewer who is not on the panel does not learn the loop exists.
    const interviewerCookie = await cookieFor(setup.ada.id);
    expect(
      (await run(loopRoute.loader, request(`/loops/${loopId}`, { cookie: interviewerCookie }), { loopId })).status,
    ).toBe(404);
  });

  it("moves the loop to debrief when the last feedback arrives", async () => {
    const setup = await recruiterSetup();
    const loopId = await openLoop(setup);
    const rounds = await prisma.round.findMany({
      where: { loopId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    const people = [setup.recruiter, setup.ada, setup.ben, setup.hm];
    for (const [index, round] of rounds.entries()) {
      await prisma.round.update({
        where: { id: round.id },
        data: {
          interviewerId: people[index]!.id,
          scheduledAt: new Date(Date.now() - (5 - index) * 86_400_000),
          durationMinutes: 45,
        },
      });
    }
    for (const [index, round] of rounds.entries()) {
      const outcome = await run(
        feedbackRoute.action,
        request(`/rounds/${round.id}/feedback`, { cookie: await cookieFor(people[index]!.id), form: completeForm() }),
        { roundId: round.id },
      );
      expect(outcome.status).toBe(302);
    }
    const loop = await prisma.loop.findUniqueOrThrow({
      where: { id: loopId },
      select: {
        stage: true,
        stageChanges: { orderBy: { changedAt: "desc" }, take: 1, select: { toStage: true, reason: true } },
      },
    });
    expect(loop.stage).toBe("debrief");
    expect(loop.stageChanges[0]).toEqual({ toStage: "debrief", reason: "automatic" });
  });
});

describe("editing candidates and loops", () => {
  it("saves changes with an audit entry, keeps emails unique, and is for recruiters and admins only", async () => {
    const editRoute = await import("~/routes/_app.loops.$loopId.edit");
    const setup = await recruiterSetup();
    const loopId = await openLoop(setup);
    const other = await run(
      candidateRoute.action,
      request("/candidates/new", { cookie: setup.cookie, form: candidateForm(setup.hm.id, "taken@example.com") }),
    );
    expect(other.status).toBe(302);

    const loopEdit = await run(
      editRoute.action,
      request(`/loops/${loopId}/edit`, {
        cookie: setup.cookie,
        form: {
          intent: "loop",
          roleTitle: "Senior Product Manager",
          hiringManagerId: setup.hm.id,
          track: "technical_pm",
          targetLevel: "L6",
        },
      }),
      { loopId },
    );
    expect(loopEdit.status).toBe(302);
    expect(
      await prisma.loop.findUniqueOrThrow({
        where: { id: loopId },
        select: { roleTitle: true, track: true, targetLevel: true },
      }),
    ).toEqual({ roleTitle: "Senior Product Manager", track: "technical_pm", targetLevel: "L6" });
    expect(await prisma.auditEvent.count({ where: { action: "loop.updated", entityId: loopId } })).toBe(1);

    const clash = await run(
      editRoute.action,
      request(`/loops/${loopId}/edit`, {
        cookie: setup.cookie,
        form: { intent: "candidate", ...candidateForm(setup.hm.id, "taken@example.com") },
      }),
      { loopId },
    );
    expect(clash.status).toBe(409);
    expect(JSON.stringify(clash.data)).toContain("already has this email");
    const renamed = await run(
      editRoute.action,
      request(`/loops/${loopId}/edit`, {
        cookie: setup.cookie,
        form: { intent: "candidate", ...candidateForm(setup.hm.id, "nia.renamed@example.com"), name: "Nia Renamed" },
      }),
      { loopId },
    );
    expect(renamed.status).toBe(302);
    const loop = await prisma.loop.findUniqueOrThrow({
      where: { id: loopId },
      select: { candidate: { select: { name: true, email: true } } },
    });
    expect(loop.candidate).toEqual({ name: "Nia Renamed", email: "nia.renamed@example.com" });

    expect(
      (
        await run(editRoute.loader, request(`/loops/${loopId}/edit`, { cookie: await cookieFor(setup.hm.id) }), {
          loopId,
        })
      ).status,
    ).toBe(403);
  });
});
