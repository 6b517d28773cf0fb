import { env } from "~/env.server";

/**
 * One line per refused or malformed request (never a stack: those are for
 * bugs). Under test the lines are kept in memory instead of printed, so a
 * fuzz run of thousands of bad requests does not flood the output.
 */
const kept: string[] = [];

export function logRequestLine(line: string): void {
  const single = line.replace(/\s*\n\s*/g, " ");
  if (env.NODE_ENV === "test") {
    if (kept.length < 10_000) kept.push(single);
    return;
  }
  console.log(`${new Date().toISOString()} ${single}`);
}

export function keptRequestLines(): readonly string[] {
  return kept;
}
