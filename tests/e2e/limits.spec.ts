import { expect, test } from "./support/fixtures";

test("a text over its limit is kept whole, counted, and refused with a message by the field", async ({
  page,
  signInAs,
}) => {
  await signInAs("interviewer1@example.com");
  await page.goto("/rounds");
  await page.getByRole("link", { name: "Daniel Kim: Behavioral" }).click();
  await page.getByRole("link", { name: "Continue your draft" }).click();
  const summary = page.getByLabel("Summary");
  const long = "The candidate reasoned from the user's cost. ".repeat(92).slice(0, 4100);
  await summary.fill(long); // as a paste would: a maxlength would have cut it to 4000
  await expect(summary).toHaveValue(long);
  await expect(page.locator("#summary-count")).toHaveText("4,100 characters: 100 over the limit of 4,000");
  await page.getByRole("button", { name: "Submit feedback" }).click();
  await expect(page.getByText("Keep the summary under 4000 characters")).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveValue(long);
  await page.getByLabel("Summary").fill(long.slice(0, 3990));
  await expect(page.locator("#summary-count")).toHaveText("3,990 of 4,000 characters");
});
