import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

async function fillCandidate(page: Page, name: string, email: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Current role").fill("Senior Backend Engineer");
  await page.getByLabel("Current level").fill("L5");
  await page.getByLabel("Internal or external").selectOption("external");
  await page.getByLabel("Target track").selectOption("core_pm");
  await page.getByLabel("Target level").fill("L5");
  await page.getByLabel("Hiring manager").selectOption({ label: "Harper Okafor" });
  await page.getByRole("button", { name: "Add candidate and open a loop" }).click();
}

test("a recruiter adds a candidate, opens a loop from a template and schedules a round", async ({ page, signInAs }) => {
  await signInAs("recruiter@example.com");
  await page.goto("/pipeline");
  await page.getByRole("link", { name: "New candidate" }).click();
  await expect(page).toHaveTitle("New candidate · Calibrate");
  await fillCandidate(page, "Rosa Example", "rosa.example@candidates.example");

  await expect(page.getByRole("heading", { name: "New loop for Rosa Example" })).toBeVisible();
  await page.getByRole("radio", { name: /Standard engineer-to-PM loop/ }).check();
  await page.getByRole("button", { name: "Open loop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosa Example" })).toBeVisible();
  await expect(page.getByTestId("loop-stage")).toHaveText("Sourced");

  const productSense = page.getByTestId("round-product_sense");
  await productSense.getByLabel("Date and time (UTC)").fill("2030-03-04T15:00");
  await productSense.getByLabel("Interviewer").selectOption({ label: "Sam Patel" });
  await productSense.getByRole("button", { name: "Schedule" }).click();
  await expect(productSense.getByRole("status")).toHaveText("Round scheduled.");
  await expect(productSense).toContainText("Mon 4 Mar, 15:00 UTC");

  // A duplicate candidate is caught.
  await page.goto("/candidates/new");
  await fillCandidate(page, "Rosa Again", "rosa.example@candidates.example");
  await expect(page.getByText("Rosa Example already has this email.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open a loop for the existing candidate instead" })).toBeVisible();
});

test("an overdue loop stands out in the pipeline and its timeline opens", async ({ page, signInAs }) => {
  await signInAs("recruiter@example.com");
  await page.goto("/pipeline?overdue=1");
  // Daniel Kim's loop keeps overdue feedback throughout the suite (other specs submit Grace Adeyemi's).
  const row = page.getByRole("row", { name: /Daniel Kim/ });
  await expect(row).toContainText("overdue");
  await expect(row).toHaveClass(/bg-red-50/);
  await row.getByRole("link", { name: "Daniel Kim" }).click();
  await expect(page.getByRole("figure", { name: "Timeline" })).toBeVisible();
  await expect(page.locator("figure .recharts-wrapper svg").first()).toBeVisible();
  await expect(page.getByTestId("pace")).toContainText(
    "external candidates typically reach a decision in about 85 days",
  );
});
