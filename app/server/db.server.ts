import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { env } from "~/env.server";
import { PrismaClient } from "~/generated/prisma/client";
import { singleton } from "./singleton.server";
import { pgliteExecutor, postgresExecutor, type SqlExecutor } from "./sql-executor.server";

export interface DatabaseConfig {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  pgliteDataDir: string;
}

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** How many queries Prisma has sent: lets tests and benchmarks prove a loader's query count is fixed. */
  queryCount(): number;
  /** Runs raw SQL with a connection of its own (migrations, fixtures, health). */
  withSql<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function countingClient(adapter: PrismaPg | PrismaPGlite) {
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  let count = 0;
  prisma.$on("query", () => {
    count += 1;
  });
  return { prisma, queryCount: () => count };
}

export function openDatabase(config: DatabaseConfig): Database {
  if (config.databaseUrl) {
    const connectionString = config.databaseUrl;
    const { prisma, queryCount } = countingClient(new PrismaPg({ connectionString }));
    return {
      kind: "postgres",
      prisma,
      queryCount,
      async withSql(work) {
        const client = new pg.Client({ connectionString });
        await client.connect();
        try {
          return await work(postgresExecutor(client));
        } finally {
          await client.end();
        }
      },
      async close() {
        await prisma.$disconnect();
      },
    };
  }

  // PGlite is single-connection and must never be opened twice on one directory
  // (it corrupts); this process owns it until close().
  const dataDir = config.pgliteDataDir;
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const pglite = new PGlite(dataDir);
  const { prisma, queryCount } = countingClient(new PrismaPGlite(pglite));
  return {
    kind: "pglite",
    prisma,
    queryCount,
    withSql: (work) => work(pgliteExecutor(pglite)),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** The process's one database, surviving `remix dev` rebuilds. */
export const database = singleton("database", () =>
  openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR }),
);

export const prisma = database.prisma;

/**
 * True for a unique-constraint violation, whichever engine raised it: Prisma
 * maps it to P2002 on PostgreSQL, while the PGlite adapter can surface the raw
 * driver error (SQLSTATE 23505) from inside a transaction.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const coded = error as Error & { code?: string; cause?: { originalCode?: string; kind?: string } };
  return (
    coded.code === "P2002" ||
    coded.cause?.originalCode === "23505" ||
    coded.cause?.kind === "UniqueConstraintViolation" ||
    /duplicate key value violates unique constraint/.test(error.message)
  );
}
