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
  TRUST_PROXY: z
    .enum(["true", "false"], { error: 'must be "true" (behind a reverse proxy) or "false"' })
    .default("false")
    .transform((value) => value === "true"),
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
  SEED_DEMO_DATA: z
    .enum(["auto", "never"], { error: 'must be "auto" (seed an empty database) or "never"' })
    .default("auto"),
  SMTP_URL: optionalString.refine(
    (value) => value === undefined || /^smtps?:\/\/\S+$/.test(value),
    "must be an smtp:// or smtps:// URL",
  ),
  MAIL_FROM: optionalString.transform((value) => value ?? "Calibrate <calibrate@localhost>"),
  SCHEDULER: z.enum(["on", "off"], { error: 'must be "on" (send reminders from this server) or "off"' }).default("on"),
});

export type Env = z.output<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
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
