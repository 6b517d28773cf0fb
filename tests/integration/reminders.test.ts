import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planReminders, schedulerTick } from "~/server/jobs/scheduler.server";
import { completeForm, panelScenario } from "../support/scenario";
import { cookieFor, prisma, request, run } from "../support/remix";
import * as feedbackRoute from "~/routes/_app.rounds.$roundId.feedback";

// A real SMTP server on a loopback port; the test reads what arrives.
const received: { to: string; subject: string }[] = [];
let smtp: SMTPServer;
let smtpUrl = "";
beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","),
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? "",
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address = smtp.server.address();
  smtpUrl = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe("reminders", () => {
  it("plans each reminder once, however often or wherever planning runs", async () => {
    const { rounds } = await panelScenario();
    await planReminders();
    await planReminders();
    const jobs = await prisma.job.findMany({
      where: { payload: { path: ["roundId"], equals: rounds.aliceProduct.id } },
      select: { key: true },
    });
    // Alice's product-sense feedback has been due for ~2 days: reminders 1 and 2.
    expect(jobs.map((job) => job.key).sort()).toEqual([
      `feedback_overdue:${rounds.aliceProduct.id}:1`,
      `feedback_overdue:${rounds.aliceProduct.id}:2`,
    ]);
  });

  it("two schedulers running at once send each reminder once, over real SMTP", async () => {
    const { rounds, users } = await panelScenario();
    const before = received.length;
    await Promise.all([
      schedulerTick("server-a", new Date(), { smtpUrl }),
      schedulerTick("server-b", new Date(), { smtpUrl }),
    ]);
    const mine = await prisma.notification.findMany({
      where: { roundId: rounds.aliceProduct.id },
      select: { kind: true, toEmail: true, transport: true },
    });
    expect(mine).toHaveLength(2);
    expect(
      mine.every((notification) => notification.transport === "smtp" && notification.toEmail === users.alice.email),
    ).toBe(true);
    const arrived = received.slice(before).filter((mail) => mail.to === users.alice.email);
    expect(arrived.map((mail) => mail.subject)).toEqual([
      "Feedback overdue: Product sense with Casey Candidate",
      "Feedback overdue: Product sense with Casey Candidate",
    ]);
    // A later pass sends nothing new.
    await schedulerTick("server-a", new Date(), { smtpUrl });
    expect(await prisma.notification.count({ where: { roundId: rounds.aliceProduct.id } })).toBe(2);
  });

  it("sends nothing once feedback is submitted, and writes to the outbox when no SMTP is configured", async () => {
    const { rounds, users } = await panelScenario();
    const outcome = await run(
      feedbackRoute.action,
      request(`/rounds/${rounds.aliceProduct.id}/feedback`, {
        cookie: await cookieFor(users.alice.id),
        form: completeForm(),
      }),
      { roundId: rounds.aliceProduct.id },
    );
    expect(outcome.status).toBe(302);
    await schedulerTick("server-a");
    expect(await prisma.notification.count({ where: { roundId: rounds.aliceProduct.id } })).toBe(0);
    // Carol's execution round: due ~1 day ago, no SMTP here, so the outbox.
    const carol = await prisma.notification.findMany({
      where: { roundId: rounds.carolExecution.id },
      select: { transport: true, subject: true },
    });
    expect(carol.length).toBeGreaterThan(0);
    expect(carol.every((notification) => notification.transport === "outbox")).toBe(true);
  });
});

describe("who was reminded when", () => {
  it("shows on the recruiter's loop page and in the admin outbox", async () => {
    const loopRoute = await import("~/routes/_app.loops.$loopId._index");
    const outboxRoute = await import("~/routes/_app.admin.outbox");
    const { rounds, users, loop } = await panelScenario();
    await schedulerTick("server-a");
    const page = await run(
      loopRoute.loader,
      request(`/loops/${loop.id}`, { cookie: await cookieFor(users.recruiter.id) }),
      { loopId: loop.id },
    );
    const round = (page.data as { loop: { rounds: { id: string; reminders: { kind: string }[] }[] } }).loop.rounds.find(
      (item) => item.id === rounds.aliceProduct.id,
    )!;
    expect(round.reminders.map((reminder) => reminder.kind)).toEqual(["feedback_overdue", "feedback_overdue"]);
    const outbox = await run(outboxRoute.loader, request("/admin/outbox", { cookie: await cookieFor(users.admin.id) }));
    expect(JSON.stringify(outbox.data)).toContain("Feedback overdue: Product sense with Casey Candidate");
    expect(
      (await run(outboxRoute.loader, request("/admin/outbox", { cookie: await cookieFor(users.recruiter.id) }))).status,
    ).toBe(403);
  });
});
