import { describe, expect, it } from "vitest";
import * as usersRoute from "~/routes/_app.admin.users._index";
import { createUser } from "../../prisma/factories";
import { cookieFor, prisma, request, run } from "../support/remix";

async function asAdmin() {
  const admin = await createUser(prisma, { role: "admin" });
  return { admin, cookie: await cookieFor(admin.id) };
}

describe("people admin", () => {
  it("adds a person with a hashed password and records it in the audit log", async () => {
    const { admin, cookie } = await asAdmin();
    const outcome = await run(
      usersRoute.action,
      request("/admin/users", {
        cookie,
        form: {
          intent: "create",
          name: "Ada New",
          email: "Ada.New@Example.com",
          role: "interviewer",
          password: "a-long-enough-password",
        },
      }),
    );
    expect(outcome.status).toBe(200);
    const created = await prisma.user.findUniqueOrThrow({
      where: { email: "ada.new@example.com" },
      select: { id: true, role: true, password: { select: { hash: true } } },
    });
    expect(created.role).toBe("interviewer");
    expect(created.password?.hash).toMatch(/^\$argon2id\$/);
    expect(
      await prisma.auditEvent.count({ where: { action: "user.created", entityId: created.id, actorId: admin.id } }),
    ).toBe(1);
  });

  it("keeps the form's fields and explains each problem when input is bad; nothing is written", async () => {
    const { cookie } = await asAdmin();
    const before = await prisma.user.count();
    const outcome = await run(
      usersRoute.action,
      request("/admin/users", {
        cookie,
        form: { intent: "create", name: "Short Pw", email: "short@example.com", role: "pilot", password: "short" },
      }),
    );
    expect(outcome.status).toBe(400);
    const reply = JSON.stringify(outcome.data);
    expect(reply).toContain("Use at least 12 characters");
    expect(reply).toContain("Choose a role");
    expect(reply).toContain("short@example.com");
    expect(await prisma.user.count()).toBe(before);
  });

  it("reports a duplicate email on the email field", async () => {
    const { cookie } = await asAdmin();
    const existing = await createUser(prisma, { role: "recruiter" });
    const outcome = await run(
      usersRoute.action,
      request("/admin/users", {
        cookie,
        form: {
          intent: "create",
          name: "Dup",
          email: existing.email,
          role: "interviewer",
          password: "a-long-enough-password",
        },
      }),
    );
    expect(outcome.status).toBe(409);
    expect(JSON.stringify(outcome.data)).toContain("already has an account with this email");
  });

  it("changes a role with an audit entry, and never removes the last active admin", async () => {
    const { admin, cookie } = await asAdmin();
    await prisma.user.updateMany({ where: { role: "admin", id: { not: admin.id } }, data: { active: false } });
    const user = await createUser(prisma, { role: "interviewer" });
    const changed = await run(
      usersRoute.action,
      request("/admin/users", { cookie, form: { intent: "change-role", userId: user.id, role: "hiring_manager" } }),
    );
    expect(changed.status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("hiring_manager");
    expect(await prisma.auditEvent.count({ where: { action: "user.role_changed", entityId: user.id } })).toBe(1);

    const demote = await run(
      usersRoute.action,
      request("/admin/users", { cookie, form: { intent: "change-role", userId: admin.id, role: "recruiter" } }),
    );
    expect(demote.status).toBe(409);
    expect(JSON.stringify(demote.data)).toContain("at least one active admin");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("does not let an admin deactivate themselves", async () => {
    const { admin, cookie } = await asAdmin();
    const outcome = await run(
      usersRoute.action,
      request("/admin/users", { cookie, form: { intent: "deactivate", userId: admin.id } }),
    );
    expect(outcome.status).toBe(409);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it("never sends password hashes to the page", async () => {
    const { cookie } = await asAdmin();
    const outcome = await run(usersRoute.loader, request("/admin/users", { cookie }));
    expect(JSON.stringify(outcome.data)).not.toMatch(/argon2|hash/i);
  });
});

describe("grants", () => {
  it("an admin makes a hiring manager a committee member, who then reads a loop they neither manage nor sit on", async () => {
    const { panelScenario } = await import("../support/scenario");
    const debriefRoute = await import("~/routes/_app.loops.$loopId.debrief");
    const { users, loop } = await panelScenario();
    const manager = await createUser(prisma, { role: "hiring_manager" });
    const debrief = async () =>
      (
        await run(debriefRoute.loader, request(`/loops/${loop.id}/debrief`, { cookie: await cookieFor(manager.id) }), {
          loopId: loop.id,
        })
      ).status;
    expect(await debrief()).toBe(404);

    const adminCookie = await cookieFor(users.admin.id);
    const grant = await run(
      usersRoute.action,
      request("/admin/users", {
        cookie: adminCookie,
        form: { intent: "change-grants", userId: manager.id, committeeMember: "on" },
      }),
    );
    expect(grant.status).toBe(200);
    expect(await debrief()).toBe(200);
    expect(await prisma.auditEvent.count({ where: { action: "user.grants_changed", entityId: manager.id } })).toBe(1);

    // Grants are for hiring managers; an interviewer is refused and nothing changes.
    const refused = await run(
      usersRoute.action,
      request("/admin/users", {
        cookie: adminCookie,
        form: { intent: "change-grants", userId: users.alice.id, committeeMember: "on" },
      }),
    );
    expect(refused.status).toBe(409);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: users.alice.id } })).committeeMember).toBe(false);

    // Unticking takes the grant away again.
    await run(
      usersRoute.action,
      request("/admin/users", { cookie: adminCookie, form: { intent: "change-grants", userId: manager.id } }),
    );
    expect(await debrief()).toBe(404);
  });
});
