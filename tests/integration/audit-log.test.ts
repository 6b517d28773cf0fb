import { beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "~/routes/_app.admin.audit";
import * as auditCsvRoute from "~/routes/admin.audit[.csv]";
import * as feedbackRoute from "~/routes/_app.rounds.$roundId.feedback";
import type { AuditLogEvent } from "~/server/audit/audit-log.server";
import { WITHHELD_DETAILS } from "~/server/audit/audit-log.server";
import { recordAudit } from "~/server/audit.server";
import { getPanelFeedback } from "~/server/feedback/panel-feedback.server";
import { parseCsv } from "~/utils/csv";
import { createCandidate, createDefaultRubric, createLoop, createRound, createUser } from "../../prisma/factories";
import { completeForm, panelScenario } from "../support/scenario";
import { cookieFor, type Outcome, prisma, request, run } from "../support/remix";

interface LogPage {
  errors: { from?: string; to?: string } | null;
  events: AuditLogEvent[];
  total: number;
  page: number;
  pageCount: number;
}

async function adminCookie() {
  const admin = await createUser(prisma, { role: "admin" });
  return { admin, cookie: await cookieFor(admin.id) };
}

async function logPage(cookie: string, search: string): Promise<Outcome & { data: LogPage }> {
  return (await run(auditRoute.loader, request(`/admin/audit?${search}`, { cookie }))) as Outcome & { data: LogPage };
}

async function csv(cookie: string, search: string) {
  const outcome = await run(auditCsvRoute.loader, request(`/admin/audit.csv?${search}`, { cookie }));
  return { ...outcome, rows: outcome.status === 200 ? parseCsv(String(outcome.data)) : [] };
}

const HEADER = ["at", "actor", "actor_email", "action", "entity_type", "entity_id", "loop_id", "candidate", "details"];

/** Two loops and a handful of events in 2020, apart from everything else the file writes (dated now). */
async function pastEvents() {
  const rubric = await createDefaultRubric(prisma);
  const [recruiter, hm, priya, omar] = await Promise.all([
    createUser(prisma, { role: "recruiter" }),
    createUser(prisma, { role: "hiring_manager" }),
    createUser(prisma, { role: "interviewer", name: "Priya Auditee" }),
    createUser(prisma, { role: "admin", name: "Omar Auditee" }),
  ]);
  const loopFor = async (name: string) => {
    const candidate = await createCandidate(prisma, { recruiterId: recruiter.id, hiringManagerId: hm.id, name });
    return createLoop(prisma, {
      candidateId: candidate.id,
      recruiterId: recruiter.id,
      hiringManagerId: hm.id,
      rubricVersionId: rubric.id,
    });
  };
  const zelda = await loopFor("Zelda Quinn");
  const yusuf = await loopFor("Yusuf Other");
  const event = async (
    at: string,
    actorId: string | null,
    action: string,
    entityType: string,
    entityId: string,
    loopId: string | null,
  ) =>
    (
      await prisma.auditEvent.create({
        data: { at: new Date(at), actorId, action, entityType, entityId, loopId, data: { note: action } },
        select: { id: true },
      })
    ).id;
  const ids = {
    priyaViewed: await event("2020-03-01T09:00:00Z", priya.id, "feedback.viewed", "Feedback", "f1", zelda.id),
    priyaSubmitted: await event("2020-03-05T12:00:00Z", priya.id, "feedback.submitted", "Feedback", "f2", zelda.id),
    omarViewed: await event("2020-03-10T23:59:59Z", omar.id, "feedback.viewed", "Feedback", "f3", yusuf.id),
    systemMoved: await event("2020-03-11T00:00:00Z", null, "loop.stage_changed", "Loop", yusuf.id, yusuf.id),
    omarRole: await event("2020-04-02T10:00:00Z", omar.id, "user.role_changed", "User", priya.id, null),
    priyaDecided: await event("2020-04-15T08:00:00Z", priya.id, "decision.recorded", "Loop", zelda.id, zelda.id),
  };
  return { ids, priya, omar, zelda, yusuf };
}

describe("who may read the audit log", () => {
  it("answers 403 to everyone but admins, on the page and the CSV; admins get both", async () => {
    for (const role of ["interviewer", "hiring_manager", "recruiter"] as const) {
      const person = await createUser(prisma, { role, committeeMember: role === "hiring_manager" });
      const cookie = await cookieFor(person.id);
      expect((await logPage(cookie, "")).status, role).toBe(403);
      expect((await csv(cookie, "")).status, role).toBe(403);
    }
    const { cookie } = await adminCookie();
    expect((await logPage(cookie, "")).status).toBe(200);
    const download = await csv(cookie, "");
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(download.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(download.headers.get("Cache-Control")).toBe("no-store");
  });

  it("sends a signed-out visitor to sign in", async () => {
    const page = await run(auditRoute.loader, request("/admin/audit?action=feedback.viewed"));
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe(
      `/login?${new URLSearchParams({ redirectTo: "/admin/audit?action=feedback.viewed" })}`,
    );
    expect((await run(auditCsvRoute.loader, request("/admin/audit.csv"))).status).toBe(302);
  });
});

describe("filters", () => {
  let fixture: Awaited<ReturnType<typeof pastEvents>>;
  let cookie: string;
  const in2020 = "from=2020-01-01&to=2020-12-31";
  const ids = async (search: string) => {
    const page = await logPage(cookie, `${in2020}&${search}`);
    expect(page.status).toBe(200);
    return page.data.events.map((event) => event.id);
  };

  beforeAll(async () => {
    fixture = await pastEvents();
    cookie = (await adminCookie()).cookie;
  });

  it("lists every event newest first, with who, what, the entity, the loop's candidate and details", async () => {
    const { ids: e } = fixture;
    const page = await logPage(cookie, in2020);
    expect(page.data.total).toBe(6);
    expect(page.data.events.map((event) => event.id)).toEqual([
      e.priyaDecided,
      e.omarRole,
      e.systemMoved,
      e.omarViewed,
      e.priyaSubmitted,
      e.priyaViewed,
    ]);
    const [decided, role, moved] = page.data.events;
    expect(decided).toMatchObject({
      at: "2020-04-15T08:00:00.000Z",
      actor: { id: fixture.priya.id, name: "Priya Auditee" },
      label: "recorded a decision",
      entity: { type: "Loop", label: "debrief", href: `/loops/${fixture.zelda.id}/debrief` },
      loop: { id: fixture.zelda.id, candidate: "Zelda Quinn" },
      details: "note: decision.recorded",
    });
    expect(role).toMatchObject({
      label: "changed a person's role",
      entity: { type: "User", label: "Priya Auditee", href: "/admin/users" },
      loop: null,
    });
    expect(moved).toMatchObject({ actor: null, label: "moved the stage", loop: { candidate: "Yusuf Other" } });
  });

  it("narrows by person, or by the system", async () => {
    const { ids: e } = fixture;
    expect(await ids(`actor=${fixture.priya.id}`)).toEqual([e.priyaDecided, e.priyaSubmitted, e.priyaViewed]);
    expect(await ids("actor=system")).toEqual([e.systemMoved]);
    expect(await ids("actor=nobody-has-this-id")).toEqual([]);
  });

  it("narrows by loop: part of the candidate's name in any case, or the loop's id; wildcards are literal", async () => {
    const { ids: e } = fixture;
    expect(await ids("loop=zelda+q")).toEqual([e.priyaDecided, e.priyaSubmitted, e.priyaViewed]);
    expect(await ids(`loop=${fixture.yusuf.id}`)).toEqual([e.systemMoved, e.omarViewed]);
    expect(await ids("loop=%25")).toEqual([]);
    expect(await ids("loop=_")).toEqual([]);
  });

  it("narrows by action", async () => {
    const { ids: e } = fixture;
    expect(await ids("action=feedback.viewed")).toEqual([e.omarViewed, e.priyaViewed]);
    expect(await ids(`action=feedback.viewed&actor=${fixture.priya.id}`)).toEqual([e.priyaViewed]);
  });

  it("narrows by period in whole UTC days, both ends included", async () => {
    const { ids: e } = fixture;
    const period = async (from: string, to: string) =>
      (await logPage(cookie, `from=${from}&to=${to}`)).data.events.map((event) => event.id);
    expect(await period("2020-03-10", "2020-03-10")).toEqual([e.omarViewed]);
    expect(await period("2020-03-11", "2020-03-11")).toEqual([e.systemMoved]);
    expect(await period("2020-03-05", "2020-04-02")).toEqual([
      e.omarRole,
      e.systemMoved,
      e.omarViewed,
      e.priyaSubmitted,
    ]);
    const fromOnly = await logPage(cookie, "from=2020-04-15");
    expect(fromOnly.data.events.map((event) => event.id)).toContain(e.priyaDecided);
    expect(fromOnly.data.events.map((event) => event.id)).not.toContain(e.omarRole);
    const toOnly = await logPage(cookie, "to=2020-03-01");
    expect(toOnly.data.events.map((event) => event.id)).toEqual([e.priyaViewed]);
  });

  it("exports the same events as the page shows for the same filters", async () => {
    const download = await csv(cookie, `${in2020}&loop=zelda`);
    expect(download.rows[0]).toEqual(HEADER);
    expect(download.rows.slice(1).map((row) => [row[0], row[1], row[3], row[7]])).toEqual([
      ["2020-04-15T08:00:00.000Z", "Priya Auditee", "decision.recorded", "Zelda Quinn"],
      ["2020-03-05T12:00:00.000Z", "Priya Auditee", "feedback.submitted", "Zelda Quinn"],
      ["2020-03-01T09:00:00.000Z", "Priya Auditee", "feedback.viewed", "Zelda Quinn"],
    ]);
    expect(JSON.parse(download.rows[1]![8]!)).toEqual({ note: "decision.recorded" });
    const system = await csv(cookie, `${in2020}&actor=system`);
    expect(system.rows.slice(1).map((row) => [row[1], row[2], row[4], row[5], row[6]])).toEqual([
      ["system", "", "Loop", fixture.yusuf.id, fixture.yusuf.id],
    ]);
  });
});

describe("pagination", () => {
  it("pages 120 events as 50, 50 and 20, each event exactly once, even when they share a timestamp", async () => {
    const { cookie } = await adminCookie();
    const actor = await createUser(prisma, { role: "recruiter" });
    // One statement: every event has the same time, so only the tie-break keeps pages apart.
    await recordAudit(
      Array.from({ length: 120 }, (_, n) => ({
        actorId: actor.id,
        action: "candidate.updated",
        entityType: "Candidate",
        entityId: `c${n}`,
      })),
    );
    const pages = [];
    for (const page of [1, 2, 3]) pages.push((await logPage(cookie, `actor=${actor.id}&page=${page}`)).data);
    expect(pages.map((page) => [page.total, page.page, page.pageCount, page.events.length])).toEqual([
      [120, 1, 3, 50],
      [120, 2, 3, 50],
      [120, 3, 3, 20],
    ]);
    const seen = pages.flatMap((page) => page.events.map((event) => event.entity.id));
    expect(new Set(seen).size).toBe(120);
    // A page past the end shows the last page rather than nothing.
    const beyond = await logPage(cookie, `actor=${actor.id}&page=9`);
    expect([beyond.data.page, beyond.data.events.length]).toEqual([3, 20]);
  });

  it("exports every matching row, not one page, in order and without repeats", async () => {
    const { cookie } = await adminCookie();
    const actor = await createUser(prisma, { role: "recruiter", name: "Rhea Exporter" });
    const base = Date.parse("2021-06-01T00:00:00Z");
    // More rows than one export batch, three to a timestamp, so batches split inside ties.
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 1234 }, (_, n) => ({
        at: new Date(base + Math.floor(n / 3) * 1000),
        actorId: actor.id,
        action: "loop.updated",
        entityType: "Candidate",
        entityId: `c${n}`,
        data: { n },
      })),
    });
    const download = await csv(cookie, `actor=${actor.id}`);
    expect(download.rows[0]).toEqual(HEADER);
    const rows = download.rows.slice(1);
    expect(rows).toHaveLength(1234);
    const numbers = rows.map((row) => (JSON.parse(row[8]!) as { n: number }).n);
    expect(new Set(numbers).size).toBe(1234);
    const times = rows.map((row) => row[0]!);
    expect(times).toEqual([...times].sort().reverse());
    expect(rows[0]!.slice(0, 3)).toEqual(["2021-06-01T00:06:51.000Z", "Rhea Exporter", actor.email]);
  });
});

describe("bad filter values", () => {
  it("never fail: malformed values fall back, an unusable period is a 400 with the reason", async () => {
    const { cookie } = await adminCookie();
    const lenient = [
      "page=-3",
      "page=abc",
      "page=1e99",
      "action=DROP%20TABLE",
      "action=feedback.viewed&action=",
      `actor=${"x".repeat(500)}`,
      "loop=%27%3B%20--",
      `loop=${"z".repeat(1000)}`,
      "actor=%00",
      "from=&to=",
    ];
    for (const search of lenient) {
      expect((await logPage(cookie, search)).status, search).toBe(200);
      expect((await csv(cookie, search)).status, search).toBe(200);
    }
    const refused: [string, "from" | "to", string][] = [
      ["from=2020-13-45", "from", "From must be a date such as 2026-01-31."],
      ["from=yesterday", "from", "From must be a date such as 2026-01-31."],
      ["to=0000-01-01", "to", "To must be a date such as 2026-01-31."],
      ["to=2020-02-30", "to", "To must be a date such as 2026-01-31."],
      ["from=2020-05-01&to=2020-04-01", "to", "The period ends before it starts"],
    ];
    for (const [search, field, message] of refused) {
      const page = await logPage(cookie, search);
      expect(page.status, search).toBe(400);
      expect(page.data.errors?.[field], search).toContain(message);
      expect(page.data.events).toEqual([]);
      const download = await csv(cookie, search);
      expect(download.status, search).toBe(400);
      expect(String(download.data)).toContain(message);
    }
  });
});

describe("the blind rule in the log", () => {
  it("withholds the details of a loop on which the reading admin still owes feedback", async () => {
    const { cookie, admin } = await adminCookie();
    const { loop } = await panelScenario();
    await createRound(prisma, {
      loopId: loop.id,
      type: "execution",
      position: 9,
      interviewerId: admin.id,
      scheduledAt: new Date(Date.now() - 86_400_000),
    });
    await recordAudit({
      actorId: null,
      action: "decision.recorded",
      entityType: "Loop",
      entityId: loop.id,
      data: { outcome: "hire" },
    });
    const page = await logPage(cookie, `loop=${loop.id}&action=decision.recorded`);
    expect(page.data.events).toHaveLength(1);
    expect(page.data.events[0]).toMatchObject({ label: "recorded a decision", details: null });
    expect(JSON.stringify(page.data)).not.toContain("hire");
    const download = await csv(cookie, `loop=${loop.id}&action=decision.recorded`);
    expect(download.rows[1]![8]).toBe(WITHHELD_DETAILS);
    // Another admin, not on the panel, reads them.
    const other = await adminCookie();
    expect((await logPage(other.cookie, `loop=${loop.id}&action=decision.recorded`)).data.events[0]!.details).toBe(
      "outcome: hire",
    );
  });
});

describe("what the writers record", () => {
  const submit = async (userId: string, roundId: string, form: Record<string, string | string[]>) =>
    run(feedbackRoute.action, request(`/rounds/${roundId}/feedback`, { cookie: await cookieFor(userId), form }), {
      roundId,
    });

  it("submitting, amending and reading feedback appear in the log under the loop, with names", async () => {
    const { cookie } = await adminCookie();
    const { users, rounds, loop } = await panelScenario();
    expect((await submit(users.bob.id, rounds.bobBehavioral.id, completeForm())).status).toBe(302);
    expect(
      (
        await submit(
          users.bob.id,
          rounds.bobBehavioral.id,
          completeForm({ intent: "amend", reason: "Typo", "ratings.ownership.value": "2" }),
        )
      ).status,
    ).toBe(302);
    await getPanelFeedback(users.hm, loop.id);
    const page = await logPage(cookie, `loop=${loop.id}`);
    expect(page.data.events.map((event) => [event.actor?.name, event.label])).toEqual([
      [users.hm.name, "viewed feedback"],
      ["Bob Panelist", "amended feedback"],
      ["Bob Panelist", "submitted feedback"],
    ]);
    for (const event of page.data.events) {
      expect(event.entity).toMatchObject({
        type: "Feedback",
        label: "feedback by Bob Panelist (Behavioral)",
        href: `/loops/${loop.id}/debrief`,
      });
      expect(event.loop).toEqual({ id: loop.id, candidate: "Casey Candidate" });
    }
  });

  it("files an event about a loop under that loop even when the writer does not say so", async () => {
    const { cookie } = await adminCookie();
    const { loop } = await panelScenario();
    await recordAudit({ actorId: null, action: "loop.updated", entityType: "Loop", entityId: loop.id });
    const stored = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "loop.updated", entityId: loop.id },
      select: { loopId: true },
    });
    expect(stored.loopId).toBe(loop.id);
    expect((await logPage(cookie, `loop=${loop.id}&action=loop.updated`)).data.total).toBe(1);
  });
});
