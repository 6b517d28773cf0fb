import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as roundPage from "~/routes/_app.rounds.$roundId._index";
import * as draftRoute from "~/routes/rounds.$roundId.draft";
import { getPanelFeedback } from "~/server/feedback/panel-feedback.server";
import { completeForm, panelScenario, submitFeedback } from "../support/scenario";
import { cookieFor, prisma, request, run } from "../support/remix";

const routesDir = path.resolve("app/routes");

const submit = submitFeedback;

/** Calls every route loader the viewer can reach, with every id in play, and returns all the data as text. */
async function everythingVisibleTo(userId: string, ids: Record<string, string[]>) {
  const cookie = await cookieFor(userId);
  const seen: string[] = [];
  for (const file of fs.readdirSync(routesDir).filter((name) => /\.tsx?$/.test(name))) {
    const route = (await import(path.join(routesDir, file))) as { loader?: unknown };
    if (!route.loader) continue;
    const paramSets = [{}, ...ids.roundId!.map((roundId) => ({ roundId, loopId: ids.loopId![0]! }))];
    for (const params of paramSets) {
      const outcome = await run(route.loader, request("/probe?page=1", { cookie }), params);
      seen.push(`${file} ${JSON.stringify(params)} -> ${outcome.status} ${JSON.stringify(outcome.data)}`);
    }
  }
  return seen.join("\n");
}

describe("blind until submitted", () => {
  it("an interviewer who still owes feedback sees no other panelist's ratings, evidence or leaning, through any route", async () => {
    const { users, rounds, loop } = await panelScenario();
    await submit(users.bob.id, rounds.bobBehavioral.id, completeForm({}, "2"));
    await submit(users.carol.id, rounds.carolExecution.id, completeForm({}, "4"));
    const ids = { roundId: Object.values(rounds).map((round) => round.id), loopId: [loop.id] };

    // Alice has submitted nothing yet.
    let visible = await everythingVisibleTo(users.alice.id, ids);
    expect(visible).not.toContain("SECRET");
    expect(visible).not.toMatch(/"recommendation":"/);

    // One of her two rounds submitted: still locked for the other panelists.
    await submit(
      users.alice.id,
      rounds.aliceProduct.id,
      completeForm({ "ratings.product_altitude.evidence": "MINE: defined the user first and named the metric." }),
    );
    visible = await everythingVisibleTo(users.alice.id, ids);
    expect(visible).not.toContain("SECRET-2");
    expect(visible).not.toContain("SECRET-4");
    expect(visible).toContain("MINE");

    // She may know that others submitted and when, nothing more.
    const locked = await getPanelFeedback(users.alice, loop.id);
    expect(locked.access).toBe("locked");
    const others = locked.entries.filter((entry) => !entry.isOwn);
    expect(others.map((entry) => [entry.interviewerName, entry.content])).toEqual([
      ["Bob Panelist", null],
      ["Carol Panelist", null],
    ]);
    expect(others.every((entry) => typeof entry.submittedAt === "string")).toBe(true);

    // All her rounds submitted: the panel opens (the positive control for the checks above).
    await submit(users.alice.id, rounds.aliceAnalytical.id, completeForm());
    const page = await run(
      roundPage.loader,
      request(`/rounds/${rounds.aliceProduct.id}`, { cookie: await cookieFor(users.alice.id) }),
      { roundId: rounds.aliceProduct.id },
    );
    expect(JSON.stringify(page.data)).toContain("SECRET-2");
    expect(JSON.stringify(page.data)).toContain("SECRET-4");
  });

  it("someone outside the panel sees nothing of the loop", async () => {
    const { users, rounds, loop } = await panelScenario();
    await submit(users.bob.id, rounds.bobBehavioral.id, completeForm({}, "2"));
    const visible = await everythingVisibleTo(users.outsider.id, {
      roundId: Object.values(rounds).map((round) => round.id),
      loopId: [loop.id],
    });
    expect(visible).not.toContain("SECRET");
    expect(visible).not.toContain("Casey Candidate");
    expect((await getPanelFeedback(users.outsider, loop.id)).entries).toEqual([]);
  });

  it("nobody sees another person's draft: not the panel, not the hiring manager, recruiter or admin", async () => {
    const { users, rounds, loop } = await panelScenario();
    const draft = await run(
      draftRoute.action,
      request(`/rounds/${rounds.bobBehavioral.id}/draft`, {
        cookie: await cookieFor(users.bob.id),
        form: { version: "0", summary: "DRAFTSECRET", "ratings.ownership.evidence": "DRAFTSECRET" },
      }),
      { roundId: rounds.bobBehavioral.id },
    );
    expect(draft.status).toBe(200);
    await submit(users.carol.id, rounds.carolExecution.id, completeForm({}, "4"));
    const ids = { roundId: Object.values(rounds).map((round) => round.id), loopId: [loop.id] };
    for (const viewer of [users.hm, users.recruiter, users.admin, users.carol, users.alice]) {
      const visible = await everythingVisibleTo(viewer.id, ids);
      expect(visible, viewer.role).not.toContain("DRAFTSECRET");
    }
    const hmView = await getPanelFeedback(users.hm, loop.id);
    expect(hmView.access).toBe("open");
    expect(hmView.entries.map((entry) => entry.interviewerName)).toEqual(["Carol Panelist"]);
    expect(hmView.entries[0]!.content?.summary).toBe("Summary SECRET-4");
  });

  it("writes every view of another person's feedback to the audit log", async () => {
    const { users, rounds, loop } = await panelScenario();
    await submit(users.bob.id, rounds.bobBehavioral.id, completeForm({}, "2"));
    const bobFeedback = await prisma.feedback.findFirstOrThrow({ where: { roundId: rounds.bobBehavioral.id } });
    await getPanelFeedback(users.hm, loop.id);
    await getPanelFeedback(users.bob, loop.id); // his own: not an audit event
    await getPanelFeedback(users.alice, loop.id); // locked: saw nothing
    const events = await prisma.auditEvent.findMany({
      where: { action: "feedback.viewed", entityId: bobFeedback.id },
      select: { actorId: true },
    });
    expect(events).toEqual([{ actorId: users.hm.id }]);

    // Remix re-runs the debrief's loader after every action and on focus: still one event per view.
    await getPanelFeedback(users.hm, loop.id);
    await getPanelFeedback(users.hm, loop.id);
    expect(await prisma.auditEvent.count({ where: { action: "feedback.viewed", entityId: bobFeedback.id } })).toBe(1);
    // A view after the window is a new view.
    const { READ_AUDIT_WINDOW_MS } = await import("~/server/audit.server");
    await prisma.auditEvent.updateMany({
      where: { action: "feedback.viewed" },
      data: { at: new Date(Date.now() - READ_AUDIT_WINDOW_MS - 1000) },
    });
    await getPanelFeedback(users.hm, loop.id);
    expect(await prisma.auditEvent.count({ where: { action: "feedback.viewed", entityId: bobFeedback.id } })).toBe(2);
  });
});
