/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import type { SessionLookupResult } from "./app/server/auth/session.server";
import type { Rejection } from "./app/server/http/form-rules.server";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** The client's address as Express sees it (honours TRUST_PROXY). */
    clientIp: string;
    /** This request's session lookup, shared by all its loaders (see getSession). */
    sessionLookup?: Promise<SessionLookupResult>;
    /** The nonce this response's Content-Security-Policy allows scripts by. */
    cspNonce?: string;
    /** Set when the HTTP layer refused the request body (too large, not a form, unreadable); readForm answers with it. */
    bodyRejection?: Rejection;
  }
}

export {};
