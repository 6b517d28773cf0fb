/**
 * Runs before the server starts (npm start, npm run dev): validates the
 * environment, applies pending migrations, seeds demo data into an empty
 * database (SEED_DEMO_DATA=auto), and prints how to sign in. Any failure stops
 * the start with a clear message; a failed migration leaves the database as it was.
 */
async function main() {
  const { env } = await import("~/env.server");
  const { describeDatabase } = await import("~/server/setup.server");
  // The process's one database handle (a PGlite directory must never be opened twice).
  const { database } = await import("~/server/db.server");
  const { migrate } = await import("~/server/migrations.server");
  const { demoAccounts, DEMO_PASSWORD, isEmpty, seedDemoData } = await import("../prisma/seed");

  try {
    const result = await database.withSql((sql) => migrate(sql));
    if (result.applied.length) console.log(`Applied migrations: ${result.applied.join(", ")}`);
    const seeded = env.SEED_DEMO_DATA === "auto" && (await isEmpty(database.prisma));
    if (seeded) {
      const summary = await seedDemoData(database.prisma);
      console.log(`Seeded demo data: ${summary.users} people, ${summary.loops} loops.`);
    }
    // The first calibration page view should read from the cache, not wait for a computation.
    const { warmCalibration } = await import("~/server/calibration/calibration.server");
    await warmCalibration();
    console.log(`Database: ${describeDatabase()}`);
    const demoExists = await database.prisma.user.count({ where: { email: demoAccounts[0].email } });
    if (demoExists) {
      console.log(`\nDemo sign-ins (password "${DEMO_PASSWORD}"):`);
      for (const account of demoAccounts) console.log(`  ${account.role.padEnd(15)} ${account.email}`);
    }
    console.log(`\nCalibrate will be at http://localhost:${env.PORT}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`\nCalibrate could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
