/**
 * Starts a throwaway PostgreSQL 15 from Debian's server binaries, on a free
 * loopback port, with its data and socket under a temp dir. As root it runs
 * the server as the `postgres` (or `nobody`) user, because initdb refuses root.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const PG_BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

export function findPgBin(): string | null {
  return (
    PG_BIN_DIRS.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) ??
    null
  );
}

export const MISSING_PG_MESSAGE =
  "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/{15,16,17}/bin). Install them with: sudo apt-get install -y postgresql-15";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function runAsUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  for (const user of ["postgres", "nobody"]) {
    if (spawnSync("id", ["-u", user]).status === 0) return user;
  }
  throw new Error("Running as root and no 'postgres' or 'nobody' user exists to run PostgreSQL.");
}

export interface RunningPostgres {
  url: (database: string) => string;
  stop: () => void;
}

export async function startPostgres(binDir: string): Promise<RunningPostgres> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "calibrate-pg-"));
  const dataDir = path.join(base, "data");
  const socketDir = path.join(base, "socket");
  fs.mkdirSync(socketDir);
  const user = runAsUser();
  const run = (command: string, args: string[]) => {
    const full = path.join(binDir, command);
    if (user) {
      execFileSync("chown", ["-R", `${user}:`, base]);
      fs.chmodSync(base, 0o755);
      return execFileSync("runuser", ["-u", user, "--", full, ...args], { stdio: "pipe" });
    }
    return execFileSync(full, args, { stdio: "pipe" });
  };
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
  const port = await freePort();
  run("pg_ctl", [
    "-D",
    dataDir,
    "-l",
    path.join(base, "server.log"),
    "-w",
    "-o",
    `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    "start",
  ]);
  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "immediate", "stop"]);
      } finally {
        fs.rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
