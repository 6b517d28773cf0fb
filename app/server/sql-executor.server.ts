import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * The smallest interface both engines share for raw, multi-statement SQL:
 * used by the migration runner and test fixtures, never by request code
 * (which goes through Prisma).
 */
export interface SqlExecutor {
  kind: "pglite" | "postgres";
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction; a throw rolls everything back. */
  transaction<T>(work: (tx: Pick<SqlExecutor, "query" | "exec">) => Promise<T>): Promise<T>;
  /** Multi-statement script without parameters. */
  exec(sql: string): Promise<void>;
}

export function pgliteExecutor(pglite: PGlite): SqlExecutor {
  return {
    kind: "pglite",
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await pglite.query<Row>(sql, params as unknown[] | undefined);
      return result.rows;
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
    transaction(work) {
      return pglite.transaction((tx) =>
        work({
          async query<Row>(sql: string, params?: unknown[]) {
            return (await tx.query<Row>(sql, params as unknown[] | undefined)).rows;
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
        }),
      );
    },
  };
}

export function postgresExecutor(client: pg.Client | pg.PoolClient): SqlExecutor {
  const query = async <Row>(sql: string, params?: unknown[]) =>
    (await client.query(sql, params as unknown[] | undefined)).rows as Row[];
  const exec = async (sql: string) => {
    await client.query(sql);
  };
  return {
    kind: "postgres",
    query,
    exec,
    async transaction(work) {
      await client.query("BEGIN");
      try {
        const result = await work({ query, exec });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
}
