/** npm run db:migrate: apply pending migrations to the configured database. */
import { describeDatabase, migrateConfiguredDatabase } from "~/server/setup.server";

try {
  const result = await migrateConfiguredDatabase();
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s) to ${describeDatabase()}: ${result.applied.join(", ")}`
      : `${describeDatabase()} is up to date (${result.alreadyApplied} migrations applied).`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
