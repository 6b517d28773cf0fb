import type { LoopStage } from "~/generated/prisma/enums";
import { median } from "./panel-spread";
import { stageOrder } from "./vocabulary";

/** The recruiter's summary: how long loops spend in each stage and to a decision, and how fast interviewers write up. Pure. */
export interface SummaryLoop {
  source: "internal" | "external";
  track: "core_pm" | "technical_pm" | "apm";
  startedAt: Date;
  stageChanges: { toStage: LoopStage; changedAt: Date }[];
}

export interface SummaryFeedback {
  interviewerId: string;
  interviewerName: string;
  roundEndedAt: Date;
  submittedAt: Date;
  dueAt: Date | null;
}

const DAY = 86_400_000;
export const SEGMENTS = ["all", "internal", "external", "core_pm", "technical_pm", "apm"] as const;
export type Segment = (typeof SEGMENTS)[number];

function inSegment(loop: SummaryLoop, segment: Segment) {
  return segment === "all" || loop.source === segment || loop.track === segment;
}

/** Days spent in each finished stage of a loop (the current stage is still running and is left out). */
export function stageDurations(loop: SummaryLoop): Partial<Record<LoopStage, number>> {
  const changes = [...loop.stageChanges].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const durations: Partial<Record<LoopStage, number>> = {};
  changes.slice(0, -1).forEach((change, index) => {
    const days = (changes[index + 1]!.changedAt.getTime() - change.changedAt.getTime()) / DAY;
    durations[change.toStage] = (durations[change.toStage] ?? 0) + days;
  });
  return durations;
}

export function daysToDecision(loop: SummaryLoop): number | null {
  const decided = loop.stageChanges
    .filter((change) => change.toStage === "decided")
    .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime())[0];
  return decided ? (decided.changedAt.getTime() - loop.startedAt.getTime()) / DAY : null;
}

export function summarisePipeline(loops: SummaryLoop[], feedback: SummaryFeedback[]) {
  const segments = SEGMENTS.map((segment) => {
    const members = loops.filter((loop) => inSegment(loop, segment));
    const durations = members.map(stageDurations);
    const decisions = members.map(daysToDecision).filter((days): days is number => days !== null);
    return {
      segment,
      loops: members.length,
      medianDaysInStage: Object.fromEntries(
        stageOrder.map((stage) => [
          stage,
          median(durations.map((item) => item[stage]).filter((days): days is number => days !== undefined)),
        ]),
      ) as Record<LoopStage, number | null>,
      decided: decisions.length,
      medianDaysToDecision: median(decisions),
    };
  });
  const byInterviewer = new Map<string, SummaryFeedback[]>();
  for (const item of feedback)
    byInterviewer.set(item.interviewerId, [...(byInterviewer.get(item.interviewerId) ?? []), item]);
  const turnaround = [...byInterviewer.values()]
    .map((items) => ({
      interviewerName: items[0]!.interviewerName,
      scorecards: items.length,
      medianHours: median(items.map((item) => (item.submittedAt.getTime() - item.roundEndedAt.getTime()) / 3_600_000)),
      lateShare: items.filter((item) => item.dueAt && item.submittedAt > item.dueAt).length / items.length,
    }))
    .sort((a, b) => (b.medianHours ?? 0) - (a.medianHours ?? 0));
  return { segments, turnaround };
}
