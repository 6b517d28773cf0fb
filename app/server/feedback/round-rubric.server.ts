import { Prisma } from "~/generated/prisma/client";
import type { Person } from "~/domain/permissions";
import { prisma } from "../db.server";

/** What writing feedback on a round needs to know: its loop and the rubric version it is written against. */
export interface RoundRubric {
  roundId: string;
  loopId: string;
  rubricVersionId: string;
  dimensions: { id: string; key: string; name: string }[];
  flagKeys: string[];
}

/**
 * The rubric of a round assigned to the viewer, in one query, or null when the
 * round is not theirs (access is part of the query). The feedback form's
 * actions (submit, amend, autosave) parse with these keys; the writes then
 * re-check the round's state inside their transaction.
 */
export async function roundRubricFor(viewer: Pick<Person, "id">, roundId: string): Promise<RoundRubric | null> {
  const [row] = await prisma.$queryRaw<RoundRubric[]>(Prisma.sql`
    SELECT r."id" AS "roundId", r."loopId" AS "loopId", l."rubricVersionId" AS "rubricVersionId",
      (SELECT coalesce(json_agg(json_build_object('id', d."id", 'key', d."key", 'name', d."name") ORDER BY d."position"), '[]'::json)
         FROM "Dimension" d WHERE d."rubricVersionId" = l."rubricVersionId") AS "dimensions",
      (SELECT coalesce(json_agg(fd."key" ORDER BY fd."position"), '[]'::json)
         FROM "FlagDefinition" fd WHERE fd."rubricVersionId" = l."rubricVersionId") AS "flagKeys"
    FROM "Round" r JOIN "Loop" l ON l."id" = r."loopId"
    WHERE r."id" = ${roundId} AND r."interviewerId" = ${viewer.id}`);
  return row ?? null;
}
