import type { LoopStage } from "~/generated/prisma/enums";
import { stageOrder } from "./vocabulary";

export const activeStages: LoopStage[] = stageOrder.filter((stage) => stage !== "closed");

export function isLoopStage(value: string): value is LoopStage {
  return (stageOrder as string[]).includes(value);
}

const DAY = 86_400_000;

/** Whole days between two instants, never negative. */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY));
}

/** Days a loop has overstayed its stage's expected duration (0 when on time or the stage has no limit). */
export function daysOverdueInStage(
  stage: LoopStage,
  daysInStage: number,
  expectedDays: Partial<Record<LoopStage, number>>,
): number {
  const expected = expectedDays[stage];
  return expected === undefined ? 0 : Math.max(0, daysInStage - expected);
}
