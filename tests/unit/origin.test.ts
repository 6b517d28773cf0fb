import { describe, expect, it } from "vitest";
import { isSameOrigin } from "~/server/auth/origin.server";

const base = { method: "POST", origin: null, secFetchSite: null, host: "calibrate.example.com" };

describe("isSameOrigin", () => {
  it("lets safe methods through", () => {
    expect(isSameOrigin({ ...base, method: "GET", origin: "https://evil.example" })).toBe(true);
  });
  it("accepts a POST whose Origin names this host, on any scheme (TLS-terminating proxies)", () => {
    expect(isSameOrigin({ ...base, origin: "https://calibrate.example.com" })).toBe(true);
    expect(isSameOrigin({ ...base, origin: "http://calibrate.example.com" })).toBe(true);
  });
  it("refuses another site, a null origin, a garbage origin", () => {
    expect(isSameOrigin({ ...base, origin: "https://evil.example" })).toBe(false);
    expect(isSameOrigin({ ...base, origin: "https://calibrate.example.com.evil.example" })).toBe(false);
    expect(isSameOrigin({ ...base, origin: "null" })).toBe(false);
    expect(isSameOrigin({ ...base, origin: "::::" })).toBe(false);
  });
  it("without Origin, accepts only Sec-Fetch-Site: same-origin", () => {
    expect(isSameOrigin(base)).toBe(false);
    expect(isSameOrigin({ ...base, secFetchSite: "cross-site" })).toBe(false);
    expect(isSameOrigin({ ...base, secFetchSite: "same-origin" })).toBe(true);
  });
  it("accepts origins listed in APP_ORIGIN", () => {
    expect(isSameOrigin({ ...base, origin: "https://app.example.org" }, ["https://app.example.org"])).toBe(true);
  });
});
