import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { z } from "zod";
import { emailSchema } from "~/schemas/auth";
import type { Database } from "../db.server";
import { createAdmin } from "../first-admin.server";
import type { LockOwner } from "../pglite-lock.server";
import { BackupError, dumpDatabase, type BackupSummary } from "./backup.server";

/**
 * The process that owns an embedded database answers two requests from the
 * command line on a Unix socket (mode 0600, named in its lock file), so they
 * work while the server runs without opening the directory a second time:
 * `npm run db:backup` (the owner streams a consistent backup; the command
 * writes the file) and `npm run create-admin`. One JSON request line in; JSON
 * lines out; an `{"error": ...}` line reports a failure.
 */

const requestSchema = z.discriminatedUnion("command", [
  z.object({ command: z.literal("backup") }),
  z.object({ command: z.literal("create-admin"), name: z.string().trim().min(1).max(200), email: emailSchema }),
]);
type ControlRequest = z.input<typeof requestSchema>;

export function controlSocketPath(lockPath: string): string {
  const id = createHash("sha256").update(`${lockPath}:${process.pid}`).digest("hex").slice(0, 16);
  return path.join(os.tmpdir(), `calibrate-${id}.sock`);
}

async function answer(database: Database, socket: net.Socket, line: string) {
  const write = async (text: string) => {
    if (!socket.write(`${text}\n`)) await new Promise<void>((resolve) => socket.once("drain", () => resolve()));
  };
  let request: z.output<typeof requestSchema>;
  try {
    request = requestSchema.parse(JSON.parse(line));
  } catch {
    return write(JSON.stringify({ error: "unknown request" }));
  }
  if (request.command === "backup") await database.withSql((sql) => dumpDatabase(sql, write));
  else await write(JSON.stringify(await createAdmin(database.prisma, { name: request.name, email: request.email })));
}

export async function startBackupControl(database: Database): Promise<net.Server | null> {
  const lock = database.directoryLock;
  if (!lock) return null;
  const socketPath = controlSocketPath(lock.path);
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    socket.on("error", () => socket.destroy());
    const lines = readline.createInterface({ input: socket, crlfDelay: Infinity });
    lines.once("line", (line) => {
      lines.close();
      answer(database, socket, line)
        .catch((error: unknown) =>
          socket.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`),
        )
        .finally(() => socket.end());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  lock.setControl(socketPath);
  server.on("close", () => fs.rmSync(socketPath, { force: true }));
  process.once("exit", () => fs.rmSync(socketPath, { force: true }));
  return server;
}

/** Sends a request to the owning process and yields its answer lines; throws on a reported error. */
async function* request(owner: LockOwner, body: ControlRequest): AsyncGenerator<Record<string, unknown>> {
  if (!owner.control) throw new BackupError("The process using the database does not answer requests.");
  const socket = net.connect(owner.control);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  socket.write(`${JSON.stringify(body)}\n`);
  for await (const line of readline.createInterface({ input: socket, crlfDelay: Infinity })) {
    const record = JSON.parse(line) as Record<string, unknown>;
    if (typeof record.error === "string") throw new BackupError(`The running server refused: ${record.error}`);
    yield Object.assign(record, { line });
  }
}

/** One-answer requests (create-admin). */
export async function askOwner(owner: LockOwner, body: ControlRequest): Promise<Record<string, unknown>> {
  for await (const record of request(owner, body)) return record;
  throw new BackupError("The running server did not answer.");
}

/** Asks the owning process for a backup and passes each line on. */
export async function backupFromOwner(
  owner: LockOwner,
  write: (line: string) => Promise<void>,
): Promise<BackupSummary> {
  let summary: BackupSummary | null = null;
  let tables = 0;
  for await (const record of request(owner, { command: "backup" })) {
    if (Array.isArray(record.tables)) tables = record.tables.length;
    await write(record.line as string);
    if (record.end) summary = { tables, rows: Number(record.rows) };
  }
  if (!summary) throw new BackupError("The server stopped before the backup was complete.");
  return summary;
}
