import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories";
import { startInProcessServer, type RunningApp } from "../support/in-process-server";
import { cookieFor, prisma } from "../support/remix";
import { panelScenario } from "../support/scenario";

/** The whole stack over HTTP: Express in front of Remix, as server.ts runs it. */
let app: RunningApp;
beforeAll(async () => {
  app = await startInProcessServer({ formBodyLimit: 64 * 1024 });
});
afterAll(() => app.close());

const post = (path: string, init: { body?: BodyInit; type?: string; cookie?: string; accept?: string } = {}) =>
  fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: app.url,
      ...(init.type ? { "Content-Type": init.type } : {}),
      ...(init.cookie ? { Cookie: init.cookie } : {}),
      ...(init.accept ? { Accept: init.accept } : {}),
    },
    body: init.body,
  });

describe("security headers", () => {
  it("send a nonce-based CSP that Remix's scripts carry, and forbid framing, plugins and base rewriting", async () => {
    const response = await fetch(`${app.url}/login`);
    const csp = response.headers.get("Content-Security-Policy")!;
    const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) {
      expect(csp).toContain(directive);
    }
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response.
    const again = (await fetch(`${app.url}/login`)).headers.get("Content-Security-Policy");
    expect(again).not.toBe(csp);
    expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
    expect(response.headers.get("Permissions-Policy")).toContain("camera=()");
    expect(response.headers.get("Strict-Transport-Security")).toBeNull(); // plain HTTP here
  });

  it("mark every page and data response no-store, signed in or not", async () => {
    const user = await createUser(prisma, { role: "interviewer" });
    const cookie = await cookieFor(user.id);
    for (const [path, signedIn] of [
      ["/rounds", true],
      ["/rounds.data", true],
      ["/calibration", true],
      ["/login", false],
      ["/healthz", false],
    ] as const) {
      const headers: HeadersInit = signedIn ? { Cookie: cookie } : {};
      const response = await fetch(`${app.url}${path}`, { headers, redirect: "manual" });
      expect({ path, status: response.status, cache: response.headers.get("Cache-Control") }).toEqual({
        path,
        status: 200,
        cache: "no-store",
      });
    }
  });
});

describe("request bodies", () => {
  it("answers 413 with the app's error page for a body over the limit, keeping none of it", async () => {
    const response = await post("/login", {
      type: "application/x-www-form-urlencoded",
      body: `email=a@example.com&password=${"x".repeat(200 * 1024)}`,
    });
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain("<title>Sign in · Calibrate</title>");
    expect(html).toContain("That was more than 64 KB, the most one form may send");
    expect(app.log.at(-1)).toMatch(/^refused POST \/login from .*: 413 /);
  });

  it.each([
    ["JSON", "application/json", '{"email":"a@example.com"}', 415],
    ["text/plain", "text/plain", "email=a@example.com", 415],
    ["no content type", undefined, "email=a@example.com", 415],
    ["no body", undefined, undefined, 415],
    ["broken multipart", "multipart/form-data; boundary=xyz", "--xyz\r\nnot a part", 400],
    ["multipart without a boundary", "multipart/form-data", "x", 400],
  ])("answers a %s body with %s… a clear 4xx, not a 500", async (_name, type, body, status) => {
    const response = await post("/login", { type, body });
    expect(response.status).toBe(status);
    expect(await response.text()).toMatch(/accepts forms only|could not be read/);
  });

  it("refuses a NUL character in a form field, an id or a search before it reaches the database", async () => {
    const admin = await createUser(prisma, { role: "admin" });
    const cookie = await cookieFor(admin.id);
    const form = await post("/login", { type: "application/x-www-form-urlencoded", body: "email=a%00b@example.com" });
    expect(form.status).toBe(400);
    for (const path of ["/loops/a%00b/debrief", "/loops?q=a%00b", "/pipeline?q=%00"]) {
      const response = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie } });
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
    }
  });

  it("refuses the pre-single-fetch ?_data= protocol with a 400 instead of Remix's 500", async () => {
    const response = await post("/login?_data=", { type: "application/x-www-form-urlencoded", body: "email=a" });
    expect(response.status).toBe(400);
  });

  it("never lets Remix's own origin check turn an untrusted X-Forwarded-Host or a HEAD data request into a 500", async () => {
    const forged = await fetch(`${app.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: app.url,
        "X-Forwarded-Host": "evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "email=nobody%40example.com&password=whatever-123",
    });
    expect(forged.status).toBe(400);
    const head = await fetch(`${app.url}/_root.data`, { method: "HEAD", headers: { Origin: "https://evil.example" } });
    expect(head.status).toBe(405);
  });

  it("signs in through the whole stack with a real form", async () => {
    const user = await createUser(prisma, { role: "recruiter" });
    const response = await post("/login", {
      type: "application/x-www-form-urlencoded",
      body: new URLSearchParams({ email: user.email, password: DEMO_PASSWORD }).toString(),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/pipeline");
  });
});

describe("the autosave endpoint", () => {
  it("answers JSON whatever it is sent", async () => {
    const { users, rounds } = await panelScenario();
    const cookie = await cookieFor(users.alice.id);
    const path = `/rounds/${rounds.aliceProduct.id}/draft`;
    const cases = [
      await post(path, { cookie, type: "application/json", body: "{}" }),
      await post(path, { cookie, type: "multipart/form-data; boundary=b", body: "garbage" }),
      await post(path, { cookie }),
      await post(path, { type: "application/x-www-form-urlencoded", body: "version=0" }),
      await fetch(`${app.url}${path}`, { method: "POST", headers: { Origin: "https://evil.example" }, body: "x" }),
      await fetch(`${app.url}${path}`, { headers: { Cookie: cookie } }),
      await post(path, { cookie, type: "application/x-www-form-urlencoded", body: "x".repeat(100 * 1024) }),
    ];
    const answers = await Promise.all(
      cases.map(async (response) => ({
        status: response.status,
        type: response.headers.get("Content-Type"),
        body: (await response.json()) as { ok: boolean; message: string },
      })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([415, 400, 415, 401, 403, 405, 413]);
    for (const answer of answers) {
      expect(answer.type).toMatch(/^application\/json/);
      expect(answer.body.ok).toBe(false);
      expect(answer.body.message.length).toBeGreaterThan(10);
    }
  });
});

describe("client addresses behind a proxy", () => {
  const wrongPassword = (base: string, forwardedFor: string) =>
    fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: base,
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": forwardedFor,
      },
      body: "email=target%40example.com&password=not-the-password",
    });

  it("ignore X-Forwarded-For by default, so a forged header cannot dodge the per-address throttle", async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await wrongPassword(app.url, `198.51.100.${i}`)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
  });

  it("take the client's address from the number of proxies TRUST_PROXY names", async () => {
    const proxied = await startInProcessServer({ trustProxy: 1 });
    try {
      const statuses = [];
      // One proxy: the last hop it appends is the client; what the client itself forged before it is not.
      for (let i = 0; i < 5; i++) statuses.push((await wrongPassword(proxied.url, `6.6.6.6, 203.0.113.${i}`)).status);
      expect(statuses).toEqual([400, 400, 400, 400, 400]);
      const same = [];
      for (let i = 0; i < 5; i++) same.push((await wrongPassword(proxied.url, `203.0.113.${i}, 192.0.2.200`)).status);
      expect(same).toEqual([400, 400, 400, 400, 429]);
      // HTTPS at the proxy: HSTS, which a forged header to an unproxied server does not get.
      const https = { headers: { "X-Forwarded-Proto": "https" } };
      expect((await fetch(`${proxied.url}/login`, https)).headers.get("Strict-Transport-Security")).toBe(
        "max-age=31536000",
      );
      expect((await fetch(`${app.url}/login`, https)).headers.get("Strict-Transport-Security")).toBeNull();
    } finally {
      await proxied.close();
    }
  });
});
