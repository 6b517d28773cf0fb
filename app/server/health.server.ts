import { database, type Database } from "./db.server";

export async function checkDatabase(db: Database = database) {
  const started = performance.now();
  try {
    await db.prisma.$queryRaw`SELECT 1`;
    return { up: true, engine: db.kind, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      up: false,
      engine: db.kind,
      error: error instanceof Error ? error.message.split("\n")[0] : "unknown error",
    };
  }
}
