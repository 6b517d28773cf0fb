import type { LoopStage } from "~/generated/prisma/enums";
import { stageLabels } from "./vocabulary";

/** Reference times to a decision: internal moves are far faster than external hires. */
export const REFERENCE_DAYS = { internal: 28, external: 85 } as const;
export const TYPICAL_LOOP = { rounds: "4-6 rounds", span: "2-3 weeks" } as const;

const DAY = 86_400_000;

export interface TimelineInput {
  startedAt: Date;
  source: "internal" | "external";
  stageChanges: { toStage: LoopStage; changedAt: Date }[];
  rounds: {
    label: string;
    status: "scheduled" | "completed" | "cancelled";
    plannedAt: Date | null;
    scheduledAt: Date | null;
    durationMinutes: number;
    submittedAt: Date | null;
  }[];
  debriefAt: Date | null;
  decidedAt: Date | null;
}

/** The loop's timeline in days since it started: stage bands, rounds (planned vs actual), feedback delays, today. */
export function loopTimeline(input: TimelineInput, now: Date) {
  const day = (date: Date) => Math.round(((date.getTime() - input.startedAt.getTime()) / DAY) * 10) / 10;
  const changes = [...input.stageChanges].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const bands = changes.map((change, index) => ({
    stage: change.toStage,
    label: stageLabels[change.toStage],
    from: day(change.changedAt),
    to: day(changes[index + 1]?.changedAt ?? now),
  }));
  const rounds = input.rounds
    .filter((round) => round.status !== "cancelled" && round.scheduledAt)
    .map((round) => {
      const end = new Date(round.scheduledAt!.getTime() + round.durationMinutes * 60_000);
      return {
        label: round.label,
        day: day(round.scheduledAt!),
        plannedDay: round.plannedAt ? day(round.plannedAt) : null,
        moved: Boolean(round.plannedAt && round.plannedAt.getTime() !== round.scheduledAt!.getTime()),
        feedbackDay: round.submittedAt ? day(round.submittedAt) : null,
        feedbackDelayHours: round.submittedAt
          ? Math.round((round.submittedAt.getTime() - end.getTime()) / 3_600_000)
          : null,
      };
    });
  const decisionDays = input.decidedAt ? day(input.decidedAt) : null;
  const elapsed = day(now);
  const reference = REFERENCE_DAYS[input.source];
  return {
    bands,
    rounds,
    today: elapsed,
    debriefDay: input.debriefAt ? day(input.debriefAt) : null,
    decisionDay: decisionDays,
    reference,
    /** Where the loop stands against the reference time to decision for its kind. */
    pace:
      decisionDays !== null
        ? { decided: true, days: decisionDays, versusReference: decisionDays - reference }
        : { decided: false, days: elapsed, versusReference: elapsed - reference },
  };
}
