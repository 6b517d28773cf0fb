import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

test("an admin records a hire's outcomes and the calibration page shows validity with its N", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin@example.com");
  await page.goto("/outcomes");
  await expect(page).toHaveTitle("Hire outcomes · Calibrate");
  const firstHire = page.getByTestId("outcomes-table").getByRole("row").nth(1).getByRole("link");
  const candidate = (await firstHire.textContent())!.trim();
  await firstHire.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Outcomes for ${candidate}`);
  await page.getByLabel("Performance at 6 months").selectOption("4");
  await page.getByLabel("Performance at 12 months").selectOption("3");
  await page.getByLabel("Still in the role").selectOption("yes");
  await page.getByRole("button", { name: "Save outcomes" }).click();
  await expect(page).toHaveURL(/\/outcomes$/);
  await expect(page.getByTestId("outcomes-table").getByRole("row", { name: new RegExp(candidate) })).toContainText(
    "Exceeds expectations",
  );

  await page.goto("/calibration?period=all");
  // Calibration serves its last snapshot at once and recomputes in the background: reload until it counts the outcome.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { name: /Performance at 6 months/ })).toContainText("(N = 1)", {
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });
  const validity = page.getByTestId("validity");
  await expect(validity).toContainText("Only 1 hire has this outcome, below 30");
  await expect(
    page.getByTestId("validity-performance6").getByRole("row", { name: /Overall recommendation/ }),
  ).toContainText("1");
  await expect(page.getByRole("figure", { name: /Reliability of a panel's mean against panel size/ })).toBeVisible();
  await expect(page.getByTestId("panel-reliability")).toContainText(
    "of the spread between candidates' means is the candidates themselves",
  );

  await page.getByRole("link", { name: "Templates" }).click();
  await expect(page).toHaveTitle("Loop templates · Calibrate");
  await expect(
    page.getByTestId("templates").getByRole("listitem").filter({ hasText: "Standard engineer-to-PM loop" }).first(),
  ).toContainText("Panel of 5 interviewers");
});

test("a hiring manager sees panel reliability but not outcome-linked validity", async ({ page, signInAs }) => {
  await signInAs("hm@example.com");
  await page.goto("/calibration?period=all");
  await expect(page.getByRole("heading", { name: "How much of a panel's verdict is the candidate" })).toBeVisible();
  await expect(page.getByTestId("validity")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Outcomes" })).toBeVisible();
});

test("the calibration page with validity, the outcome form and the templates page pass an accessibility check", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin@example.com");
  for (const path of ["/calibration?period=all", "/outcomes", "/admin/templates", "/admin/performance-scale"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(
      results.violations.map(
        (violation) =>
          `${path} ${violation.id}: ${violation.nodes
            .map((node) => node.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      ),
    ).toEqual([]);
  }
  await page.goto("/outcomes");
  await page.getByTestId("outcomes-table").getByRole("row").nth(1).getByRole("link").click();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});
