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
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
  expect(response?.headers()["cache-control"]).toBe("no-store");
  expect(await violations(page), `CSP violations on ${path}`).toEqual([]);
}

const tour: { email: DemoEmail; paths: string[]; follow?: RegExp }[] = [
  {
    email: "admin@example.com",
    paths: ["/admin/users", "/admin/rubrics", "/admin/kits", "/admin/stages", "/admin/outbox", "/calibration"],
  },
  {
    email: "recruiter@example.com",
    paths: ["/pipeline", "/pipeline/summary", "/candidates/new"],
    follow: /^\/loops\/[^/]+$/,
  },
  { email: "hm@example.com", paths: ["/loops", "/calibration"], follow: /^\/loops\/[^/]+\/debrief$/ },
  { email: "interviewer1@example.com", paths: ["/rounds"], follow: /^\/rounds\/[^/]+$/ },
];

for (const stop of tour) {
  test(`every page ${stop.email} opens runs under the CSP with no violation`, async ({ page, signInAs }) => {
    await signInAs(stop.email);
    for (const path of stop.paths) await visit(page, path);
    if (stop.follow) {
      await page.goto(stop.paths[0]!);
      const hrefs = await page
        .locator("a[href]")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
      const target = hrefs.find((href) => stop.follow!.test(href));
      expect(target, `a link matching ${stop.follow}`).toBeTruthy();
      await visit(page, target!);
    }
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
