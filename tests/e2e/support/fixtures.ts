import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";

export type DemoEmail =
  "admin@example.com" | "recruiter@example.com" | "hm@example.com" | `interviewer${1 | 2 | 3 | 4 | 5 | 6}@example.com`;

function sessions(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.resolve("data/e2e/sessions.json"), "utf8")) as Record<string, string>;
}

export const test = base.extend<{ signInAs: (email: DemoEmail) => Promise<void>; consoleErrors: string[] }>({
  // Navigation waits until React has hydrated, so typing is never lost to a half-loaded page.
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
      return response;
    };
    await use(page);
  },
  // Any console error or uncaught exception in the page fails the test.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // The browser logs expected 4xx answers (a wrong password, a 403 page) as
        // resource errors; those are behaviour under test, not bugs.
        if (
          message.type() === "error" &&
          !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
        ) {
          errors.push(message.text());
        }
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors in the page").toEqual([]);
    },
    { auto: true },
  ],
  signInAs: async ({ context, baseURL }, use) => {
    await use(async (email) => {
      const id = sessions()[email];
      if (!id) throw new Error(`No prepared session for ${email}`);
      await context.addCookies([
        { name: "calibrate_session", value: id, url: baseURL!, httpOnly: true, sameSite: "Lax" },
      ]);
    });
  },
});

export { expect };

export async function expectTitle(page: Page, title: RegExp | string) {
  await expect(page).toHaveTitle(title);
}
