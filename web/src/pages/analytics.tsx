/**
 * Analytics: the weekly engaged audience with its trend line and noise band, posts per week, first
 * response per week against the target, the top posts, and the monthly report to download.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get } from '../api.ts';
import { BandLineChart, BarChart, type Bar } from '../charts.tsx';
import type { Channel, ResponseFigures, Trends, Workspace } from '../types.ts';
import { formatWhen, Notice, PageTitle } from '../ui.tsx';

const RESPONSE_WEEKS = 8;
const DAY = 86_400_000;

// The monthly report's CSV tables (GET /api/reports/monthly/tables/{table}.csv).
const REPORT_TABLES: Array<{ name: string; title: string }> = [
  { name: 'scorecard', title: 'Seven-rules scorecard' },
  { name: 'scorecard_figures', title: 'The figures behind each score' },
  { name: 'what_changed', title: 'What changed' },
  { name: 'weekly_trend', title: 'Engaged people per week' },
  { name: 'top_posts', title: 'Top posts' },
  { name: 'inbox_summary', title: 'Inbox performance' },
  { name: 'inbox_by_channel', title: 'Inbox per channel' },
  { name: 'inbox_by_person', title: 'Inbox per person' },
  { name: 'value_mix', title: 'Value mix' },
  { name: 'pillar_share', title: 'Content pillar share' },
];

const localDate = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const minutesText = (m: number): string => (m < 60 ? `${Math.round(m)} min` : `${Math.floor(m / 60)} h${Math.round(m % 60) ? ` ${Math.round(m % 60)} min` : ''}`);
/** Axis labels: "45m", "2h", "1h30". */
const minutesTick = (m: number): string => (m < 60 ? `${Math.round(m)}m` : `${Math.floor(m / 60)}h${Math.round(m % 60) ? String(Math.round(m % 60)).padStart(2, '0') : ''}`);

interface ResponseWeek {
  start: string;
  figures: ResponseFigures | null;
}

export function AnalyticsPage(): JSX.Element {
  const [trends, setTrends] = useState<Trends | null>(null);
  const [responses, setResponses] = useState<ResponseWeek[] | null>(null);
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    get<Trends>('/api/scorecard/trends')
      .then(setTrends)
      .catch((err) => setError(errorText(err)));
    void get<Workspace>('/api/workspace').then(setWorkspace);
    void get<{ channels: Channel[] }>('/api/channels').then((r) => setChannels(r.channels));
    // Rolling 7-day windows ending now, oldest first: one small request each.
    const now = Date.now();
    const windows = Array.from({ length: RESPONSE_WEEKS }, (_, i) => ({ from: new Date(now - (RESPONSE_WEEKS - i) * 7 * DAY), to: new Date(now - (RESPONSE_WEEKS - i - 1) * 7 * DAY) }));
    void Promise.all(
      windows.map((w) =>
        get<{ metrics: ResponseFigures }>(`/api/inbox-metrics?from=${encodeURIComponent(w.from.toISOString())}&to=${encodeURIComponent(w.to.toISOString())}`)
          .then((r) => ({ start: localDate(w.from), figures: r.metrics }))
          .catch(() => ({ start: localDate(w.from), figures: null })),
      ),
    ).then(setResponses);
  }, []);

  const target = workspace?.settings.sla?.firstResponseMinutes ?? 60;
  const handle = (id: string): string => channels.find((c) => c.id === id)?.handle ?? 'a channel';

  return (
    <div class="analytics">
      <PageTitle title="Analytics">Analytics</PageTitle>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <section aria-labelledby="audience-title">
        <h2 id="audience-title">Audience and posting, week by week</h2>
        {trends === null && !error ? <p>Loading…</p> : null}
        {trends ? <TrendCharts trends={trends} /> : null}
      </section>
      <section aria-labelledby="response-title">
        <h2 id="response-title">Response time</h2>
        {responses === null ? <p>Loading…</p> : <ResponseChart weeks={responses} target={target} />}
      </section>
      <section aria-labelledby="top-title">
        <h2 id="top-title">Top posts of the last 90 days</h2>
        {trends && trends.topPosts.length === 0 ? <p class="empty">No published post has engagement figures yet; they arrive within a day of publishing.</p> : null}
        <ol class="top-posts">
          {(trends?.topPosts ?? []).map((p) => (
            <li key={p.id} class="post-row">
              <p class="text">{p.text}</p>
              <p class="meta">
                {p.engagements} engagements · {p.replies} replies and quotes · {handle(p.channelId)} · {formatWhen(p.publishedAt, trends?.zone)}
              </p>
            </li>
          ))}
        </ol>
      </section>
      <MonthlyReport />
    </div>
  );
}

function TrendCharts({ trends }: { trends: Trends }): JSX.Element {
  const known = trends.weeks.filter((w) => w.audience !== null);
  if (trends.weeks.length === 0) return <p class="empty">No complete week since the channel was connected: the first point appears after its first full week (Monday to Sunday).</p>;
  const last = known[known.length - 1];
  const a = trends.audience;
  const direction = a.notEnoughData
    ? `No trend yet: ${a.notEnoughData}.`
    : `${a.direction === 'increasing' ? 'Rising' : a.direction === 'decreasing' ? 'Falling' : 'Steady'}${a.slopePerWeek !== null && a.direction !== 'no trend' ? ` by about ${Math.abs(a.slopePerWeek)} people a week` : ''} (Mann–Kendall ${a.p === null ? 'p –' : a.p < 0.001 ? 'p < 0.001' : `p = ${a.p}`}).`;
  const inBand = last && last.low !== null && last.high !== null ? (last.audience! >= last.low && last.audience! <= last.high ? ` Last week's ${last.audience} is inside the normal range ${last.low}–${last.high}: noise, not change.` : ` Last week's ${last.audience} is outside the normal range ${last.low}–${last.high}.`) : '';
  const posts: Bar[] = trends.weeks.map((w) => ({ label: w.weekStart, value: w.posts }));
  return (
    <div class="charts">
      <BandLineChart
        id="chart-audience"
        title="Engaged people per week"
        summary={`${known.length} known weeks. ${direction}${inBand}`}
        valueName="Engaged people"
        points={trends.weeks.map((w) => ({ label: w.weekStart, value: w.audience, expected: w.expected, low: w.low, high: w.high }))}
      />
      <p class="hint legend">
        <span class="key key-series" aria-hidden="true" /> engaged people · <span class="key key-expected" aria-hidden="true" /> trend line · <span class="key key-band" aria-hidden="true" /> normal range (a week inside it is noise)
      </p>
      <BarChart id="chart-posts" title="Posts per week on the primary channel" summary={`${posts.reduce((s, b) => s + (b.value ?? 0), 0)} posts over ${posts.length} weeks.`} valueName="Posts" bars={posts} />
    </div>
  );
}

function ResponseChart({ weeks, target }: { weeks: ResponseWeek[]; target: number }): JSX.Element {
  const bars: Bar[] = weeks.map((w) => {
    const f = w.figures;
    const median = f?.firstResponseMinutes.business.median ?? null;
    return {
      label: w.start,
      value: median,
      note: f === null ? 'could not be loaded' : `${f.responded} of ${f.needingResponse} answered${f.breached ? `, ${f.breached} late` : ''}`,
    };
  });
  const answered = weeks.reduce((s, w) => s + (w.figures?.responded ?? 0), 0);
  const needing = weeks.reduce((s, w) => s + (w.figures?.needingResponse ?? 0), 0);
  const measured = bars.filter((b) => b.value !== null);
  const summary =
    measured.length === 0
      ? `No answered conversation in the last ${RESPONSE_WEEKS} weeks yet.`
      : `${answered} of ${needing} conversations answered over ${RESPONSE_WEEKS} weeks; the median first response was within the ${minutesText(target)} target in ${measured.filter((b) => (b.value ?? 0) <= target).length} of ${measured.length} weeks.`;
  if (measured.length === 0) return <p class="empty">{summary} The chart appears with the first answered conversation.</p>;
  return <BarChart id="chart-response" title="Median first response per week (business minutes)" summary={summary} valueName="Median first response" bars={bars} format={minutesText} tickFormat={minutesTick} target={{ value: target, label: `target ${minutesText(target)}` }} />;
}

function MonthlyReport(): JSX.Element {
  const now = new Date();
  const previous = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const [month, setMonth] = useState(`${previous.getFullYear()}-${String(previous.getMonth() + 1).padStart(2, '0')}`);
  const valid = /^\d{4}-\d{2}$/.test(month);
  const q = `month=${encodeURIComponent(month)}`;
  return (
    <section class="card report" aria-labelledby="report-title">
      <h2 id="report-title">Monthly report</h2>
      <p class="hint">The month’s scorecard, trends, top posts and inbox figures, to share with your team or leadership.</p>
      <div class="field">
        <label for="report-month">Month</label>
        <input id="report-month" type="month" value={month} max={`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`} onInput={(e) => setMonth(e.currentTarget.value)} />
      </div>
      {valid ? (
        <>
          <p class="actions">
            <a class="button primary" href={`/api/reports/monthly?${q}&format=html`} target="_blank" rel="noopener">
              Open the report (HTML)<span class="sr-only"> in a new tab</span>
            </a>
            <a class="button" href={`/api/reports/monthly?${q}&format=pdf`} download>
              Download PDF
            </a>
          </p>
          <h3>Tables as CSV</h3>
          <ul class="csv-links">
            {REPORT_TABLES.map((t) => (
              <li key={t.name}>
                <a href={`/api/reports/monthly/tables/${t.name}.csv?${q}`} download>
                  {t.title} <span class="muted">({t.name}.csv)</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="field-error">Pick a month.</p>
      )}
    </section>
  );
}
