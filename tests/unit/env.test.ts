import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";

describe("environment", () => {
  it("defaults to the embedded database on port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({
      PORT: 3000,
      PGLITE_DATA_DIR: "data/pglite",
      NODE_ENV: "development",
      TRUST_PROXY: false,
    });
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  " }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a postgres URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/calibrate" }).DATABASE_URL).toBe(
      "postgresql://u:p@db:5432/calibrate",
    );
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL: must be a postgres:// or postgresql:// URL"],
    [{ PORT: "eighty" }, "PORT: must be a port number"],
    [{ PORT: "70000" }, "PORT: must be between 1 and 65535"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ APP_ORIGIN: "calibrate.example.com" }, "APP_ORIGIN: must be a comma-separated list of origins"],
    [{ SEED_DEMO_DATA: "yes" }, 'SEED_DEMO_DATA: must be "auto"'],
    [{ SMTP_URL: "http://mail" }, "SMTP_URL: must be an smtp:// or smtps:// URL"],
  ])("names the variable in the message for %j", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});
