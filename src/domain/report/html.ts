/**
 * The monthly report as one self-contained HTML document: inline CSS, inline SVG charts, no
 * scripts, no external assets — it prints (and renders to PDF) as it shows. Every piece of text
 * from the data (post text, names, explanations) goes through escapeHtml; links only to http(s).
 */
import { duration } from '../scorecard/rules/rule-score.ts';
import { responseTimeChart, trendChart, valueMixChart } from './charts.ts';
import { escapeHtml } from './escape.ts';
import type { MonthlyReport } from './monthly-report.ts';
import type { TableName } from './tables.ts';
import type { Cell, ReportColumn, ReportTable } from './table.ts';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function renderReportHtml(report: MonthlyReport): string {
  const e = escapeHtml;
  const p = report.period;
  const title = `${report.workspace.name} — monthly report, ${p.label}`;
  const table = (name: TableName): string => renderTable(report.tables.find((t) => t.name === name)!);
  const overall = report.scorecard.overall;
  const trendLine = trendSentence(report);
  const inbox = report.inbox.current;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<p class="kicker">Monthly report · Bedside</p>
<h1>${e(report.workspace.name)}: ${e(p.label)}</h1>
<p class="meta">${e(periodText(report))} · compared with ${e(report.previousPeriod.label)} · generated ${e(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>
${p.complete ? '' : `<p class="notice"><strong>Month to date.</strong> ${e(p.label)} is not over: figures are as of ${e(p.asOf.slice(0, 16).replace('T', ' '))} UTC.</p>`}
</header>
${
  report.missing.length > 0
    ? `<section aria-labelledby="missing-h" class="missing"><h2 id="missing-h">Not enough data yet</h2><ul>${report.missing.map((m) => `<li>${e(m)}</li>`).join('')}</ul></section>`
    : ''
}
<section aria-labelledby="scorecard-h">
<h2 id="scorecard-h">Seven-rules scorecard</h2>
<p class="overall">Overall: <strong>${overall === null ? 'not enough data' : `${overall} / 100`}</strong>${
    report.scorecard.previousOverall !== null ? ` <span class="muted">(end of ${e(report.previousPeriod.label)}: ${report.scorecard.previousOverall})</span>` : ''
  }</p>
${table('scorecard')}
${table('scorecard_figures')}
</section>
<section aria-labelledby="changed-h">
<h2 id="changed-h">What changed</h2>
${table('what_changed')}
</section>
<section aria-labelledby="trend-h">
<h2 id="trend-h">Weekly trend</h2>
<p>${e(trendLine)}</p>
${report.trend.weeks.length > 0 ? `<figure>${trendChart(report.trend)}</figure>` : ''}
${table('weekly_trend')}
</section>
<section aria-labelledby="posts-h">
<h2 id="posts-h">Top posts by engagement quality</h2>
<p>Ranked by <strong>${e(report.topPosts.metric)}</strong>: likes + reposts + 3 × (replies + quotes). ${e(`${report.topPosts.postsInMonth} posts published in ${p.label}`)}${
    report.topPosts.withoutMetrics > 0 ? e(`; ${report.topPosts.withoutMetrics} without metrics yet, left out`) : ''
  }.</p>
${table('top_posts')}
</section>
<section aria-labelledby="inbox-h">
<h2 id="inbox-h">Inbox performance</h2>
<p>${e(inboxSentence(report))}</p>
${inbox.responded > 0 ? `<figure>${responseTimeChart(report.inbox)}</figure>` : ''}
${table('inbox_summary')}
${table('inbox_by_channel')}
${table('inbox_by_person')}
</section>
<section aria-labelledby="mix-h">
<h2 id="mix-h">Value mix and pillars</h2>
<p>${e(mixSentence(report))}</p>
${report.valueMix.posts > 0 ? `<figure>${valueMixChart(report.valueMix)}</figure>` : ''}
${table('value_mix')}
${table('pillar_share')}
</section>
<section aria-labelledby="defs-h" class="definitions">
<h2 id="defs-h">How these figures are computed</h2>
<dl>${Object.entries(report.definitions)
    .map(([term, text]) => `<dt>${e(term)}</dt><dd>${e(text)}</dd>`)
    .join('')}</dl>
<p class="muted">Every table is also available as CSV. The report holds our own posts and aggregate inbox figures only: no message from a patient or the public.</p>
</section>
</main>
</body>
</html>
`;
}

/** A report table as an accessible HTML table (caption, column and row headers), or its "empty" note. */
export function renderTable(t: ReportTable): string {
  const e = escapeHtml;
  if (t.rows.length === 0) return `<h3>${e(t.title)}</h3><p class="empty">${e(t.empty ?? 'No data.')}</p>`;
  const head = t.columns.map((c) => `<th scope="col" class="${alignOf(c)}">${e(c.label)}</th>`).join('');
  const body = t.rows
    .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${formatCell(cell, t.columns[i]!)}</th>` : `<td class="${alignOf(t.columns[i]!)}">${formatCell(cell, t.columns[i]!)}</td>`)).join('')}</tr>`)
    .join('');
  return `<div class="table" role="region" aria-label="${e(t.title)}" tabindex="0"><table id="t-${e(t.name)}"><caption>${e(t.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function alignOf(c: ReportColumn): string {
  return c.kind === 'text' || c.kind === 'link' || c.kind === 'date' ? 'l' : 'n';
}

/** A cell as HTML (escaped), formatted by its column's kind; null reads "—". */
export function formatCell(cell: Cell, c: ReportColumn): string {
  if (cell === null) return '<span class="muted" title="no data">—</span>';
  if (typeof cell === 'string') {
    if (c.kind === 'link') return cell.startsWith('https://') || cell.startsWith('http://') ? `<a href="${escapeHtml(cell)}">View post</a>` : escapeHtml(cell);
    return escapeHtml(cell);
  }
  switch (c.kind) {
    case 'count':
      return COUNT.format(cell);
    case 'percent':
      return `${DECIMAL.format(cell)}%`;
    case 'points':
      return cell > 0 ? `+${DECIMAL.format(cell)}` : cell < 0 ? `−${DECIMAL.format(-cell)}` : '0';
    case 'minutes':
      return escapeHtml(duration(cell));
    default:
      return DECIMAL.format(cell);
  }
}

function periodText(r: MonthlyReport): string {
  return `${r.period.label} in ${r.workspace.zone}`;
}

function trendSentence(r: MonthlyReport): string {
  const t = r.trend;
  if (t.notEnoughData) return `Not enough data for a trend: ${t.notEnoughData}.`;
  const last = t.weeks[t.weeks.length - 1];
  const direction = t.direction === 'no trend' ? 'no clear trend' : `a ${t.direction === 'increasing' ? 'rising' : 'falling'} trend of ${Math.abs(t.slopePerWeek ?? 0)} people a week`;
  const noise =
    last && last.low !== null && last.high !== null
      ? t.latestIsNoise
        ? ` The last week (${last.engagedPeople}) lies inside its normal range of ${Math.round(last.low)}–${Math.round(last.high)}: ordinary variation, not change.`
        : ` The last week (${last.engagedPeople}) lies outside its normal range of ${Math.round(last.low)}–${Math.round(last.high)}: a real change worth a look.`
      : '';
  return `Engaged people per week over ${t.weeks.length} weeks show ${direction} (Mann–Kendall ${t.p === null ? 'p —' : t.p < 0.001 ? 'p < 0.001' : `p = ${t.p}`}).${noise}`;
}

function inboxSentence(r: MonthlyReport): string {
  const i = r.inbox;
  if (i.notEnoughData) return `Not enough data: ${i.notEnoughData}.`;
  const c = i.current;
  const rate = c.respondedRate === null ? 'nothing needed a response' : `${Math.round(c.respondedRate * 100)}% of the ${c.needingResponse} needing a response got one`;
  const median = c.firstResponseMinutes.business.median;
  return (
    `${c.total} conversations arrived; ${rate} (${c.replied} replied, ${c.movedOffline} moved offline). ` +
    (median === null ? '' : `Median first response ${duration(median)} of business time, 90th percentile ${duration(c.firstResponseMinutes.business.p90 ?? 0)}; target ${duration(i.firstResponseTargetMinutes)}. `) +
    `${c.breached} breached the target${c.breachedOpen > 0 ? `, ${c.breachedOpen} of them still open` : ''}.`
  );
}

function mixSentence(r: MonthlyReport): string {
  const v = r.valueMix;
  if (v.notEnoughData) return `Not enough data: ${v.notEnoughData}.`;
  const promo = v.promotionalShare ?? 0;
  const verdict = promo > v.promotionalTarget ? `over the target of at most ${v.promotionalTarget}%` : `within the target of at most ${v.promotionalTarget}%`;
  const guessed = v.classifiedFromText > 0 ? ` ${v.classifiedFromText} of ${v.posts} posts were typed from their wording (the team can set the type).` : '';
  const pillars = r.pillars.onPillarShare === null ? '' : ` ${r.pillars.onPillarShare}% of posts sat on a content pillar.`;
  return `${promo}% of ${v.posts} posts were promotional, ${verdict}.${guessed}${pillars}`;
}

const CSS = `
:root{color-scheme:light;--ink:#1d2430;--muted:#5a6472;--line:#d5dbe2;--accent:#1f5f8b;--soft:#f3f6f9}
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans","Liberation Sans",Arial,Helvetica,sans-serif;color:var(--ink);background:#fff;font-size:14px;line-height:1.45}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:4px 0 6px}
h2{font-size:19px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--accent);break-after:avoid}
h3{font-size:15px;margin:16px 0 6px}
.kicker{margin:0;color:var(--accent);font-weight:bold;text-transform:uppercase;letter-spacing:.06em;font-size:12px}
.meta,.muted{color:var(--muted)}
.notice{background:#fff4d6;border-left:4px solid #8a6d00;padding:8px 12px}
.missing{background:var(--soft);border-left:4px solid var(--accent);padding:4px 16px 8px;margin-top:16px}
.missing h2{border:0;margin-top:8px}
.overall{font-size:16px}
.overall strong{font-size:22px}
.table{overflow-x:auto;margin:8px 0 16px}
table{border-collapse:collapse;width:100%;font-size:12.5px}
caption{text-align:left;font-weight:bold;padding:4px 0;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:5px 6px;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid var(--line);text-align:left}
tbody th{text-align:left;font-weight:600}
.n{text-align:right}
td.n{white-space:nowrap}
.l{text-align:left}
a{color:var(--accent)}
figure{margin:8px 0 12px;break-inside:avoid}
.chart{max-width:680px;height:auto;display:block}
.empty{color:var(--muted);font-style:italic}
dt{font-weight:bold;margin-top:8px}
dd{margin:2px 0 0 0}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
  body{font-size:11px}
  main{max-width:none;padding:0}
  table{font-size:9.5px}
  th,td{padding:3px 4px}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  .table{overflow:visible}
  a{color:var(--ink)}
}
`;
