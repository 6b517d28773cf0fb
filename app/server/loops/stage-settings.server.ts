import type { LoopStage } from "~/generated/prisma/enums";
import { recordAudit } from "../audit.server";
import { prisma } from "../db.server";

export async function listStageSettings(): Promise<Partial<Record<LoopStage, number>>> {
  const settings = await prisma.stageSetting.findMany({ select: { stage: true, expectedDays: true } });
  return Object.fromEntries(settings.map((setting) => [setting.stage, setting.expectedDays]));
}

export async function saveStageSettings(actorId: string, values: Partial<Record<LoopStage, number>>) {
  await prisma.$transaction(async (tx) => {
    for (const [stage, expectedDays] of Object.entries(values) as [LoopStage, number][]) {
      await tx.stageSetting.upsert({ where: { stage }, create: { stage, expectedDays }, update: { expectedDays } });
    }
    await recordAudit(
      { actorId, action: "stage_settings.changed", entityType: "StageSetting", entityId: "all", data: values },
      tx,
    );
  });
}
