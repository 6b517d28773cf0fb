import { describe, expect, it } from "vitest";
import * as rubricsRoute from "~/routes/_app.admin.rubrics._index";
import * as rubricRoute from "~/routes/_app.admin.rubrics.$rubricId._index";
import * as dimensionRoute from "~/routes/_app.admin.rubrics.$rubricId.dimensions.$dimensionId";
import * as kitRoute from "~/routes/_app.admin.kits.$type";
import { database } from "~/server/db.server";
import { currentRubricVersion } from "~/server/rubrics/rubrics.server";
import { createDefaultRubric, createRoundKits, createUser } from "../../prisma/factories";
import { cookieFor, prisma, request, run } from "../support/remix";

async function adminCookie() {
  const admin = await createUser(prisma, { role: "admin" });
  return { admin, cookie: await cookieFor(admin.id) };
}

const newDimension = {
  key: "data_literacy",
  name: "Data literacy",
  definition: "Reasons from data to a decision, including broken data.",
  lowLabel: "Ignores data",
  highLabel: "Decides from data",
  anchor1: "Ignores the numbers offered.",
  anchor2: "Quotes numbers without interpreting them.",
  anchor3: "Interprets the data and names its gaps.",
  anchor4: "Bounds the unknowns and makes the call, saying what data would change it.",
};

describe("rubric versions", () => {
  it("copies the current version into a draft, edits, reorders, adds a secondary dimension and publishes", async () => {
    const v1 = await createDefaultRubric(prisma);
    const { cookie } = await adminCookie();
    const created = await run(
      rubricsRoute.action,
      request("/admin/rubrics", { cookie, form: { intent: "new_draft" } }),
    );
    expect(created.status).toBe(302);
    const draftId = created.headers.get("Location")!.split("/").pop()!;
    const draft = await prisma.rubricVersion.findUniqueOrThrow({
      where: { id: draftId },
      select: {
        version: true,
        status: true,
        dimensions: { orderBy: { position: "asc" }, select: { id: true, key: true } },
        _count: { select: { flags: true } },
      },
    });
    expect(draft.version).toBe(2);
    expect(draft.status).toBe("draft");
    expect(draft.dimensions.map((dimension) => dimension.key)).toEqual([
      "product_altitude",
      "tradeoff_ranking",
      "ownership",
      "engineering_bias",
    ]);
    expect(draft._count.flags).toBe(8);

    // Bad input is explained next to the field and nothing is written.
    const bad = await run(
      dimensionRoute.action,
      request(`/admin/rubrics/${draftId}/dimensions/new`, {
        cookie,
        form: { ...newDimension, key: "Data Literacy!", anchor3: "" },
      }),
      { rubricId: draftId, dimensionId: "new" },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).toContain("Use 2-41 lower-case letters");
    expect(JSON.stringify(bad.data)).toContain("Enter what a 3 sounds like");

    const duplicate = await run(
      dimensionRoute.action,
      request(`/admin/rubrics/${draftId}/dimensions/new`, { cookie, form: { ...newDimension, key: "ownership" } }),
      { rubricId: draftId, dimensionId: "new" },
    );
    expect(duplicate.status).toBe(409);
    expect(JSON.stringify(duplicate.data)).toContain("already uses that key");

    const added = await run(
      dimensionRoute.action,
      request(`/admin/rubrics/${draftId}/dimensions/new`, { cookie, form: newDimension }),
      { rubricId: draftId, dimensionId: "new" },
    );
    expect(added.status).toBe(302);
    const ownership = draft.dimensions.find((dimension) => dimension.key === "ownership")!;
    expect(
      (
        await run(
          rubricRoute.action,
          request(`/admin/rubrics/${draftId}`, { cookie, form: { intent: "move-up", dimensionId: ownership.id } }),
          { rubricId: draftId },
        )
      ).status,
    ).toBe(200);
    const edited = await run(
      dimensionRoute.action,
      request(`/admin/rubrics/${draftId}/dimensions/${ownership.id}`, {
        cookie,
        form: { ...newDimension, key: "ownership", name: "Ownership and decisions" },
      }),
      { rubricId: draftId, dimensionId: ownership.id },
    );
    expect(edited.status).toBe(302);

    const published = await run(
      rubricRoute.action,
      request(`/admin/rubrics/${draftId}`, { cookie, form: { intent: "publish" } }),
      { rubricId: draftId },
    );
    expect(published.status).toBe(200);
    const v2 = await prisma.rubricVersion.findUniqueOrThrow({
      where: { id: draftId },
      select: {
        status: true,
        dimensions: { orderBy: { position: "asc" }, select: { key: true, name: true, core: true } },
      },
    });
    expect(v2.status).toBe("published");
    expect(v2.dimensions.map((dimension) => dimension.key)).toEqual([
      "product_altitude",
      "ownership",
      "tradeoff_ranking",
      "engineering_bias",
      "data_literacy",
    ]);
    expect(v2.dimensions[1]!.name).toBe("Ownership and decisions");
    expect(v2.dimensions[4]!.core).toBe(false);
    expect((await currentRubricVersion())!.id).toBe(draftId);

    // Version 1 is untouched.
    const original = await prisma.dimension.findFirstOrThrow({ where: { rubricVersionId: v1.id, key: "ownership" } });
    expect(original.name).toBe("Ownership");
    expect(
      await prisma.auditEvent.count({ where: { entityId: draftId, action: { startsWith: "rubric." } } }),
    ).toBeGreaterThanOrEqual(5);
  });

  it("refuses to change a published version, in the app and in the database", async () => {
    const v1 = await createDefaultRubric(prisma);
    const { cookie } = await adminCookie();
    const dimension = await prisma.dimension.findFirstOrThrow({ where: { rubricVersionId: v1.id } });
    const outcome = await run(
      rubricRoute.action,
      request(`/admin/rubrics/${v1.id}`, { cookie, form: { intent: "remove", dimensionId: dimension.id } }),
      { rubricId: v1.id },
    );
    expect(outcome.status).toBe(409);
    expect(JSON.stringify(outcome.data)).toContain("published and can no longer change");
    const editPage = await run(
      dimensionRoute.loader,
      request(`/admin/rubrics/${v1.id}/dimensions/${dimension.id}`, { cookie }),
      { rubricId: v1.id, dimensionId: dimension.id },
    );
    expect(editPage.status).toBe(409);
    await expect(
      database.withSql((sql) =>
        sql.query(`UPDATE "Dimension" SET "name" = 'rewritten' WHERE "id" = $1`, [dimension.id]),
      ),
    ).rejects.toThrow(/published/);
    await expect(
      database.withSql((sql) => sql.query(`UPDATE "RubricVersion" SET "name" = 'rewritten' WHERE "id" = $1`, [v1.id])),
    ).rejects.toThrow(/published/);
    expect((await prisma.dimension.findUniqueOrThrow({ where: { id: dimension.id } })).name).toBe(dimension.name);
  });

  it("lets only admins manage rubrics and kits", async () => {
    await createDefaultRubric(prisma);
    for (const role of ["hiring_manager", "recruiter", "interviewer"] as const) {
      const user = await createUser(prisma, { role });
      const cookie = await cookieFor(user.id);
      expect((await run(rubricsRoute.loader, request("/admin/rubrics", { cookie }))).status).toBe(403);
      expect((await run(rubricsRoute.action, request("/admin/rubrics", { cookie, form: {} }))).status).toBe(403);
      expect(
        (
          await run(kitRoute.action, request("/admin/kits/behavioral", { cookie, form: { name: "x" } }), {
            type: "behavioral",
          })
        ).status,
      ).toBe(403);
    }
  });
});

describe("interview kits", () => {
  it("an admin edits a kit; lines become lists; bad input is explained", async () => {
    await createDefaultRubric(prisma);
    await createRoundKits(prisma);
    const { cookie } = await adminCookie();
    const bad = await run(
      kitRoute.action,
      request("/admin/kits/behavioral", { cookie, form: { name: "Behavioral", purpose: "", defaultMinutes: "5" } }),
      { type: "behavioral" },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).toContain("At least 10 minutes");
    const saved = await run(
      kitRoute.action,
      request("/admin/kits/behavioral", {
        cookie,
        form: {
          name: "Behavioral (STAR)",
          purpose: "Influence without authority.",
          defaultMinutes: "50",
          focusDimensionKeys: ["ownership"],
          questions: "First?\n\n  Second?  ",
          listenFor: "Decision rights",
        },
      }),
      { type: "behavioral" },
    );
    expect(saved.status).toBe(302);
    const kit = await prisma.roundKit.findUniqueOrThrow({ where: { type: "behavioral" } });
    expect(kit).toMatchObject({
      name: "Behavioral (STAR)",
      defaultMinutes: 50,
      questions: ["First?", "Second?"],
      listenFor: ["Decision rights"],
      focusDimensionKeys: ["ownership"],
    });
    expect((await run(kitRoute.loader, request("/admin/kits/nonsense", { cookie }), { type: "nonsense" })).status).toBe(
      404,
    );
  });
});
