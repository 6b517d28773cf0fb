import { describe, expect, it } from "vitest";
import * as loginRoute from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import * as appLayout from "~/routes/_app";
import * as loopsRoute from "~/routes/_app.loops._index";
import * as pipelineRoute from "~/routes/_app.pipeline._index";
import * as usersRoute from "~/routes/_app.admin.users._index";
import * as userSessionsRoute from "~/routes/admin.users.$userId.sessions";
import * as roundsRoute from "~/routes/_app.rounds._index";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories";
import { cookieFor, prisma, request, run } from "../support/remix";

const login = (email: string, password: string, extra: Record<string, string> = {}, clientIp = "203.0.113.7") =>
  run(loginRoute.action, request("/login", { form: { email, password, ...extra } }), {}, { clientIp });

describe("signing in", () => {
  it("accepts the right password, sets an HttpOnly SameSite=Lax session cookie and lands on the role's home", async () => {
    const user = await createUser(prisma, { role: "hiring_manager" });
    const outcome = await login(user.email.toUpperCase(), DEMO_PASSWORD);
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe("/loops");
    const cookie = outcome.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^calibrate_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("returns to the page the user asked for, but never to another site", async () => {
    const user = await createUser(prisma, { role: "interviewer" });
    const back = await login(user.email, DEMO_PASSWORD, { redirectTo: "/rounds?tab=1" });
    expect(back.headers.get("Location")).toBe("/rounds?tab=1");
    const evil = await login(user.email, DEMO_PASSWORD, { redirectTo: "//evil.example/phish" });
    expect(evil.headers.get("Location")).toBe("/rounds");
  });

  it("rejects a wrong password with a message and no session", async () => {
    const user = await createUser(prisma, { role: "recruiter" });
    const outcome = await login(user.email, "wrong-password-123");
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.data)).toContain("do not match an active account");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("explains a malformed email next to the field", async () => {
    const outcome = await login("not-an-email", "whatever");
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.data)).toContain("Enter a valid email address");
  });

  it("makes one address wait after three wrong passwords for an account, and says how long", async () => {
    const user = await createUser(prisma, { role: "interviewer" });
    const ip = "192.0.2.41";
    for (let i = 0; i < 4; i++) expect((await login(user.email, "wrong-password-123", {}, ip)).status).toBe(400);
    const outcome = await login(user.email, DEMO_PASSWORD, {}, ip);
    expect(outcome.status).toBe(429);
    expect(outcome.headers.get("Retry-After")).toBe("1");
    expect(JSON.stringify(outcome.data)).toMatch(/Too many failed sign-ins from here\. Wait 1 second and try again/);
  });

  it("never locks the owner out: wrong passwords from one address leave another address able to sign in", async () => {
    const user = await createUser(prisma, { role: "recruiter" });
    const attacker = { clientIp: "198.51.100.66" };
    const from = (context: { clientIp: string }, password: string) =>
      run(loginRoute.action, request("/login", { form: { email: user.email, password } }), {}, context);
    for (let i = 0; i < 4; i++) expect((await from(attacker, "wrong-password-123")).status).toBe(400);
    expect((await from(attacker, DEMO_PASSWORD)).status).toBe(429);
    const owner = await from({ clientIp: "192.0.2.10" }, DEMO_PASSWORD);
    expect(owner.status).toBe(302);
    expect(owner.headers.get("Set-Cookie")).toMatch(/^calibrate_session=/);
  });

  it("counts parallel guesses one by one: 25 at once get no more than the free attempts and the first delayed one", async () => {
    const user = await createUser(prisma, { role: "interviewer" });
    const outcomes = await Promise.all(Array.from({ length: 25 }, () => login(user.email, "wrong-password-123")));
    const statuses = outcomes.map((outcome) => outcome.status);
    expect(statuses.filter((status) => status === 400)).toHaveLength(4);
    expect(statuses.filter((status) => status === 429)).toHaveLength(21);
  });

  it("slows an address spraying many accounts, without touching other addresses", async () => {
    const sprayer = { clientIp: "198.51.100.99" };
    const emails = Array.from({ length: 22 }, (_, i) => `nobody${i}@example.com`);
    const statuses = [];
    for (const email of emails) {
      statuses.push(
        (await run(loginRoute.action, request("/login", { form: { email, password: "guess-123456" } }), {}, sprayer))
          .status,
      );
    }
    expect(statuses.slice(0, 21).every((status) => status === 400)).toBe(true);
    expect(statuses[21]).toBe(429);
    const user = await createUser(prisma, { role: "interviewer" });
    expect((await login(user.email, DEMO_PASSWORD)).status).toBe(302);
  });

  it("forgets a person's typos once they sign in", async () => {
    const user = await createUser(prisma, { role: "interviewer" });
    for (let i = 0; i < 3; i++) await login(user.email, "wrong-password-123");
    expect((await login(user.email, DEMO_PASSWORD)).status).toBe(302);
    for (let i = 0; i < 3; i++) expect((await login(user.email, "wrong-password-123")).status).toBe(400);
    expect((await login(user.email, DEMO_PASSWORD)).status).toBe(302);
  });

  it("refuses a deactivated account", async () => {
    const user = await createUser(prisma, { role: "interviewer", active: false });
    expect((await login(user.email, DEMO_PASSWORD)).status).toBe(400);
  });

  it("refuses a cross-site sign-in attempt", async () => {
    const user = await createUser(prisma, { role: "interviewer" });
    const outcome = await run(
      loginRoute.action,
      request("/login", { form: { email: user.email, password: DEMO_PASSWORD }, origin: "https://evil.example" }),
    );
    expect(outcome.status).toBe(403);
  });

  it("signs out: the session row is gone and the cookie cleared", async () => {
    const user = await createUser(prisma, { role: "interviewer" });
    const cookie = await cookieFor(user.id);
    const outcome = await run(logoutRoute.action, request("/logout", { method: "POST", cookie }));
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("guards", () => {
  it("sends an anonymous visitor to the login page with the way back", async () => {
    const outcome = await run(loopsRoute.loader, request("/loops?page=2"));
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe("/login?redirectTo=%2Floops%3Fpage%3D2");
  });

  it("ignores a forged session cookie", async () => {
    const outcome = await run(appLayout.loader, request("/rounds", { cookie: "calibrate_session=forged" }));
    expect(outcome.status).toBe(302);
  });

  const pages = [
    { name: "my loops", route: loopsRoute, path: "/loops", allowed: ["hiring_manager", "admin"] },
    { name: "pipeline", route: pipelineRoute, path: "/pipeline", allowed: ["recruiter", "admin"] },
    { name: "people", route: usersRoute, path: "/admin/users", allowed: ["admin"] },
    {
      name: "my rounds",
      route: roundsRoute,
      path: "/rounds",
      allowed: ["admin", "recruiter", "hiring_manager", "interviewer"],
    },
  ] as const;
  for (const page of pages) {
    it(`lets only ${page.allowed.join(", ")} open ${page.name}`, async () => {
      for (const role of ["admin", "recruiter", "hiring_manager", "interviewer"] as const) {
        const user = await createUser(prisma, { role });
        const outcome = await run(page.route.loader, request(page.path, { cookie: await cookieFor(user.id) }));
        expect({ role, status: outcome.status }).toEqual({
          role,
          status: (page.allowed as readonly string[]).includes(role) ? 200 : 403,
        });
      }
    });
  }

  it("ends a user's sessions the moment they are deactivated", async () => {
    const admin = await createUser(prisma, { role: "admin" });
    const user = await createUser(prisma, { role: "interviewer" });
    const userCookie = await cookieFor(user.id);
    expect((await run(roundsRoute.loader, request("/rounds", { cookie: userCookie }))).status).toBe(200);
    const deactivate = await run(
      usersRoute.action,
      request("/admin/users", { cookie: await cookieFor(admin.id), form: { intent: "deactivate", userId: user.id } }),
    );
    expect(deactivate.status).toBe(200);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await run(roundsRoute.loader, request("/rounds", { cookie: userCookie }))).status).toBe(302);
  });
});

describe("session cookie", () => {
  it("is Secure when the request came over HTTPS, and not over plain HTTP (where the browser would drop it)", async () => {
    const { createSession } = await import("~/server/auth/session.server");
    const user = await createUser(prisma, { role: "interviewer" });
    expect(await createSession(user.id, new Request("https://calibrate.example.com/login"))).toMatch(/; Secure/);
    expect(await createSession(user.id, new Request("http://localhost:3000/login"))).not.toMatch(/Secure/);
  });
});

describe("session lookups", () => {
  it("validate a request's session once, however many loaders ask, through the request's load context", async () => {
    const { getSession } = await import("~/server/auth/session.server");
    const { database } = await import("~/server/db.server");
    const user = await createUser(prisma, { role: "interviewer" });
    const cookie = await cookieFor(user.id);
    // Remix hands each loader of one request its own Request object but the same load context.
    const context: NonNullable<Parameters<typeof getSession>[1]> = {};
    const before = database.queryCount();
    const [first, second] = await Promise.all([
      getSession(request("/rounds", { cookie }), context),
      getSession(request("/rounds", { cookie }), context),
    ]);
    const afterOneRequest = database.queryCount();
    // The next HTTP request has a new context, so it looks the session up again.
    const third = await getSession(request("/rounds", { cookie }), {});
    expect(first.user?.id).toBe(user.id);
    expect(second).toBe(first);
    expect(third.user?.id).toBe(user.id);
    expect(afterOneRequest - before).toBeGreaterThan(0);
    expect(database.queryCount() - afterOneRequest).toBe(afterOneRequest - before);
  });
});

describe("sessions at rest", () => {
  it("are stored as a hash: the cookie's token is nowhere in the database", async () => {
    const user = await createUser(prisma, { role: "interviewer" });
    const token = (await cookieFor(user.id)).split("=")[1]!;
    const [row] = await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(row!.id).not.toBe(token);
    expect(row!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await prisma.session.count({ where: { id: token } })).toBe(0);
  });

  it("end 30 days after sign-in, however recently they were used", async () => {
    const user = await createUser(prisma, { role: "interviewer" });
    const cookie = await cookieFor(user.id);
    const day = 86_400_000;
    await prisma.session.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - 31 * day), expiresAt: new Date(Date.now() + 13 * day) },
    });
    const outcome = await run(roundsRoute.loader, request("/rounds", { cookie }));
    expect(outcome.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("signing out everywhere", () => {
  it("ends every session of the person who asks, in every browser", async () => {
    const user = await createUser(prisma, { role: "interviewer" });
    const [laptop, phone] = [await cookieFor(user.id), await cookieFor(user.id)];
    const outcome = await run(logoutRoute.action, request("/logout", { cookie: phone, form: { scope: "everywhere" } }));
    expect(outcome.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await run(roundsRoute.loader, request("/rounds", { cookie: laptop }))).status).toBe(302);
  });

  it("lets an admin end someone's sessions, audited, and nobody else", async () => {
    const admin = await createUser(prisma, { role: "admin" });
    const user = await createUser(prisma, { role: "hiring_manager", name: "Pat Lost-Laptop" });
    await cookieFor(user.id);
    await cookieFor(user.id);
    const asAdmin = await run(
      userSessionsRoute.action,
      request(`/admin/users/${user.id}/sessions`, {
        cookie: await cookieFor(admin.id),
        form: { intent: "sign-out-everywhere" },
      }),
      { userId: user.id },
    );
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.data).toEqual({ ok: true, message: "Pat Lost-Laptop is signed out of 2 sessions." });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await prisma.auditEvent.count({
        where: { action: "user.signed_out_everywhere", entityId: user.id, actorId: admin.id },
      }),
    ).toBe(1);

    await cookieFor(user.id);
    const other = await createUser(prisma, { role: "recruiter" });
    const refused = await run(
      userSessionsRoute.action,
      request(`/admin/users/${user.id}/sessions`, {
        cookie: await cookieFor(other.id),
        form: { intent: "sign-out-everywhere" },
      }),
      { userId: user.id },
    );
    expect(refused.status).toBe(403);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const unknown = await run(
      userSessionsRoute.action,
      request("/admin/users/nobody/sessions", {
        cookie: await cookieFor(admin.id),
        form: { intent: "sign-out-everywhere" },
      }),
      { userId: "nobody" },
    );
    expect(unknown.status).toBe(404);
  });
});
