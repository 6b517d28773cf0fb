import { expect, test } from "./support/fixtures";

test("an interviewer files feedback by keyboard, keeps the draft over a reload, submits, and then sees the panel", async ({
  page,
  signInAs,
}) => {
  await signInAs("interviewer1@example.com");
  await page.goto("/rounds");
  await page.getByRole("link", { name: "Grace Adeyemi: Analytical" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grace Adeyemi: Analytical" })).toBeVisible();

  // The kit is there to prepare with, and the panel is closed until we submit.
  await expect(page.getByRole("heading", { name: "Interview kit: Analytical" })).toBeVisible();
  await expect(page.getByText("Reason from broken or incomplete data")).toBeVisible();
  await expect(page.getByText("You will see the panel's ratings and evidence once your own feedback")).toBeVisible();
  await expect(page.getByText(/Lean yes|Strong yes|Lean no|Strong no/)).toHaveCount(0);

  await page.getByRole("link", { name: "Write feedback" }).click();
  await expect(page).toHaveURL(/\/feedback$/);
  await expect(page).toHaveTitle(/Feedback: Grace Adeyemi, Analytical/);

  // Product altitude (a focus dimension): focus its group, choose with a number key, tab to evidence.
  const altitude = page.getByRole("group", { name: /Product altitude/ });
  await altitude.getByRole("radio").first().focus();
  await page.keyboard.press("3");
  await expect(altitude.getByRole("radio", { name: /3 · Lean yes/ })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Evidence for product altitude")).toBeFocused();
  await page.keyboard.type(
    'Asked who the dashboard is for before touching the data; said "support tickets doubling is the real cost".',
  );

  // Tradeoff ranking (focus): 4 by keyboard, then evidence.
  await page.keyboard.press("Tab");
  await page.keyboard.press("4");
  await expect(
    page.getByRole("group", { name: /Tradeoff ranking/ }).getByRole("radio", { name: /4 · Strong yes/ }),
  ).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.type(
    "Recommended shipping to 20% only, because support capacity binds first; named the churn number that would reverse the call and who feels the cost.",
  );

  await expect(page.getByTestId("save-status")).toContainText("Draft saved");
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
  await expect(page.getByLabel("Evidence for product altitude")).toHaveValue(
    /support tickets doubling is the real cost/,
  );
  await expect(
    page.getByRole("group", { name: /Tradeoff ranking/ }).getByRole("radio", { name: /4 · Strong yes/ }),
  ).toBeChecked();

  // Finish: ownership and engineering bias stay at No signal; recommendation and summary by keyboard.
  await page.getByRole("radio", { name: "Yes", exact: true }).focus();
  await page.keyboard.press("Space");
  await page.getByLabel("Summary").focus();
  await page.keyboard.type("Made a clear go/no-go call from broken data and ranked the consequences.");
  await expect(page.getByRole("heading", { name: /Evidence check/ })).toContainText("looks good");
  await page.getByRole("button", { name: "Submit feedback" }).focus();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\?submitted=1$/);
  await expect(page.getByRole("status")).toHaveText("Feedback submitted. Thank you.");
  // All of Sam's rounds for Grace are in: the panel's ratings are now visible.
  await expect(page.getByText("You will see the panel's ratings")).toHaveCount(0);
  await expect(page.getByText(/Recommendation:/).first()).toBeVisible();
  await expect(page.getByText(/\d · (Lean yes|Strong yes|Lean no|Strong no)/).first()).toBeVisible();
});

test("submit shows errors next to their fields and keeps what was typed", async ({ page, signInAs }) => {
  await signInAs("interviewer1@example.com");
  await page.goto("/rounds");
  await page.getByRole("link", { name: "Daniel Kim: Behavioral" }).click();
  await page.getByRole("link", { name: "Continue your draft" }).click();
  await expect(page).toHaveURL(/\/feedback$/);
  await page
    .getByRole("group", { name: /Ownership/ })
    .getByRole("radio", { name: /2 · Lean no/ })
    .check();
  await page.getByLabel("Summary").fill("Kept this text");
  await page.getByRole("button", { name: "Submit feedback" }).click();
  await expect(page.getByText("Add the evidence behind this rating: what the candidate said or did")).toBeVisible();
  await expect(page.getByText("Choose an overall recommendation")).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveValue("Kept this text");
  await page.getByLabel("Evidence for ownership").fill("smart");
  await expect(page.getByRole("heading", { name: /Evidence check/ })).toContainText("to look at");
  await expect(page.getByText(/"smart" describes your impression/)).toBeVisible();
});
