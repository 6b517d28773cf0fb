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
      FORM_BODY_LIMIT: 1024 * 1024,
      BACKUP_DIR: "data/backups",
      BACKUP_DAILY: "on",
      BACKUP_KEEP: 7,
    });
  });

  it("seeds demo data by default only into the embedded database outside production", () => {
    expect(parseEnv({}).SEED_DEMO_DATA).toBe("auto");
    expect(parseEnv({ NODE_ENV: "production" }).SEED_DEMO_DATA).toBe("never");
    expect(parseEnv({ DATABASE_URL: "postgres://u@db/calibrate" }).SEED_DEMO_DATA).toBe("never");
    // Set explicitly, "auto" still means: seed an empty database.
    expect(parseEnv({ NODE_ENV: "production", SEED_DEMO_DATA: "auto" }).SEED_DEMO_DATA).toBe("auto");
    expect(parseEnv({ DATABASE_URL: "postgres://u@db/calibrate" }).BACKUP_DAILY).toBe("off");
  });

  it("trusts a number of proxies or their addresses, never any client's X-Forwarded-For", () => {
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.5, 10.1.0.0/16, loopback, ::1" }).TRUST_PROXY).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "loopback",
      "::1",
    ]);
    for (const bad of ["true", "yes", "10.0.0.0/33", "example.com", "99"]) {
      expect(() => parseEnv({ TRUST_PROXY: bad })).toThrow("TRUST_PROXY: must be the number of proxies");
    }
  });

  it("reads the form body limit in bytes, KB or MB", () => {
    expect(parseEnv({ FORM_BODY_LIMIT: "512kb" }).FORM_BODY_LIMIT).toBe(512 * 1024);
    expect(parseEnv({ FORM_BODY_LIMIT: "2MB" }).FORM_BODY_LIMIT).toBe(2 * 1024 * 1024);
    expect(() => parseEnv({ FORM_BODY_LIMIT: "1gb" })).toThrow("FORM_BODY_LIMIT");
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
