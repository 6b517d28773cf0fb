import { describe, expect, it } from "vitest";
import { database } from "~/server/db.server";
import { migrate, MigrationError, pendingMigrations, readMigrations } from "~/server/migrations.server";

describe("migration runner", () => {
  it("records every migration in _prisma_migrations with Prisma's checksum", async () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const rows = await database.withSql((sql) =>
      sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    expect(rows.map((row) => row.checksum)).toEqual(files.map((file) => file.checksum));
    expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });

  it("reports pending migrations, which the server refuses to serve without", async () => {
    expect(await database.withSql((sql) => pendingMigrations(sql))).toEqual([]);
    const extra = { name: "99991231000000_not_yet", sql: "SELECT 1;", checksum: "c".repeat(64) };
    expect(await database.withSql((sql) => pendingMigrations(sql, [...readMigrations(), extra]))).toEqual([extra.name]);
  });

  it("is a no-op when everything is applied", async () => {
    const result = await database.withSql((sql) => migrate(sql));
    expect(result).toEqual({ applied: [], alreadyApplied: readMigrations().length });
  });

  it("refuses to run when an applied migration was edited", async () => {
    const edited = readMigrations().map((file, index) => (index === 0 ? { ...file, checksum: "0".repeat(64) } : file));
    await expect(database.withSql((sql) => migrate(sql, edited))).rejects.toThrow(/changed after it was applied/);
  });

  it("refuses to run against a database that is newer than the code", async () => {
    await expect(database.withSql((sql) => migrate(sql, readMigrations().slice(0, 0)))).rejects.toThrow(
      /does not know/,
    );
  });
  it("applies a new migration, and rolls back a failing one leaving the database as it was", async () => {
    const existing = readMigrations();
    const good = { name: "99990101000000_add_probe", sql: `CREATE TABLE "Probe" (id int);`, checksum: "a".repeat(64) };
    const bad = {
      name: "99990102000000_broken",
      sql: `CREATE TABLE "HalfDone" (id int); INSERT INTO "NoSuchTable" VALUES (1);`,
      checksum: "b".repeat(64),
    };
    {
      const first = await database.withSql((sql) => migrate(sql, [...existing, good]));
      expect(first.applied).toEqual([good.name]);

      await expect(database.withSql((sql) => migrate(sql, [...existing, good, bad]))).rejects.toThrow(MigrationError);
      const tables = await database.withSql((sql) =>
        sql.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('Probe', 'HalfDone')`,
        ),
      );
      expect(tables.map((table) => table.name)).toEqual(["Probe"]);
      const recorded = await database.withSql((sql) =>
        sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [bad.name]),
      );
      expect(recorded).toHaveLength(0);
    }
  });
});
