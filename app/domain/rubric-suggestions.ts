/**
 * Dimensions an admin can add to a draft rubric beyond the core four: the
 * rubric editor offers them, with anchors ready to adjust.
 */
export interface DimensionDefinition {
  key: string;
  name: string;
  definition: string;
  lowLabel: string;
  highLabel: string;
  core: boolean;
  anchors: [string, string, string, string];
}

export const suggestedSecondaryDimensions: DimensionDefinition[] = [
  {
    key: "customer_discovery",
    name: "Customer discovery",
    definition: "Learns what users need before deciding, and knows what evidence would change their mind.",
    lowLabel: "Assumes needs",
    highLabel: "Discovers needs",
    core: false,
    anchors: [
      "Assumes what users want; no mention of talking to them or of data.",
      "Mentions research in general terms, without saying what they would learn or how it would change the plan.",
      "Names who they would talk to and the questions that matter, and ties findings to the decision.",
      "Designs cheap tests of the riskiest assumption first and states what result would stop the project.",
    ],
  },
  {
    key: "communication",
    name: "Communication for non-technical audiences",
    definition: "Explains technical matters in terms of their consequences for the listener.",
    lowLabel: "Jargon",
    highLabel: "Plain consequences",
    core: false,
    anchors: [
      "Relies on jargon and implementation detail; the listener has to translate.",
      "Clear when prompted, but defaults to technical vocabulary.",
      "Explains in plain words and checks the listener followed.",
      "Tailors the message to the audience and leads with what it means for them.",
    ],
  },
];
