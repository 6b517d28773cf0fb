// Prisma CLI configuration. The CLI is a developer tool (generate, status, diff);
// the app applies migrations itself (scripts/migrate.ts), so this file is the one
// place outside app/env.server.ts that reads process.env, and only for the CLI.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { acquireDirectoryLock } from "./app/server/pglite-lock.server";

const databaseUrl = process.env.DATABASE_URL ?? "";
const usePostgres = /^postgres(ql)?:\/\//.test(databaseUrl);
// The schema's `url = env("DATABASE_URL")` must resolve, or the CLI falls back to
// downloading a native engine (impossible offline). The adapter is what connects.
if (!usePostgres) process.env.DATABASE_URL = "postgresql://unused@localhost/unused";

const dataDir = process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), "data", "pglite");
let pglite: PGlite | undefined; // the CLI may ask for the adapter twice; one PGlite per dir

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    if (usePostgres) return new PrismaPg({ connectionString: databaseUrl });
    if (!pglite) {
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      // Like every process, the CLI refuses a directory another process has open (PGlite would corrupt it).
      acquireDirectoryLock(dataDir, "prisma CLI");
      pglite = new PGlite(dataDir);
    }
    return new PrismaPGlite(pglite);
  },
});
