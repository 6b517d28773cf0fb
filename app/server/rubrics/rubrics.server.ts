import { suggestedSecondaryDimensions } from "~/domain/rubric-suggestions";
import type { Prisma } from "~/generated/prisma/client";
import type { DimensionInput } from "~/schemas/rubric";
import { recordAudit } from "../audit.server";
import { isUniqueViolation, prisma } from "../db.server";
import { ServiceError } from "../service-error.server";
import { dimensionDetailSelect } from "./dimension-select.server";

type Tx = Prisma.TransactionClient;

/** The version new loops use: the highest published one. */
export async function currentRubricVersion(db: Pick<typeof prisma, "rubricVersion"> = prisma) {
  return db.rubricVersion.findFirst({
    where: { status: "published" },
    orderBy: { version: "desc" },
    select: { id: true, version: true },
  });
}

export function listRubricVersions() {
  return prisma.rubricVersion.findMany({
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      name: true,
      status: true,
      publishedAt: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      _count: { select: { dimensions: true, loops: true, feedback: true } },
    },
  });
}

export async function getRubricVersion(id: string) {
  const rubric = await prisma.rubricVersion.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      name: true,
      notes: true,
      status: true,
      publishedAt: true,
      dimensions: {
        orderBy: { position: "asc" },
        select: dimensionDetailSelect,
      },
      flags: {
        orderBy: { position: "asc" },
        select: { key: true, label: true, polarity: true, dimension: { select: { name: true } } },
      },
    },
  });
  if (!rubric) throw new ServiceError(404, "There is no such rubric version.");
  return rubric;
}

async function editableDraft(tx: Tx, id: string) {
  const rubric = await tx.rubricVersion.findUnique({ where: { id }, select: { id: true, status: true } });
  if (!rubric) throw new ServiceError(404, "There is no such rubric version.");
  // Published versions are immutable: feedback was written against them.
  if (rubric.status !== "draft")
    throw new ServiceError(409, "This version is published and can no longer change. Create a new version instead.");
  return rubric;
}

/** Starts a new draft version as a copy of the newest version (dimensions, anchors, flags). */
export async function createDraftVersion(actorId: string) {
  return prisma.$transaction(async (tx) => {
    const existingDraft = await tx.rubricVersion.findFirst({ where: { status: "draft" }, select: { id: true } });
    if (existingDraft) return existingDraft;
    const latest = await tx.rubricVersion.findFirst({
      orderBy: { version: "desc" },
      select: {
        version: true,
        name: true,
        notes: true,
        dimensions: { orderBy: { position: "asc" } },
        flags: { orderBy: { position: "asc" }, include: { dimension: { select: { key: true } } } },
      },
    });
    const draft = await tx.rubricVersion.create({
      data: {
        version: (latest?.version ?? 0) + 1,
        name: latest?.name ?? "Engineer-to-PM rubric",
        notes: latest?.notes ?? "",
        status: "draft",
        createdById: actorId,
        dimensions: {
          create: (latest?.dimensions ?? []).map(({ id: _id, rubricVersionId: _rubric, ...dimension }) => dimension),
        },
      },
      select: { id: true, dimensions: { select: { id: true, key: true } } },
    });
    const ids = new Map(draft.dimensions.map((dimension) => [dimension.key, dimension.id]));
    if (latest?.flags.length) {
      await tx.flagDefinition.createMany({
        data: latest.flags.map((flag) => ({
          rubricVersionId: draft.id,
          dimensionId: ids.get(flag.dimension.key)!,
          key: flag.key,
          label: flag.label,
          polarity: flag.polarity,
          position: flag.position,
        })),
      });
    }
    await recordAudit(
      {
        actorId,
        action: "rubric.draft_created",
        entityType: "RubricVersion",
        entityId: draft.id,
        data: { copiedFrom: latest?.version ?? null },
      },
      tx,
    );
    return { id: draft.id };
  });
}

export async function updateRubricDetails(actorId: string, id: string, input: { name: string; notes: string }) {
  await prisma.$transaction(async (tx) => {
    await editableDraft(tx, id);
    await tx.rubricVersion.update({ where: { id }, data: input });
    await recordAudit(
      { actorId, action: "rubric.details_changed", entityType: "RubricVersion", entityId: id, data: input },
      tx,
    );
  });
}

export async function saveDimension(
  actorId: string,
  rubricId: string,
  dimensionId: string | null,
  input: DimensionInput,
) {
  try {
    return await prisma.$transaction(async (tx) => {
      await editableDraft(tx, rubricId);
      if (dimensionId) {
        const updated = await tx.dimension.updateMany({
          where: { id: dimensionId, rubricVersionId: rubricId },
          data: input,
        });
        if (updated.count === 0) throw new ServiceError(404, "That dimension is not part of this version.");
        await recordAudit(
          {
            actorId,
            action: "rubric.dimension_changed",
            entityType: "RubricVersion",
            entityId: rubricId,
            data: { key: input.key },
          },
          tx,
        );
        return { id: dimensionId };
      }
      const position = (await tx.dimension.count({ where: { rubricVersionId: rubricId } })) + 0;
      const core = false; // dimensions added by admins are secondary; the core four come from version 1
      const created = await tx.dimension.create({
        data: { ...input, rubricVersionId: rubricId, position, core },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId,
          action: "rubric.dimension_added",
          entityType: "RubricVersion",
          entityId: rubricId,
          data: { key: input.key },
        },
        tx,
      );
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ServiceError(409, "Another dimension in this version already uses that key.", { field: "key" });
    throw error;
  }
}

export async function moveDimension(actorId: string, rubricId: string, dimensionId: string, direction: "up" | "down") {
  await prisma.$transaction(async (tx) => {
    await editableDraft(tx, rubricId);
    const dimensions = await tx.dimension.findMany({
      where: { rubricVersionId: rubricId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    const index = dimensions.findIndex((dimension) => dimension.id === dimensionId);
    if (index === -1) throw new ServiceError(404, "That dimension is not part of this version.");
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= dimensions.length) return;
    [dimensions[index], dimensions[target]] = [dimensions[target]!, dimensions[index]!];
    for (const [position, dimension] of dimensions.entries())
      await tx.dimension.update({ where: { id: dimension.id }, data: { position } });
    await recordAudit(
      {
        actorId,
        action: "rubric.dimension_moved",
        entityType: "RubricVersion",
        entityId: rubricId,
        data: { dimensionId, direction },
      },
      tx,
    );
  });
}

export async function removeDimension(actorId: string, rubricId: string, dimensionId: string) {
  await prisma.$transaction(async (tx) => {
    await editableDraft(tx, rubricId);
    const count = await tx.dimension.count({ where: { rubricVersionId: rubricId } });
    if (count <= 1) throw new ServiceError(409, "A rubric needs at least one dimension.");
    const removed = await tx.dimension.deleteMany({ where: { id: dimensionId, rubricVersionId: rubricId } });
    if (removed.count === 0) throw new ServiceError(404, "That dimension is not part of this version.");
    const rest = await tx.dimension.findMany({
      where: { rubricVersionId: rubricId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    for (const [position, dimension] of rest.entries())
      await tx.dimension.update({ where: { id: dimension.id }, data: { position } });
    await recordAudit(
      {
        actorId,
        action: "rubric.dimension_removed",
        entityType: "RubricVersion",
        entityId: rubricId,
        data: { dimensionId },
      },
      tx,
    );
  });
}

export async function publishVersion(actorId: string, rubricId: string, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    await editableDraft(tx, rubricId);
    if ((await tx.dimension.count({ where: { rubricVersionId: rubricId } })) === 0)
      throw new ServiceError(409, "Add at least one dimension before publishing.");
    await tx.rubricVersion.update({ where: { id: rubricId }, data: { status: "published", publishedAt: now } });
    await recordAudit({ actorId, action: "rubric.published", entityType: "RubricVersion", entityId: rubricId }, tx);
  });
}

export function suggestionFor(key: string | null): DimensionInput | null {
  const suggestion = suggestedSecondaryDimensions.find((dimension) => dimension.key === key);
  if (!suggestion) return null;
  const [anchor1, anchor2, anchor3, anchor4] = suggestion.anchors;
  return {
    key: suggestion.key,
    name: suggestion.name,
    definition: suggestion.definition,
    lowLabel: suggestion.lowLabel,
    highLabel: suggestion.highLabel,
    anchor1,
    anchor2,
    anchor3,
    anchor4,
  };
}
