/**
 * npm run db:restore -- FILE [--replace]
 * Restores a backup (from either engine) into the configured database, which
 * must be empty unless --replace is given (then everything in it is dropped
 * first). One transaction: a failed restore changes nothing. Stop the servers
 * first; on the embedded database a running server makes this refuse.
 */
import { readBackupLines } from "~/server/backup/backup-io.server";
import { restoreDatabase } from "~/server/backup/backup.server";
import { configuredDatabase, describeDatabase } from "~/server/setup.server";

const args = process.argv.slice(2);
const replace = args.includes("--replace");
const file = args.find((arg) => !arg.startsWith("--"));
if (!file || args.some((arg) => arg.startsWith("--") && arg !== "--replace")) {
  console.error("Usage: npm run db:restore -- FILE [--replace]");
  process.exit(2);
}

async function main(source: string): Promise<string> {
  const database = configuredDatabase();
  try {
    const summary = await database.withSql((sql) => restoreDatabase(sql, readBackupLines(source), { replace }));
    const forward = summary.migratedForward.length
      ? ` Applied ${summary.migratedForward.length} newer migration(s) after it.`
      : "";
    return `Restored ${source} (taken ${summary.takenAt}) into ${describeDatabase()}: ${summary.rows} rows in ${summary.tables} tables.${forward}`;
  } finally {
    await database.close();
  }
}

main(file).then(
  (message) => console.log(message),
  (error: unknown) => {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
