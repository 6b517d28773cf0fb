import { migrate, readMigrations, type MigrationFile } from "../migrations.server";
import type { SqlExecutor } from "../sql-executor.server";

/**
 * Logical backups that either engine can restore: one JSON line per batch of
 * rows, written from one snapshot (REPEATABLE READ on PostgreSQL; PGlite runs
 * the whole dump as one transaction, which holds its only connection). The
 * first line names the migrations the data was written under and how many rows
 * each table holds; the last line marks the file complete, so a truncated file
 * is refused instead of half-restored. Restore migrates an empty database to
 * the backup's migrations, loads the rows (PostgreSQL converts the JSON back
 * to each column's type), checks every count, then applies any newer
 * migrations: all in one transaction, so a failed restore changes nothing.
 */

export const BACKUP_FORMAT = "calibrate-backup";
const BATCH = 2000;

type Tx = Pick<SqlExecutor, "query" | "exec">;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  takenAt: string;
  engine: SqlExecutor["kind"];
  migrations: { name: string; checksum: string }[];
  tables: { name: string; rows: number }[];
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

export class BackupError extends Error {
  override name = "BackupError";
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The schema's tables, parents before children, so rows can be inserted in file order. */
async function tablesInDependencyOrder(tx: Tx): Promise<string[]> {
  const tables = (
    await tx.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    )
  ).map((row) => row.name);
  const edges = await tx.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size > 0) {
    const ready = [...remaining].filter((table) =>
      edges.every((edge) => edge.child !== table || !remaining.has(edge.parent)),
    );
    if (ready.length === 0) throw new BackupError(`Foreign keys form a cycle among ${[...remaining].join(", ")}.`);
    for (const table of ready) {
      ordered.push(table);
      remaining.delete(table);
    }
  }
  return ordered;
}

/** A total order for paging through a table: its primary key, or every column when it has none. */
async function orderColumns(tx: Tx, table: string): Promise<string[]> {
  const key = await tx.query<{ name: string }>(
    `SELECT a.attname AS name
       FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [quote(table)],
  );
  if (key.length > 0) return key.map((row) => row.name);
  return (
    await tx.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      [quote(table)],
    )
  ).map((row) => row.name);
}

async function appliedMigrations(tx: Tx) {
  const [table] = await tx.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`,
  );
  if (!table?.exists) return [];
  return tx.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
}

/** Writes the whole database as backup lines (see the module comment), from one consistent snapshot. */
export async function dumpDatabase(
  sql: SqlExecutor,
  write: (line: string) => void | Promise<void>,
  now = new Date(),
): Promise<BackupSummary> {
  return sql.transaction(async (tx) => {
    await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const migrations = await appliedMigrations(tx);
    if (migrations.length === 0) throw new BackupError("The database has no migrations applied: nothing to back up.");
    const names = await tablesInDependencyOrder(tx);
    const tables = [];
    for (const name of names) {
      const [row] = await tx.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM ${quote(name)}`);
      tables.push({ name, rows: row?.rows ?? 0 });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: 1,
      takenAt: now.toISOString(),
      engine: sql.kind,
      migrations,
      tables,
    };
    await write(JSON.stringify(header));
    let total = 0;
    for (const table of tables) {
      const order = (await orderColumns(tx, table.name)).map(quote).join(", ");
      for (let offset = 0; offset < table.rows; offset += BATCH) {
        const [batch] = await tx.query<{ rows: string }>(
          `SELECT coalesce(json_agg(row_to_json(t)), '[]'::json)::text AS rows
             FROM (SELECT * FROM ${quote(table.name)} ORDER BY ${order} LIMIT ${BATCH} OFFSET ${offset}) t`,
        );
        await write(`{"table":${JSON.stringify(table.name)},"rows":${batch?.rows ?? "[]"}}`);
      }
      total += table.rows;
    }
    await write(JSON.stringify({ end: true, rows: total }));
    return { tables: tables.length, rows: total };
  });
}

/** Runs `work` on the transaction with nested transactions as savepoints (migrate() opens its own). */
function nested(kind: SqlExecutor["kind"], tx: Tx): SqlExecutor {
  let depth = 0;
  return {
    kind,
    query: (text, params) => tx.query(text, params),
    exec: (text) => tx.exec(text),
    async transaction(work) {
      const name = `restore_${++depth}`;
      await tx.exec(`SAVEPOINT ${name}`);
      try {
        const result = await work(tx);
        await tx.exec(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await tx.exec(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
}

/** Drops every table, enum type and function in the schema (restore --replace). */
async function dropEverything(tx: Tx) {
  for (const { name } of await tx.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`,
  ))
    await tx.exec(`DROP TABLE IF EXISTS ${quote(name)} CASCADE`);
  for (const { name } of await tx.query<{ name: string }>(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() AND t.typtype = 'e'`,
  ))
    await tx.exec(`DROP TYPE IF EXISTS ${quote(name)} CASCADE`);
  for (const { signature } of await tx.query<{ signature: string }>(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema()`,
  ))
    await tx.exec(`DROP FUNCTION IF EXISTS ${signature} CASCADE`);
}

export interface RestoreSummary {
  takenAt: string;
  rows: number;
  tables: number;
  /** Migrations newer than the backup, applied after its rows were loaded. */
  migratedForward: string[];
}

function parseHeader(line: string | undefined): BackupHeader {
  const header = ((): Partial<BackupHeader> | null => {
    try {
      return line ? (JSON.parse(line) as Partial<BackupHeader>) : null;
    } catch {
      return null;
    }
  })();
  if (header?.format !== BACKUP_FORMAT) throw new BackupError("This file is not a Calibrate backup.");
  if (header.version !== 1) {
    throw new BackupError(`This backup has format version ${header.version}; this Calibrate reads version 1.`);
  }
  return header as BackupHeader;
}

/**
 * Restores a backup into an empty database (or, with `replace`, one whose
 * contents are dropped first), in one transaction.
 */
export async function restoreDatabase(
  sql: SqlExecutor,
  lines: AsyncIterable<string>,
  options: { replace?: boolean; migrations?: MigrationFile[] } = {},
): Promise<RestoreSummary> {
  const code = options.migrations ?? readMigrations();
  const iterator = lines[Symbol.asyncIterator]();
  const header = parseHeader((await iterator.next()).value as string | undefined);
  const known = new Map(code.map((migration) => [migration.name, migration.checksum]));
  const foreign = header.migrations.filter((migration) => known.get(migration.name) !== migration.checksum);
  if (foreign.length > 0) {
    throw new BackupError(
      `The backup was written by a different version of Calibrate (migrations ${foreign.map((m) => m.name).join(", ")} are unknown or differ here). Restore it with the version that wrote it.`,
    );
  }

  return sql.transaction(async (tx) => {
    const existing = await tx.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() LIMIT 1`,
    );
    if (existing.length > 0) {
      if (!options.replace) {
        throw new BackupError(
          "The target database is not empty. Restore into a new database, or add --replace to drop everything in it first.",
        );
      }
      await dropEverything(tx);
    }
    const executor = nested(sql.kind, tx);
    const atBackup = new Set(header.migrations.map((migration) => migration.name));
    await migrate(
      executor,
      code.filter((migration) => atBackup.has(migration.name)),
    );

    const expected = new Map(header.tables.map((table) => [table.name, table.rows]));
    const present = new Set(await tablesInDependencyOrder(tx));
    // Migrations insert reference rows (templates, stage settings); the backup's rows replace them.
    if (present.size > 0) await tx.exec(`TRUNCATE ${[...present].map(quote).join(", ")}`);
    const disabled: string[] = [];
    let complete = false;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value as string;
      if (line.trim() === "") continue;
      if (complete) throw new BackupError("The backup has data after its end marker.");
      const record = JSON.parse(line) as { table?: string; rows?: unknown[]; end?: boolean };
      if (record.end) {
        complete = true;
        continue;
      }
      const table = record.table ?? "";
      if (!expected.has(table) || !present.has(table))
        throw new BackupError(`The backup has rows for an unknown table "${table}".`);
      if (!disabled.includes(table)) {
        // Rows are restored as they were, so rules for new writes (a published rubric is frozen) must not fire.
        await tx.exec(`ALTER TABLE ${quote(table)} DISABLE TRIGGER USER`);
        disabled.push(table);
      }
      await tx.query(
        `INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
        [JSON.stringify(record.rows ?? [])],
      );
    }
    if (!complete)
      throw new BackupError("The backup is incomplete (it has no end marker): it was cut short while being written.");
    for (const table of disabled) await tx.exec(`ALTER TABLE ${quote(table)} ENABLE TRIGGER USER`);

    let rows = 0;
    for (const [table, count] of expected) {
      const [row] = await tx.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM ${quote(table)}`);
      if ((row?.rows ?? 0) !== count) {
        throw new BackupError(
          `Table ${table} has ${row?.rows ?? 0} rows after the restore; the backup lists ${count}.`,
        );
      }
      rows += count;
    }
    const forward = await migrate(executor, code);
    return { takenAt: header.takenAt, rows, tables: expected.size, migratedForward: forward.applied };
  });
}
