import type { Components } from "~/domain/calibration-series";
import type { PanelReliability } from "~/domain/variance-components";
import { PanelReliabilityChart } from "./charts";

export interface DimensionGeneralizability {
  key: string;
  name: string;
  components: (Components & { units: number; raters: number; ratings: number }) | null;
  shares: Components | null;
  panel: PanelReliability | null;
  typicalPanel: number | null;
  reading: string;
  note: string | null;
}

const pct = (value: number) => `${Math.round(value * 100)}%`;

/** Per dimension: how a rating's spread divides between candidate, interviewer and noise, and what a panel of k buys. */
export function GeneralizabilitySection({
  dimensions,
  series,
}: {
  dimensions: DimensionGeneralizability[];
  series: Record<string, number | null>[];
}) {
  return (
    <section aria-labelledby="panel-heading" className="space-y-3">
      <h2 id="panel-heading" className="text-lg font-semibold">
        How much of a panel&apos;s verdict is the candidate
      </h2>
      <p className="text-sm text-slate-700">
        Every candidate meets different interviewers, so part of a panel&apos;s mean is who happened to interview them.
        Per dimension, a rating&apos;s spread splits into the candidate, the interviewer&apos;s severity and everything
        else (REML variance components over all decided loops in view).
      </p>
      <ul className="grid gap-3 md:grid-cols-2" data-testid="panel-reliability">
        {dimensions.map((dimension) => (
          <li key={dimension.key} className="card space-y-1">
            <h3 className="font-semibold">{dimension.name}</h3>
            {dimension.shares && dimension.components ? (
              <>
                <p className="text-sm">
                  Candidate {pct(dimension.shares.unit)} · interviewer severity {pct(dimension.shares.rater)} · other{" "}
                  {pct(dimension.shares.residual)}
                </p>
                <p className="text-sm text-slate-800">{dimension.reading}</p>
                {dimension.panel ? (
                  <p className="text-xs text-slate-600">
                    Reaching 0.8 takes {dimension.panel.smallestPanel.raw} interviewers
                    {dimension.panel.smallestPanel.adjusted !== dimension.panel.smallestPanel.raw
                      ? ` (${dimension.panel.smallestPanel.adjusted} with severity adjusted)`
                      : ""}
                    . From {dimension.components.ratings} ratings of {dimension.components.units} candidates by{" "}
                    {dimension.components.raters} interviewers.
                  </p>
                ) : null}
              </>
            ) : (
              <p className="text-sm text-slate-700">{dimension.reading}</p>
            )}
            {dimension.note ? <p className="text-xs text-slate-600">Why: {dimension.note}.</p> : null}
          </li>
        ))}
      </ul>
      {series.length ? <PanelReliabilityChart series={series} dimensions={dimensions} /> : null}
    </section>
  );
}
