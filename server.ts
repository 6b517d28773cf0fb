/**
 * The HTTP server: Express in front of the Remix build. A custom server (not
 * remix-serve) so the app sees the client's IP (login throttling), sets
 * security headers, and, in development, swaps in each new build without
 * restarting the process (one PGlite per process; see docs/decisions).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import { env } from "~/env.server";
import { crossSiteMessage, isSameOrigin } from "~/server/auth/origin.server";

const BUILD_PATH = path.resolve("build/index.js");

async function importBuild(): Promise<ServerBuild> {
  const stamp = fs.statSync(BUILD_PATH).mtimeMs;
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${stamp}`)) as ServerBuild;
}

const app = express();
app.disable("x-powered-by");
if (env.TRUST_PROXY) app.set("trust proxy", true);

app.use((_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
});

// Refuse cross-site mutations before Remix sees them (Remix's own check answers
// them with a 500); every action checks again itself.
app.use((req, res, next) => {
  const facts = {
    method: req.method,
    origin: req.get("Origin") ?? null,
    secFetchSite: req.get("Sec-Fetch-Site") ?? null,
    host: req.get("X-Forwarded-Host") ?? req.get("Host") ?? "",
  };
  if (isSameOrigin(facts)) return next();
  res.status(403).type("text/plain").send(crossSiteMessage);
});

// Fingerprinted assets are immutable; everything else in public/ is cached briefly.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

// Serving on a database that lacks migrations only produces 500s later: refuse now, saying how to fix it.
{
  const { database } = await import("~/server/db.server");
  const { pendingMigrations } = await import("~/server/migrations.server");
  const pending = await database.withSql((sql) => pendingMigrations(sql));
  if (pending.length) {
    console.error(
      `Calibrate will not serve: the database lacks ${pending.length} migration(s) (${pending.join(", ")}). Run npm run db:migrate, or start with npm start, which migrates first.`,
    );
    process.exit(1);
  }
}

let build = await importBuild();
const getLoadContext = (req: express.Request) => ({ clientIp: req.ip ?? "unknown" });

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
  app.all("*", (req, res, next) =>
    createRequestHandler({ build, mode: "development", getLoadContext })(req, res, next),
  );
} else {
  app.all("*", createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext }));
}

const server = app.listen(env.PORT, env.HOST, () => {
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

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    clearInterval(scheduler);
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
