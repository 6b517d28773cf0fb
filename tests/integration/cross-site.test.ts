import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories";
import { cookieFor, prisma, request, run } from "../support/remix";

// Every route module that exports an action must refuse a cross-site POST,
// even from a signed-in admin, before it changes anything.
const routesDir = path.resolve("app/routes");
const routeFiles = fs.readdirSync(routesDir).filter((file) => /\.tsx?$/.test(file));

describe("cross-site request forgery", () => {
  it("finds the route modules with actions", async () => {
    const withActions = [];
    for (const file of routeFiles) if ("action" in (await import(path.join(routesDir, file)))) withActions.push(file);
    expect(withActions.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of routeFiles) {
    it(`${file}: refuses a POST from another site`, async () => {
      const route = (await import(path.join(routesDir, file))) as { action?: unknown };
      if (!route.action) return;
      const admin = await createUser(prisma, { role: "admin" });
      const before = await prisma.auditEvent.count();
      for (const origin of ["https://evil.example", null]) {
        const outcome = await run(
          route.action,
          request("/anything", { cookie: await cookieFor(admin.id), form: { intent: "create" }, origin }),
          { loopId: "x", roundId: "x", userId: "x" },
        );
        expect(outcome.status).toBe(403);
      }
      expect(await prisma.auditEvent.count()).toBe(before);
    });
  }
});
