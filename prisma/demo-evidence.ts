/** Evidence snippets for demo feedback, by dimension and level (1-4). Written as interviewers write them: what was said or done. */
export const demoEvidence: Record<string, Record<1 | 2 | 3 | 4, string[]>> = {
  product_altitude: {
    1: [
      'Spent 25 of 40 minutes drawing the event pipeline and queue topology; when asked "who is this for?" said "anyone who needs the data".',
      "Answered the commuter prompt with a microservice diagram; never named a user segment.",
    ],
    2: [
      "Opened with the API design; reached the user problem only after I asked twice what a commuter would notice.",
      'Named the latency constraint, then spent ten minutes on caching layers before saying "users would like it faster".',
    ],
    3: [
      'Started with "occasional riders who miss connections" and a goal, then went into the data feed once; came back to rider impact unprompted.',
      "Defined the user and a success metric, briefly covered sync conflicts, then returned to what the user would see.",
    ],
    4: [
      '"The feed is 90 seconds stale, so the real question is whether riders trust the arrival time" - went straight to the trust metric and the decision.',
      "Named the offline constraint in one sentence and used it to drop a feature: depth only where it changed the call.",
    ],
  },
  tradeoff_ranking: {
    1: [
      'Listed five options and said "we should do all of them, in parallel if possible". Could not say what to cut if the date slipped.',
      "Treated the security fix and the colour change as equally urgent.",
    ],
    2: [
      'Ranked the backlog by effort rather than impact; when pushed on the slipped quarter, hedged with "it depends".',
      "Picked an option but the reason was that it was the cleanest to build.",
    ],
    3: [
      "Chose the two retention items and cut the admin dashboard because fewer than 5% of accounts use it.",
      "Committed to shipping without the export feature and named the sales team as the ones who would feel it.",
    ],
    4: [
      '"Support capacity binds first, so we cut self-serve billing, which costs us roughly 2% of upgrades, and we revisit in Q3 if churn moves."',
      "Laid out problem, constraint, decision, consequence; said what evidence would reverse the decision.",
    ],
  },
  ownership: {
    1: [
      '"The team decided" for every example; claimed to have owned the roadmap but could not name one decision they made.',
      "Described waiting three weeks for the architecture review before starting anything.",
    ],
    2: [
      "Named a decision about the migration order, but it turned out the tech lead had made it.",
      "Influence story was about escalating to their director to get the change approved.",
    ],
    3: [
      "Decided to launch to 10% with incomplete load data and described the rollback criteria they set and met.",
      "Persuaded the data team to reprioritise by showing the churn numbers, without any authority over them.",
    ],
    4: [
      '"I owned the call to delay the launch; I did not have the decision right on pricing, so I brought two options to the VP." Owned the miss on the forecast.',
      "Clear on their decision rights, named what they did not know at the time and how they bounded it.",
    ],
  },
  engineering_bias: {
    1: [
      "When the outage scenario came up, listed the five rollback steps in detail and never mentioned affected customers.",
      'Won the mock argument by saying "as the most senior engineer here, this is the right design".',
    ],
    2: [
      "Defined the problem when prompted, then drifted back to the schema for most of the remaining time.",
      "Used technical detail to fill the gap when asked which customers matter most.",
    ],
    3: [
      "Problem-first in most answers; used their backend experience to judge the cost of real-time sync, then stopped.",
      "Asked about the user impact of the outage before proposing fixes.",
    ],
    4: [
      '"I know exactly how hard offline sync is, which is why I would not build it: the user need is met by a cached timetable."',
      "Turned their infrastructure knowledge into a pricing insight; knew when more depth would not change the decision.",
    ],
  },
};

export const vagueEvidence = [
  "Very smart and sharp, strong communicator.",
  "Credible, impressive background.",
  "Seemed solid.",
];

export const summaries: Record<"strong_no" | "no" | "yes" | "strong_yes", string[]> = {
  strong_no: ["Stayed at design altitude throughout; no product decision heard in the whole round."],
  no: ["Some product instinct, but every answer needed a prompt to reach the user. Not yet at the level."],
  yes: ["Problem-first in most answers and made real tradeoffs; a few dips into implementation detail."],
  strong_yes: ["Clear product thinking: ranked consequences, owned decisions, used engineering depth as leverage."],
};
