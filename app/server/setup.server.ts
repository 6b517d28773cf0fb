import { env } from "~/env.server";
import { openDatabase } from "./db.server";
import { migrate } from "./migrations.server";

export function configuredDatabase() {
  return openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, backupDir: env.BACKUP_DIR });
}

export function describeDatabase(): string {
  if (!env.DATABASE_URL) return `embedded PGlite at ${env.PGLITE_DATA_DIR}`;
  const url = new URL(env.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** Applies pending migrations to the configured database; used at start and by npm run db:migrate. */
export async function migrateConfiguredDatabase() {
  const database = configuredDatabase();
  try {
    return await database.withSql((sql) => migrate(sql));
  } finally {
    await database.close();
  }
}
