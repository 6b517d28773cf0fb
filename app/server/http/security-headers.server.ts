import { randomBytes } from "node:crypto";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Headers on every response. Scripts run only with this response's nonce
 * ('strict-dynamic' lets them load the app's modules); nothing may frame the
 * app, plug in objects or rebase URLs. Styles allow inline attributes because
 * server-rendered React (charts) writes style="" on elements.
 */
export function securityHeaders(options: { nonce: string; https: boolean; development: boolean }) {
  const csp = [
    "default-src 'self'",
    `script-src 'nonce-${options.nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // Only over HTTPS: an HSTS header on plain HTTP is ignored, and a mistaken one would lock users out of HTTP.
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}
