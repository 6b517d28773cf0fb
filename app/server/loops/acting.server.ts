import type { Role } from "~/generated/prisma/enums";
import type { SessionUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { ServiceError } from "../service-error.server";

/** Who acts: services record them, and check nothing else about them (routes guard). */
export type Actor = Pick<SessionUser, "id">;

export async function assertRole(userId: string, roles: Role[], field: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
  if (!user || !user.active || !roles.includes(user.role))
    throw new ServiceError(400, "Choose an active person with the right role.", { field: field });
}
