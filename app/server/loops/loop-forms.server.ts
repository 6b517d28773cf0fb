import { prisma } from "../db.server";

/** Options for the candidate and loop forms: hiring managers and loop templates. */
export async function loopFormOptions() {
  const [hiringManagers, templates] = await Promise.all([
    prisma.user.findMany({
      where: { role: "hiring_manager", active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
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

/** Recruiters and hiring managers, for the pipeline's filters. */
export async function pipelinePeople() {
  const people = await prisma.user.findMany({
    where: { role: { in: ["recruiter", "hiring_manager"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
  return {
    recruiters: people.filter((person) => person.role === "recruiter").map(({ id, name }) => ({ id, name })),
    hiringManagers: people.filter((person) => person.role === "hiring_manager").map(({ id, name }) => ({ id, name })),
  };
}

export async function loopForEditing(loopId: string) {
  return prisma.loop.findUnique({
    where: { id: loopId },
    select: {
      id: true,
      roleTitle: true,
      hiringManagerId: true,
      track: true,
      targetLevel: true,
      candidate: {
        select: {
          id: true,
          name: true,
          email: true,
          currentRole: true,
          currentLevel: true,
          source: true,
          track: true,
          targetLevel: true,
          hiringManagerId: true,
        },
      },
    },
  });
}
