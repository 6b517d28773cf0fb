/**
 * Demo data: a realistic week in an engineer-to-PM hiring pipeline. Loops in
 * every stage, panels that agree and panels that split, lenient and harsh
 * interviewers, late and draft feedback. Deterministic (seeded PRNG), with
 * dates relative to `now` so "overdue" and "tomorrow" stay true.
 */
import type { PrismaClient } from "~/generated/prisma/client";
import type { CandidateSource, LoopStage, Recommendation, RoundType, Track } from "~/generated/prisma/enums";
import { demoEvidence, summaries, vagueEvidence } from "./demo-evidence";
import {
  createCandidate,
  createDefaultRubric,
  createFeedback,
  createLoop,
  createRound,
  createRoundKits,
  createUser,
  DEMO_PASSWORD,
} from "./factories";

export const demoAccounts = [
  { email: "admin@example.com", name: "Alex Morgan", role: "admin" },
  { email: "recruiter@example.com", name: "Riley Chen", role: "recruiter" },
  { email: "hm@example.com", name: "Harper Okafor", role: "hiring_manager" },
  { email: "interviewer1@example.com", name: "Sam Patel", role: "interviewer" },
  { email: "interviewer2@example.com", name: "Jordan Lee", role: "interviewer" },
  { email: "interviewer3@example.com", name: "Priya Natarajan", role: "interviewer" },
  { email: "interviewer4@example.com", name: "Diego Ramirez", role: "interviewer" },
  { email: "interviewer5@example.com", name: "Mei Tanaka", role: "interviewer" },
  { email: "interviewer6@example.com", name: "Tom Becker", role: "interviewer" },
] as const;

/** A second hiring manager, so loops have more than one owner; not one of the main demo roles. */
const secondHiringManager = { email: "hm2@example.com", name: "Chris Alvarez", role: "hiring_manager" } as const;

/** Every account the demo seed creates, all with DEMO_PASSWORD (the start-up banner lists them all). */
export const demoSignIns = [...demoAccounts, secondHiringManager];

export { DEMO_PASSWORD };

// How each demo interviewer tends to rate: Priya is lenient, Mei is harsh,
// Tom avoids the ends of the scale.
const raterLean = [0, 0.1, 0.6, -0.1, -0.6, 0];
const RECRUITER = -1;
const DIMENSIONS = ["product_altitude", "tradeoff_ranking", "ownership", "engineering_bias"] as const;
const PANEL: RoundType[] = ["product_sense", "behavioral", "execution", "analytical", "leadership"];

function mulberry32(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CandidateSpec {
  name: string;
  source: CandidateSource;
  track: Track;
  currentRole: string;
  currentLevel: string;
  targetLevel: string;
  stage: LoopStage;
  /** Days since the loop started. */
  age: number;
  /** Days the loop ran before it closed (closed loops only). */
  duration?: number;
  /** Latent strength per dimension, 1-4. */
  ability: [number, number, number, number];
  /** Dimension where the panel splits on purpose. */
  split?: (typeof DIMENSIONS)[number];
  decision?: "hire" | "no_hire" | "more_signal";
}

const current: CandidateSpec[] = [
  {
    name: "Maya Goldberg",
    source: "external",
    track: "core_pm",
    currentRole: "Backend Engineer",
    currentLevel: "L4",
    targetLevel: "L4",
    stage: "sourced",
    age: 2,
    ability: [3, 3, 3, 3],
  },
  {
    name: "Kwame Mensah",
    source: "internal",
    track: "technical_pm",
    currentRole: "Staff Engineer, Payments",
    currentLevel: "L6",
    targetLevel: "L6",
    stage: "screen",
    age: 4,
    ability: [3, 3, 3, 3],
  },
  {
    name: "Lena Fischer",
    source: "external",
    track: "core_pm",
    currentRole: "Full-stack Engineer",
    currentLevel: "L5",
    targetLevel: "L5",
    stage: "loop_scheduled",
    age: 9,
    ability: [3, 3, 3, 3],
  },
  {
    name: "Arjun Mehta",
    source: "internal",
    track: "core_pm",
    currentRole: "Senior Engineer, Growth",
    currentLevel: "L5",
    targetLevel: "L5",
    stage: "in_loop",
    age: 12,
    ability: [3.3, 2.8, 3.1, 3.2],
  },
  {
    name: "Sofia Rossi",
    source: "external",
    track: "technical_pm",
    currentRole: "Platform Engineer",
    currentLevel: "L5",
    targetLevel: "L5",
    stage: "in_loop",
    age: 15,
    ability: [2.2, 2.6, 2.9, 2.1],
  },
  {
    name: "Daniel Kim",
    source: "external",
    track: "core_pm",
    currentRole: "Mobile Engineer",
    currentLevel: "L4",
    targetLevel: "L4",
    stage: "awaiting_feedback",
    age: 19,
    ability: [2.8, 3.1, 2.6, 2.9],
  },
  {
    name: "Grace Adeyemi",
    source: "internal",
    track: "technical_pm",
    currentRole: "Senior Engineer, Data Platform",
    currentLevel: "L5",
    targetLevel: "L6",
    stage: "awaiting_feedback",
    age: 17,
    ability: [3.4, 3.3, 3.6, 3.2],
  },
  {
    name: "Ethan Walsh",
    source: "external",
    track: "core_pm",
    currentRole: "Senior Frontend Engineer",
    currentLevel: "L5",
    targetLevel: "L5",
    stage: "debrief",
    age: 24,
    ability: [3.1, 2.5, 3.0, 2.9],
    split: "tradeoff_ranking",
  },
  {
    name: "Noor Haddad",
    source: "internal",
    track: "core_pm",
    currentRole: "Engineering Manager",
    currentLevel: "L6",
    targetLevel: "L6",
    stage: "debrief",
    age: 21,
    ability: [3.6, 3.7, 3.8, 3.5],
  },
  {
    name: "Oliver Brandt",
    source: "external",
    track: "technical_pm",
    currentRole: "Infrastructure Engineer",
    currentLevel: "L5",
    targetLevel: "L5",
    stage: "debrief",
    age: 30,
    ability: [1.6, 2.1, 2.4, 1.5],
  },
  {
    name: "Hana Sato",
    source: "internal",
    track: "apm",
    currentRole: "Software Engineer",
    currentLevel: "L4",
    targetLevel: "L4",
    stage: "decided",
    age: 26,
    ability: [3.2, 3.0, 3.1, 3.3],
    decision: "hire",
  },
  {
    name: "Marcus Reed",
    source: "external",
    track: "core_pm",
    currentRole: "Senior Engineer, Search",
    currentLevel: "L5",
    targetLevel: "L5",
    stage: "decided",
    age: 40,
    ability: [2.3, 2.0, 2.6, 1.9],
    decision: "no_hire",
  },
  {
    name: "Isabel Duarte",
    source: "external",
    track: "technical_pm",
    currentRole: "Staff Engineer, Identity",
    currentLevel: "L6",
    targetLevel: "L6",
    stage: "offer",
    age: 55,
    ability: [3.5, 3.4, 3.2, 3.6],
    decision: "hire",
  },
  {
    name: "Felix Novak",
    source: "internal",
    track: "core_pm",
    currentRole: "Senior Engineer, Checkout",
    currentLevel: "L5",
    targetLevel: "L5",
    stage: "decided",
    age: 33,
    ability: [2.9, 2.6, 2.4, 2.7],
    split: "ownership",
    decision: "more_signal",
  },
];

const historicalNames = [
  "Ava Thompson",
  "Liam O'Connor",
  "Zara Ahmed",
  "Noah Schmidt",
  "Chloe Martin",
  "Mateo Garcia",
  "Yuki Ito",
  "Emeka Obi",
  "Ines Silva",
  "Ravi Kumar",
  "Sara Lindqvist",
  "Ben Carter",
  "Aisha Bello",
  "Jonas Weber",
  "Lucia Romero",
  "Tariq Hassan",
  "Nina Petrova",
  "Oscar Nilsson",
  "Camila Torres",
  "Victor Dubois",
];

/** True when the database has no users: the seed runs only then. */
export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

export async function seedDemoData(prisma: PrismaClient, now = new Date()) {
  const random = mulberry32(20261123);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const day = 86_400_000;
  const at = (daysFromNow: number, hour = 10) => {
    const date = new Date(now.getTime() + daysFromNow * day);
    date.setUTCHours(hour, 0, 0, 0);
    return date;
  };

  const users = [];
  for (const account of demoAccounts) users.push(await createUser(prisma, { ...account, password: DEMO_PASSWORD }));
  const [admin, recruiter, hm, ...interviewers] = users as [
    (typeof users)[0],
    (typeof users)[0],
    (typeof users)[0],
    ...typeof users,
  ];
  const secondHm = await createUser(prisma, { ...secondHiringManager, password: DEMO_PASSWORD });

  const rubric = await createDefaultRubric(prisma, admin.id);
  await createRoundKits(prisma);
  const dimensions = await prisma.dimension.findMany({
    where: { rubricVersionId: rubric.id },
    select: { id: true, key: true },
  });
  const dimensionId = new Map(dimensions.map((dimension) => [dimension.key, dimension.id]));

  let interviewerCursor = 0;
  const nextPanel = (size: number) => {
    const panel = [];
    for (let i = 0; i < size; i++) panel.push((interviewerCursor + i) % interviewers.length);
    interviewerCursor = (interviewerCursor + 2) % interviewers.length;
    return panel;
  };

  const rate = (spec: CandidateSpec, raterIndex: number, dimension: string, focus: boolean, panelSlot: number) => {
    if (!focus && random() < 0.5) return null;
    if (spec.split === dimension) return [1, 4, 2, 4, 3][panelSlot % 5]!;
    const ability = spec.ability[DIMENSIONS.indexOf(dimension as (typeof DIMENSIONS)[number])]!;
    let value = Math.round(ability + (raterLean[raterIndex] ?? 0) + (random() - 0.5) * 1.1);
    if (raterIndex === 5) value = Math.min(3, Math.max(2, value));
    return Math.min(4, Math.max(1, value));
  };

  const recommendationFor = (values: number[], lean: number): Recommendation => {
    const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length + lean * 0.3 : 2.5;
    return mean < 1.75 ? "strong_no" : mean < 2.5 ? "no" : mean < 3.25 ? "yes" : "strong_yes";
  };

  async function fileFeedback(
    spec: CandidateSpec,
    round: { id: string; scheduledAt: Date | null },
    raterIndex: number,
    panelSlot: number,
    status: "draft" | "submitted",
    delayHours: number,
  ) {
    const focusKeys = (
      await prisma.round.findUniqueOrThrow({ where: { id: round.id }, select: { focusDimensionKeys: true } })
    ).focusDimensionKeys;
    const ratings = DIMENSIONS.map((key) => {
      const value = rate(spec, raterIndex, key, focusKeys.includes(key), panelSlot);
      const evidence =
        value === null ? "" : random() < 0.08 ? pick(vagueEvidence) : pick(demoEvidence[key]![value as 1 | 2 | 3 | 4]);
      return { dimensionId: dimensionId.get(key)!, value, evidence };
    });
    const values = ratings.flatMap((rating) => (rating.value === null ? [] : [rating.value]));
    const recommendation = recommendationFor(values, raterLean[raterIndex] ?? 0);
    const submittedAt = new Date(round.scheduledAt!.getTime() + delayHours * 3_600_000);
    await createFeedback(prisma, {
      roundId: round.id,
      interviewerId: raterIndex === RECRUITER ? recruiter.id : interviewers[raterIndex]!.id,
      rubricVersionId: rubric.id,
      status,
      recommendation: status === "submitted" ? recommendation : null,
      summary: status === "submitted" ? pick(summaries[recommendation]) : "",
      flagKeys: [],
      submittedAt: status === "submitted" ? submittedAt : null,
      createdAt: submittedAt,
      ratings: status === "submitted" ? ratings : [],
      draft:
        status === "draft"
          ? {
              ratings: Object.fromEntries(
                DIMENSIONS.slice(0, 2).map((key, index) => [
                  key,
                  {
                    value: ratings[index]!.value === null ? "none" : String(ratings[index]!.value),
                    evidence: ratings[index]!.evidence,
                  },
                ]),
              ),
              flags: [],
              summary: "Started notes; finishing after the sync.",
            }
          : undefined,
    });
  }

  async function buildLoop(spec: CandidateSpec, index: number, historical: boolean) {
    const hiringManager = index % 4 === 3 ? secondHm : hm;
    const candidate = await createCandidate(prisma, {
      name: spec.name,
      email: `${spec.name.toLowerCase().replace(/[^a-z]+/g, ".")}@candidates.example`,
      source: spec.source,
      track: spec.track,
      currentRole: spec.currentRole,
      currentLevel: spec.currentLevel,
      targetLevel: spec.targetLevel,
      recruiterId: recruiter.id,
      hiringManagerId: hiringManager.id,
      createdAt: at(-spec.age - 3),
    });

    const start = -spec.age;
    const stageOrder: LoopStage[] = [
      "sourced",
      "screen",
      "loop_scheduled",
      "in_loop",
      "awaiting_feedback",
      "debrief",
      "decided",
      "offer",
      "closed",
    ];
    const reached = stageOrder
      .slice(0, stageOrder.indexOf(spec.stage) + 1)
      .filter((stage) => stage !== "offer" || spec.decision === "hire");
    // Spread the stages over the loop's run; the current stage began most recently.
    const span = spec.duration ?? spec.age;
    const history = reached.map((stage, i) => ({
      stage,
      at: at(start + Math.round((span * i) / Math.max(reached.length - (spec.duration ? 1 : 0), 2)), 9 + i),
      byId: stage === "decided" ? hiringManager.id : recruiter.id,
    }));
    const panelSize = 4 + Math.floor(random() * 2);
    const panel = nextPanel(panelSize);
    const loopStarted = history.find((step) => step.stage === "loop_scheduled")?.at;
    const debriefStep = history.find((step) => step.stage === "debrief");
    const debriefAt =
      spec.stage === "debrief" ? at(1, 15) : debriefStep ? new Date(debriefStep.at.getTime() + 6 * 3_600_000) : null;

    const loop = await createLoop(prisma, {
      candidateId: candidate.id,
      recruiterId: recruiter.id,
      hiringManagerId: hiringManager.id,
      rubricVersionId: rubric.id,
      roleTitle:
        spec.track === "technical_pm"
          ? "Technical Product Manager"
          : spec.track === "apm"
            ? "Associate Product Manager"
            : "Product Manager",
      track: spec.track,
      targetLevel: spec.targetLevel,
      history,
      debriefAt,
    });

    if (spec.stage === "sourced") return;
    // Recruiter screen, run by the recruiter.
    const screenAt = spec.stage === "screen" ? at(2, 14) : at(start + 1, 14);
    const screen = await createRound(prisma, {
      loopId: loop.id,
      type: "recruiter_screen",
      position: 0,
      interviewerId: recruiter.id,
      scheduledAt: screenAt,
      status: spec.stage === "screen" ? "scheduled" : "completed",
    });
    if (spec.stage === "screen") return;
    await fileFeedback(spec, screen, RECRUITER, 0, "submitted", 3 + random() * 10);

    const panelTypes = PANEL.slice(0, panelSize);
    for (const [slot, type] of panelTypes.entries()) {
      const raterIndex = panel[slot]!;
      let scheduledAt: Date;
      let done: boolean;
      if (spec.stage === "loop_scheduled") {
        scheduledAt = at(3 + slot * 2, 10 + slot);
        done = false;
      } else if (spec.stage === "in_loop") {
        done = slot < 2;
        scheduledAt = done ? at(-4 + slot * 2, 11) : at(1 + (slot - 2) * 2, 13);
      } else {
        const base = loopStarted ? (loopStarted.getTime() - now.getTime()) / day : start + 3;
        scheduledAt = at(Math.min(-1.2, base + 1 + slot * 2), 10 + slot);
        done = true;
      }
      // Make sure interviewer1 has an upcoming round, a draft and an overdue one.
      let interviewer = raterIndex;
      if (spec.name === "Arjun Mehta" && slot === 2) interviewer = 0;
      if (spec.name === "Daniel Kim" && slot === 1) interviewer = 0;
      if (spec.name === "Grace Adeyemi" && slot === 3) interviewer = 0;

      const round = await createRound(prisma, {
        loopId: loop.id,
        type,
        position: slot + 1,
        interviewerId: interviewers[interviewer]!.id,
        scheduledAt,
        status: done ? "completed" : "scheduled",
      });
      if (!done) continue;

      if (spec.stage === "awaiting_feedback") {
        if (spec.name === "Daniel Kim" && slot === 1) {
          await fileFeedback(spec, round, interviewer, slot, "draft", 5);
          continue;
        }
        if (spec.name === "Grace Adeyemi" && slot === 3) continue; // not started, overdue
        if (spec.name === "Daniel Kim" && slot === 3) continue;
      }
      const late = random() < 0.2;
      await fileFeedback(spec, round, interviewer, slot, "submitted", late ? 30 + random() * 40 : 2 + random() * 18);
    }

    if (spec.decision) {
      await prisma.decision.create({
        data: {
          loopId: loop.id,
          outcome: spec.decision,
          level: spec.decision === "hire" ? spec.targetLevel : null,
          rationale:
            spec.decision === "hire"
              ? "Consistent product altitude and ownership across rounds; tradeoffs ranked by consequence in execution and analytical."
              : spec.decision === "no_hire"
                ? "Stayed at design altitude in product sense and analytical; tradeoffs listed rather than ranked."
                : "Panel split on ownership: two strong examples against two where decision scope was unclear. One more behavioral round.",
          dimensionKeys: spec.decision === "more_signal" ? ["ownership"] : ["product_altitude", "tradeoff_ranking"],
          dissent: spec.split ? "One panelist saw the ownership examples as team decisions." : "",
          decidedById: hiringManager.id,
          decidedAt: history.find((step) => step.stage === "decided")?.at ?? now,
        },
      });
    }
    void historical;
  }

  for (const [index, spec] of current.entries()) await buildLoop(spec, index, false);

  // "More signal needed" sends a loop back to scheduling: Felix Novak's panel split on ownership, so the
  // hiring manager asked for one more round, which the recruiter has yet to schedule.
  const felix = await prisma.loop.findFirstOrThrow({
    where: { candidate: { name: "Felix Novak" } },
    select: { id: true, hiringManagerId: true, rounds: { select: { position: true } } },
  });
  await prisma.loop.update({ where: { id: felix.id }, data: { stage: "loop_scheduled", stageChangedAt: at(-2) } });
  await prisma.stageChange.create({
    data: {
      loopId: felix.id,
      fromStage: "decided",
      toStage: "loop_scheduled",
      changedAt: at(-2),
      changedById: felix.hiringManagerId,
      reason: "More signal needed: one more round on ownership",
    },
  });
  await createRound(prisma, {
    loopId: felix.id,
    type: "leadership",
    position: Math.max(...felix.rounds.map((round) => round.position)) + 1,
    interviewerId: null,
    scheduledAt: null,
    focusDimensionKeys: ["ownership"],
  });

  // Harper (hm@example.com) also sits on Sofia Rossi's panel and has not written up yet: the blind rule
  // holds for hiring managers too, so Sofia's debrief stays closed to Harper until that feedback is in.
  const sofia = await prisma.loop.findFirstOrThrow({
    where: { candidate: { name: "Sofia Rossi" } },
    select: { id: true, rounds: { select: { position: true } } },
  });
  await createRound(prisma, {
    loopId: sofia.id,
    type: "leadership",
    position: Math.max(...sofia.rounds.map((round) => round.position)) + 1,
    interviewerId: hm.id,
    scheduledAt: at(-1, 14),
    focusDimensionKeys: ["ownership", "tradeoff_ranking"],
  });

  // Closed loops over the past six months, so calibration has history to read.
  for (const [index, name] of historicalNames.entries()) {
    const strength = 1.6 + random() * 2.2;
    const ability = DIMENSIONS.map(() =>
      Math.min(3.9, Math.max(1.1, strength + (random() - 0.5))),
    ) as CandidateSpec["ability"];
    const hire = ability.reduce((a, b) => a + b, 0) / 4 >= 2.8;
    const source: CandidateSource = random() < 0.4 ? "internal" : "external";
    await buildLoop(
      {
        name,
        source,
        track: random() < 0.35 ? "technical_pm" : "core_pm",
        currentRole: pick([
          "Backend Engineer",
          "Senior Engineer",
          "Staff Engineer",
          "Mobile Engineer",
          "Data Engineer",
        ]),
        currentLevel: pick(["L4", "L5", "L5", "L6"]),
        targetLevel: pick(["L4", "L5", "L5", "L6"]),
        stage: "closed",
        age: 100 + index * 5,
        // Internal moves reach a decision far sooner than external hires.
        duration: source === "internal" ? 18 + Math.round(random() * 20) : 45 + Math.round(random() * 50),
        ability,
        decision: hire ? "hire" : "no_hire",
      },
      index + current.length,
      true,
    );
  }

  return { users: users.length + 1, loops: current.length + historicalNames.length };
}
