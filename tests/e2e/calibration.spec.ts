import { expect, test } from "./support/fixtures";

test("a hiring manager reads the calibration page, then sees severity-adjusted scores in a debrief", async ({
  page,
  signInAs,
}) => {
  await signInAs("hm@example.com");
  await page.goto("/calibration?period=all");
  await expect(page).toHaveTitle("Calibration · Calibrate");
  const table = page.getByTestId("calibration-table");
  // The demo's lenient and harsh interviewers are told apart.
  await expect(table.getByRole("row", { name: /Priya Natarajan/ })).toContainText("lenient");
  await expect(table.getByRole("row", { name: /Mei Tanaka/ })).toContainText("harsh");
  await expect(page.getByRole("figure", { name: /How each interviewer rates against the panel/ })).toBeVisible();
  await expect(page.locator("figure .recharts-wrapper svg").first()).toBeVisible();

  await page.goto("/loops");
  await page.getByRole("link", { name: "Noor Haddad" }).click();
  await expect(page).toHaveURL(/\/debrief$/);
  await expect(page.getByTestId("adjusted").first()).toContainText(/adj\. \d\.\d/);
  await expect(page.getByRole("columnheader", { name: "Severity-adjusted mean" })).toBeVisible();
  const cell = page.getByRole("button", { name: /severity-adjusted/ }).first();
  await cell.focus();
  await expect(page.getByRole("tooltip").filter({ visible: true }).first()).toContainText("adjusted = rating − effect");
});

test("an interviewer sees only their own calibration", async ({ page, signInAs }) => {
  await signInAs("interviewer3@example.com");
  await page.goto("/calibration");
  await expect(page.getByRole("heading", { level: 1, name: "My calibration" })).toBeVisible();
  const rows = page.getByTestId("calibration-table").getByRole("row");
  await expect(rows).toHaveCount(3); // header, organisation, Priya
  await expect(page.getByTestId("calibration-table")).toContainText("Priya Natarajan");
  await expect(page.getByTestId("calibration-table")).not.toContainText("Mei Tanaka");
});
