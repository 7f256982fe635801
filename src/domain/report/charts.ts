/**
 * The report's charts as inline SVG strings: scales from d3-scale and paths from d3-shape (both
 * compute numbers and path strings, no DOM). Every chart has a title and a description for
 * screen readers, and its numbers are in a table beside it, so colour is never the only carrier.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { escapeHtml } from './escape.ts';
import type { InboxSection } from './inbox-section.ts';
import type { ValueMixSection } from './posts.ts';
import type { TrendWeek, WeeklyTrendSection } from './weekly-trend.ts';

/** Colours that keep 3:1 contrast against white for the marks (WCAG 1.4.11). */
export const PALETTE = ['#1f5f8b', '#b4531f', '#2e7d4f', '#7a3f98', '#8a6d00', '#b0244b'] as const;
const INK = '#1d2430';
const MUTED = '#5a6472';
const BAND = '#cfe3f1';
/** Rough width of a character at 11px, for deciding whether a label fits inside a bar. */
const LABEL_CHAR_WIDTH = 6.8;

function svgOpen(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" class="chart">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>`
  );
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}" ${attrs}>${escapeHtml(content)}</text>`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Weekly engaged people as a line, the normal range shaded behind it. */
export function trendChart(section: WeeklyTrendSection): string {
  const weeks = section.weeks;
  const width = 680;
  const height = 240;
  const m = { top: 16, right: 16, bottom: 34, left: 48 };
  const top = Math.max(1, ...weeks.map((w) => Math.max(w.engagedPeople, w.high ?? 0)));
  const bottom = Math.min(0, ...weeks.map((w) => w.low ?? 0));
  const x = scaleLinear().domain([0, Math.max(1, weeks.length - 1)]).range([m.left, width - m.right]);
  const y = scaleLinear().domain([bottom, top]).nice(5).range([height - m.bottom, m.top]);
  const banded = weeks.map((w, i) => ({ w, i })).filter((d): d is { w: TrendWeek & { low: number; high: number }; i: number } => d.w.low !== null && d.w.high !== null);
  const band = area<{ w: TrendWeek & { low: number; high: number }; i: number }>()
    .x((d) => x(d.i))
    .y0((d) => y(d.w.low))
    .y1((d) => y(d.w.high))(banded);
  const path = line<{ w: TrendWeek; i: number }>()
    .x((d) => x(d.i))
    .y((d) => y(d.w.engagedPeople))(weeks.map((w, i) => ({ w, i })));
  const last = weeks[weeks.length - 1];
  const desc =
    weeks.length === 0
      ? 'No weeks of data yet.'
      : `${weeks.length} weeks from ${weeks[0]!.weekStart} to ${last!.weekStart}. ` +
        (section.direction === null ? 'Too few weeks for a trend. ' : `Trend: ${section.direction}. `) +
        (last!.low !== null && last!.high !== null ? `Last week ${last!.engagedPeople} people, normal range ${Math.round(last!.low)} to ${Math.round(last!.high)}.` : `Last week ${last!.engagedPeople} people.`);
  const parts = [svgOpen('trend', width, height, 'Engaged people per week', desc)];
  for (const tick of y.ticks(5)) {
    parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${fmt(y(tick))}" y2="${fmt(y(tick))}" stroke="#e3e7ec"/>`);
    parts.push(text(m.left - 6, y(tick) + 4, String(tick), `text-anchor="end" font-size="11" fill="${MUTED}"`));
  }
  if (band) parts.push(`<path d="${band}" fill="${BAND}" stroke="none"><title>Normal range (trend line ± 3 robust standard deviations)</title></path>`);
  if (path && weeks.length > 0) parts.push(`<path d="${path}" fill="none" stroke="${PALETTE[0]}" stroke-width="2"/>`);
  weeks.forEach((w, i) => {
    const outside = w.low !== null && w.high !== null && (w.engagedPeople < w.low || w.engagedPeople > w.high);
    parts.push(`<circle cx="${fmt(x(i))}" cy="${fmt(y(w.engagedPeople))}" r="${outside ? 4 : 2.5}" fill="${outside ? PALETTE[1] : PALETTE[0]}"><title>${escapeHtml(`Week of ${w.weekStart}: ${w.engagedPeople} people`)}</title></circle>`);
  });
  // Labels counted back from the last week, so the newest week is always named and none collide.
  const every = Math.max(1, Math.ceil(weeks.length / 7));
  weeks.forEach((w, i) => {
    if ((weeks.length - 1 - i) % every === 0) parts.push(text(x(i), height - m.bottom + 16, w.weekStart.slice(5), `text-anchor="middle" font-size="11" fill="${MUTED}"`));
  });
  parts.push(text(m.left, height - 4, 'Week starting (month-day); shaded: normal range', `font-size="11" fill="${MUTED}"`));
  parts.push('</svg>');
  return parts.join('');
}

/** First-response median and 90th percentile per channel, in business minutes, with the target line. */
export function responseTimeChart(inbox: InboxSection): string {
  const rows = inbox.perChannel.filter((c) => c.firstResponseMinutes.business.median !== null);
  const width = 680;
  const rowHeight = 34;
  const m = { top: 24, right: 24, bottom: 30, left: 190 };
  const height = m.top + m.bottom + Math.max(1, rows.length) * rowHeight;
  const max = Math.max(inbox.firstResponseTargetMinutes, ...rows.map((r) => r.firstResponseMinutes.business.p90 ?? 0), 1);
  // Headroom past the largest bar or the target, so the target's label never sits on the edge.
  const x = scaleLinear().domain([0, max * 1.1]).nice(5).range([m.left, width - m.right]);
  const y = scaleBand<string>().domain(rows.map((r) => r.channelId)).range([m.top, height - m.bottom]).padding(0.25);
  const desc =
    rows.length === 0
      ? 'No conversation was responded to this month.'
      : rows.map((r) => `${r.name}: median ${Math.round(r.firstResponseMinutes.business.median ?? 0)}, 90th percentile ${Math.round(r.firstResponseMinutes.business.p90 ?? 0)} business minutes`).join('; ') +
        `. Target ${inbox.firstResponseTargetMinutes} business minutes.`;
  const parts = [svgOpen('response', width, height, 'First response time per channel (business minutes)', desc)];
  for (const tick of x.ticks(5)) {
    parts.push(`<line x1="${fmt(x(tick))}" x2="${fmt(x(tick))}" y1="${m.top}" y2="${height - m.bottom}" stroke="#e3e7ec"/>`);
    parts.push(text(x(tick), height - m.bottom + 14, String(tick), `text-anchor="middle" font-size="11" fill="${MUTED}"`));
  }
  for (const r of rows) {
    const band = y.bandwidth();
    const top = y(r.channelId) ?? 0;
    const p90 = r.firstResponseMinutes.business.p90 ?? 0;
    const median = r.firstResponseMinutes.business.median ?? 0;
    parts.push(text(m.left - 8, top + band / 2 + 4, truncate(r.name, 28), `text-anchor="end" font-size="12" fill="${INK}"`));
    parts.push(`<rect x="${m.left}" y="${fmt(top)}" width="${fmt(x(p90) - m.left)}" height="${fmt(band)}" fill="${BAND}" stroke="${PALETTE[0]}" stroke-width="1"><title>${escapeHtml(`${r.name}: 90th percentile ${Math.round(p90)} min`)}</title></rect>`);
    parts.push(`<rect x="${m.left}" y="${fmt(top + band * 0.25)}" width="${fmt(x(median) - m.left)}" height="${fmt(band * 0.5)}" fill="${PALETTE[0]}"><title>${escapeHtml(`${r.name}: median ${Math.round(median)} min`)}</title></rect>`);
  }
  const tx = x(inbox.firstResponseTargetMinutes);
  parts.push(`<line x1="${fmt(tx)}" x2="${fmt(tx)}" y1="${m.top - 6}" y2="${height - m.bottom}" stroke="${PALETTE[1]}" stroke-width="2" stroke-dasharray="5 3"/>`);
  parts.push(text(tx, m.top - 10, `target ${inbox.firstResponseTargetMinutes} min`, `text-anchor="middle" font-size="11" fill="${PALETTE[1]}"`));
  parts.push(text(m.left, height - 2, 'Dark bar: median; light bar: 90th percentile', `font-size="11" fill="${MUTED}"`));
  parts.push('</svg>');
  return parts.join('');
}

/** The month's value mix as one stacked bar, with the promotional target marked. */
export function valueMixChart(mix: ValueMixSection): string {
  const width = 680;
  const height = 104;
  const m = { left: 8, right: 8 };
  const x = scaleLinear().domain([0, 100]).range([m.left, width - m.right]);
  const shown = mix.types.filter((t) => t.posts > 0);
  const desc = mix.posts === 0 ? 'No posts this month.' : `${mix.posts} posts: ${shown.map((t) => `${t.label} ${t.share}%`).join(', ')}. Promotional target at most ${mix.promotionalTarget}%.`;
  const parts = [svgOpen('mix', width, height, 'Value mix of the month’s posts', desc)];
  let at = 0;
  mix.types.forEach((t, i) => {
    if (t.posts === 0) return;
    const x0 = x(at);
    const x1 = x(Math.min(100, at + t.share));
    parts.push(`<rect x="${fmt(x0)}" y="8" width="${fmt(Math.max(0, x1 - x0))}" height="30" fill="${PALETTE[i % PALETTE.length]}"><title>${escapeHtml(`${t.label}: ${t.posts} posts, ${t.share}%`)}</title></rect>`);
    const inside = `${t.label} ${Math.round(t.share)}%`;
    if (x1 - x0 > inside.length * LABEL_CHAR_WIDTH + 8) parts.push(text((x0 + x1) / 2, 28, inside, 'text-anchor="middle" font-size="11" fill="#ffffff"'));
    at += t.share;
  });
  const target = x(mix.promotionalTarget);
  parts.push(`<line x1="${fmt(target)}" x2="${fmt(target)}" y1="2" y2="44" stroke="${INK}" stroke-width="2" stroke-dasharray="4 3"/>`);
  parts.push(text(target, 58, `promotional target ≤ ${mix.promotionalTarget}%`, `text-anchor="middle" font-size="11" fill="${INK}"`));
  // A legend in words, so the colours are never the only key: three columns, two rows.
  mix.types.forEach((t, i) => {
    const lx = m.left + (i % 3) * 220;
    const ly = 70 + Math.floor(i / 3) * 16;
    parts.push(`<rect x="${fmt(lx)}" y="${ly}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/>`);
    parts.push(text(lx + 14, ly + 9, `${t.label}: ${t.posts} (${t.share}%)`, `font-size="11" fill="${INK}"`));
  });
  parts.push('</svg>');
  return parts.join('');
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
