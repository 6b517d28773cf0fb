import type { DimensionDefinition } from "~/domain/rubric-suggestions";
import type { RoundType } from "~/generated/prisma/enums";

/**
 * Seed content: Calibrate's default rubric, version 1, its flags and the
 * round kits (a migration installs the kits; the demo seed and the tests build
 * the rubric from here). Nothing at run time reads this file.
 *
 * Calibrate's default rubric, version 1. Anchors describe what a candidate
 * says or does at each level, so two interviewers hearing the same answer
 * land on the same number. Higher always means stronger product signal.
 */
export interface FlagDefinitionSeed {
  key: string;
  label: string;
  polarity: "green" | "red";
  dimensionKey: string;
}

export const defaultDimensions: DimensionDefinition[] = [
  {
    key: "product_altitude",
    name: "Product altitude",
    definition:
      "Answers the product question (who, why, what outcome) rather than the design question (how it is built).",
    lowLabel: "Design altitude",
    highLabel: "Product altitude",
    core: true,
    anchors: [
      "Answers how to build it when asked what to build. Spends most of the time on components, data stores or APIs; returns to architecture even when redirected to users.",
      "Starts from the system, and reaches users or business impact only when prompted. Goes one layer deeper than the decision needs in most answers.",
      "Opens with the user and the goal, dips into technical detail now and then without being asked, but comes back to the consequence for users on their own.",
      "States the technical constraint in a sentence, then moves straight to what it means for users and the business. Goes deep only where the depth changes the decision.",
    ],
  },
  {
    key: "tradeoff_ranking",
    name: "Tradeoff ranking",
    definition: "Ranks options by their consequences and commits, when every option costs something.",
    lowLabel: "Lists options",
    highLabel: "Ranks and commits",
    core: true,
    anchors: [
      "Lists options without ordering them, or weighs every risk the same. Cannot say what to drop if the delivery slips by a quarter.",
      "Orders options when asked, but the reasons are effort or technical elegance rather than consequences. Hedges when pushed to commit.",
      "Ranks options by their impact and commits to one. Names what gets cut, though the constraint that binds first is left implicit.",
      "Frames problem, constraint, decision and consequence. Says which constraint binds first, what is cut and who feels the cost, and what would change the call.",
    ],
  },
  {
    key: "ownership",
    name: "Ownership",
    definition: "Makes and owns decisions with incomplete information, and influences without authority.",
    lowLabel: "Narrates tasks",
    highLabel: "Owns outcomes",
    core: true,
    anchors: [
      "Describes tasks and credits the team for every choice. Claims to have owned a roadmap but cannot name a decision they made, or waits for the best technical answer before acting.",
      "Names decisions, but their scope is unclear or they were made by someone else. Influence is described as escalation or authority.",
      "Gives a concrete decision they made with partial information and what followed from it. Describes persuading peers without formal authority.",
      "Is precise about their decision rights and the unknowns at the time, owns the outcome including the misses, and shows how they moved people who did not report to them.",
    ],
  },
  {
    key: "engineering_bias",
    name: "Product intuition vs engineering bias",
    definition:
      "Leads with the problem and its consequences, using engineering depth as leverage rather than as a hiding place.",
    lowLabel: "Engineering bias",
    highLabel: "Product intuition",
    core: true,
    anchors: [
      "Proposes solutions before defining the user. Answers a failure with rollback steps rather than user impact, and settles disagreements by technical authority.",
      "Defines the problem when asked but drifts back into implementation. Technical detail fills the space where a product judgement was needed.",
      "Problem-first in most answers. Uses engineering background to judge feasibility or cost, and usually stops digging once the decision is clear.",
      "Consistently problem-first and consequence-oriented. Turns engineering knowledge into sharper product calls and knows exactly when further depth stops paying off.",
    ],
  },
];

/** Secondary dimensions an admin can add to a new rubric version. */
export const defaultFlags: FlagDefinitionSeed[] = [
  {
    key: "solution_architecture_first",
    label: "Led with solution architecture",
    polarity: "red",
    dimensionKey: "product_altitude",
  },
  {
    key: "user_and_metric_first",
    label: "Defined the user and success metric first",
    polarity: "green",
    dimensionKey: "product_altitude",
  },
  { key: "said_what_to_cut", label: "Said what they would cut", polarity: "green", dimensionKey: "tradeoff_ranking" },
  {
    key: "rollback_not_impact",
    label: "Listed rollback steps instead of user impact",
    polarity: "red",
    dimensionKey: "engineering_bias",
  },
  { key: "overclaimed_ownership", label: "Overclaimed ownership", polarity: "red", dimensionKey: "ownership" },
  { key: "bounded_unknown", label: "Admitted an unknown and bounded it", polarity: "green", dimensionKey: "ownership" },
  {
    key: "technical_authority",
    label: "Used technical authority to win an argument",
    polarity: "red",
    dimensionKey: "engineering_bias",
  },
  {
    key: "outcome_with_because",
    label: 'Framed work as an outcome with a "because"',
    polarity: "green",
    dimensionKey: "tradeoff_ranking",
  },
];

export interface RoundKitSeed {
  type: RoundType;
  name: string;
  purpose: string;
  defaultMinutes: number;
  focusDimensionKeys: string[];
  questions: string[];
  listenFor: string[];
}

export const defaultRoundKits: RoundKitSeed[] = [
  {
    type: "recruiter_screen",
    name: "Recruiter screen",
    purpose:
      "Understand why this engineer wants to move into product, and whether the motivation is about users and outcomes.",
    defaultMinutes: 30,
    focusDimensionKeys: ["engineering_bias"],
    questions: [
      "Why product management, and why now?",
      "Tell me about a time you changed what your team built, not how.",
      "What would you miss about engineering?",
    ],
    listenFor: [
      "Motivation framed around users, outcomes or decisions.",
      "Red flag: the draw is mostly code quality, architecture or technical challenge.",
    ],
  },
  {
    type: "product_sense",
    name: "Product sense",
    purpose:
      "A deliberately vague prompt: does the candidate define the user, the goal and the success measure before proposing anything?",
    defaultMinutes: 45,
    focusDimensionKeys: ["product_altitude", "engineering_bias"],
    questions: [
      "Design a product to help commuters in a mid-sized city.",
      "Our activation rate dropped after a redesign. What do you do first?",
      "Pick a product you use daily: what would you change, for whom, and how would you know it worked?",
    ],
    listenFor: [
      "Who the user is and what problem is worth solving, before any feature.",
      "A success metric chosen with a reason.",
      "Red flag: a system design walkthrough in the first ten minutes.",
    ],
  },
  {
    type: "behavioral",
    name: "Behavioral",
    purpose: "Leadership and influence without authority, told as situation, task, action and result.",
    defaultMinutes: 45,
    focusDimensionKeys: ["ownership"],
    questions: [
      "Tell me about a decision you made without all the information you wanted.",
      "Describe a time you changed the mind of someone senior who disagreed with you.",
      "What is a project that failed on your watch, and what did you do about it?",
    ],
    listenFor: [
      '"I decided" with a clear scope of decision rights, not "we did".',
      "Influence through evidence and alignment rather than authority.",
      "Honest accounting of misses and unknowns.",
    ],
  },
  {
    type: "execution",
    name: "Execution",
    purpose: "Prioritise a backlog with no extra resources, say no, and choose metrics.",
    defaultMinutes: 45,
    focusDimensionKeys: ["tradeoff_ranking", "ownership"],
    questions: [
      "Here are eight requests and capacity for three. Which three, and what do you tell the other five stakeholders?",
      "Your launch slips a quarter. What do you cut?",
      "Which metric tells you this feature was worth building?",
    ],
    listenFor: [
      "A ranking with reasons based on consequences.",
      "A clear no, delivered with a reason the stakeholder can accept.",
      "Red flag: every item treated as equally important.",
    ],
  },
  {
    type: "analytical",
    name: "Analytical",
    purpose: "Reason from broken or incomplete data to a go / no-go recommendation.",
    defaultMinutes: 45,
    focusDimensionKeys: ["tradeoff_ranking", "product_altitude"],
    questions: [
      "The experiment shows +4% conversion but support tickets doubled. Ship or not?",
      "Half the events in this dashboard stopped firing last week. What can you still conclude?",
    ],
    listenFor: [
      "A recommendation, with what would change it.",
      "Bounding the unknown instead of waiting for perfect data.",
      "Red flag: debugging the pipeline instead of deciding.",
    ],
  },
  {
    type: "leadership",
    name: "Leadership / go-to-market",
    purpose: "Align teams and stakeholders around a launch and its message.",
    defaultMinutes: 45,
    focusDimensionKeys: ["ownership", "engineering_bias"],
    questions: [
      "Sales promised a feature engineering says is six months away. What do you do this week?",
      "How would you launch a product that only part of the customer base can use?",
    ],
    listenFor: [
      "Stakeholders named with what each needs to hear.",
      "Red flag: winning the argument on technical grounds.",
    ],
  },
  {
    type: "take_home",
    name: "Take-home / presentation",
    purpose: "A written or presented piece: a product brief or strategy memo, and how the candidate defends it.",
    defaultMinutes: 60,
    focusDimensionKeys: ["product_altitude", "tradeoff_ranking"],
    questions: [
      "Walk us through the decision in your brief that you are least sure about.",
      "What did you leave out, and why?",
    ],
    listenFor: [
      "A brief that leads with the problem and the decision, not the solution design.",
      "Clear statement of what is out of scope.",
    ],
  },
];
