import { randomBytes } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { recordAudit } from "./audit.server";
import { hashPassword } from "./auth/password.server";
import { isUniqueViolation } from "./db.server";

export class CreateAdminError extends Error {
  override name = "CreateAdminError";
}

/** Creates an admin with a random temporary password (returned once), for npm run create-admin. */
export async function createAdmin(
  prisma: PrismaClient,
  input: { name: string; email: string },
): Promise<{ email: string; password: string }> {
  const password = randomBytes(12).toString("base64url");
  try {
    const user = await prisma.user.create({
      data: { ...input, role: "admin", password: { create: { hash: await hashPassword(password) } } },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: null,
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        data: { email: input.email, role: "admin", via: "cli" },
      },
      prisma,
    );
    return { email: input.email, password };
  } catch (error) {
    if (isUniqueViolation(error)) throw new CreateAdminError(`An account with ${input.email} already exists.`);
    throw error;
  }
}
