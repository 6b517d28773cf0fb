import { expect, test } from "./support/fixtures";

test("a hiring manager who interviews finds the debrief closed with its reason, submits, and then reads it", async ({
  page,
  signInAs,
}) => {
  await signInAs("hm@example.com");

  // Harper sits on Sofia Rossi's panel and still owes feedback: the list does not show the panel's splits...
  await page.goto("/loops");
  const row = page.getByRole("row", { name: /Sofia Rossi/ });
  await expect(row).toContainText("After your feedback");
  // ...and the debrief is closed, saying why.
  await row.getByRole("link", { name: "Sofia Rossi" }).click();
  await expect(page.getByRole("heading", { name: "Not available to you" })).toBeVisible();
  await expect(page.getByText(/opens for you once your own feedback for this candidate is submitted/)).toBeVisible();

  await page.goto("/rounds");
  await page.getByRole("link", { name: "Sofia Rossi: Leadership" }).click();
  await expect(page.getByText("You will see the panel's ratings and evidence once your own feedback")).toBeVisible();
  await page.getByRole("link", { name: "Write feedback" }).click();

  await page
    .getByRole("group", { name: /Ownership/ })
    .getByRole("radio", { name: /3 · Lean yes/ })
    .check();
  await page
    .getByLabel("Evidence for ownership")
    .fill("Took the outage postmortem on herself, named the rollback criteria she set and what she changed after.");
  await page
    .getByRole("group", { name: /Tradeoff ranking/ })
    .getByRole("radio", { name: /3 · Lean yes/ })
    .check();
  await page
    .getByLabel("Evidence for tradeoff ranking")
    .fill("Ranked onboarding speed over admin controls because churn happens in week one, and said who loses.");
  await page.getByRole("radio", { name: "Yes", exact: true }).check();
  await page.getByLabel("Summary").fill("Owns outcomes end to end and ranks tradeoffs by who bears the cost.");
  await page.getByRole("button", { name: "Submit feedback" }).click();
  await expect(page.getByRole("status")).toHaveText("Feedback submitted. Thank you.");

  // The panel opens, and so does the debrief.
  await page.getByRole("link", { name: /Open the debrief for Sofia Rossi/ }).click();
  await expect(page).toHaveTitle("Debrief: Sofia Rossi · Calibrate");
  await expect(page.getByRole("heading", { name: "Panel", exact: true })).toBeVisible();
  await expect(page.getByText(/Feedback \d+\/\d+/)).toBeVisible();
});
