import { z } from "zod";

/**
 * Zod compiles object parsers with `new Function` when it may, and probes
 * whether it may by trying once; under the Content-Security-Policy (no
 * 'unsafe-eval') the probe is a reported violation. Parsing without the
 * compiled fast path is plenty fast for forms. app/root.tsx calls this before
 * any route module (and so any schema) is evaluated in the browser.
 */
export function configureZod() {
  z.config({ jitless: true });
}
