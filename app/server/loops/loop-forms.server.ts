import { prisma } from "../db.server";

/** Options for the candidate and loop forms: hiring managers and loop templates. */
export async function loopFormOptions() {
  const [hiringManagers, templates] = await Promise.all([
    prisma.user.findMany({ where: { role: "hiring_manager", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.loopTemplate.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true, roundTypes: true } }),
  ]);
  return { hiringManagers, templates };
}

export async function candidateForLoop(candidateId: string) {
  return prisma.candidate.findUnique({
    where: { id: candidateId },
    select: { id: true, name: true, track: true, targetLevel: true, hiringManagerId: true, source: true },
  });
}
