import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every action reads its body through readForm (or readFormResult), so a body
 * the HTTP layer refused (too large, not a form) is answered 400/413/415 by the
 * action instead of being read as an empty form, and actions called
 * in-process check bodies the same way.
 */
const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
// Being reworked on another branch; switch it to readForm({ request, context }) and remove it from here.
const NOT_YET = new Set<string>();

describe("actions", () => {
  const files = fs.readdirSync(routesDir).filter((file) => /\.tsx?$/.test(file));
  const withActions = files.filter((file) =>
    /export (async function|const) action\b/.test(fs.readFileSync(path.join(routesDir, file), "utf8")),
  );

  it("exist to check", () => expect(withActions.length).toBeGreaterThan(10));

  it.each(withActions)("%s reads its body through readForm", (file) => {
    const source = fs.readFileSync(path.join(routesDir, file), "utf8");
    const reads = /\breadForm(Result)?\(/.test(source) && !/request\.formData\(\)/.test(source);
    expect(reads, NOT_YET.has(file) ? `${file} now uses readForm: take it off the NOT_YET list` : file).toBe(
      !NOT_YET.has(file),
    );
  });
});
