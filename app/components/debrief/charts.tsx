import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { StripPoint } from "~/domain/debrief-series";

import { ChartFigure } from "~/components/chart-figure";

const RATING_COLORS: Record<number, string> = { 1: "#b91c1c", 2: "#c2410c", 3: "#15803d", 4: "#166534" };

export function SpreadStripChart({ points, dimensions }: { points: StripPoint[]; dimensions: string[] }) {
  const height = 60 + dimensions.length * 52;
  return (
    <ChartFigure
      id="strip"
      title="Each interviewer's rating, per dimension"
      description="One dot per rating on the 1-4 scale; the dashed line is the yes/no line. Dots far apart mean the panel split."
      table={{
        caption: "Ratings per dimension",
        rows: points.map((point) => [point.dimension, point.interviewer, point.value]),
      }}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        <ScatterChart accessibilityLayer={false} margin={{ top: 10, right: 20, bottom: 20, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="value" domain={[0.5, 4.5]} ticks={[1, 2, 3, 4]} name="Rating" />
          <YAxis
            type="number"
            dataKey="position"
            domain={[-0.5, dimensions.length - 0.5]}
            ticks={dimensions.map((_, index) => index)}
            tickFormatter={(index: number) => dimensions[index] ?? ""}
            width={150}
            reversed
          />
          <ReferenceLine x={2.5} stroke="#334155" strokeDasharray="4 4" />
          <Tooltip formatter={(value: unknown, name: unknown) => [String(value), String(name)]} />
          <Scatter
            isAnimationActive={false}
            data={points.map((point) => ({ ...point, position: point.dimensionIndex + point.offset - 0.15 }))}
            name="Rating"
          >
            {points.map((point, index) => (
              <Cell key={index} fill={RATING_COLORS[point.value]} />
            ))}
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function RecommendationChart({ bars }: { bars: { recommendation: string; count: number }[] }) {
  return (
    <ChartFigure
      id="recommendations"
      title="Overall recommendations"
      description={bars.map((bar) => `${bar.recommendation}: ${bar.count}`).join(", ")}
      table={{ caption: "Overall recommendations", rows: bars.map((bar) => [bar.recommendation, bar.count]) }}
    >
      <ResponsiveContainer width="100%" height={200} initialDimension={{ width: 320, height: 200 }}>
        <BarChart accessibilityLayer={false} data={bars} margin={{ top: 10, right: 10, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="recommendation" />
          <YAxis allowDecimals={false} width={30} />
          <Bar dataKey="count" isAnimationActive={false}>
            {bars.map((bar, index) => (
              <Cell key={bar.recommendation} fill={RATING_COLORS[index + 1]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function BiasBalanceChart({
  balance,
}: {
  balance: { bars: { interviewer: string; lean: number; value: number }[]; engineering: number; product: number };
}) {
  return (
    <ChartFigure
      id="bias"
      title="Product intuition vs engineering bias"
      description={
        balance.bars.length
          ? `${balance.product} of ${balance.bars.length} ratings lean product-first, ${balance.engineering} lean engineering-first. Bars right of centre lean product.`
          : "No one rated this dimension."
      }
      table={{
        caption: "Engineering-bias dimension by interviewer",
        rows: balance.bars.map((bar) => [bar.interviewer, bar.value]),
      }}
    >
      <ResponsiveContainer
        width="100%"
        height={60 + balance.bars.length * 32}
        initialDimension={{ width: 320, height: 60 + balance.bars.length * 32 }}
      >
        <BarChart
          accessibilityLayer={false}
          data={balance.bars}
          layout="vertical"
          margin={{ top: 10, right: 20, bottom: 10, left: 10 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={[-1.5, 1.5]}
            ticks={[-1.5, 0, 1.5]}
            tickFormatter={(value: number) => (value < 0 ? "Engineering" : value > 0 ? "Product" : "")}
          />
          <YAxis type="category" dataKey="interviewer" width={120} />
          <ReferenceLine x={0} stroke="#334155" />
          <Bar dataKey="lean" isAnimationActive={false}>
            {balance.bars.map((bar) => (
              <Cell key={bar.interviewer} fill={RATING_COLORS[bar.value]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
