import type { IncomingMessage } from "node:http";
import {
  type AppLoadContext,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import express from "express";
import { crossSiteMessage, isSameOrigin } from "../auth/origin.server";
import { contentTypeProblem, fieldProblem, type Rejection, tooLarge, urlProblem } from "./form-rules.server";
import { newNonce, securityHeaders } from "./security-headers.server";

/**
 * The Express application in front of Remix, shared by server.ts and the
 * tests that drive the whole stack in-process. Every request gets the security
 * headers; addresses no page could answer are refused here; request bodies are
 * read up to a limit and checked to be forms before any action sees them (a
 * refused body reaches the action as `context.bodyRejection`, so the app's own
 * error page, or the autosave endpoint's JSON, explains it); every dynamic
 * response is `Cache-Control: no-store`.
 */
export interface HttpAppOptions {
  /** The current Remix build (development swaps it on every rebuild). */
  build: () => ServerBuild;
  mode: "development" | "production" | "test";
  trustProxy: false | number | string[];
  formBodyLimit: number;
  /** One line per refused request, and per unexpected failure. */
  log: (line: string) => void;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item);
  }
  return headers;
}

type TrustFn = (address: string | undefined, hop: number) => boolean;

const BODYLESS = new Set(["GET", "HEAD"]);

/** The body, or "too-large" as soon as it passes the limit (the rest is never buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve("too-large");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.resume(); // discard the rest as it arrives, without keeping it
        resolve("too-large");
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (req.complete) return;
      cleanup();
      reject(new Error("the client closed the connection while sending"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/** Why this body is not a readable form, or null when it is one. */
async function bodyProblem(contentType: string | undefined, body: Buffer): Promise<Rejection | null> {
  const typeProblem = contentTypeProblem(contentType);
  if (typeProblem) return typeProblem;
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType ?? "" } }).formData();
  } catch {
    return { status: 400, message: "The form could not be read: its body is not valid form data." };
  }
  return fieldProblem(form.entries());
}

function describe(req: express.Request) {
  return `${req.method} ${req.path.slice(0, 200)} from ${req.ip ?? "unknown"}`;
}

export function createHttpApp(options: HttpAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy);
  const trusts = () => app.get("trust proxy fn") as TrustFn;
  // The host the browser addressed: X-Forwarded-Host only when it comes from a trusted proxy.
  const hostOf = (req: express.Request) =>
    (trusts()(req.socket.remoteAddress, 0) ? req.get("X-Forwarded-Host") : undefined) ?? req.get("Host") ?? "";

  app.use((req, res, next) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders({ nonce, https: req.secure, development: options.mode === "development" }));
    next();
  });

  const refuse = (
    req: express.Request,
    res: express.Response,
    problem: Rejection | { status: 403 | 405; message: string },
  ) => {
    options.log(`refused ${describe(req)}: ${problem.status} ${problem.message}`);
    res.status(problem.status).set("Cache-Control", "no-store");
    // Scripts (the autosave) get JSON they can read; browsers navigating get the sentence.
    if (req.accepts(["json", "html"]) === "json") res.json({ ok: false, reason: "refused", message: problem.message });
    else res.type("text/plain").send(problem.message);
  };

  app.use((req, res, next) => {
    const problem = urlProblem(req.originalUrl);
    if (problem) return refuse(req, res, problem);
    next();
  });

  // Refuse cross-site mutations before Remix sees them; every action checks again itself.
  app.use((req, res, next) => {
    const facts = {
      method: req.method,
      origin: req.get("Origin") ?? null,
      secFetchSite: req.get("Sec-Fetch-Site") ?? null,
      host: hostOf(req),
    };
    if (isSameOrigin(facts)) return next();
    refuse(req, res, { status: 403, message: crossSiteMessage });
  });

  // Fingerprinted assets are immutable; everything else in public/ is cached briefly.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  let handler: { build: ServerBuild; handle: ReturnType<typeof createRequestHandler> } | undefined;
  const handleFor = (build: ServerBuild) => {
    if (handler?.build !== build) handler = { build, handle: createRequestHandler(build, options.mode) };
    return handler.handle;
  };

  // Remix runs an action for any single-fetch request that is not a GET, HEAD included.
  const DATA_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

  app.all("*", async (req, res, next) => {
    try {
      if (req.path.endsWith(".data") && !DATA_METHODS.has(req.method)) {
        res.set("Allow", [...DATA_METHODS].join(", "));
        return refuse(req, res, { status: 405, message: `Data requests are GET or POST, not ${req.method}.` });
      }
      const base = `${req.protocol}://${hostOf(req)}`;
      if (!URL.canParse(req.originalUrl, base) || !/^[\w.:[\]-]+$/.test(hostOf(req))) {
        return refuse(req, res, { status: 400, message: "The request's Host header is not a host name." });
      }
      let rejection: Rejection | null = null;
      let body: Buffer | null = null;
      if (!BODYLESS.has(req.method)) {
        const read = await readBody(req, options.formBodyLimit);
        if (read === "too-large") {
          rejection = tooLarge(options.formBodyLimit);
          // Drain what is still coming (nothing is kept), then hang up on a sender that will not stop.
          req.resume();
          res.once("finish", () => setTimeout(() => req.socket.destroy(), 2_000).unref());
        } else rejection = await bodyProblem(req.get("Content-Type"), read);
        body = rejection || read === "too-large" ? null : read;
        if (rejection) {
          options.log(`refused ${describe(req)}: ${rejection.status} ${rejection.message}`);
          // The unread rest of a refused body must not be taken for the next request.
          res.set("Connection", "close");
        }
      }

      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const headers = headersOf(req);
      headers.delete("Content-Length");
      headers.delete("Transfer-Encoding");
      // The Origin check above is the one that counts (it knows TRUST_PROXY and APP_ORIGIN); Remix
      // repeats a cruder one that answers a mismatch with a 500, so it is shown the host as resolved
      // here, and an allowed origin as this host's.
      headers.delete("X-Forwarded-Host");
      headers.set("Host", hostOf(req));
      if (headers.has("Origin") && headers.get("Origin") !== "null") headers.set("Origin", base);
      // A refused body reaches the action as an empty form, with the reason in the load context.
      if (rejection) headers.set("Content-Type", "application/x-www-form-urlencoded");
      const request = new Request(new URL(req.originalUrl, base), {
        method: req.method,
        headers,
        signal: controller.signal,
        body: BODYLESS.has(req.method) ? undefined : body ? new Uint8Array(body) : "",
      });
      const context: AppLoadContext = {
        clientIp: req.ip ?? "unknown",
        cspNonce: res.locals.cspNonce as string,
        bodyRejection: rejection ?? undefined,
      };
      const response = await handleFor(options.build())(request, context);

      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers.entries()) res.append(key, value);
      // Pages and data are personal: never kept by the browser or a proxy (the back button after sign-out).
      res.set("Cache-Control", "no-store");
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  });

  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    options.log(`failed ${describe(req)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (res.headersSent) return res.destroy();
    res.status(500).set("Cache-Control", "no-store").type("text/plain").send("Something went wrong. Try again.");
  });

  return app;
}
