import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response, for the few inline
 * scripts the server renders. Provided by entry.server; empty in the browser,
 * which hides nonces from the page once it has used them.
 */
export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
