/**
 * People in every relationship to one loop, for the access matrix and the
 * differential blind test. The loop has submitted feedback from Bob and Carol
 * (their evidence and summaries carry the marker SECRET), and open rounds for
 * Alice (an interviewer) and for a hiring manager, a recruiter and an admin
 * who each sit on the panel and still owe feedback.
 */
import type { RoundType } from "~/generated/prisma/enums";
import { createUser } from "../../prisma/factories";
import { cookieFor, prisma } from "./remix";
import { completeForm, panelScenario, submitFeedback } from "./scenario";

export { submitFeedback };

export const RELATIONSHIPS = [
  "anonymous",
  "outsider",
  "lockedInterviewer",
  "lockedHiringManager",
  "lockedRecruiter",
  "lockedAdmin",
  "unlockedPanelist",
  "loopHiringManager",
  "otherHiringManager",
  "committeeHiringManager",
  "recruiter",
  "admin",
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export async function accessScenario() {
  const base = await panelScenario();
  const { users, loop } = base;
  const [panelHm, panelRecruiter, panelAdmin, otherHm, committeeHm] = await Promise.all([
    createUser(prisma, { role: "hiring_manager", name: "Hana Panel-Manager" }),
    createUser(prisma, { role: "recruiter", name: "Rita Panel-Recruiter" }),
    createUser(prisma, { role: "admin", name: "Ada Panel-Admin" }),
    createUser(prisma, { role: "hiring_manager", name: "Otto Other-Manager" }),
    createUser(prisma, { role: "hiring_manager", name: "Cora Committee", committeeMember: true }),
  ]);
  const past = new Date(Date.now() - 2 * 86_400_000);
  const extra: [RoundType, string][] = [
    ["leadership", panelHm.id],
    ["recruiter_screen", panelRecruiter.id],
    ["take_home", panelAdmin.id],
  ];
  const extraRounds = [];
  for (const [index, [type, interviewerId]] of extra.entries()) {
    extraRounds.push(
      await prisma.round.create({
        data: {
          loopId: loop.id,
          type,
          position: 10 + index,
          interviewerId,
          scheduledAt: past,
          durationMinutes: 45,
          feedbackDueAt: new Date(past.getTime() + 86_400_000),
          focusDimensionKeys: ["ownership"],
        },
        select: { id: true },
      }),
    );
  }
  await submitFeedback(users.bob.id, base.rounds.bobBehavioral.id, completeForm({}, "2"));
  await submitFeedback(users.carol.id, base.rounds.carolExecution.id, completeForm({}, "4"));

  const people: Record<Exclude<Relationship, "anonymous">, { id: string }> = {
    outsider: users.outsider,
    lockedInterviewer: users.alice,
    lockedHiringManager: panelHm,
    lockedRecruiter: panelRecruiter,
    lockedAdmin: panelAdmin,
    unlockedPanelist: users.carol,
    loopHiringManager: users.hm,
    otherHiringManager: otherHm,
    committeeHiringManager: committeeHm,
    recruiter: users.recruiter,
    admin: users.admin,
  };
  /** The round each person's round pages are probed with: their own on the loop, or else Alice's. */
  const ownRound: Record<Relationship, string> = {
    anonymous: base.rounds.aliceProduct.id,
    outsider: base.rounds.aliceProduct.id,
    lockedInterviewer: base.rounds.aliceProduct.id,
    lockedHiringManager: extraRounds[0]!.id,
    lockedRecruiter: extraRounds[1]!.id,
    lockedAdmin: extraRounds[2]!.id,
    unlockedPanelist: base.rounds.carolExecution.id,
    loopHiringManager: base.rounds.aliceProduct.id,
    otherHiringManager: base.rounds.aliceProduct.id,
    committeeHiringManager: base.rounds.aliceProduct.id,
    recruiter: base.rounds.aliceProduct.id,
    admin: base.rounds.aliceProduct.id,
  };
  const cookies = Object.fromEntries(
    await Promise.all(
      Object.entries(people).map(async ([relationship, person]) => [relationship, await cookieFor(person.id)]),
    ),
  ) as Record<Exclude<Relationship, "anonymous">, string>;
  return { ...base, people, ownRound, cookies, extraRounds };
}
