/** Scheduling rules for rounds: clashes and repeat interviewers. Pure. */
export interface Slot {
  start: Date;
  minutes: number;
}

export function overlaps(a: Slot, b: Slot): boolean {
  const aEnd = a.start.getTime() + a.minutes * 60_000;
  const bEnd = b.start.getTime() + b.minutes * 60_000;
  return a.start.getTime() < bEnd && b.start.getTime() < aEnd;
}

export interface SchedulingWarning {
  kind: "clash" | "repeat_interviewer";
  message: string;
}

export function schedulingWarnings(input: {
  proposed: Slot;
  interviewerName: string;
  /** The interviewer's other rounds that are not cancelled. */
  interviewerRounds: (Slot & { label: string })[];
  /** True when the interviewer already has another round with this candidate. */
  alreadyMetCandidate: boolean;
}): SchedulingWarning[] {
  const warnings: SchedulingWarning[] = [];
  for (const other of input.interviewerRounds) {
    if (overlaps(input.proposed, other)) {
      warnings.push({
        kind: "clash",
        message: `${input.interviewerName} already has ${other.label} at an overlapping time.`,
      });
    }
  }
  if (input.alreadyMetCandidate) {
    warnings.push({
      kind: "repeat_interviewer",
      message: `${input.interviewerName} already interviews this candidate in another round; a second view from the same person adds less signal.`,
    });
  }
  return warnings;
}
