import { toCsv } from "~/utils/csv";
import type { SessionUser } from "../auth/session.server";
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

/** One row per submitted rating (empty rating = no signal). Reads through the debrief, so the blind rule applies. */
export async function debriefCsv(viewer: Pick<SessionUser, "id" | "role">, loopId: string) {
  const debrief = await getDebrief(viewer, loopId);
  const rows = debrief.rows
    .filter((row) => row.submittedAt)
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
