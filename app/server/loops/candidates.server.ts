import type { Track } from "~/generated/prisma/enums";
import { recordAudit } from "../audit.server";
import { isUniqueViolation, prisma } from "../db.server";
import { ServiceError } from "../service-error.server";
import { type Actor, assertRole } from "./acting.server";

/** A candidate as the New candidate and Edit loop forms give it. */
// A type alias, not an interface: it is stored in the audit row as JSON.
export type CandidateInput = {
  name: string;
  email: string;
  currentRole: string;
  currentLevel: string;
  source: "internal" | "external";
  track: Track;
  targetLevel: string;
  hiringManagerId: string;
};

/** Candidates: adding one (an email is unique: a clash names the other candidate) and editing one. */

export async function createCandidateRecord(actor: Actor, input: CandidateInput) {
  const existing = await prisma.candidate.findUnique({
    where: { email: input.email },
    select: { id: true, name: true },
  });
  if (existing)
    throw new ServiceError(409, `${existing.name} already has this email.`, {
      field: "email",
      details: { existingCandidateId: existing.id },
    });
  await assertRole(input.hiringManagerId, ["hiring_manager"], "hiringManagerId");
  try {
    return await prisma.$transaction(async (tx) => {
      const candidate = await tx.candidate.create({ data: { ...input, recruiterId: actor.id }, select: { id: true } });
      await recordAudit(
        { actorId: actor.id, action: "candidate.created", entityType: "Candidate", entityId: candidate.id },
        tx,
      );
      return candidate;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const raced = await prisma.candidate.findUniqueOrThrow({
        where: { email: input.email },
        select: { id: true, name: true },
      });
      throw new ServiceError(409, `${raced.name} already has this email.`, {
        field: "email",
        details: { existingCandidateId: raced.id },
      });
    }
    throw error;
  }
}

/** Edits a candidate; the email stays unique (a clash names the other candidate). */
export async function updateCandidateRecord(actor: Actor, candidateId: string, input: CandidateInput) {
  const clash = await prisma.candidate.findFirst({
    where: { email: input.email, id: { not: candidateId } },
    select: { id: true, name: true },
  });
  if (clash)
    throw new ServiceError(409, `${clash.name} already has this email.`, {
      field: "email",
      details: { existingCandidateId: clash.id },
    });
  await assertRole(input.hiringManagerId, ["hiring_manager"], "hiringManagerId");
  await prisma.$transaction(async (tx) => {
    const before = await tx.candidate.findUnique({ where: { id: candidateId } });
    if (!before) throw new ServiceError(404, "That candidate does not exist.");
    await tx.candidate.update({ where: { id: candidateId }, data: input });
    await recordAudit(
      {
        actorId: actor.id,
        action: "candidate.updated",
        entityType: "Candidate",
        entityId: candidateId,
        data: {
          before: { ...before, createdAt: before.createdAt.toISOString(), updatedAt: before.updatedAt.toISOString() },
          after: input,
        },
      },
      tx,
    );
  });
}
