/**
 * npm run db:backup -- FILE
 * A consistent backup of the configured database (gzip when FILE ends in .gz),
 * restorable into PGlite or PostgreSQL with npm run db:restore. When a server
 * is running on the embedded database, it writes the backup for us: the
 * directory is never opened by two processes.
 */
import { backupFromOwner } from "~/server/backup/backup-control.server";
import { writeBackupFile } from "~/server/backup/backup-io.server";
import { dumpDatabase, type BackupSummary } from "~/server/backup/backup.server";
import { liveOwner } from "~/server/pglite-lock.server";
import { configuredDatabase, describeDatabase } from "~/server/setup.server";

const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("Usage: npm run db:backup -- FILE   (e.g. backups/calibrate.jsonl.gz)");
  process.exit(2);
}

async function main(target: string): Promise<string> {
  const { env } = await import("~/env.server");
  const owner = env.DATABASE_URL ? null : liveOwner(env.PGLITE_DATA_DIR);
  let summary: BackupSummary;
  let via = "";
  if (owner?.control) {
    summary = await writeBackupFile(target, (write) => backupFromOwner(owner, write));
    via = ` (taken by the running server, process ${owner.pid})`;
  } else {
    const database = configuredDatabase();
    try {
      summary = await writeBackupFile(target, (write) => database.withSql((sql) => dumpDatabase(sql, write)));
    } finally {
      await database.close();
    }
  }
  return `Backed up ${describeDatabase()} to ${target}${via}: ${summary.rows} rows in ${summary.tables} tables.`;
}

main(file).then(
  (message) => console.log(message),
  (error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
