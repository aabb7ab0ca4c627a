import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { date, month, num } from '../../i18n.js';

export type ChartPoint = { period: string; value: number | null };
export type ChartForecast = { period: string; mean: number; lower: number; upper: number };

const W = 640;
const H = 180;
const PAD = { left: 36, right: 8, top: 8, bottom: 22 };

/**
 * A count over time as an SVG line: flagged periods as red dots, hidden (small) cells as gaps,
 * and, when given, the forecast's mean (dashed) inside its interval. Drawn to a viewBox, so it
 * scales to a phone's width without a second layout.
 */
export function TimeChart({ points, marks, forecast, label }: { points: ChartPoint[]; marks?: ReadonlySet<string>; forecast?: ChartForecast[] | null; label: string }) {
  const all = [...points.map((p) => p.period), ...(forecast ?? []).map((f) => f.period)];
  const max = Math.max(1, ...points.map((p) => p.value ?? 0), ...(forecast ?? []).map((f) => f.upper));
  const x = scaleLinear().domain([0, Math.max(1, all.length - 1)]).range([PAD.left, W - PAD.right]);
  const y = scaleLinear().domain([0, max]).nice().range([H - PAD.bottom, PAD.top]);
  const observed = line<ChartPoint>().defined((p) => p.value !== null).x((_, i) => x(i)).y((p) => y(p.value ?? 0));
  const offset = points.length;
  const band = area<ChartForecast>().x((_, i) => x(offset + i)).y0((f) => y(f.lower)).y1((f) => y(f.upper));
  const mean = line<ChartForecast>().x((_, i) => x(offset + i)).y((f) => y(f.mean));
  const ticks = y.ticks(3);
  return (
    <svg className="time-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e5e5e5" />
          <text x={PAD.left - 4} y={y(v) + 4} textAnchor="end" fontSize="11">{num(v)}</text>
        </g>
      ))}
      <path d={observed(points) ?? ''} fill="none" stroke="#0b4f8c" strokeWidth="1.6" />
      {forecast?.length ? (
        <>
          <path d={band(forecast) ?? ''} fill="#0b4f8c" opacity="0.15" />
          <path d={mean(forecast) ?? ''} fill="none" stroke="#0b4f8c" strokeDasharray="4 3" strokeWidth="1.6" />
        </>
      ) : null}
      {points.map((p, i) => (marks?.has(p.period) ? <circle key={p.period} cx={x(i)} cy={y(p.value ?? 0)} r="3.5" fill="#c62828"><title>{date(p.period)}</title></circle> : null))}
      {[0, Math.floor((all.length - 1) / 2), all.length - 1].filter((i, k, a) => i >= 0 && a.indexOf(i) === k).map((i) => (
        <text key={i} x={x(i)} y={H - 6} fontSize="11" textAnchor={i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle'}>{all[i]!.length === 7 ? month(all[i]!) : date(all[i]!)}</text>
      ))}
    </svg>
  );
}
