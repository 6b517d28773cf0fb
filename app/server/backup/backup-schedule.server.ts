import path from "node:path";
import type { Database } from "../db.server";
import { backupFileName, newestBackup, pruneBackups } from "./backup-files.server";
import { writeBackupFile } from "./backup-io.server";
import { dumpDatabase } from "./backup.server";

const DAY = 86_400_000;
const CHECK_EVERY = 3_600_000;

/** One backup a day into `dir`, keeping the newest `keep`; checked hourly, so a restart never skips a day. */
export function scheduleDailyBackups(options: {
  database: Database;
  dir: string;
  keep: number;
  log: (line: string) => void;
  firstCheckAfterMs?: number;
}): () => void {
  let running = false;
  const check = async () => {
    if (running) return;
    const newest = newestBackup(options.dir);
    if (newest && Date.now() - newest.takenAt.getTime() < DAY - CHECK_EVERY / 2) return;
    running = true;
    const at = new Date();
    const file = path.join(options.dir, backupFileName(at));
    try {
      const summary = await writeBackupFile(file, (write) =>
        options.database.withSql((sql) => dumpDatabase(sql, write, at)),
      );
      const removed = pruneBackups(options.dir, options.keep);
      options.log(
        `backup: wrote ${file} (${summary.rows} rows)${removed.length ? `, removed ${removed.length} older` : ""}`,
      );
    } catch (error) {
      options.log(`backup: FAILED to write ${file}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void check(), options.firstCheckAfterMs ?? 30_000);
  const timer = setInterval(() => void check(), CHECK_EVERY);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
