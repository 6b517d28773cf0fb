import {
  CartesianGrid,
  ComposedChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFigure } from "~/components/chart-figure";
import type { loopTimeline } from "~/domain/loop-timeline";

const BAND_COLORS = ["#e0e7ff", "#f1f5f9"];

export function LoopTimelineChart({ timeline }: { timeline: ReturnType<typeof loopTimeline> }) {
  const maxDay = Math.max(timeline.today, timeline.reference, ...timeline.rounds.map((round) => round.day), 1) + 2;
  const actual = timeline.rounds.map((round) => ({ day: round.day, lane: 2, label: round.label }));
  const planned = timeline.rounds
    .filter((round) => round.moved && round.plannedDay !== null)
    .map((round) => ({ day: round.plannedDay!, lane: 2.6, label: `${round.label} (planned)` }));
  const feedback = timeline.rounds
    .filter((round) => round.feedbackDay !== null)
    .map((round) => ({
      day: round.feedbackDay!,
      lane: 1,
      label: `${round.label} feedback, ${round.feedbackDelayHours} h after`,
    }));
  return (
    <ChartFigure
      id="timeline"
      title="Timeline"
      description={`Days since the loop started: stages as bands, rounds (planned where they moved), feedback with its delay, the debrief, the decision and today (day ${Math.floor(timeline.today)}). The dashed line marks the typical time to decision for this kind of candidate (${timeline.reference} days).`}
      table={{
        caption: "Loop timeline",
        rows: [
          ...timeline.bands.map((band) => [band.label, `day ${band.from} to ${band.to}`]),
          ...timeline.rounds.map((round) => [
            round.label,
            `day ${round.day}${round.moved ? ` (planned day ${round.plannedDay})` : ""}${round.feedbackDelayHours !== null ? `, feedback ${round.feedbackDelayHours} h after` : ", no feedback yet"}`,
          ]),
        ],
      }}
    >
      <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 640, height: 220 }}>
        <ComposedChart accessibilityLayer={false} margin={{ top: 20, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis type="number" dataKey="day" domain={[0, Math.ceil(maxDay)]} allowDecimals={false} unit=" d" />
          <YAxis
            type="number"
            dataKey="lane"
            domain={[0, 3.2]}
            ticks={[1, 2]}
            tickFormatter={(lane: number) => (lane === 1 ? "Feedback" : "Rounds")}
            width={84}
          />
          {timeline.bands.map((band, index) => (
            <ReferenceArea
              key={`${band.stage}-${band.from}`}
              x1={band.from}
              x2={Math.max(band.to, band.from + 0.2)}
              fill={BAND_COLORS[index % 2]}
              fillOpacity={1}
              label={
                band.to - band.from >= maxDay / 10
                  ? { value: band.label, position: "insideTop", fontSize: 10 }
                  : undefined
              }
            />
          ))}
          <ReferenceLine x={timeline.reference} stroke="#64748b" strokeDasharray="4 4" />
          <ReferenceLine
            x={timeline.today}
            stroke="#b91c1c"
            label={{ value: "today", position: "top", fontSize: 10 }}
          />
          {timeline.debriefDay !== null ? (
            <ReferenceLine
              x={timeline.debriefDay}
              stroke="#4338ca"
              label={{ value: "debrief", position: "insideBottom", fontSize: 10 }}
            />
          ) : null}
          {timeline.decisionDay !== null ? (
            <ReferenceLine
              x={timeline.decisionDay}
              stroke="#166534"
              label={{ value: "decision", position: "insideBottom", fontSize: 10 }}
            />
          ) : null}
          <Tooltip formatter={(value: unknown) => String(value)} labelFormatter={() => ""} />
          <Scatter data={planned} fill="#94a3b8" shape="diamond" isAnimationActive={false} name="Planned" />
          <Scatter data={actual} fill="#4338ca" isAnimationActive={false} name="Round" />
          <Scatter data={feedback} fill="#15803d" shape="triangle" isAnimationActive={false} name="Feedback" />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
