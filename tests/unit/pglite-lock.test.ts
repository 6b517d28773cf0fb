import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  acquireDirectoryLock,
  DatabaseLockedError,
  liveOwner,
  lockPathFor,
  type LockOwner,
} from "~/server/pglite-lock.server";

const dirs: string[] = [];
function dataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "calibrate-lock-"));
  dirs.push(dir);
  return path.join(dir, "pglite");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function writeLock(dir: string, owner: Partial<LockOwner>) {
  const full: LockOwner = {
    pid: 1,
    host: os.hostname(),
    processStart: null,
    startedAt: "2026-11-23T10:00:00.000Z",
    command: "server.ts",
    ...owner,
  };
  fs.writeFileSync(lockPathFor(dir), JSON.stringify(full));
}

/** A pid that is certainly not running: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

describe("the embedded database's lock", () => {
  it("gives a directory to one owner and refuses a second, naming the first", () => {
    const dir = dataDir();
    const lock = acquireDirectoryLock(dir, "server.ts");
    expect(liveOwner(dir)?.pid).toBe(process.pid);
    expect(() => acquireDirectoryLock(dir, "scripts/backup.ts")).toThrow(DatabaseLockedError);
    expect(() => acquireDirectoryLock(dir)).toThrow(`is in use by process ${process.pid} (server.ts, since`);
    lock.release();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    acquireDirectoryLock(dir).release();
  });

  it("takes over a lock whose owner is gone (killed with -9)", () => {
    const dir = dataDir();
    writeLock(dir, { pid: deadPid() });
    const lock = acquireDirectoryLock(dir);
    expect(liveOwner(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock whose pid now belongs to another process (after a restart)", () => {
    const dir = dataDir();
    writeLock(dir, { pid: process.pid, processStart: "1" });
    const lock = acquireDirectoryLock(dir);
    expect(liveOwner(dir)?.processStart).not.toBe("1");
    lock.release();
  });

  it("takes over a lock left half-written", () => {
    const dir = dataDir();
    fs.writeFileSync(lockPathFor(dir), '{"pid":');
    acquireDirectoryLock(dir).release();
  });

  it("refuses a lock held from another host, which it cannot check", () => {
    const dir = dataDir();
    writeLock(dir, { pid: deadPid(), host: "another-host" });
    expect(() => acquireDirectoryLock(dir)).toThrow(/in use by process \d+ \(server\.ts, since .* on another-host\)/);
  });

  it("records where the owner answers backup requests", () => {
    const dir = dataDir();
    const lock = acquireDirectoryLock(dir);
    lock.setControl("/tmp/calibrate-test.sock");
    expect(liveOwner(dir)?.control).toBe("/tmp/calibrate-test.sock");
    lock.release();
  });
});
