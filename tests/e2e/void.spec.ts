import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

test("an admin voids a scorecard with a reason: the debrief keeps it struck through and stops counting it", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin@example.com");
  await page.goto("/loops");
  // Ethan Walsh's loop is in debrief with the panel's feedback in; no other spec changes it.
  await page.getByRole("link", { name: "Ethan Walsh" }).click();
  await expect(page).toHaveURL(/\/debrief$/);
  await expect(page).toHaveTitle("Debrief: Ethan Walsh · Calibrate");

  const count = page.getByTestId("feedback-count");
  const [, submitted, expected] = /Feedback (\d+)\/(\d+)/.exec((await count.textContent()) ?? "") ?? [];
  expect(Number(submitted)).toBeGreaterThan(1);

  const matrix = page.getByRole("table", { name: /Panel ratings/ });
  const row = matrix
    .locator("tbody tr")
    .filter({ has: page.locator("summary", { hasText: "Void scorecard" }) })
    .nth(1);
  const interviewer = (await row.locator("th span.block").first().textContent())!.trim();

  // Without a reason the form says so and nothing is voided.
  await row.locator("summary", { hasText: "Void scorecard" }).click();
  await row.getByRole("button", { name: /Void scorecard/ }).click();
  await expect(row.getByText("Say why this scorecard is voided")).toBeVisible();
  await expect(page.getByTestId("voided-note")).toHaveCount(0);

  const reason = "Interviewed a former direct report: conflict of interest, confirmed with the recruiter.";
  await row.getByLabel("Reason for voiding").fill(reason);
  await row.getByRole("button", { name: /Void scorecard/ }).click();

  // The scorecard stays in the panel, struck through, with who voided it, when and why.
  const voidedRow = matrix.locator("tbody tr[data-voided]");
  await expect(voidedRow).toHaveCount(1);
  await expect(voidedRow).toContainText(interviewer);
  await expect(voidedRow.getByTestId("voided-note")).toContainText("Voided by Alex Morgan on");
  await expect(voidedRow.getByTestId("voided-note")).toContainText(reason);
  await expect(voidedRow.locator("th > span").first()).toHaveCSS("text-decoration-line", "line-through");
  // The rating badges themselves are struck through, not only the text around them.
  await expect(
    voidedRow
      .getByRole("button", { name: /voided\. Show evidence/ })
      .first()
      .locator("span")
      .first(),
  ).toHaveCSS("text-decoration-line", "line-through");
  await expect(voidedRow.locator("summary")).toHaveCount(0);

  // The evidence section shows it struck through too; the feedback count no longer includes it.
  await expect(page.locator("li[data-voided]").first()).toContainText(reason);
  await expect(count).toHaveText(`Feedback ${Number(submitted) - 1}/${expected}`);
  await expect(page.getByText("1 voided scorecard not counted")).toBeVisible();

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  // The printed packet keeps the struck-through scorecard and its note, without the admin's void controls.
  const voidControl = page.locator("summary", { hasText: "Void scorecard" }).first();
  await expect(voidControl).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(voidedRow.getByTestId("voided-note")).toBeVisible();
  await expect(voidControl).toBeHidden();
});
