/**
 * What the calibration page and the template page show of the variance
 * components: shares, plain-language readings and chart series. Pure; the
 * chart components only draw what these return.
 */

export interface Components {
  unit: number;
  rater: number;
  residual: number;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** Each component's share of a single rating's variance. */
export function varianceShares(components: Components): Components | null {
  const total = components.unit + components.rater + components.residual;
  if (!(total > 0)) return null;
  return { unit: components.unit / total, rater: components.rater / total, residual: components.residual / total };
}

/** The reliability of a mean of k ratings by k different interviewers, raw and severity-adjusted. */
export function reliabilityAt(components: Components, k: number): { raw: number; adjusted: number } | null {
  if (!(components.unit > 0) || k < 1) return null;
  return {
    raw: components.unit / (components.unit + (components.rater + components.residual) / k),
    adjusted: components.unit / (components.unit + components.residual / k),
  };
}

/**
 * "With 4 interviewers, 71% of the spread between candidates' means is the
 * candidates themselves; severity adjustment raises it to 80%."
 */
export function panelReading(components: Components | null, k: number | null): string {
  if (!components || k === null) return "Not enough ratings on rotating panels to split the variance yet.";
  const size = Math.max(1, Math.round(k));
  const at = reliabilityAt(components, size);
  if (!at) return "Candidates do not differ measurably on this dimension: its ratings are all interviewer and noise.";
  const who = size === 1 ? "With 1 interviewer" : `With ${size} interviewers`;
  const adjusted =
    Math.round(at.adjusted * 100) > Math.round(at.raw * 100)
      ? `severity adjustment raises it to ${percent(at.adjusted)}`
      : "severity adjustment adds nothing here";
  return `${who}, ${percent(at.raw)} of the spread between candidates' means is the candidates themselves; ${adjusted}.`;
}

/** The chart of reliability against panel size: one row per k, a raw and an adjusted value per dimension. */
export function panelReliabilitySeries(
  dimensions: { key: string; panel: { k: number[]; raw: number[]; adjusted: number[] } | null }[],
): Record<string, number | null>[] {
  const sizes = [...new Set(dimensions.flatMap((dimension) => dimension.panel?.k ?? []))].sort((a, b) => a - b);
  return sizes.map((k) => {
    const row: Record<string, number | null> = { k };
    for (const dimension of dimensions) {
      const index = dimension.panel?.k.indexOf(k) ?? -1;
      row[`${dimension.key}:raw`] = index === -1 ? null : dimension.panel!.raw[index]!;
      row[`${dimension.key}:adjusted`] = index === -1 ? null : dimension.panel!.adjusted[index]!;
    }
    return row;
  });
}

/** Rounds that put an interviewer's ratings on the scorecard: every round type but the recruiter's screen. */
export function interviewerRounds(roundTypes: readonly string[]): number {
  return roundTypes.filter((type) => type !== "recruiter_screen").length;
}

/** What a loop template's panel buys on each dimension: the reliability at its number of interviewer rounds. */
export function templateReliability(
  roundTypes: readonly string[],
  dimensions: { key: string; name: string; components: Components | null }[],
) {
  const k = interviewerRounds(roundTypes);
  return {
    k,
    dimensions: dimensions.map((dimension) => ({
      key: dimension.key,
      name: dimension.name,
      reliability: dimension.components ? reliabilityAt(dimension.components, k) : null,
    })),
  };
}
