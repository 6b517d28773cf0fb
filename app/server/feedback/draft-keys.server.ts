import type { SessionUser } from "../auth/session.server";
import { prisma } from "../db.server";

/** The rubric dimension keys of a round assigned to the viewer, or null when it is not theirs. */
export async function draftDimensionKeys(viewer: Pick<SessionUser, "id">, roundId: string): Promise<string[] | null> {
  const round = await prisma.round.findFirst({
    where: { id: roundId, interviewerId: viewer.id },
    select: {
      loop: {
        select: { rubricVersion: { select: { dimensions: { orderBy: { position: "asc" }, select: { key: true } } } } },
      },
    },
  });
  return round ? round.loop.rubricVersion.dimensions.map((dimension) => dimension.key) : null;
}
