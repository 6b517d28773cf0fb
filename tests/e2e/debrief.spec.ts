import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

test("a hiring manager opens a split loop, reads the evidence, records a decision and sees the stage change", async ({
  page,
  signInAs,
}) => {
  await signInAs("hm@example.com");
  await page.goto("/loops");
  const row = page.getByRole("row", { name: /Oliver Brandt/ });
  await expect(row).toContainText("split");
  await row.getByRole("link", { name: "Oliver Brandt" }).click();
  await expect(page).toHaveURL(/\/debrief$/);
  await expect(page).toHaveTitle("Debrief: Oliver Brandt · Calibrate");
  await expect(page.getByTestId("stage")).toHaveText("Debrief");

  // The agenda starts with a split dimension.
  const agenda = page.getByTestId("agenda").getByRole("listitem");
  await expect(agenda.first()).toContainText("Split");

  // Charts are drawn in the browser, with their text alternatives in the page.
  await expect(page.locator("figure .recharts-wrapper svg").first()).toBeVisible();
  await expect(page.getByRole("figure", { name: "Overall recommendations" })).toBeVisible();

  // Choosing a rating shows its evidence.
  const firstRating = page.getByRole("button", { name: /Show evidence/ }).nth(1);
  await firstRating.click();
  await expect(firstRating).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("selected-evidence")).toBeVisible();

  await page.getByRole("radio", { name: "No hire" }).check();
  await page
    .getByLabel("Rationale")
    .fill("Stayed at design altitude in product sense and analytical; tradeoffs were listed, never ranked.");
  await page.getByRole("button", { name: "Save decision" }).click();
  await expect(page.getByTestId("current-decision")).toContainText("No hire");
  await expect(page.getByTestId("stage")).toHaveText("Decided");
});

test("the debrief page passes an accessibility check, on desktop and at mobile width", async ({ page, signInAs }) => {
  await signInAs("hm@example.com");
  await page.goto("/loops");
  await page.getByRole("link", { name: "Noor Haddad" }).click();
  await expect(page).toHaveURL(/\/debrief$/);
  await expect(page.locator("figure .recharts-wrapper svg").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .map((node) => node.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
  ).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
