import { decideLoopAction, type LoopAction, type LoopRelationship, mayLoop, type Person } from "~/domain/permissions";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "../db.server";
import { ServiceError } from "../service-error.server";

/**
 * The one server entry point for access to loops: every loader, action,
 * resource route, export and statistic asks here. The rules themselves are
 * pure (domain/permissions.ts); this module finds how a person stands to a
 * loop and applies them.
 */

type Db = typeof prisma | Prisma.TransactionClient;

/** Rounds that bind their interviewer to the blind rule: any round not cancelled. */
const liveRound = { status: { not: "cancelled" } } as const;

/** How the person stands to the loop, or null when there is no such loop. One query. */
export async function loopRelationship(
  person: Pick<Person, "id">,
  loopId: string,
  db: Db = prisma,
): Promise<LoopRelationship | null> {
  const loop = await db.loop.findUnique({
    where: { id: loopId },
    select: {
      hiringManagerId: true,
      recruiterId: true,
      rounds: {
        where: { interviewerId: person.id, ...liveRound },
        select: { feedback: { where: { interviewerId: person.id, status: "submitted" }, select: { id: true } } },
      },
    },
  });
  if (!loop) return null;
  const panel =
    loop.rounds.length === 0 ? "none" : loop.rounds.every((round) => round.feedback.length > 0) ? "submitted" : "owes";
  return { hiringManager: loop.hiringManagerId === person.id, recruiter: loop.recruiterId === person.id, panel };
}

/** The relationship, if the person may do `action` with the loop; otherwise throws a 404 or 403 response. */
export async function authorizeLoop(
  person: Person,
  loopId: string,
  action: LoopAction,
  db: Db = prisma,
): Promise<LoopRelationship> {
  const relationship = await loopRelationship(person, loopId, db);
  if (!relationship) throw new ServiceError(404, "There is no such loop.");
  const verdict = decideLoopAction(person, relationship, action);
  if (!verdict.allowed) throw new ServiceError(verdict.status, verdict.reason);
  return relationship;
}

/** Whether the person may do `action` with the loop (no throw), for showing or hiding what they cannot use. */
export function allows(person: Person, relationship: LoopRelationship, action: LoopAction): boolean {
  return mayLoop(person, relationship, action);
}

/**
 * The loops on which the person owes feedback (the blind rule locks them).
 * Aggregates shown to the person leave these loops out, so nothing they can
 * fetch changes with what a colleague writes there.
 */
export async function lockedLoopIds(personId: string, db: Db = prisma): Promise<string[]> {
  const rounds = await db.round.findMany({
    where: {
      interviewerId: personId,
      ...liveRound,
      feedback: { none: { interviewerId: personId, status: "submitted" } },
    },
    distinct: ["loopId"],
    select: { loopId: true },
  });
  return rounds.map((round) => round.loopId);
}

/**
 * The loops a person's lists show. Admins, recruiters and committee members:
 * every loop; a hiring manager: those they manage and those they sit on; an
 * interviewer: those they sit on. Matches the detail pages' scope.
 */
export function loopScopeWhere(person: Person): Prisma.LoopWhereInput {
  if (person.role === "admin" || person.role === "recruiter") return {};
  if (person.role === "hiring_manager" && person.committeeMember) return {};
  const onPanel: Prisma.LoopWhereInput = { rounds: { some: { interviewerId: person.id, ...liveRound } } };
  if (person.role === "hiring_manager") return { OR: [{ hiringManagerId: person.id }, onPanel] };
  return onPanel;
}
