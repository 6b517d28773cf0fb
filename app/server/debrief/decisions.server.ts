import type { DecisionInput } from "~/schemas/decision";
import type { Person } from "~/domain/permissions";
import { authorizeLoop } from "../auth/permissions.server";
import { prisma } from "../db.server";

export class DecisionError extends Error {
  constructor(
    message: string,
    readonly status: 403 | 404 | 409,
  ) {
    super(message);
  }
}

// Stages from which recording a decision moves the loop to "decided"; an offer or a closed loop keeps its stage.
const STAGES_BEFORE_DECISION = new Set([
  "sourced",
  "screen",
  "loop_scheduled",
  "in_loop",
  "awaiting_feedback",
  "debrief",
  "decided",
]);

/**
 * Records the hiring decision. A new decision supersedes the previous one
 * (history is kept), moves the loop to "decided" with a recorded stage
 * change, and is audited. Only the loop's hiring manager or an admin decides.
 */
export async function recordDecision(viewer: Person, loopId: string, input: DecisionInput, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    await authorizeLoop(viewer, loopId, "decision.record", tx);
    const loop = await tx.loop.findUnique({
      where: { id: loopId },
      select: {
        id: true,
        stage: true,
        hiringManagerId: true,
        rubricVersion: { select: { dimensions: { select: { key: true } } } },
      },
    });
    if (!loop) throw new DecisionError("There is no such loop.", 404);
    const known = new Set(loop.rubricVersion.dimensions.map((dimension) => dimension.key));
    const dimensionKeys = input.dimensionKeys.filter((key) => known.has(key));
    if (dimensionKeys.length === 0) throw new DecisionError("Name at least one dimension of this loop's rubric.", 409);

    await tx.decision.updateMany({ where: { loopId, supersededAt: null }, data: { supersededAt: now } });
    const decision = await tx.decision.create({
      data: {
        loopId,
        outcome: input.outcome,
        level: input.outcome === "hire" ? (input.level ?? null) : null,
        rationale: input.rationale,
        dimensionKeys,
        dissent: input.dissent,
        decidedById: viewer.id,
        decidedAt: now,
      },
      select: { id: true },
    });
    if (STAGES_BEFORE_DECISION.has(loop.stage) && loop.stage !== "decided") {
      await tx.loop.update({ where: { id: loopId }, data: { stage: "decided", stageChangedAt: now } });
      await tx.stageChange.create({
        data: {
          loopId,
          fromStage: loop.stage,
          toStage: "decided",
          changedAt: now,
          changedById: viewer.id,
          reason: `Decision recorded: ${input.outcome}`,
        },
      });
    }
    await tx.auditEvent.create({
      data: {
        actorId: viewer.id,
        action: "decision.recorded",
        entityType: "Loop",
        entityId: loopId,
        data: { decisionId: decision.id, outcome: input.outcome },
      },
    });
    return decision;
  });
}
