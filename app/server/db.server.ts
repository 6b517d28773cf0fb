import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { env } from "~/env.server";
import { PrismaClient } from "~/generated/prisma/client";
import { newestBackup } from "./backup/backup-files.server";
import { acquireDirectoryLock, type DirectoryLock } from "./pglite-lock.server";
import { singleton } from "./singleton.server";
import { pgliteExecutor, postgresExecutor, type SqlExecutor } from "./sql-executor.server";

export interface DatabaseConfig {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  pgliteDataDir: string;
  /** Where backups are kept: named when the embedded database cannot be opened. */
  backupDir?: string;
}

export class DamagedDatabaseError extends Error {
  override name = "DamagedDatabaseError";
}

export interface Database {
  kind: "pglite" | "postgres";
  /** Resolves once the database is open; rejects with DamagedDatabaseError when an embedded directory cannot be. */
  ready: Promise<void>;
  prisma: PrismaClient;
  /** How many queries Prisma has sent: lets tests and benchmarks prove a loader's query count is fixed. */
  queryCount(): number;
  /** The embedded database's directory lock (this process owns the directory until close). */
  directoryLock?: DirectoryLock;
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
      ready: Promise.resolve(),
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

  // PGlite is single-connection and must never be opened by two processes (it
  // corrupts): the first query opens it and locks the directory until close().
  // Opening lazily means importing this module never touches the directory.
  const dataDir = config.pgliteDataDir;
  const onDisk = !dataDir.startsWith("memory://");
  let opened: { pglite: PGlite; lock: DirectoryLock | null; ready: Promise<void> } | undefined;
  const open = () => {
    if (opened) return opened;
    if (onDisk) {
      fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
      refuseUnrecognisable(dataDir, config.backupDir);
    }
    const lock = onDisk ? acquireDirectoryLock(dataDir) : null;
    const pglite = new PGlite(dataDir);
    const ready = pglite.waitReady.catch((error: unknown) => {
      lock?.release();
      throw new DamagedDatabaseError(damagedMessage(dataDir, config.backupDir, error));
    });
    ready.catch(() => {}); // reported to whoever awaits it; never an unhandled rejection
    opened = { pglite, lock, ready };
    return opened;
  };
  // Prisma's adapter reaches PGlite only when it sends its first query.
  const lazyPglite = new Proxy({} as PGlite, {
    get(_target, property) {
      const { pglite } = open();
      const value = Reflect.get(pglite, property, pglite) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(pglite) : value;
    },
  });
  const { prisma, queryCount } = countingClient(new PrismaPGlite(lazyPglite));
  return {
    kind: "pglite",
    get ready() {
      try {
        return open().ready;
      } catch (error) {
        return Promise.reject(error);
      }
    },
    get directoryLock() {
      return opened?.lock ?? undefined;
    },
    prisma,
    queryCount,
    withSql: async (work) => {
      const { pglite, ready } = open();
      await ready;
      return work(pgliteExecutor(pglite));
    },
    async close() {
      if (!opened) return;
      const { pglite, lock } = opened;
      try {
        await prisma.$disconnect();
        if (!pglite.closed) await pglite.close().catch(() => {});
      } finally {
        lock?.release();
      }
    },
  };
}

function damagedMessage(dataDir: string, backupDir: string | undefined, error: unknown): string {
  const cause = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const backup = backupDir ? newestBackup(backupDir) : null;
  return (
    `The embedded database at ${dataDir} cannot be opened: it is damaged (${cause}). Calibrate will not start on it, nor start empty. ` +
    (backup
      ? `The newest backup is ${backup.path} (${backup.takenAt.toISOString()}). Move the directory aside and restore it: npm run db:restore -- ${backup.path}`
      : `No backup was found${backupDir ? ` in ${backupDir}` : ""}. Keep the directory for recovery and move it aside before starting again.`)
  );
}

/** A non-empty directory without PG_VERSION is not a database PGlite made: never initialise over it. */
function refuseUnrecognisable(dataDir: string, backupDir: string | undefined) {
  const entries = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  if (entries.length > 0 && !entries.includes("PG_VERSION")) {
    throw new DamagedDatabaseError(damagedMessage(dataDir, backupDir, new Error("PG_VERSION is missing")));
  }
}

/** The process's one database, surviving `remix dev` rebuilds. */
export const database = singleton("database", () =>
  openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, backupDir: env.BACKUP_DIR }),
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
