/**
 * Small SVG charts (d3-scale for the axes, d3-shape for the paths; Preact draws the elements).
 * Every chart is a <figure>: the SVG has a title and a one-line description for screen readers,
 * and the same numbers are one click away as a table.
 */
import type { ComponentChildren, JSX, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { scaleBand, scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { TableScroll } from './ui.tsx';

const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 48 };

/** The width the chart's box has now (charts redraw at the real size, so text stays legible on a phone). */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = (): void => setWidth(Math.max(240, Math.round(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** At most ~`max` evenly spaced labels along the x axis. */
function everyNth<T>(items: readonly T[], max: number): Set<number> {
  const step = Math.max(1, Math.ceil(items.length / max));
  const out = new Set<number>();
  for (let i = items.length - 1; i >= 0; i -= step) out.add(i);
  return out;
}

/** Edge labels lean inwards so they are not cut off. */
const anchor = (i: number, n: number): 'start' | 'middle' | 'end' => (n > 1 && i === n - 1 ? 'end' : i === 0 && n > 1 ? 'start' : 'middle');

/** Count axes get whole-number ticks only. */
const wholeTicks = (ticks: number[]): number[] => ticks.filter((t) => Number.isInteger(t));

export const shortWeek = (date: string): string => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

interface FigureProps {
  id: string;
  title: string;
  summary: string;
  table: { columns: string[]; rows: Array<Array<string | number>> };
  children: (width: number) => ComponentChildren;
}

function ChartFigure({ id, title, summary, table, children }: FigureProps): JSX.Element {
  const [ref, width] = useWidth();
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong>
        <span class="chart-summary" id={`${id}-summary`}>
          {summary}
        </span>
      </figcaption>
      <div ref={ref} class="chart-box">
        <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
          <title id={`${id}-title`}>{title}</title>
          {children(width)}
        </svg>
      </div>
      <details>
        <summary>The numbers as a table</summary>
        <TableScroll label={`${title}: the numbers`}>
          <table>
            <caption class="sr-only">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}

function YAxis({ ticks, y, width, format }: { ticks: number[]; y: (v: number) => number; width: number; format: (v: number) => string }): JSX.Element {
  return (
    <g class="axis axis-y">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} class="grid" />
          <text x={MARGIN.left - 6} y={y(t)} dy="0.32em" text-anchor="end">
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

export interface LinePoint {
  label: string;
  value: number | null;
  expected?: number | null;
  low?: number | null;
  high?: number | null;
}

/** A weekly line with the trend line and its noise band behind it; unknown weeks are gaps. */
export function BandLineChart({ id, title, summary, points, valueName }: { id: string; title: string; summary: string; points: LinePoint[]; valueName: string }): JSX.Element {
  const hasBand = points.some((p) => p.low != null && p.high != null);
  const table = {
    columns: ['Week of', valueName, ...(hasBand ? ['Trend', 'Normal range'] : [])],
    rows: points.map((p) => [shortWeek(p.label), p.value ?? 'unknown', ...(hasBand ? [p.expected ?? '–', p.low != null && p.high != null ? `${p.low}–${p.high}` : '–'] : [])]),
  };
  return (
    <ChartFigure id={id} title={title} summary={summary} table={table}>
      {(width) => {
        const x = scaleLinear()
          .domain([0, Math.max(1, points.length - 1)])
          .range([MARGIN.left + 4, width - MARGIN.right - 4]);
        const top = Math.max(1, ...points.map((p) => Math.max(p.value ?? 0, p.high ?? 0)));
        const y = scaleLinear().domain([0, top]).nice(4).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
        const bandPath = area<LinePoint>()
          .defined((p) => p.low != null && p.high != null)
          .x((_, i) => x(i))
          .y0((p) => y(p.low ?? 0))
          .y1((p) => y(p.high ?? 0))(points);
        const expectedPath = line<LinePoint>()
          .defined((p) => p.expected != null)
          .x((_, i) => x(i))
          .y((p) => y(p.expected ?? 0))(points);
        const valuePath = line<LinePoint>()
          .defined((p) => p.value !== null)
          .x((_, i) => x(i))
          .y((p) => y(p.value ?? 0))(points);
        const labels = everyNth(points, Math.floor(width / 90));
        return (
          <>
            <YAxis ticks={wholeTicks(y.ticks(4))} y={y} width={width} format={(v) => String(v)} />
            {bandPath ? <path d={bandPath} class="band" /> : null}
            {expectedPath ? <path d={expectedPath} class="expected" /> : null}
            {valuePath ? <path d={valuePath} class="series" /> : null}
            {points.map((p, i) => (p.value === null ? null : <circle key={i} cx={x(i)} cy={y(p.value)} r={2.5} class="dot" />))}
            <g class="axis axis-x">
              {points.map((p, i) =>
                labels.has(i) ? (
                  <text key={i} x={x(i)} y={HEIGHT - 8} text-anchor={anchor(i, points.length)}>
                    {shortWeek(p.label)}
                  </text>
                ) : null,
              )}
            </g>
          </>
        );
      }}
    </ChartFigure>
  );
}

export interface Bar {
  label: string;
  value: number | null;
  note?: string;
}

/** Bars per period, with an optional target line; a null bar is "no data", drawn as nothing and said so in the table. */
export function BarChart({ id, title, summary, bars, valueName, format = String, tickFormat = format, target }: { id: string; title: string; summary: string; bars: Bar[]; valueName: string; format?: (v: number) => string; tickFormat?: (v: number) => string; target?: { value: number; label: string } }): JSX.Element {
  const table = {
    columns: ['Week of', valueName, ...(bars.some((b) => b.note) ? ['Note'] : [])],
    rows: bars.map((b) => [shortWeek(b.label), b.value === null ? 'no data' : format(b.value), ...(bars.some((x) => x.note) ? [b.note ?? ''] : [])]),
  };
  return (
    <ChartFigure id={id} title={title} summary={summary} table={table}>
      {(width) => {
        const x = scaleBand<number>()
          .domain(bars.map((_, i) => i))
          .range([MARGIN.left, width - MARGIN.right])
          .padding(0.25);
        const top = Math.max(1, target?.value ?? 0, ...bars.map((b) => b.value ?? 0));
        const y = scaleLinear().domain([0, top]).nice(4).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
        const labels = everyNth(bars, Math.floor(width / 70));
        return (
          <>
            <YAxis ticks={wholeTicks(y.ticks(4))} y={y} width={width} format={tickFormat} />
            {bars.map((b, i) =>
              b.value === null ? null : <rect key={i} x={x(i) ?? 0} width={x.bandwidth()} y={y(b.value)} height={Math.max(0, y(0) - y(b.value))} class="bar" />,
            )}
            {target ? (
              <g class="target">
                <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(target.value)} y2={y(target.value)} />
                <text x={width - MARGIN.right} y={y(target.value) - 4} text-anchor="end">
                  {target.label}
                </text>
              </g>
            ) : null}
            <g class="axis axis-x">
              {bars.map((b, i) =>
                labels.has(i) ? (
                  <text key={i} x={(x(i) ?? 0) + x.bandwidth() / 2} y={HEIGHT - 8} text-anchor="middle">
                    {shortWeek(b.label)}
                  </text>
                ) : null,
              )}
            </g>
          </>
        );
      }}
    </ChartFigure>
  );
}
