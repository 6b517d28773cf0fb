import { can, mayReadOutcomes, type Person } from "~/domain/permissions";
import type { OutcomeInput } from "~/schemas/outcomes";
import { recordAudit } from "../audit.server";
import { authorizeLoop } from "../auth/permissions.server";
import { prisma } from "../db.server";
import { ServiceError } from "../service-error.server";

/**
 * What became of hires: recorded by the loop's hiring manager or an admin,
 * only for loops whose current decision is hire (hires and internal
 * transfers alike). Outcomes are read back only here (by those who record
 * them) and as aggregate validity on the calibration page; never in a debrief.
 */

const currentHire = { decisions: { some: { supersededAt: null, outcome: "hire" as const } } };

/** Whether the person sees outcome-linked validity (reads the grant from the database: sessions do not carry it). */
export async function readsOutcomes(person: Pick<Person, "id" | "role">): Promise<boolean> {
  const grant = await prisma.user.findUnique({ where: { id: person.id }, select: { peopleAnalytics: true } });
  return mayReadOutcomes({ role: person.role, peopleAnalytics: grant?.peopleAnalytics ?? false });
}

export async function getPerformanceScale() {
  return prisma.performanceLevel.findMany({ orderBy: { value: "asc" }, select: { value: true, label: true } });
}

const PAGE = 100;

/** The hires whose outcomes the person may record: an admin's are every hire, a hiring manager's those they manage. */
export async function listHiresForOutcomes(viewer: Person) {
  if (!can(viewer, "outcomes.record")) throw new ServiceError(403, "Your role does not record outcomes.");
  const where = {
    ...currentHire,
    ...(viewer.role === "admin" ? {} : { hiringManagerId: viewer.id }),
  };
  const [loops, total] = await Promise.all([
    prisma.loop.findMany({
      where,
      orderBy: { startedAt: "desc" },
      take: PAGE,
      select: {
        id: true,
        roleTitle: true,
        candidate: { select: { name: true, source: true } },
        decisions: { where: { supersededAt: null }, select: { decidedAt: true }, take: 1 },
        outcome: { select: { performance6: true, performance12: true, stillInRole: true } },
      },
    }),
    prisma.loop.count({ where }),
  ]);
  return {
    total,
    shown: loops.length,
    hires: loops.map((loop) => ({
      loopId: loop.id,
      candidate: loop.candidate.name,
      transfer: loop.candidate.source === "internal",
      roleTitle: loop.roleTitle,
      decidedAt: loop.decisions[0]?.decidedAt.toISOString() ?? null,
      outcome: loop.outcome,
    })),
  };
}

async function hiredLoop(loopId: string) {
  const loop = await prisma.loop.findFirst({
    where: { id: loopId, ...currentHire },
    select: { id: true, roleTitle: true, candidate: { select: { name: true } } },
  });
  if (!loop)
    throw new ServiceError(409, "Outcomes are recorded only for hires: this loop's current decision is not hire.");
  return loop;
}

export async function getOutcomeForm(viewer: Person, loopId: string) {
  await authorizeLoop(viewer, loopId, "outcome.record");
  const [loop, outcome, scale] = await Promise.all([
    hiredLoop(loopId),
    prisma.hireOutcome.findUnique({
      where: { loopId },
      select: { performance6: true, performance12: true, stillInRole: true },
    }),
    getPerformanceScale(),
  ]);
  return { loop: { id: loop.id, roleTitle: loop.roleTitle, candidate: loop.candidate.name }, outcome, scale };
}

export async function recordOutcome(viewer: Person, loopId: string, input: OutcomeInput) {
  await authorizeLoop(viewer, loopId, "outcome.record");
  await hiredLoop(loopId);
  const values = {
    performance6: input.performance6 ?? null,
    performance12: input.performance12 ?? null,
    stillInRole: input.stillInRole === undefined ? null : input.stillInRole === "yes",
  };
  await prisma.$transaction(async (tx) => {
    await tx.hireOutcome.upsert({
      where: { loopId },
      create: { loopId, recordedById: viewer.id, ...values },
      update: { recordedById: viewer.id, ...values },
    });
    // Which fields are known, not their values: the audit log is read more widely than outcomes are.
    await recordAudit(
      {
        actorId: viewer.id,
        action: "outcome.recorded",
        entityType: "Loop",
        entityId: loopId,
        loopId,
        data: { known: Object.entries(values).flatMap(([key, value]) => (value === null ? [] : [key])) },
      },
      tx,
    );
  });
}

/** Replaces the scale's labels; a level that recorded outcomes use cannot be removed. */
export async function savePerformanceScale(adminId: string, labels: string[]) {
  return prisma.$transaction(async (tx) => {
    const [highest] = await tx.$queryRaw<{ value: number | null }[]>`
      SELECT max(GREATEST(COALESCE("performance6", 0), COALESCE("performance12", 0)))::int AS "value" FROM "HireOutcome"`;
    const used = highest?.value ?? 0;
    if (labels.length < used) {
      return {
        ok: false as const,
        error: `Recorded outcomes use level ${used}: keep at least ${used} levels (relabel rather than remove).`,
      };
    }
    await tx.performanceLevel.deleteMany({ where: { value: { gt: labels.length } } });
    for (const [index, label] of labels.entries()) {
      await tx.performanceLevel.upsert({
        where: { value: index + 1 },
        create: { value: index + 1, label },
        update: { label },
      });
    }
    await recordAudit(
      {
        actorId: adminId,
        action: "performance_scale.saved",
        entityType: "PerformanceLevel",
        entityId: "scale",
        data: { labels },
      },
      tx,
    );
    return { ok: true as const };
  });
}
