import {
  CandidateSource,
  DecisionOutcome,
  LoopStage,
  Recommendation,
  Role,
  RoundType,
  Track,
} from "~/generated/prisma/enums";

/**
 * The product's vocabulary: every enumerated value from the data model, in
 * order, with the words people see for it. Lists are derived from the Prisma
 * enums, so a value added to the schema must be given its label here
 * (TypeScript refuses a Record that misses one).
 */

export const roles = Object.values(Role);
export const roleLabels: Record<Role, string> = {
  admin: "Admin",
  recruiter: "Recruiter",
  hiring_manager: "Hiring manager",
  interviewer: "Interviewer",
};

export const tracks = Object.values(Track);
export const trackLabels: Record<Track, string> = {
  core_pm: "Core PM",
  technical_pm: "Technical PM",
  apm: "APM",
};
/** Tracks as [value, label] pairs, for select options. */
export const trackOptions = tracks.map((track) => [track, trackLabels[track]] as const);

export const candidateSources = Object.values(CandidateSource);
export const candidateSourceLabels: Record<CandidateSource, string> = {
  internal: "Internal transfer",
  external: "External",
};

/** Stages in the order a loop moves through them. */
export const stageOrder = Object.values(LoopStage);
export const stageLabels: Record<LoopStage, string> = {
  sourced: "Sourced",
  screen: "Screen",
  loop_scheduled: "Loop scheduled",
  in_loop: "In loop",
  awaiting_feedback: "Awaiting feedback",
  debrief: "Debrief",
  decided: "Decided",
  offer: "Offer",
  closed: "Closed",
};

/** Round types in the order a loop usually runs them. */
export const roundTypes = Object.values(RoundType);
export const roundTypeLabels: Record<RoundType, string> = {
  recruiter_screen: "Recruiter screen",
  product_sense: "Product sense",
  behavioral: "Behavioral",
  execution: "Execution",
  analytical: "Analytical",
  leadership: "Leadership / go-to-market",
  take_home: "Take-home / presentation",
};

export const decisionOutcomes = Object.values(DecisionOutcome);
export const decisionOutcomeLabels: Record<DecisionOutcome, string> = {
  hire: "Hire",
  no_hire: "No hire",
  more_signal: "More signal needed",
};

export const recommendationValues = Object.values(Recommendation);
export const recommendationLabels: Record<Recommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};
