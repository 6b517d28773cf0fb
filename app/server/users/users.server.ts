import type { Role } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "../audit.server";
import { hashPassword } from "../auth/password.server";
import { isUniqueViolation, prisma } from "../db.server";
import { ServiceError } from "../service-error.server";

export function listUsers() {
  return prisma.user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      committeeMember: true,
      peopleAnalytics: true,
      createdAt: true,
    },
  });
}

/**
 * Sets a hiring manager's grants: "hiring committee member" (reads every
 * loop's debrief, the blind rule still applying) and "people analytics" (reads
 * outcome-linked validity). Other roles hold neither: their role decides.
 */
export async function changeGrants(
  actorId: string,
  userId: string,
  grants: { committeeMember: boolean; peopleAnalytics: boolean },
) {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, committeeMember: true, peopleAnalytics: true },
    });
    if (!user) throw new ServiceError(409, "That person no longer exists.");
    if (user.role !== "hiring_manager" && (grants.committeeMember || grants.peopleAnalytics)) {
      throw new ServiceError(409, "Only hiring managers hold these grants; admins already read everything.");
    }
    if (user.committeeMember === grants.committeeMember && user.peopleAnalytics === grants.peopleAnalytics) return;
    await tx.user.update({ where: { id: userId }, data: grants });
    await recordAudit(
      {
        actorId,
        action: "user.grants_changed",
        entityType: "User",
        entityId: userId,
        data: { from: { committeeMember: user.committeeMember, peopleAnalytics: user.peopleAnalytics }, to: grants },
      },
      tx,
    );
  });
}

export async function createUserAccount(
  actorId: string,
  input: { name: string; email: string; role: Role; password: string },
) {
  const hash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, password: { create: { hash } } },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId,
          action: "user.created",
          entityType: "User",
          entityId: user.id,
          data: { email: input.email, role: input.role },
        },
        tx,
      );
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ServiceError(409, "Someone already has an account with this email.", { field: "email" });
    }
    throw error;
  }
}

/** Refuses to leave Calibrate without an active admin. */
export async function assertAnotherActiveAdmin(tx: Prisma.TransactionClient, userId: string) {
  const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
  if (others === 0)
    throw new ServiceError(409, "Calibrate needs at least one active admin; make someone else an admin first.");
}

export async function changeRole(actorId: string, userId: string, role: Role) {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw new ServiceError(409, "That person no longer exists.");
    if (user.role === role) return;
    if (user.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(
      {
        actorId,
        action: "user.role_changed",
        entityType: "User",
        entityId: userId,
        data: { from: user.role, to: role },
      },
      tx,
    );
  });
  // A role change takes effect on the next request: sessions read the role from the user row.
}

/** Lets a deactivated person sign in again (deactivation is in deactivation.server.ts). */
export async function reactivateUser(actorId: string, userId: string) {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
    if (!user) throw new ServiceError(409, "That person no longer exists.");
    if (user.active) return;
    await tx.user.update({ where: { id: userId }, data: { active: true } });
    await recordAudit({ actorId, action: "user.reactivated", entityType: "User", entityId: userId }, tx);
  });
}
