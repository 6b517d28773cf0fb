/**
 * npm run -s create-admin -- "Full Name" email@company.com
 * Creates an admin with a random temporary password, printed once.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { emailSchema } from "~/schemas/auth";
import { hashPassword } from "~/server/auth/password.server";
import { recordAudit } from "~/server/audit.server";
import { database, isUniqueViolation } from "~/server/db.server";

const args = z.tuple([z.string().trim().min(1, "name is empty"), emailSchema]).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error(
    `Usage: npm run -s create-admin -- "Full Name" email@company.com (${z.prettifyError(args.error).split("\n")[0]})`,
  );
  process.exit(2);
}
const [name, email] = args.data;
const password = randomBytes(12).toString("base64url");

// The process's one database: opening a second PGlite on the same directory would corrupt it.
try {
  const user = await database.prisma.user.create({
    data: { name, email, role: "admin", password: { create: { hash: await hashPassword(password) } } },
    select: { id: true },
  });
  await recordAudit({
    actorId: null,
    action: "user.created",
    entityType: "User",
    entityId: user.id,
    data: { email, role: "admin", via: "cli" },
  });
  console.log(`Created admin ${email}. Temporary password: ${password}`);
} catch (error) {
  console.error(isUniqueViolation(error) ? `An account with ${email} already exists.` : String(error));
  process.exitCode = 1;
} finally {
  await database.close();
}
