/**
 * Builders for rows the seed and the tests both need. Each takes the Prisma
 * client (or a transaction) so tests can point it at their own database.
 */
import { hashPassword } from "~/server/auth/password.server";
import { defaultDimensions, defaultFlags, defaultRoundKits } from "./default-rubric";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type {
  CandidateSource,
  FeedbackStatus,
  LoopStage,
  Recommendation,
  Role,
  RoundType,
  Track,
} from "~/generated/prisma/enums";

type Db = PrismaClient | Prisma.TransactionClient;

export const DEMO_PASSWORD = "correct-horse-battery";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

// Hashing is slow on purpose; tests create many users with the same password.
const hashCache = new Map<string, Promise<string>>();
function cachedHash(password: string) {
  if (!hashCache.has(password)) hashCache.set(password, hashPassword(password));
  return hashCache.get(password)!;
}

export async function createUser(
  db: Db,
  input: {
    role: Role;
    email?: string;
    name?: string;
    password?: string;
    active?: boolean;
    committeeMember?: boolean;
    peopleAnalytics?: boolean;
  },
) {
  const email = (input.email ?? `${input.role}-${unique()}@test.example`).toLowerCase();
  return db.user.create({
    data: {
      email,
      name: input.name ?? `${input.role.replace("_", " ")} ${unique()}`,
      role: input.role,
      active: input.active ?? true,
      committeeMember: input.committeeMember ?? false,
      peopleAnalytics: input.peopleAnalytics ?? false,
      password: { create: { hash: await cachedHash(input.password ?? DEMO_PASSWORD) } },
    },
    select: { id: true, email: true, name: true, role: true, active: true, committeeMember: true },
  });
}

/** The default rubric, version 1, published, with its flag catalogue. */
export async function createDefaultRubric(db: Db, createdById?: string) {
  const existing = await db.rubricVersion.findUnique({ where: { version: 1 }, select: { id: true } });
  if (existing) return existing;
  // Built as a draft, then published: the database refuses changes to a published version.
  const rubric = await db.rubricVersion.create({
    data: {
      version: 1,
      name: "Engineer-to-PM core rubric",
      status: "draft",
      createdById,
      notes: "Four core dimensions for engineers moving into product management.",
      dimensions: {
        create: defaultDimensions.map((dimension, position) => ({
          key: dimension.key,
          name: dimension.name,
          definition: dimension.definition,
          lowLabel: dimension.lowLabel,
          highLabel: dimension.highLabel,
          core: dimension.core,
          position,
          anchor1: dimension.anchors[0],
          anchor2: dimension.anchors[1],
          anchor3: dimension.anchors[2],
          anchor4: dimension.anchors[3],
        })),
      },
    },
    select: { id: true, dimensions: { select: { id: true, key: true } } },
  });
  const dimensionIds = new Map(rubric.dimensions.map((dimension) => [dimension.key, dimension.id]));
  await db.flagDefinition.createMany({
    data: defaultFlags.map((flag, position) => ({
      rubricVersionId: rubric.id,
      dimensionId: dimensionIds.get(flag.dimensionKey)!,
      key: flag.key,
      label: flag.label,
      polarity: flag.polarity,
      position,
    })),
  });
  await db.rubricVersion.update({ where: { id: rubric.id }, data: { status: "published", publishedAt: new Date() } });
  return { id: rubric.id };
}

export async function createRoundKits(db: Db) {
  for (const kit of defaultRoundKits) {
    await db.roundKit.upsert({ where: { type: kit.type }, create: kit, update: {} });
  }
}

export async function createCandidate(
  db: Db,
  input: {
    recruiterId: string;
    hiringManagerId: string;
    name?: string;
    email?: string;
    source?: CandidateSource;
    track?: Track;
    currentRole?: string;
    currentLevel?: string;
    targetLevel?: string;
    createdAt?: Date;
  },
) {
  const id = unique();
  return db.candidate.create({
    data: {
      name: input.name ?? `Candidate ${id}`,
      email: (input.email ?? `candidate-${id}@test.example`).toLowerCase(),
      currentRole: input.currentRole ?? "Senior Software Engineer",
      currentLevel: input.currentLevel ?? "L5",
      source: input.source ?? "external",
      track: input.track ?? "core_pm",
      targetLevel: input.targetLevel ?? "L5",
      recruiterId: input.recruiterId,
      hiringManagerId: input.hiringManagerId,
      createdAt: input.createdAt,
    },
    select: { id: true, name: true, email: true, source: true, track: true, targetLevel: true },
  });
}

export async function createLoop(
  db: Db,
  input: {
    candidateId: string;
    recruiterId: string;
    hiringManagerId: string;
    rubricVersionId: string;
    roleTitle?: string;
    track?: Track;
    targetLevel?: string;
    /** The stages the loop went through, oldest first, with when each began. */
    history?: { stage: LoopStage; at: Date; byId?: string }[];
    debriefAt?: Date | null;
  },
) {
  const history = input.history ?? [{ stage: "sourced" as LoopStage, at: new Date() }];
  const current = history[history.length - 1]!;
  return db.loop.create({
    data: {
      candidateId: input.candidateId,
      recruiterId: input.recruiterId,
      hiringManagerId: input.hiringManagerId,
      rubricVersionId: input.rubricVersionId,
      roleTitle: input.roleTitle ?? "Product Manager",
      track: input.track ?? "core_pm",
      targetLevel: input.targetLevel ?? "L5",
      stage: current.stage,
      stageChangedAt: current.at,
      startedAt: history[0]!.at,
      createdAt: history[0]!.at,
      debriefAt: input.debriefAt ?? null,
      closedAt: current.stage === "closed" ? current.at : null,
      stageChanges: {
        create: history.map((step, index) => ({
          fromStage: index === 0 ? null : history[index - 1]!.stage,
          toStage: step.stage,
          changedAt: step.at,
          changedById: step.byId ?? input.recruiterId,
        })),
      },
    },
    select: { id: true, stage: true },
  });
}

export async function createRound(
  db: Db,
  input: {
    loopId: string;
    type: RoundType;
    position: number;
    interviewerId: string | null;
    scheduledAt: Date | null;
    durationMinutes?: number;
    focusDimensionKeys?: string[];
    status?: "scheduled" | "completed" | "cancelled";
  },
) {
  const kit = defaultRoundKits.find((candidate) => candidate.type === input.type)!;
  const durationMinutes = input.durationMinutes ?? kit.defaultMinutes;
  const feedbackDueAt = input.scheduledAt
    ? new Date(input.scheduledAt.getTime() + durationMinutes * 60_000 + 24 * 3_600_000)
    : null;
  return db.round.create({
    data: {
      loopId: input.loopId,
      type: input.type,
      position: input.position,
      interviewerId: input.interviewerId,
      scheduledAt: input.scheduledAt,
      durationMinutes,
      focusDimensionKeys: input.focusDimensionKeys ?? kit.focusDimensionKeys,
      feedbackDueAt,
      status: input.status ?? "scheduled",
    },
    select: { id: true, feedbackDueAt: true, scheduledAt: true },
  });
}

export async function createFeedback(
  db: Db,
  input: {
    roundId: string;
    interviewerId: string;
    rubricVersionId: string;
    status: FeedbackStatus;
    recommendation?: Recommendation | null;
    summary?: string;
    flagKeys?: string[];
    submittedAt?: Date | null;
    createdAt?: Date;
    /** Submitted ratings: value 1-4 or null for no signal. */
    ratings: { dimensionId: string; value: number | null; evidence: string }[];
    /** A draft's form state (see app/schemas/feedback.ts). */
    draft?: Prisma.InputJsonValue;
  },
) {
  return db.feedback.create({
    data: {
      roundId: input.roundId,
      interviewerId: input.interviewerId,
      rubricVersionId: input.rubricVersionId,
      status: input.status,
      recommendation: input.recommendation ?? null,
      summary: input.summary ?? "",
      flagKeys: input.flagKeys ?? [],
      submittedAt: input.status === "submitted" ? (input.submittedAt ?? new Date()) : null,
      createdAt: input.createdAt,
      draft: input.draft,
      ratings: { create: input.ratings },
    },
    select: { id: true },
  });
}
