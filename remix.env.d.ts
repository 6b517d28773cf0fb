/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import type { SessionLookupResult } from "./app/server/auth/session.server";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** The client's address as Express sees it (honours TRUST_PROXY). */
    clientIp: string;
    /** This request's session lookup, shared by all its loaders (see getSession). */
    sessionLookup?: Promise<SessionLookupResult>;
  }
}

export {};
