import { describe, expect, it } from "vitest";
import * as feedbackRoute from "~/routes/_app.rounds.$roundId.feedback";
import * as draftRoute from "~/routes/rounds.$roundId.draft";
import { completeForm, panelScenario } from "../support/scenario";
import { cookieFor, prisma, request, run } from "../support/remix";

const submit = async (userId: string, roundId: string, form: Record<string, string | string[]>) =>
  run(feedbackRoute.action, request(`/rounds/${roundId}/feedback`, { cookie: await cookieFor(userId), form }), {
    roundId,
  });
const saveDraft = async (userId: string, roundId: string, form: Record<string, string | string[]>, cookie?: string) =>
  run(draftRoute.action, request(`/rounds/${roundId}/draft`, { cookie: cookie ?? (await cookieFor(userId)), form }), {
    roundId,
  });

describe("drafts", () => {
  it("autosave keeps the form as typed, survives sign-out, and comes back in the form", async () => {
    const { users, rounds } = await panelScenario();
    const first = await saveDraft(users.alice.id, rounds.aliceProduct.id, {
      version: "0",
      "ratings.ownership.value": "2",
      "ratings.ownership.evidence": "Half-written thought",
      summary: "WIP",
    });
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ ok: true, version: 1 });

    // Sign out everywhere (or let the session expire): the draft is on the server.
    await prisma.session.deleteMany({ where: { userId: users.alice.id } });
    const page = await run(
      feedbackRoute.loader,
      request(`/rounds/${rounds.aliceProduct.id}/feedback`, { cookie: await cookieFor(users.alice.id) }),
      { roundId: rounds.aliceProduct.id },
    );
    const values = (page.data as { initialValues: { ratings: Record<string, unknown>; summary: string } })
      .initialValues;
    expect(values.ratings.ownership).toEqual({ value: "2", evidence: "Half-written thought" });
    expect(values.summary).toBe("WIP");
    // Draft ratings are never rows in the ratings table (nobody can aggregate a draft).
    expect(await prisma.rating.count({ where: { feedback: { roundId: rounds.aliceProduct.id } } })).toBe(0);
  });

  it("a second tab saving with a stale version is told, and nothing is overwritten", async () => {
    const { users, rounds } = await panelScenario();
    const cookie = await cookieFor(users.alice.id);
    await saveDraft(users.alice.id, rounds.aliceProduct.id, { version: "0", summary: "tab A first" }, cookie);
    const tabA = await saveDraft(
      users.alice.id,
      rounds.aliceProduct.id,
      { version: "1", summary: "tab A second" },
      cookie,
    );
    expect(tabA.data).toMatchObject({ ok: true, version: 2 });
    const tabB = await saveDraft(
      users.alice.id,
      rounds.aliceProduct.id,
      { version: "1", summary: "tab B stale" },
      cookie,
    );
    expect(tabB.status).toBe(409);
    expect(tabB.data).toMatchObject({ ok: false, reason: "conflict", currentVersion: 2 });
    const stored = await prisma.feedback.findFirstOrThrow({
      where: { roundId: rounds.aliceProduct.id },
      select: { draft: true },
    });
    expect(stored.draft).toMatchObject({ summary: "tab A second" });
  });

  it("a signed-out autosave answers 401 JSON rather than redirecting the tab away", async () => {
    const { rounds } = await panelScenario();
    const outcome = await run(
      draftRoute.action,
      request(`/rounds/${rounds.aliceProduct.id}/draft`, { form: { version: "0" } }),
      { roundId: rounds.aliceProduct.id },
    );
    expect(outcome.status).toBe(401);
    expect(outcome.data).toMatchObject({ reason: "signed_out" });
  });

  it("nobody can save a draft on a round that is not theirs", async () => {
    const { users, rounds } = await panelScenario();
    const outcome = await saveDraft(users.bob.id, rounds.aliceProduct.id, { version: "0", summary: "intrusion" });
    expect(outcome.status).toBe(404);
    expect(await prisma.feedback.count({ where: { roundId: rounds.aliceProduct.id } })).toBe(0);
  });
});

describe("submitting", () => {
  it("validates on the server with errors next to their fields, and writes nothing", async () => {
    const { users, rounds } = await panelScenario();
    const outcome = await submit(
      users.alice.id,
      rounds.aliceProduct.id,
      completeForm({ "ratings.ownership.evidence": "", summary: "" }),
    );
    expect(outcome.status).toBe(400);
    const reply = outcome.data as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(reply.error["ratings.ownership.evidence"]).toEqual([
      "Add the evidence behind this rating: what the candidate said or did",
    ]);
    expect(reply.error.summary).toEqual(["Write a short summary of the round"]);
    // The typed text comes back so nothing is lost.
    expect(JSON.stringify(reply.initialValue)).toContain("opened with the commuter");
    expect(await prisma.feedback.count({ where: { roundId: rounds.aliceProduct.id } })).toBe(0);
  });

  it("is idempotent: the same form submitted twice (double click, retry) is one submission", async () => {
    const { users, rounds } = await panelScenario();
    const form = completeForm();
    const results = await Promise.all([
      submit(users.alice.id, rounds.aliceProduct.id, form),
      submit(users.alice.id, rounds.aliceProduct.id, form),
    ]);
    expect(results.map((result) => result.status)).toEqual([302, 302]);
    const retry = await submit(users.alice.id, rounds.aliceProduct.id, form);
    expect(retry.status).toBe(302);
    const stored = await prisma.feedback.findMany({
      where: { roundId: rounds.aliceProduct.id },
      select: { status: true, _count: { select: { ratings: true } } },
    });
    expect(stored).toEqual([{ status: "submitted", _count: { ratings: 4 } }]);
    const feedbackId = (await prisma.feedback.findFirstOrThrow({ where: { roundId: rounds.aliceProduct.id } })).id;
    expect(await prisma.auditEvent.count({ where: { action: "feedback.submitted", entityId: feedbackId } })).toBe(1);
  });

  it("turns the draft into submitted ratings with the evidence check recorded", async () => {
    const { users, rounds } = await panelScenario();
    await saveDraft(users.alice.id, rounds.aliceProduct.id, { version: "0", summary: "draft" });
    const outcome = await submit(
      users.alice.id,
      rounds.aliceProduct.id,
      completeForm({ version: "1", "ratings.ownership.value": "4", "ratings.ownership.evidence": "smart and sharp" }),
    );
    expect(outcome.status).toBe(302);
    const feedback = await prisma.feedback.findFirstOrThrow({
      where: { roundId: rounds.aliceProduct.id },
      select: {
        status: true,
        draft: true,
        evidenceWarnings: true,
        submittedAt: true,
        ratings: { select: { value: true, evidenceFlag: true, dimension: { select: { key: true } } } },
      },
    });
    expect(feedback.status).toBe("submitted");
    expect(feedback.draft).toBeNull();
    expect(feedback.submittedAt).not.toBeNull();
    expect(feedback.evidenceWarnings).toBe(2);
    const ownership = feedback.ratings.find((rating) => rating.dimension.key === "ownership")!;
    expect(ownership).toMatchObject({ value: 4, evidenceFlag: "adjectives_only" });
    expect(feedback.ratings.filter((rating) => rating.value === null)).toHaveLength(2);
  });

  it("refuses a submit from a stale tab", async () => {
    const { users, rounds } = await panelScenario();
    await saveDraft(users.alice.id, rounds.aliceProduct.id, { version: "0", summary: "a" });
    await saveDraft(users.alice.id, rounds.aliceProduct.id, { version: "1", summary: "b" });
    const outcome = await submit(users.alice.id, rounds.aliceProduct.id, completeForm({ version: "1" }));
    expect(outcome.status).toBe(409);
    expect(JSON.stringify(outcome.data)).toContain("saved from another tab or window");
  });

  it("refuses to submit for a round that has not happened", async () => {
    const { users, rounds } = await panelScenario({ upcomingForFirst: true });
    const outcome = await submit(users.alice.id, rounds.aliceAnalytical.id, completeForm());
    expect(outcome.status).toBe(409);
    expect(JSON.stringify(outcome.data)).toContain("has not taken place yet");
  });

  it("makes submitted feedback read-only: drafts can no longer overwrite it", async () => {
    const { users, rounds } = await panelScenario();
    await submit(users.alice.id, rounds.aliceProduct.id, completeForm());
    const outcome = await saveDraft(users.alice.id, rounds.aliceProduct.id, { version: "1", summary: "sneaky edit" });
    expect(outcome.status).toBe(409);
    const again = await submit(users.alice.id, rounds.aliceProduct.id, completeForm({ summary: "second submission" }));
    expect(again.status).toBe(409);
    expect((await prisma.feedback.findFirstOrThrow({ where: { roundId: rounds.aliceProduct.id } })).summary).toBe(
      "Summary SECRET-3",
    );
  });
});

describe("amending", () => {
  it("requires a reason and keeps who, when, what changed and why", async () => {
    const { users, rounds } = await panelScenario();
    await submit(users.alice.id, rounds.aliceProduct.id, completeForm());
    const noReason = await submit(
      users.alice.id,
      rounds.aliceProduct.id,
      completeForm({ intent: "amend", "ratings.ownership.value": "2" }),
    );
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.data)).toContain("Say why you are amending");

    const amended = await submit(
      users.alice.id,
      rounds.aliceProduct.id,
      completeForm({
        intent: "amend",
        reason: "Re-read my notes",
        "ratings.ownership.value": "2",
        recommendation: "no",
      }),
    );
    expect(amended.status).toBe(302);
    const amendment = await prisma.feedbackAmendment.findFirstOrThrow({
      where: { feedback: { roundId: rounds.aliceProduct.id } },
      select: { reason: true, amendedById: true, changes: true, afterPanelVisible: true },
    });
    expect(amendment).toMatchObject({
      reason: "Re-read my notes",
      amendedById: users.alice.id,
      afterPanelVisible: false,
    });
    expect(amendment.changes).toEqual([
      { field: "rating", dimensionKey: "ownership", from: 3, to: 2 },
      { field: "recommendation", from: "yes", to: "no" },
    ]);
    const rating = await prisma.rating.findFirstOrThrow({
      where: { feedback: { roundId: rounds.aliceProduct.id }, dimension: { key: "ownership" } },
    });
    expect(rating.value).toBe(2);
  });

  it("marks an amendment made after the interviewer could see the panel", async () => {
    const { users, rounds } = await panelScenario();
    await submit(users.bob.id, rounds.bobBehavioral.id, completeForm({}, "2"));
    await submit(users.carol.id, rounds.carolExecution.id, completeForm({}, "4"));
    const amended = await submit(
      users.carol.id,
      rounds.carolExecution.id,
      completeForm({ intent: "amend", reason: "Calibrated", "ratings.ownership.value": "3" }, "4"),
    );
    expect(amended.status).toBe(302);
    expect(
      (await prisma.feedbackAmendment.findFirstOrThrow({ where: { feedback: { roundId: rounds.carolExecution.id } } }))
        .afterPanelVisible,
    ).toBe(true);
  });

  it("refuses an amendment that changes nothing", async () => {
    const { users, rounds } = await panelScenario();
    await submit(users.bob.id, rounds.bobBehavioral.id, completeForm());
    const outcome = await submit(
      users.bob.id,
      rounds.bobBehavioral.id,
      completeForm({ intent: "amend", reason: "no-op" }),
    );
    expect(outcome.status).toBe(400);
    expect(await prisma.feedbackAmendment.count({ where: { feedback: { roundId: rounds.bobBehavioral.id } } })).toBe(0);
  });
});

describe("submit cost", () => {
  it("submits a scorecard through the route in at most 10 queries, the stage move it triggers included", async () => {
    const { database } = await import("~/server/db.server");
    const { users, rounds } = await panelScenario();
    const cookie = await cookieFor(users.bob.id);
    const stageChanges = await prisma.stageChange.count();
    const before = database.queryCount();
    const outcome = await run(
      feedbackRoute.action,
      request(`/rounds/${rounds.bobBehavioral.id}/feedback`, { cookie, form: completeForm({}, "3") }),
      { roundId: rounds.bobBehavioral.id },
    );
    const used = database.queryCount() - before;
    expect(outcome.status).toBe(302);
    expect(await prisma.rating.count({ where: { feedback: { roundId: rounds.bobBehavioral.id } } })).toBe(4);
    // Every round has been held, so this submit also moves the loop on (the costliest path).
    expect(await prisma.stageChange.count()).toBe(stageChanges + 1);
    expect(used).toBeLessThanOrEqual(10);
  });
});
