import type { Page } from "@playwright/test";
import { type DemoEmail, expect, test } from "./support/fixtures";

/**
 * The Content-Security-Policy in a real browser: every page hydrates (so
 * Remix's scripts run under the nonce) and reports no violation; pages and
 * their data are never cached; signing out everywhere ends other browsers'
 * sessions. Console errors fail any test (see fixtures), and Chromium reports
 * CSP violations there too; the violation events are also collected here.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
});

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  // Error pages (a link to a page the role may not open) must obey the policy too.
  expect(response?.status(), path).toBeLessThan(500);
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
  expect(response?.headers()["cache-control"]).toBe("no-store");
  expect(await violations(page), `CSP violations on ${path}`).toEqual([]);
}

/**
 * Every kind of page each role can reach: a crawl of the links from their home
 * page, one page per address pattern (ids folded), so pages added later are
 * checked too.
 */
const roles: DemoEmail[] = ["admin@example.com", "recruiter@example.com", "hm@example.com", "interviewer1@example.com"];
const patternOf = (path: string) => path.replace(/\/c[a-z0-9]{20,}/g, "/:id").replace(/\?.*$/, "");

for (const email of roles) {
  test(`every page ${email} can reach runs under the CSP with no violation`, async ({ page, signInAs }) => {
    test.setTimeout(120_000);
    await signInAs(email);
    const queue = ["/"];
    const seen = new Set<string>();
    while (queue.length > 0 && seen.size < 30) {
      const path = queue.shift()!;
      if (seen.has(patternOf(path))) continue;
      seen.add(patternOf(path));
      await visit(page, path);
      const hrefs = await page
        .locator("a[href^='/']")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
      for (const href of hrefs) {
        if (!href.endsWith(".csv") && !seen.has(patternOf(href))) queue.push(href);
      }
    }
    expect(seen.size).toBeGreaterThan(3);
  });
}

test("the sign-in page, the 404 page and client-side navigation run under the CSP too", async ({ page, signInAs }) => {
  await visit(page, "/login");
  await signInAs("hm@example.com");
  const missing = await page.goto("/no/such/page");
  expect(missing?.status()).toBe(404);
  expect(await violations(page)).toEqual([]);

  await page.goto("/loops");
  const data = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith(".data"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" }).click();
  const dataResponse = await data;
  expect(dataResponse.headers()["cache-control"]).toBe("no-store");
  await expect(page).toHaveURL(/\/calibration$/);
  expect(await violations(page)).toEqual([]);
});

test("after signing out, the back button does not show the signed-in page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("interviewer3@example.com");
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My rounds" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { level: 1, name: "My rounds" })).toHaveCount(0);
});

test("signing out everywhere ends the session in every other browser", async ({ browser, baseURL }) => {
  const signIn = async () => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill("hm2@example.com");
    await page.getByLabel("Password").fill("correct-horse-battery");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My loops" })).toBeVisible();
    return { context, page };
  };
  const laptop = await signIn();
  const phone = await signIn();
  await phone.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(phone.page).toHaveURL(/\/login$/);
  await laptop.page.reload();
  await expect(laptop.page).toHaveURL(/\/login\?redirectTo=%2Floops/);
  await laptop.context.close();
  await phone.context.close();
});
