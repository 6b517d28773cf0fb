/**
 * Runs before the server starts (npm start, npm run serve, npm run dev):
 * validates the environment, applies pending migrations, seeds demo data into
 * an empty database when SEED_DEMO_DATA says so (by default only for the
 * embedded database outside production), and prints how to sign in. Any
 * failure stops the start with a clear message; a failed migration leaves the
 * database as it was.
 */
async function main() {
  const { env } = await import("~/env.server");
  const { describeDatabase } = await import("~/server/setup.server");
  const { listBackups } = await import("~/server/backup/backup-files.server");
  // The process's one database handle (a PGlite directory must never be opened twice).
  const { database } = await import("~/server/db.server");
  const { migrate } = await import("~/server/migrations.server");
  const { DEMO_PASSWORD, demoSignIns, isEmpty, seedDemoData } = await import("../prisma/seed");
  const fs = await import("node:fs");

  const freshEmbedded = !env.DATABASE_URL && !fs.existsSync(env.PGLITE_DATA_DIR);
  const backups = freshEmbedded ? listBackups(env.BACKUP_DIR) : [];
  if (backups[0]) {
    console.warn(
      `\nNOTE: creating a new, empty database at ${env.PGLITE_DATA_DIR}, but backups exist in ${env.BACKUP_DIR} (newest ${backups[0].path}).` +
        `\n      If this should be your data, stop and restore it: npm run db:restore -- ${backups[0].path} --replace\n`,
    );
  }

  try {
    const result = await database.withSql((sql) => migrate(sql));
    if (result.applied.length) console.log(`Applied migrations: ${result.applied.join(", ")}`);
    const empty = await isEmpty(database.prisma);
    if (empty && env.SEED_DEMO_DATA === "auto") {
      const summary = await seedDemoData(database.prisma);
      console.log(`Seeded demo data: ${summary.users} people, ${summary.loops} loops.`);
    }
    // The first calibration page view should read from the cache, not wait for a computation.
    const { warmCalibration } = await import("~/server/calibration/calibration.server");
    await warmCalibration();
    console.log(`Database: ${describeDatabase()}`);

    const demo = await database.prisma.user.findMany({
      where: { email: { in: demoSignIns.map((account) => account.email) }, active: true },
      select: { email: true },
    });
    if (demo.length) {
      const production = env.NODE_ENV === "production" || env.DATABASE_URL;
      console.log(
        `\n${production ? "WARNING: this database has demo accounts with a public password" : "Demo sign-ins"} (password "${DEMO_PASSWORD}"):`,
      );
      for (const account of demoSignIns.filter((item) => demo.some((user) => user.email === item.email))) {
        console.log(`  ${account.role.padEnd(15)} ${account.email}`);
      }
      if (production) console.log("Deactivate them under People once you have your own admin account.");
    } else if (await isEmpty(database.prisma)) {
      console.log(
        "\nNo accounts yet. Create the first admin (a temporary password is printed once):" +
          '\n  npm run -s create-admin -- "Your Name" you@company.com' +
          (env.SEED_DEMO_DATA === "never"
            ? "\n(For demo data instead, start once with SEED_DEMO_DATA=auto on an empty database.)"
            : ""),
      );
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
