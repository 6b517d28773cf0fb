/** npm run db:seed: add the demo data to an empty, migrated database. */
import { configuredDatabase } from "~/server/setup.server";
import { isEmpty, seedDemoData } from "../prisma/seed";

const database = configuredDatabase();
try {
  if (!(await isEmpty(database.prisma))) {
    console.error("The database already has people in it; the demo seed only runs on an empty database.");
    process.exitCode = 1;
  } else {
    const summary = await seedDemoData(database.prisma);
    console.log(`Seeded ${summary.users} people and ${summary.loops} loops.`);
  }
} finally {
  await database.close();
}
