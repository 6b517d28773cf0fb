import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable the app reads, validated once at boot. Nothing
 * else in app/ or scripts/ touches process.env; a bad value stops the process
 * with a message naming the variable.
 */
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  HOST: optionalString.transform((value) => value ?? "0.0.0.0"),
  TRUST_PROXY: optionalString.transform((value, ctx) => {
    const trust = parseTrustProxy(value);
    if (trust === "invalid") {
      ctx.addIssue({
        code: "custom",
        message:
          'must be the number of proxies in front of the app (1 for one reverse proxy), or a comma-separated list of their addresses (10.0.0.5, 10.0.0.0/8, loopback); "true" would let any client forge its address',
      });
      return z.NEVER;
    }
    return trust;
  }),
  DATABASE_URL: optionalString.refine(
    (value) => value === undefined || /^postgres(ql)?:\/\/\S+$/.test(value),
    "must be a postgres:// or postgresql:// URL, or unset to use the embedded database",
  ),
  PGLITE_DATA_DIR: optionalString.transform((value) => value ?? "data/pglite"),
  APP_ORIGIN: optionalString.refine(
    (value) =>
      value === undefined ||
      value
        .split(",")
        .every(
          (origin) => URL.canParse(origin.trim()) && new URL(origin.trim()).origin === origin.trim().replace(/\/$/, ""),
        ),
    "must be a comma-separated list of origins such as https://calibrate.example.com",
  ),
  // Unset: decided below from where the app runs (demo data only for the embedded database in development).
  SEED_DEMO_DATA: z.enum(["auto", "never"], { error: 'must be "auto" (seed an empty database) or "never"' }).optional(),
  FORM_BODY_LIMIT: optionalString.transform((value, ctx) => {
    const bytes = parseByteSize(value ?? "1mb");
    if (bytes === null) {
      ctx.addIssue({ code: "custom", message: "must be a size between 1kb and 64mb, such as 1mb or 512kb" });
      return z.NEVER;
    }
    return bytes;
  }),
  BACKUP_DIR: optionalString,
  BACKUP_DAILY: z.enum(["on", "off"], { error: 'must be "on" (a backup every day) or "off"' }).optional(),
  BACKUP_KEEP: z.coerce
    .number({ error: "must be a number of backups" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 365")
    .max(365, "must be between 1 and 365")
    .default(7),
  SMTP_URL: optionalString.refine(
    (value) => value === undefined || /^smtps?:\/\/\S+$/.test(value),
    "must be an smtp:// or smtps:// URL",
  ),
  MAIL_FROM: optionalString.transform((value) => value ?? "Calibrate <calibrate@localhost>"),
  SCHEDULER: z.enum(["on", "off"], { error: 'must be "on" (send reminders from this server) or "off"' }).default("on"),
});

/**
 * Defaults that depend on other variables. Demo data (public passwords) is
 * seeded by default only where it cannot hurt: the embedded database outside
 * production. Daily backups default on for the embedded database, whose data
 * otherwise lives in one directory.
 */
const resolvedEnvSchema = envSchema.transform((env) => ({
  ...env,
  SEED_DEMO_DATA:
    env.SEED_DEMO_DATA ?? (env.DATABASE_URL || env.NODE_ENV === "production" ? ("never" as const) : ("auto" as const)),
  BACKUP_DIR: env.BACKUP_DIR ?? path.join(path.dirname(env.PGLITE_DATA_DIR), "backups"),
  BACKUP_DAILY: env.BACKUP_DAILY ?? (env.DATABASE_URL ? ("off" as const) : ("on" as const)),
}));

/** false, a hop count, or the proxies' addresses (Express's `trust proxy`); "invalid" for anything else. */
export function parseTrustProxy(value: string | undefined): false | number | string[] | "invalid" {
  if (value === undefined || value === "false" || value === "0") return false;
  if (/^\d+$/.test(value)) return Number(value) <= 10 ? Number(value) : "invalid";
  const entries = value.split(",").map((entry) => entry.trim());
  const named = new Set(["loopback", "linklocal", "uniquelocal"]);
  const valid = entries.every((entry) => {
    if (named.has(entry)) return true;
    const [address, bits, ...rest] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family || rest.length) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  return valid && entries.length > 0 ? entries : "invalid";
}

/** "1mb", "512kb" or a number of bytes, between 1 KB and 64 MB; null otherwise. */
export function parseByteSize(value: string): number | null {
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(value.trim());
  if (!match) return null;
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? "b").toLowerCase() as "b" | "kb" | "mb"];
  const bytes = Number(match[1]) * unit;
  return bytes >= 1024 && bytes <= 64 * 1024 * 1024 ? bytes : null;
}

export type Env = z.output<typeof resolvedEnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = resolvedEnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}

export const env: Env = parseEnv(process.env);

/** The only values that reach the browser (window.ENV). */
export function getPublicEnv() {
  return { MODE: env.NODE_ENV };
}

export type PublicEnv = ReturnType<typeof getPublicEnv>;

export function allowedOrigins(): string[] {
  return env.APP_ORIGIN ? env.APP_ORIGIN.split(",").map((origin) => origin.trim().replace(/\/$/, "")) : [];
}
