import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { ChartFigure } from "~/components/chart-figure";

const LINE_COLORS = ["#4338ca", "#b45309", "#0f766e", "#be123c", "#6d28d9", "#15803d"];

export function RaterEffectChart({ bars }: { bars: { name: string; effect: number; error: number }[] }) {
  const height = 60 + bars.length * 30;
  return (
    <ChartFigure
      id="effects"
      title="How each interviewer rates against the panel"
      description="Rater effect in rating points (shrunk toward zero when based on few ratings), with ±1 standard error. Right of zero: lenient; left: harsh."
      table={{
        caption: "Rater effects",
        rows: bars.map((bar) => [bar.name, `${bar.effect.toFixed(2)} ± ${bar.error.toFixed(2)}`]),
      }}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        <BarChart
          accessibilityLayer={false}
          data={bars}
          layout="vertical"
          margin={{ top: 10, right: 20, bottom: 10, left: 10 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[-1, 1]} allowDataOverflow />
          <YAxis type="category" dataKey="name" width={130} />
          <ReferenceLine x={0} stroke="#334155" />
          <Bar dataKey="effect" fill="#4338ca" isAnimationActive={false}>
            <ErrorBar dataKey="error" width={6} strokeWidth={1.5} stroke="#0f172a" direction="x" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function AlphaOverTimeChart({
  series,
  dimensions,
}: {
  series: Record<string, string | number | null>[];
  dimensions: { key: string; name: string }[];
}) {
  return (
    <ChartFigure
      id="alpha-time"
      title="Agreement per dimension over time (Krippendorff's alpha, ordinal)"
      description="1 is perfect agreement, 0 is chance. Below about 0.67 a dimension is not measured consistently. Gaps are months without enough paired ratings."
      table={{
        caption: "Alpha by month",
        head: ["Month", ...dimensions.map((dimension) => dimension.name)],
        rows: series.map((point) => [
          String(point.month),
          ...dimensions.map((dimension) =>
            point[dimension.key] === null || point[dimension.key] === undefined
              ? "n/a"
              : Number(point[dimension.key]).toFixed(2),
          ),
        ]),
      }}
    >
      <ResponsiveContainer width="100%" height={260} initialDimension={{ width: 640, height: 260 }}>
        <LineChart accessibilityLayer={false} data={series} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis domain={[-0.2, 1]} width={40} />
          <ReferenceLine y={0.667} stroke="#64748b" strokeDasharray="4 4" />
          <Tooltip />
          <Legend />
          {dimensions.map((dimension, index) => (
            <Line
              key={dimension.key}
              type="monotone"
              dataKey={dimension.key}
              name={dimension.name}
              stroke={LINE_COLORS[index % LINE_COLORS.length]}
              connectNulls={false}
              isAnimationActive={false}
              dot
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function AlphaByRoundTypeChart({ bars }: { bars: { label: string; alpha: number | null }[] }) {
  const defined = bars.filter((bar) => bar.alpha !== null);
  return (
    <ChartFigure
      id="alpha-type"
      title="Agreement by round type"
      description={
        defined.length
          ? "Alpha among ratings given in rounds of the same type."
          : "Undefined here: no loop has two rounds of the same type, so ratings from one round type never pair up."
      }
      table={{
        caption: "Alpha by round type",
        rows: bars.map((bar) => [bar.label, bar.alpha === null ? "n/a" : bar.alpha.toFixed(2)]),
      }}
    >
      {defined.length ? (
        <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 400, height: 220 }}>
          <BarChart accessibilityLayer={false} data={defined} margin={{ top: 10, right: 10, bottom: 10, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis domain={[-0.2, 1]} width={40} />
            <Bar dataKey="alpha" fill="#0f766e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      ) : null}
    </ChartFigure>
  );
}

/** Reliability of a panel's mean against panel size, per dimension: solid raw, dashed severity-adjusted. */
export function PanelReliabilityChart({
  series,
  dimensions,
}: {
  series: Record<string, number | null>[];
  dimensions: { key: string; name: string }[];
}) {
  const value = (point: Record<string, number | null>, key: string) =>
    point[key] === null || point[key] === undefined ? "n/a" : Number(point[key]).toFixed(2);
  return (
    <ChartFigure
      id="panel-size"
      title="Reliability of a panel's mean against panel size"
      description="How much of the spread between candidates' mean ratings is the candidates themselves, for panels of 1 to 8 different interviewers. Solid lines: raw means; dashed: with each interviewer's severity removed. The dotted line marks 0.8."
      table={{
        caption: "Panel reliability by number of interviewers (raw / adjusted)",
        head: ["Interviewers", ...dimensions.map((dimension) => dimension.name)],
        rows: series.map((point) => [
          String(point.k),
          ...dimensions.map(
            (dimension) => `${value(point, `${dimension.key}:raw`)} / ${value(point, `${dimension.key}:adjusted`)}`,
          ),
        ]),
      }}
    >
      <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 640, height: 280 }}>
        <LineChart accessibilityLayer={false} data={series} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="k" />
          <YAxis domain={[0, 1]} width={48} />
          <ReferenceLine y={0.8} stroke="#64748b" strokeDasharray="2 4" />
          <Tooltip />
          <Legend />
          {dimensions.flatMap((dimension, index) => [
            <Line
              key={`${dimension.key}:raw`}
              type="monotone"
              dataKey={`${dimension.key}:raw`}
              name={`${dimension.name} (raw)`}
              stroke={LINE_COLORS[index % LINE_COLORS.length]}
              isAnimationActive={false}
              dot={false}
            />,
            <Line
              key={`${dimension.key}:adjusted`}
              type="monotone"
              dataKey={`${dimension.key}:adjusted`}
              name={`${dimension.name} (adjusted)`}
              stroke={LINE_COLORS[index % LINE_COLORS.length]}
              strokeDasharray="5 4"
              isAnimationActive={false}
              dot={false}
            />,
          ])}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
