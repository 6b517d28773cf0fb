import { type DecisionInput } from "~/schemas/decision";
import type { Person } from "~/domain/permissions";
import { stageAfterDecision } from "~/domain/stage-rules";
import { recordAudit } from "../audit.server";
import { authorizeLoop } from "../auth/permissions.server";
import { prisma } from "../db.server";
import { moveStage } from "../loops/stage.server";
import { ServiceError } from "../service-error.server";
import { decisionOutcomeLabels } from "~/domain/vocabulary";

/**
 * Records the hiring decision. A new decision supersedes the previous one
 * (history is kept) and is audited. Hire and no hire move the loop to
 * "decided"; More signal needed keeps it active and returns it to loop
 * scheduling (domain/stage-rules.ts), through the one stage writer. Only the
 * loop's hiring manager or an admin decides.
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
    if (!loop) throw new ServiceError(404, "There is no such loop.");
    const known = new Set(loop.rubricVersion.dimensions.map((dimension) => dimension.key));
    const dimensionKeys = input.dimensionKeys.filter((key) => known.has(key));
    if (dimensionKeys.length === 0) throw new ServiceError(409, "Name at least one dimension of this loop's rubric.");

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
    const label = decisionOutcomeLabels[input.outcome];
    const next = stageAfterDecision(loop.stage, input.outcome);
    await moveStage(
      tx,
      loopId,
      loop.stage,
      next,
      viewer.id,
      input.outcome === "more_signal" ? `${label}: back to loop scheduling` : `Decision recorded: ${label}`,
      now,
    );
    await recordAudit(
      {
        actorId: viewer.id,
        action: "decision.recorded",
        entityType: "Loop",
        entityId: loopId,
        loopId,
        data: { decisionId: decision.id, outcome: input.outcome, fromStage: loop.stage, toStage: next },
      },
      tx,
    );
    return { ...decision, stage: next };
  });
}
