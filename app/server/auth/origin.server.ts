import { allowedOrigins } from "~/env.server";
import { ServiceError } from "../service-error.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginFacts {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  /** The host the client addressed (Host, or X-Forwarded-Host behind a proxy). */
  host: string;
}

/**
 * Cross-site request forgery guard for every mutation. Browsers send Origin on
 * every POST; it must name this host (or an origin listed in APP_ORIGIN). A
 * request with no Origin passes only with `Sec-Fetch-Site: same-origin`.
 */
export function isSameOrigin(facts: OriginFacts, allowed: string[] = allowedOrigins()): boolean {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return true;
  if (!facts.origin) return facts.secFetchSite === "same-origin";
  if (facts.origin === "null") return false;
  let originUrl: URL;
  try {
    originUrl = new URL(facts.origin);
  } catch {
    return false;
  }
  return allowed.includes(originUrl.origin) || originUrl.host === facts.host;
}

export function isSameOriginRequest(request: Request): boolean {
  return isSameOrigin({
    method: request.method,
    origin: request.headers.get("Origin"),
    secFetchSite: request.headers.get("Sec-Fetch-Site"),
    host: new URL(request.url).host,
  });
}

export const crossSiteMessage = "This request came from another site and was refused. Reload the page and try again.";

export function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request)) throw new ServiceError(403, crossSiteMessage);
}
