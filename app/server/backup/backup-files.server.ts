import fs from "node:fs";
import path from "node:path";

/**
 * Scheduled backups live in one directory as calibrate-<UTC time>.jsonl.gz;
 * the name sorts by age. Only complete files carry the name (they are written
 * under a temporary name and renamed), so the newest one is always usable.
 */
const NAME = /^calibrate-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)\.jsonl\.gz$/;

export interface BackupFile {
  path: string;
  takenAt: Date;
}

export function backupFileName(at: Date): string {
  return `calibrate-${at.toISOString().slice(0, 19).replace(/:/g, "-")}Z.jsonl.gz`;
}

export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => {
      const [date, time] = match[1]!.slice(0, -1).split("T") as [string, string];
      return { path: path.join(dir, name), takenAt: new Date(`${date}T${time.replace(/-/g, ":")}Z`) };
    })
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

export function newestBackup(dir: string): BackupFile | null {
  return listBackups(dir)[0] ?? null;
}

/** Keeps the newest `keep` backups and removes older ones and leftovers of interrupted writes. */
export function pruneBackups(dir: string, keep: number): string[] {
  const removed = listBackups(dir)
    .slice(keep)
    .map((backup) => backup.path);
  for (const file of removed) fs.rmSync(file, { force: true });
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const file = path.join(dir, name);
    const stale = (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < Date.now() - 3_600_000;
    if (/^calibrate-.*\.partial$/.test(name) && stale) fs.rmSync(file, { force: true });
  }
  return removed;
}
