import type { RoundType } from "~/generated/prisma/enums";
import { recordAudit } from "../audit.server";
import { prisma } from "../db.server";
import { currentRubricVersion } from "./rubrics.server";
import { roundTypeLabels, roundTypes } from "~/domain/vocabulary";

/** What the kit editor starts from for a round type without a kit (every type gets one by migration). */
function blankKit(type: RoundType) {
  return {
    type,
    name: roundTypeLabels[type],
    purpose: "",
    defaultMinutes: 45,
    focusDimensionKeys: [] as string[],
    questions: [] as string[],
    listenFor: [] as string[],
  };
}

export function isRoundType(value: string): value is RoundType {
  return (roundTypes as string[]).includes(value);
}

export async function listRoundKits() {
  const stored = await prisma.roundKit.findMany({
    select: { type: true, name: true, purpose: true, defaultMinutes: true, focusDimensionKeys: true, updatedAt: true },
  });
  return roundTypes.map((type) => {
    const kit = stored.find((item) => item.type === type);
    return kit ? { ...kit, updatedAt: kit.updatedAt.toISOString() } : { ...blankKit(type), updatedAt: null };
  });
}

export async function getRoundKit(type: RoundType) {
  const kit = await prisma.roundKit.findUnique({ where: { type } });
  const current = await currentRubricVersion();
  const dimensions = current
    ? await prisma.dimension.findMany({
        where: { rubricVersionId: current.id },
        orderBy: { position: "asc" },
        select: { key: true, name: true },
      })
    : [];
  return { kit: kit ?? blankKit(type), dimensions };
}

export async function saveRoundKit(
  actorId: string,
  type: RoundType,
  input: {
    name: string;
    purpose: string;
    defaultMinutes: number;
    focusDimensionKeys: string[];
    questions: string[];
    listenFor: string[];
  },
) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.roundKit.findUnique({ where: { type } });
    await tx.roundKit.upsert({ where: { type }, create: { type, ...input }, update: input });
    await recordAudit(
      {
        actorId,
        action: "round_kit.changed",
        entityType: "RoundKit",
        entityId: type,
        data: { before: before ? { ...before, updatedAt: before.updatedAt.toISOString() } : null, after: input },
      },
      tx,
    );
  });
}
