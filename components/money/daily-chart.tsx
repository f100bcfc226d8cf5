import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { formatUsd } from "@/lib/model/price";

export type DayPoint = { date: string; keyframeMicros: number; wavespeedMicros: number | null };

const SERIES = [
  { key: "keyframeMicros", label: "Keyframe's ledger", className: "fill-violet-700 dark:fill-violet-400" },
  { key: "wavespeedMicros", label: "WaveSpeed's total", className: "fill-teal-700 dark:fill-teal-400" },
] as const;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 56 };

/**
 * Keyframe's ledger and WaveSpeed's own daily totals side by side: plain SVG (visx), drawn on the server, no
 * script or asset needed. Each bar has a title; the table below it says the same in text.
 */
export function DailyChart({ days, width = 640, height = 220 }: { days: DayPoint[]; width?: number; height?: number }) {
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...days.flatMap((d) => [d.keyframeMicros, d.wavespeedMicros ?? 0]));
  const x0 = scaleBand<string>({ domain: days.map((d) => d.date), range: [0, innerW], padding: 0.2 });
  const x1 = scaleBand<string>({ domain: SERIES.map((s) => s.key), range: [0, x0.bandwidth()], padding: 0.1 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerH, 0], nice: true });
  return (
    <figure className="space-y-2">
      <svg
        role="img"
        aria-label="Spend per day in USD, Keyframe's ledger beside WaveSpeed's own totals"
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-2xl text-zinc-600 dark:text-zinc-300"
      >
        <Group left={MARGIN.left} top={MARGIN.top}>
          {days.map((d) =>
            SERIES.map((s) => {
              const value = d[s.key];
              if (value === null) return null;
              const top = y(value) ?? innerH;
              return (
                <Bar
                  key={`${d.date}-${s.key}`}
                  x={(x0(d.date) ?? 0) + (x1(s.key) ?? 0)}
                  y={top}
                  width={x1.bandwidth()}
                  height={Math.max(0, innerH - top)}
                  className={s.className}
                >
                  <title>{`${d.date}, ${s.label}: ${formatUsd(value)}`}</title>
                </Bar>
              );
            }),
          )}
          <AxisLeft
            scale={y}
            numTicks={4}
            tickFormat={(v) => formatUsd(Number(v))}
            stroke="currentColor"
            tickStroke="currentColor"
            tickLabelProps={{ fill: "currentColor", fontSize: 10 }}
          />
          <AxisBottom
            top={innerH}
            scale={x0}
            tickFormat={(d) => d.slice(5)}
            numTicks={Math.min(days.length, 10)}
            stroke="currentColor"
            tickStroke="currentColor"
            tickLabelProps={{ fill: "currentColor", fontSize: 10 }}
          />
        </Group>
      </svg>
      <figcaption className="flex gap-4 text-xs text-zinc-700 dark:text-zinc-300">
        {SERIES.map((s) => (
          <span key={s.key} className="flex items-center gap-1.5">
            <svg aria-hidden width="10" height="10">
              <rect width="10" height="10" className={s.className} />
            </svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
