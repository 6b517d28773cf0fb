import { toCsv } from "~/utils/csv";
import type { LoopRelationship, Person } from "~/domain/permissions";
import { getDebrief } from "./debrief.server";

export const RATINGS_CSV_HEADER = [
  "candidate",
  "loop",
  "round",
  "round_type",
  "interviewer",
  "dimension",
  "rating",
  "evidence",
  "submitted_at",
];

/**
 * One row per submitted rating (empty rating = no signal); voided scorecards
 * are left out, as from every statistic. Reads through the debrief, so the
 * permission model and the blind rule apply.
 */
export async function debriefCsv(viewer: Person, loopId: string, relationship?: LoopRelationship) {
  const debrief = await getDebrief(viewer, loopId, relationship);
  const rows = debrief.rows
    .filter((row) => row.submittedAt && !row.voided)
    .flatMap((row) =>
      row.cells.map((cell) => [
        debrief.loop.candidate.name,
        debrief.loop.id,
        row.roundId,
        row.type,
        row.interviewerName,
        cell.dimensionKey,
        cell.value,
        cell.evidence,
        row.submittedAt,
      ]),
    );
  const slug = debrief.loop.candidate.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return { filename: `ratings-${slug || "loop"}.csv`, csv: toCsv(RATINGS_CSV_HEADER, rows) };
}
