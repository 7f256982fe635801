/** The week or month ahead, day by day in the workspace's time zone: posts, and the planned slots still empty. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get } from '../api.ts';
import { Link } from '../router.tsx';
import type { CalendarDay, Channel, Post } from '../types.ts';
import { Notice, PageTitle, stateLabel } from '../ui.tsx';

type View = 'week' | 'month';

function startOf(view: View, d: Date): Date {
  const x = new Date(d.getFullYear(), d.getMonth(), view === 'month' ? 1 : d.getDate());
  if (view === 'week') x.setDate(x.getDate() - ((x.getDay() + 6) % 7)); // Monday
  return x;
}

function shift(view: View, d: Date, by: number): Date {
  const x = new Date(d);
  if (view === 'month') x.setMonth(x.getMonth() + by);
  else x.setDate(x.getDate() + 7 * by);
  return x;
}

export function CalendarPage(): JSX.Element {
  const [view, setView] = useState<View>('week');
  const [start, setStart] = useState(() => startOf('week', new Date()));
  const [data, setData] = useState<{ zone: string; days: CalendarDay[] } | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [channels, setChannels] = useState<Channel[]>([]);
  const [error, setError] = useState('');
  const end = shift(view, start, 1);

  useEffect(() => {
    void get<{ channels: Channel[] }>('/api/channels').then((r) => setChannels(r.channels));
  }, []);
  useEffect(() => {
    const range = `from=${encodeURIComponent(start.toISOString())}&to=${encodeURIComponent(end.toISOString())}`;
    setError('');
    get<{ zone: string; days: CalendarDay[] }>(`/api/calendar?${range}`)
      .then(setData)
      .catch((err) => setError(errorText(err)));
    get<{ posts: Post[] }>(`/api/posts?${range}&limit=200`)
      .then((r) => setTexts(Object.fromEntries(r.posts.map((p) => [p.id, p.parts[0]?.text ?? '']))))
      .catch(() => undefined);
  }, [start.getTime(), view]);

  const zone = data?.zone;
  const time = (iso: string): string => new Intl.DateTimeFormat('en-US', { timeStyle: 'short', ...(zone ? { timeZone: zone } : {}) }).format(new Date(iso));
  const dayTitle = (date: string): string => new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const rangeTitle = new Intl.DateTimeFormat('en-US', view === 'month' ? { month: 'long', year: 'numeric' } : { month: 'long', day: 'numeric', year: 'numeric' }).format(start);
  const handle = (id: string): string => channels.find((c) => c.id === id)?.handle ?? 'channel';
  const change = (v: View): void => {
    setView(v);
    setStart(startOf(v, new Date()));
  };
  const days = view === 'month' ? (data?.days ?? []).filter((d) => d.posts.length || d.slots.length) : (data?.days ?? []);

  return (
    <div class="calendar">
      <PageTitle title="Calendar">Calendar</PageTitle>
      <div class="toolbar">
        <div role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'week'} onClick={() => change('week')}>
            Week
          </button>
          <button type="button" aria-pressed={view === 'month'} onClick={() => change('month')}>
            Month
          </button>
        </div>
        <div role="group" aria-label="Move">
          <button type="button" onClick={() => setStart(shift(view, start, -1))}>
            ← Previous {view}
          </button>
          <button type="button" onClick={() => setStart(startOf(view, new Date()))}>
            This {view}
          </button>
          <button type="button" onClick={() => setStart(shift(view, start, 1))}>
            Next {view} →
          </button>
        </div>
      </div>
      <h2 aria-live="polite">
        {view === 'week' ? `Week of ${rangeTitle}` : rangeTitle}
        {zone ? <span class="muted"> · times in {zone.replace(/_/g, ' ')}</span> : null}
      </h2>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {view === 'month' && data && days.length === 0 ? <p class="empty">Nothing planned this month. Set a posting plan in Settings.</p> : null}
      <ol class={`days days-${view}`}>
        {days.map((d) => {
          const empty = d.slots.filter((s) => !s.filledBy);
          return (
            <li key={d.date} class="day">
              <h3>{dayTitle(d.date)}</h3>
              {d.posts.length === 0 && empty.length === 0 ? <p class="muted">Nothing planned</p> : null}
              <ul>
                {d.posts.map((p) => (
                  <li key={`${p.id}-${p.channelId}`} class={`entry post state-${p.state}`}>
                    <span class="when">{time(p.at)}</span> <span class="badge">{stateLabel(p.state)}</span> {handle(p.channelId)}:{' '}
                    <Link href={`/compose?post=${p.id}`}>{(texts[p.id] ?? 'Open the post').slice(0, 80) || 'Open the post'}</Link>
                  </li>
                ))}
                {empty.map((s) =>
                  Date.parse(s.at) < Date.now() ? (
                    <li key={s.at + s.channelId} class="entry slot missed">
                      <span class="when">{time(s.at)}</span> <span class="badge">missed slot</span> {handle(s.channelId)}
                    </li>
                  ) : (
                    <li key={s.at + s.channelId} class="entry slot">
                      <span class="when">{time(s.at)}</span> <span class="badge badge-open">open slot</span> {handle(s.channelId)} · <Link href="/compose">Fill it</Link>
                    </li>
                  ),
                )}
              </ul>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
