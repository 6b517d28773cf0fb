import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

test("an admin finds who viewed a debrief's feedback in the audit log and downloads it as CSV", async ({
  page,
  signInAs,
}) => {
  // The hiring manager reads Noor Haddad's debrief: each panelist's feedback is a recorded read.
  await signInAs("hm@example.com");
  await page.goto("/loops");
  await page.getByRole("link", { name: "Noor Haddad" }).click();
  await expect(page).toHaveURL(/\/debrief$/);
  await expect(page).toHaveTitle("Debrief: Noor Haddad · Calibrate");

  await signInAs("admin@example.com");
  await page.goto("/");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveTitle("Audit log · Calibrate");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  await page.getByLabel("Action", { exact: true }).selectOption({ label: "viewed feedback" });
  await page.getByLabel("Loop", { exact: true }).fill("noor");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=feedback\.viewed/);
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: "Harper Okafor" });
  await expect(rows.first()).toContainText("viewed feedback");
  await expect(rows.first()).toContainText("Noor Haddad");
  // Every listed event is a read, by the filter.
  const whatCells = page.getByRole("table").locator("tbody tr td:nth-child(3)");
  await expect(whatCells.first()).toBeVisible();
  for (const text of await whatCells.allInnerTexts()) expect(text).toContain("viewed feedback");

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d\d-\d\d\.csv$/);
  const lines = fs
    .readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("at,actor,actor_email,action,entity_type,entity_id,loop_id,candidate,details");
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain(",feedback.viewed,Feedback,");
  expect(lines.some((line) => line.includes("Harper Okafor,hm@example.com,") && line.includes("Noor Haddad"))).toBe(
    true,
  );
});

test("an admin sees a clear message for a period that ends before it starts", async ({ page, signInAs }) => {
  await signInAs("admin@example.com");
  await page.goto("/admin/audit?from=2026-05-01&to=2026-04-01");
  await expect(page.getByText("The period ends before it starts")).toBeVisible();
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByText("The period ends before it starts")).toHaveCount(0);
});
