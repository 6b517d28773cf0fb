/**
 * Remix's default Node entry, plus the Content-Security-Policy nonce: the HTTP
 * layer makes one per response (load context `cspNonce`), and every script
 * Remix renders carries it.
 */
import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/components/nonce";
import { logRequestLine } from "~/server/request-log.server";

const ABORT_DELAY = 5_000;

// Remix reports requests no route can take (a method without an action or loader, an unknown
// method) as errors; they are the client's mistake, answered 4xx, and get one line, not a stack.
const CLIENT_MISTAKE = [
  /^You made an? \w+ request to .* but did not provide an? `(action|loader)`/,
  /^Invalid request method/,
  /^Route ".*" does not match URL/,
];

export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return; // the client went away; nothing to report
  const inner = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : error;
  const message =
    inner instanceof Error ? inner.message : isRouteErrorResponse(error) ? error.statusText : String(error);
  const clientMistake = isRouteErrorResponse(error)
    ? error.status < 500
    : CLIENT_MISTAKE.some((pattern) => pattern.test(message));
  if (clientMistake) {
    logRequestLine(`refused ${request.method} ${new URL(request.url).pathname.slice(0, 200)}: ${message}`);
    return;
  }
  console.error(error);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // Crawlers get the whole document at once; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject and are logged by Remix; later ones only here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
