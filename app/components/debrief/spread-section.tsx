import type { DimensionSpread } from "~/domain/panel-spread";

const fmt = (value: number | null, digits = 1) => (value === null ? "—" : value.toFixed(digits));

export function SplitMarker({ spread }: { spread: DimensionSpread }) {
  if (spread.thin)
    return <span className="rounded border border-dashed border-slate-500 px-1.5 text-xs">Thin signal</span>;
  return spread.split ? (
    <span className="rounded bg-red-700 px-1.5 text-xs font-semibold text-white">Split</span>
  ) : (
    <span className="rounded bg-green-100 px-1.5 text-xs font-semibold text-green-900">Agreed</span>
  );
}

export function SpreadTable({
  spreads,
  adjustedMeans,
}: {
  spreads: DimensionSpread[];
  adjustedMeans: Record<string, number | null> | null;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="table">
        <caption className="sr-only">Spread of ratings per dimension (no signal excluded)</caption>
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col">Ratings</th>
            <th scope="col">Median</th>
            <th scope="col">Mean</th>
            {adjustedMeans ? <th scope="col">Severity-adjusted mean</th> : null}
            <th scope="col">Range</th>
            <th scope="col">SD</th>
            <th scope="col">Panel</th>
          </tr>
        </thead>
        <tbody>
          {spreads.map((spread) => (
            <tr key={spread.key}>
              <th scope="row" className="text-left">
                {spread.name}
              </th>
              <td>{spread.count}</td>
              <td>{fmt(spread.median)}</td>
              <td>{fmt(spread.mean, 2)}</td>
              {adjustedMeans ? <td>{fmt(adjustedMeans[spread.key] ?? null, 2)}</td> : null}
              <td>{spread.min === null ? "—" : `${spread.min}–${spread.max}`}</td>
              <td>{fmt(spread.sd, 2)}</td>
              <td>
                <SplitMarker spread={spread} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Agenda({ agenda }: { agenda: { discussFirst: DimensionSpread[]; gaps: DimensionSpread[] } }) {
  return (
    <div className="card">
      <h2 id="agenda-heading" className="text-lg font-semibold">
        Discuss first
      </h2>
      {agenda.discussFirst.length ? (
        <ol className="mt-2 list-decimal space-y-1 pl-5" aria-labelledby="agenda-heading" data-testid="agenda">
          {agenda.discussFirst.map((spread) => (
            <li key={spread.key}>
              <span className="font-medium">{spread.name}</span> <SplitMarker spread={spread} />{" "}
              <span className="text-sm text-slate-700">
                ratings {spread.min}–{spread.max}, SD {fmt(spread.sd, 2)}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-1 text-sm text-slate-700">No dimension has two ratings yet.</p>
      )}
      {agenda.gaps.length ? (
        <p className="mt-3 text-sm">
          <span className="font-semibold">Gaps to fill</span> (fewer than two ratings):{" "}
          {agenda.gaps.map((spread) => spread.name).join(", ")}
        </p>
      ) : null}
    </div>
  );
}
