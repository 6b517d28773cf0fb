/**
 * One owner per embedded database. PGlite is a whole PostgreSQL inside one
 * process, with no shared-memory coordination: two processes on one data
 * directory corrupt it beyond repair. So every process that opens a directory
 * (server, setup, CLI scripts, backup, Prisma's CLI) first takes
 * `<dir>.lock`, a file naming its owner; a second process is refused at once,
 * told which process holds it. A lock left by a killed process is stale (its
 * pid is gone, or now belongs to another process) and is taken over.
 *
 * No imports from ~/: prisma.config.ts loads this file outside the app's alias.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface LockOwner {
  pid: number;
  host: string;
  /** The kernel's start time of the owner process, so a reused pid is not mistaken for the owner. */
  processStart: string | null;
  startedAt: string;
  command: string;
  /** Where the owner answers control requests (a backup while it runs), if it does. */
  control?: string;
}

export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by process ${owner.pid} (${owner.command}, since ${owner.startedAt}${owner.host === os.hostname() ? "" : ` on ${owner.host}`}). ` +
        "Only one process may open it at a time: stop that process first" +
        (owner.control ? " (a backup can be taken while it runs: npm run db:backup -- FILE)." : "."),
    );
  }
}

export interface DirectoryLock {
  path: string;
  owner: LockOwner;
  /** Records the control socket in the lock file, for the backup command to find. */
  setControl(socketPath: string): void;
  release(): void;
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (Linux only). */
function processStartOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function describeCommand(): string {
  const script = process.argv[1] ? path.relative(process.cwd(), process.argv[1]) || process.argv[1] : "node";
  return [script, ...process.argv.slice(2)].join(" ").slice(0, 200);
}

/** Whether the process that wrote the lock still runs. Another host's owner cannot be checked, so counts as alive. */
export function ownerIsAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const start = processStartOf(owner.pid);
  return !(owner.processStart && start && start !== owner.processStart);
}

export function readLockOwner(lockPath: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockOwner;
    return typeof owner.pid === "number" ? owner : null;
  } catch {
    return null;
  }
}

/** The live owner of a data directory, or null when it is free (or its lock is stale). */
export function liveOwner(dataDir: string): LockOwner | null {
  const owner = readLockOwner(lockPathFor(dataDir));
  return owner && ownerIsAlive(owner) ? owner : null;
}

function writeAtomically(file: string, content: string, exclusive: boolean) {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o600 });
  try {
    // link() fails if the lock exists, so creating it is atomic with its full content.
    if (exclusive) fs.linkSync(temp, file);
    else fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes a stale lock inside a short critical section (a takeover directory
 * made with mkdir, which is atomic), so two processes finding the same stale
 * lock cannot both remove it and both go on.
 */
function removeIfStale(lockPath: string): void {
  const takeover = `${lockPath}.takeover`;
  for (let attempt = 0; ; attempt++) {
    try {
      fs.mkdirSync(takeover);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (fs.statSync(takeover, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10_000) fs.rmSync(takeover, { recursive: true, force: true });
      else if (attempt > 40) return;
      else sleep(50);
    }
  }
  try {
    const owner = readLockOwner(lockPath);
    const unreadable = owner === null && fs.existsSync(lockPath);
    // An unreadable lock is one whose writer died mid-write; only a dead owner's lock goes.
    if (unreadable || (owner && !ownerIsAlive(owner))) fs.rmSync(lockPath, { force: true });
  } finally {
    fs.rmSync(takeover, { recursive: true, force: true });
  }
}

export function acquireDirectoryLock(dataDir: string, command = describeCommand()): DirectoryLock {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    processStart: processStartOf(process.pid),
    startedAt: new Date().toISOString(),
    command,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      writeAtomically(lockPath, JSON.stringify(owner), true);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLockOwner(lockPath);
      if (holder && ownerIsAlive(holder)) throw new DatabaseLockedError(dataDir, holder);
      if (attempt >= 3) {
        throw new DatabaseLockedError(
          dataDir,
          holder ?? { ...owner, pid: -1, command: "an unknown process", processStart: null },
        );
      }
      removeIfStale(lockPath);
    }
  }

  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener("exit", release);
    if (readLockOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  // A normal exit (even process.exit) releases the lock; a kill -9 leaves it stale.
  process.on("exit", release);
  return {
    path: lockPath,
    owner,
    setControl(socketPath) {
      owner.control = socketPath;
      if (held) writeAtomically(lockPath, JSON.stringify(owner), false);
    },
    release,
  };
}
