/**
 * npm run -s create-admin -- "Full Name" email@company.com
 * Creates an admin with a random temporary password, printed once. On the
 * embedded database while a server runs, the server creates it (the
 * directory is never opened by two processes).
 */
import { z } from "zod";
import { emailSchema } from "~/schemas/auth";
import { askOwner } from "~/server/backup/backup-control.server";
import { createAdmin } from "~/server/first-admin.server";
import { liveOwner } from "~/server/pglite-lock.server";
import { configuredDatabase } from "~/server/setup.server";

const args = z.tuple([z.string().trim().min(1, "name is empty"), emailSchema]).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error(
    `Usage: npm run -s create-admin -- "Full Name" email@company.com (${z.prettifyError(args.error).split("\n")[0]})`,
  );
  process.exit(2);
}
const [name, email] = args.data;

async function main() {
  const { env } = await import("~/env.server");
  const owner = env.DATABASE_URL ? null : liveOwner(env.PGLITE_DATA_DIR);
  if (owner?.control) return (await askOwner(owner, { command: "create-admin", name, email })) as { password: string };
  const database = configuredDatabase();
  try {
    return await createAdmin(database.prisma, { name, email });
  } finally {
    await database.close();
  }
}

main().then(
  ({ password }) => console.log(`Created admin ${email}. Temporary password: ${password}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
