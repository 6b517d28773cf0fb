/**
 * The real server (server.ts on the production build) as a child process, for
 * the tests that kill it, start two at once, or start it on a damaged
 * directory. The build is made first if app/ changed since the last one.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const buildFile = path.join(root, "build/index.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const fresh = () => fs.existsSync(buildFile) && fs.statSync(buildFile).mtimeMs >= newestSource(path.join(root, "app"));

/** Runs `remix build` when the build is missing or older than app/ (one process builds; others wait for it). */
export function ensureBuild(): void {
  if (fresh()) return;
  const lock = path.join(root, ".cache", "test-build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`Gave up waiting for ${lock}; remove it if no build is running.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (!fresh()) {
      execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
        cwd: root,
        stdio: "pipe",
      });
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface ChildServer {
  url: string;
  /** The server process itself (tsx runs it in a child of the tsx launcher). */
  pid: number;
  output(): string;
  exited: Promise<number | null>;
  /** Signals the whole process group (launcher and server) and waits for it to exit. */
  signal(signal: "SIGKILL" | "SIGTERM"): Promise<void>;
}

/** Starts server.ts; resolves once /healthz answers 200, rejects (with its output) if it exits first. */
export async function startServer(env: Record<string, string>, { waitForHealth = true } = {}): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["server.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      TMPDIR: process.env.TMPDIR ?? "/tmp",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      SCHEDULER: "off",
      BACKUP_DAILY: "off",
      ...env,
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server: ChildServer = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    exited,
    async signal(signal) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
      await exited;
      // The group's last member (the server under the tsx launcher) may outlive the launcher briefly.
      for (let i = 0; i < 300; i++) {
        try {
          process.kill(-child.pid!, 0);
        } catch {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
  if (!waitForHealth) return server;
  const deadline = Date.now() + 90_000;
  let done = false;
  void exited.then(() => (done = true));
  while (Date.now() < deadline) {
    if (done) throw new Error(`The server exited before it was ready:\n${output}`);
    const healthy = await fetch(`${server.url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.signal("SIGKILL");
  throw new Error(`The server did not become healthy in 90 s:\n${output}`);
}
