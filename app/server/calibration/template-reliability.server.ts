import { templateReliability } from "~/domain/calibration-series";
import type { Person } from "~/domain/permissions";
import { prisma } from "../db.server";
import { currentRubricVersion } from "../rubrics/rubrics.server";
import { calibrationFor } from "./calibration.server";

/**
 * The loop templates, each with the panel reliability its number of
 * interviewer rounds buys per dimension, from the all-time variance components
 * (the same cached calibration figures the calibration page shows).
 */
export async function getTemplatesWithReliability(viewer: Person) {
  const [templates, result, rubric] = await Promise.all([
    prisma.loopTemplate.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, roundTypes: true },
    }),
    calibrationFor(viewer, {}),
    currentRubricVersion(),
  ]);
  const names = rubric
    ? await prisma.dimension.findMany({
        where: { rubricVersionId: rubric.id },
        orderBy: { position: "asc" },
        select: { key: true, name: true },
      })
    : [];
  const dimensions = result.summary.dimensions.map((dimension) => ({
    key: dimension.dimensionKey,
    name: names.find((name) => name.key === dimension.dimensionKey)?.name ?? dimension.dimensionKey,
    components: dimension.generalizability.components,
  }));
  return {
    computedAt: result.computedAt,
    dimensions: dimensions.map(({ key, name }) => ({ key, name })),
    measured: dimensions.some((dimension) => dimension.components !== null),
    templates: templates.map((template) => ({
      id: template.id,
      name: template.name,
      roundTypes: template.roundTypes,
      ...templateReliability(template.roundTypes, dimensions),
    })),
  };
}
