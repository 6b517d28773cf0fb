import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import type { BackupSummary } from "./backup.server";

/**
 * Backup files on disk: gzip when the name ends in .gz, plain JSON lines
 * otherwise. A file is written under a temporary name, flushed to disk, then
 * renamed, so no reader ever sees half a backup under the real name.
 */
export async function writeBackupFile(
  file: string,
  produce: (write: (line: string) => Promise<void>) => Promise<BackupSummary>,
): Promise<BackupSummary> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const gzip = file.endsWith(".gz") ? zlib.createGzip() : null;
  const sink = gzip ?? out;
  gzip?.pipe(out);
  const finished = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
    gzip?.on("error", reject);
  });
  const write = async (line: string) => {
    if (!sink.write(`${line}\n`)) await new Promise<void>((resolve) => sink.once("drain", () => resolve()));
  };
  try {
    const summary = await produce(write);
    sink.end();
    await finished;
    const handle = fs.openSync(partial, "r");
    try {
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    fs.renameSync(partial, file);
    return summary;
  } catch (error) {
    sink.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** The lines of a backup file, gzip or plain (told apart by gzip's magic bytes). */
export function readBackupLines(file: string): AsyncIterable<string> {
  const head = Buffer.alloc(2);
  const handle = fs.openSync(file, "r");
  try {
    fs.readSync(handle, head, 0, 2, 0);
  } finally {
    fs.closeSync(handle);
  }
  const raw: Readable = fs.createReadStream(file);
  const input = head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(zlib.createGunzip()) : raw;
  return readline.createInterface({ input, crlfDelay: Infinity });
}
