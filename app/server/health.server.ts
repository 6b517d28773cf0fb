import { database, type Database } from "./db.server";

export interface DatabaseHealth {
  up: boolean;
  engine: Database["kind"];
  latencyMs?: number;
  error?: string;
}

export async function checkDatabase(db: Database = database): Promise<DatabaseHealth> {
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

/**
 * What /healthz says to anyone: up or not, nothing about the engine or the
 * error (the detail goes to the server log, once per change of state).
 */
let lastLoggedUp = true;
export async function publicHealth(
  log: (line: string) => void = console.warn,
  db: Database = database,
): Promise<{ up: boolean }> {
  const health = await checkDatabase(db);
  if (health.up !== lastLoggedUp) {
    lastLoggedUp = health.up;
    log(
      health.up
        ? `healthz: the ${health.engine} database is reachable again`
        : `healthz: the ${health.engine} database is unreachable: ${health.error}`,
    );
  }
  return { up: health.up };
}
