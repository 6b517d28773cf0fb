/**
 * The HTTP server: Express in front of the Remix build (the application itself
 * is app/server/http/http-app.server.ts). A custom server (not remix-serve) so
 * the app sees the client's IP (login throttling), screens every request and
 * sets security headers, and, in development, swaps in each new build without
 * restarting the process (one PGlite per process; see docs/decisions).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { env } from "~/env.server";
import { createHttpApp } from "~/server/http/http-app.server";
import { logRequestLine } from "~/server/request-log.server";

const BUILD_PATH = path.resolve("build/index.js");

async function importBuild(): Promise<ServerBuild> {
  const stamp = fs.statSync(BUILD_PATH).mtimeMs;
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${stamp}`)) as ServerBuild;
}

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

function refuseToServe(message: string): never {
  console.error(`Calibrate will not serve: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(BUILD_PATH)) refuseToServe("there is no build. Run npm run build first (npm start builds for you).");

// Open the database first: this takes the embedded database's lock (a second
// server on the same directory stops here, naming the first), and finds a
// damaged directory before anything is served from it.
const { database } = await import("~/server/db.server");
{
  const { pendingMigrations } = await import("~/server/migrations.server");
  let pending: string[] = [];
  try {
    await database.ready;
    pending = await database.withSql((sql) => pendingMigrations(sql));
  } catch (error) {
    refuseToServe(error instanceof Error ? error.message : String(error));
  }
  // Serving on a database that lacks migrations only produces 500s later: refuse now, saying how to fix it.
  if (pending.length) {
    refuseToServe(
      `the database lacks ${pending.length} migration(s) (${pending.join(", ")}). Run npm run db:migrate, or start with npm start, which migrates first.`,
    );
  }
}

let build = await importBuild();
const app = createHttpApp({
  build: () => build,
  mode: env.NODE_ENV,
  trustProxy: env.TRUST_PROXY,
  formBodyLimit: env.FORM_BODY_LIMIT,
  log: logRequestLine,
});

if (env.NODE_ENV === "development") {
  // `remix dev --manual` rewrites the build; pick it up in this same process.
  let timer: NodeJS.Timeout | undefined;
  fs.watch(path.dirname(BUILD_PATH), () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      build = await importBuild();
      await broadcastDevReady(build);
    }, 50);
  });
}

const server = http.createServer(app);
// A client announcing an oversized body (Expect: 100-continue) is answered 413 before it sends it.
server.on("checkContinue", (req: http.IncomingMessage, res: http.ServerResponse) => {
  if (Number(req.headers["content-length"] ?? 0) <= env.FORM_BODY_LIMIT) res.writeContinue();
  app(req, res);
});
server.listen(env.PORT, env.HOST, () => {
  console.log(`Calibrate is serving http://localhost:${env.PORT} (${env.NODE_ENV})`);
  if (env.NODE_ENV === "development") void broadcastDevReady(build);
});

// Reminders: every server may run the scheduler; jobs are claimed with SKIP LOCKED, so each is sent once.
let scheduler: NodeJS.Timeout | undefined;
if (env.SCHEDULER === "on") {
  const { schedulerTick } = await import("~/server/jobs/scheduler.server");
  const workerId = `${process.pid}@${env.HOST}:${env.PORT}`;
  let running = false;
  scheduler = setInterval(() => {
    if (running) return;
    running = true;
    schedulerTick(workerId)
      .catch((error: unknown) => console.error("scheduler pass failed:", error))
      .finally(() => {
        running = false;
      });
  }, 60_000);
  scheduler.unref();
}

// Backups: the embedded database answers `npm run db:backup` while it runs, and can back itself up daily.
const { startBackupControl } = await import("~/server/backup/backup-control.server");
const control = await startBackupControl(database);
let stopBackups = () => {};
if (env.BACKUP_DAILY === "on") {
  const { scheduleDailyBackups } = await import("~/server/backup/backup-schedule.server");
  stopBackups = scheduleDailyBackups({ database, dir: env.BACKUP_DIR, keep: env.BACKUP_KEEP, log });
  log(`daily backups on: ${env.BACKUP_DIR}, keeping the newest ${env.BACKUP_KEEP}`);
}

// A second signal (a process manager and tsx both relay one) must not cut the clean shutdown short:
// with no listener left, Node would exit at once and skip releasing the database.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    clearInterval(scheduler);
    stopBackups();
    control?.close();
    setTimeout(() => process.exit(0), 5_000).unref();
    // Requests in flight finish, then the database closes cleanly (and the embedded one's lock is released).
    server.close(() => {
      void database.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  });
}
