import type { Role } from "~/generated/prisma/enums";

/**
 * Who may do what, as pure rules. A role grants capabilities; a person's
 * relationship to a loop (its hiring manager, its recruiter, a panelist who
 * still owes feedback, one who has submitted, none) scopes what they may do
 * with that loop. The blind rule belongs to the relationship, not the role:
 * anyone who owes feedback on a loop is locked out of the panel's feedback,
 * whatever their role. The server applies these rules in one place
 * (server/auth/permissions.server.ts).
 */

/** Things a person may do regardless of any particular loop. */
export type Capability =
  | "rounds.own" // My rounds: the rounds assigned to me, and my own feedback
  | "calibration.own" // my own calibration beside the organisation's
  | "calibration.all" // every interviewer's calibration, with filters
  | "loops.list" // the loops I manage or sit on (everyone's for admins and committee members)
  | "pipeline.read" // the recruiter's pipeline and summary
  | "candidates.create" // add candidates and open loops
  | "people.manage"
  | "rubrics.manage"
  | "kits.manage"
  | "stages.manage"
  | "outbox.read"
  | "audit.read"
  | "outcomes.record"; // what became of hires: admins for any loop, hiring managers for the loops they manage

export const capabilitiesByRole: Record<Role, readonly Capability[]> = {
  interviewer: ["rounds.own", "calibration.own"],
  hiring_manager: ["rounds.own", "calibration.own", "calibration.all", "loops.list", "outcomes.record"],
  recruiter: ["rounds.own", "pipeline.read", "candidates.create"],
  admin: [
    "rounds.own",
    "calibration.own",
    "calibration.all",
    "loops.list",
    "pipeline.read",
    "candidates.create",
    "people.manage",
    "rubrics.manage",
    "kits.manage",
    "stages.manage",
    "outbox.read",
    "audit.read",
    "outcomes.record",
  ],
};

export interface Person {
  id: string;
  role: Role;
  /** The "hiring committee member" grant: read any loop's debrief (blind rule still applies). */
  committeeMember: boolean;
}

export function can(person: Pick<Person, "role">, capability: Capability): boolean {
  return capabilitiesByRole[person.role].includes(capability);
}

/**
 * Outcome-linked validity (how hires did, against what their panels said) is
 * sensitive: admins see it, and so do holders of the "people analytics" grant
 * who see everyone's calibration. Never part of a debrief.
 */
export function mayReadOutcomes(person: Pick<Person, "role"> & { peopleAnalytics: boolean }): boolean {
  return person.role === "admin" || (person.peopleAnalytics && can(person, "calibration.all"));
}

/** How a person stands to one loop. */
export interface LoopRelationship {
  hiringManager: boolean;
  recruiter: boolean;
  /**
   * "owes": has a round on this loop (held or scheduled, not cancelled) without
   * their submitted feedback, and so is locked; "submitted": every round of
   * theirs on it has their submitted feedback; "none": not on the panel.
   */
  panel: "none" | "owes" | "submitted";
}

/** Things done with one loop. */
export type LoopAction =
  | "loop.view" // the loop's page: rounds, schedule, timeline (who submitted when, never what)
  | "loop.manage" // schedule, reschedule, cancel rounds; move the stage; edit details
  | "debrief.read" // the panel's feedback: debrief, packet, ratings CSV
  | "decision.record"
  | "feedback.void"
  | "outcome.record"; // what became of the hire (the service also requires a hire decision)

export type Verdict = { allowed: true } | { allowed: false; status: 403 | 404; reason: string };

const NOT_FOUND: Verdict = { allowed: false, status: 404, reason: "There is no such loop." };
const ALLOWED: Verdict = { allowed: true };
export const LOCKED_REASON =
  "The panel's feedback opens for you once your own feedback for this candidate is submitted: every panelist writes before reading the others.";

/** Whether the person may know the loop exists at all (anyone else gets "not found"). */
function inScope(person: Person, relationship: LoopRelationship): boolean {
  if (person.role === "admin" || person.role === "recruiter") return true;
  if (relationship.hiringManager || relationship.panel !== "none") return true;
  return person.role === "hiring_manager" && person.committeeMember;
}

/** Locked: the person owes feedback on this loop and may learn who submitted and when, nothing more. */
export function isLocked(relationship: LoopRelationship): boolean {
  return relationship.panel === "owes";
}

export function decideLoopAction(person: Person, relationship: LoopRelationship, action: LoopAction): Verdict {
  if (!inScope(person, relationship)) return NOT_FOUND;
  const locked: Verdict = { allowed: false, status: 403, reason: LOCKED_REASON };
  switch (action) {
    case "loop.view":
      if (person.role === "admin" || person.role === "recruiter") return ALLOWED;
      if (person.role === "hiring_manager") return ALLOWED;
      return { allowed: false, status: 403, reason: "A loop's page is for its recruiters and hiring managers." };
    case "loop.manage":
      if (person.role === "admin" || person.role === "recruiter") return ALLOWED;
      return { allowed: false, status: 403, reason: "Only recruiters and admins schedule rounds and move loops." };
    case "debrief.read":
      return isLocked(relationship) ? locked : ALLOWED;
    case "decision.record":
      if (!(person.role === "admin" || (person.role === "hiring_manager" && relationship.hiringManager))) {
        return {
          allowed: false,
          status: 403,
          reason: "Only this loop's hiring manager (or an admin) records its decision.",
        };
      }
      return isLocked(relationship) ? locked : ALLOWED;
    case "feedback.void":
      if (person.role !== "admin") return { allowed: false, status: 403, reason: "Only admins void feedback." };
      return isLocked(relationship) ? locked : ALLOWED;
    case "outcome.record":
      // Reveals nothing of the panel's feedback, so the blind rule does not bear on it.
      if (person.role === "admin" || (person.role === "hiring_manager" && relationship.hiringManager)) return ALLOWED;
      return {
        allowed: false,
        status: 403,
        reason: "Only this loop's hiring manager (or an admin) records its outcomes.",
      };
  }
}

export function mayLoop(person: Person, relationship: LoopRelationship, action: LoopAction): boolean {
  return decideLoopAction(person, relationship, action).allowed;
}
