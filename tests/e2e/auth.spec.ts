import { expect, test } from "./support/fixtures";

test("signs in through the real form, lands on the role's home page, and signs out", async ({ page }) => {
  await page.goto("/loops");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Floops/);
  await expect(page).toHaveTitle("Sign in · Calibrate");

  await page.getByLabel("Email").fill("hm@example.com");
  await page.getByLabel("Password").fill("wrong-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();

  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/loops$/);
  await expect(page.getByRole("heading", { level: 1, name: "My loops" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/loops");
  await expect(page).toHaveURL(/\/login/);
});

test("shows field errors from the shared schema before submitting", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").focus();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
});

const homes = [
  { email: "interviewer1@example.com", path: "/rounds", heading: "My rounds" },
  { email: "hm@example.com", path: "/loops", heading: "My loops" },
  { email: "recruiter@example.com", path: "/pipeline", heading: "Pipeline" },
  { email: "admin@example.com", path: "/admin/users", heading: "People" },
] as const;

for (const home of homes) {
  test(`${home.email} lands on ${home.path}`, async ({ page, signInAs }) => {
    await signInAs(home.email);
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
    await expect(page).toHaveTitle(`${home.heading} · Calibrate`);
  });
}

test("an interviewer is refused the admin page with a friendly 403", async ({ page, signInAs }) => {
  await signInAs("interviewer2@example.com");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available to you" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to your home page" })).toBeVisible();
});

test("an unknown address shows the 404 page", async ({ page, signInAs }) => {
  await signInAs("recruiter@example.com");
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the interviewer's home lists awaiting, upcoming and submitted rounds", async ({ page, signInAs }) => {
  await signInAs("interviewer1@example.com");
  await page.goto("/rounds");
  await expect(page.getByRole("heading", { name: /Awaiting your feedback \([1-9]/ })).toBeVisible();
  await expect(page.getByText(/Overdue since/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /Upcoming \([1-9]/ })).toBeVisible();
});

test("an admin adds a person and sees field errors first", async ({ page, signInAs }) => {
  await signInAs("admin@example.com");
  await page.goto("/admin/users");
  const form = page.locator("form#create-user");
  await form.getByLabel("Name").fill("Robin Example");
  await form.getByLabel("Email").fill("robin@example.com");
  await form.getByLabel("Role").selectOption("interviewer");
  await form.getByLabel("Temporary password").fill("short");
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByText("Use at least 12 characters")).toBeVisible();
  await form.getByLabel("Temporary password").fill("a-long-temporary-password");
  await form.getByRole("button", { name: "Add person" }).click();
  // Each row's sign-out control has a status region of its own: the notice is the one that says it.
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toHaveText("Added Robin Example.");
  await expect(page.getByRole("cell", { name: /robin@example.com/ })).toBeVisible();
});
