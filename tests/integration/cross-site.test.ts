import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories";
import { cookieFor, prisma, request, run } from "../support/remix";

// Every route module that exports an action must refuse a cross-site POST,
// even from a signed-in admin, before it changes anything.
const routesDir = path.resolve("app/routes");
const routeFiles = fs.readdirSync(routesDir).filter((file) => /\.tsx?$/.test(file));
const withActions: string[] = [];
for (const file of routeFiles) if ("action" in (await import(path.join(routesDir, file)))) withActions.push(file);

describe("cross-site request forgery", () => {
  it("finds the route modules with actions", () => {
    // Feedback, autosave, decisions, loops, candidates, people, rubrics, kits, stages, sign-in and out at least.
    expect(withActions.length).toBeGreaterThanOrEqual(13);
  });

  for (const file of withActions) {
    it(`${file}: refuses a POST from another site, or with no Origin, and changes nothing`, async () => {
      const route = (await import(path.join(routesDir, file))) as { action: unknown };
      const admin = await createUser(prisma, { role: "admin" });
      const cookie = await cookieFor(admin.id);
      const before = await Promise.all([prisma.auditEvent.count(), prisma.session.count(), prisma.feedback.count()]);
      for (const origin of ["https://evil.example", null]) {
        const outcome = await run(
          route.action,
          request("/anything", { cookie, form: { intent: "create", version: "0", summary: "x" }, origin }),
          { loopId: "x", roundId: "x", userId: "x", rubricId: "x", dimensionId: "x", type: "behavioral" },
        );
        expect(outcome.status, `Origin ${origin}`).toBe(403);
      }
      expect(await Promise.all([prisma.auditEvent.count(), prisma.session.count(), prisma.feedback.count()])).toEqual(
        before,
      );
    });
  }
});
