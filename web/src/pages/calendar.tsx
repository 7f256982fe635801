/**
 * The week or month ahead, day by day in the workspace's time zone: posts, and the planned slots
 * still empty. A scheduled post is moved by dragging it onto another day or an open slot, or with
 * its "Move…" button and a date-time field; the server decides (a DST gap, a time past), and a
 * refused move leaves the post where it was.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorText, get, post } from '../api.ts';
import { Link } from '../router.tsx';
import { LocalTimeForm, validate } from '../schemas.ts';
import { can, useSession } from '../session.ts';
import type { CalendarDay, Channel, Post } from '../types.ts';
import { Field, formatWhen, Notice, PageTitle, stateLabel } from '../ui.tsx';

type Entry = CalendarDay['posts'][number];
/** Where a post is moved to: an instant (an open slot) or a wall-clock time in the workspace zone. */
type Destination = { scheduledAt: string } | { localTime: string };

const entryKey = (p: Entry): string => `${p.id}-${p.channelId}`;

/** The server names the post by id first ("post 05de…: localTime … does not exist"): the reader knows which post. */
const withoutIds = (message: string): string => message.replace(/^post [0-9a-f-]{36}: /, '');

/** YYYY-MM-DDTHH:mm of an instant on the wall clock of a zone (what a datetime-local field shows). */
export function wallClock(iso: string, zone: string | undefined): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(zone ? { timeZone: zone } : {}) })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

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
  const session = useSession();
  const movable = (p: Entry): boolean => p.state === 'scheduled' && can(session, 'posts.draft');
  const [version, setVersion] = useState(0);
  const [moveMessage, setMoveMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [moving, setMoving] = useState<Entry | null>(null); // the post whose "Move…" form is open
  const [dragging, setDragging] = useState<Entry | null>(null);
  const [over, setOver] = useState<string | null>(null);
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
  }, [start.getTime(), view, version]);

  const zone = data?.zone;
  const time = (iso: string): string => new Intl.DateTimeFormat('en-US', { timeStyle: 'short', ...(zone ? { timeZone: zone } : {}) }).format(new Date(iso));
  const dayTitle = (date: string): string => new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const rangeTitle = new Intl.DateTimeFormat('en-US', view === 'month' ? { month: 'long', year: 'numeric' } : { month: 'long', day: 'numeric', year: 'numeric' }).format(start);
  const handle = (id: string): string => channels.find((c) => c.id === id)?.handle ?? 'channel';
  const change = (v: View): void => {
    setView(v);
    setStart(startOf(v, new Date()));
  };
  const title = (id: string): string => {
    const text = texts[id] ?? '';
    return text.length > 60 ? `${text.slice(0, 59)}…` : text || 'the post';
  };

  /** Asks the server to reschedule; the calendar is redrawn from its answer, so a refusal changes nothing. */
  const move = async (p: Entry, to: Destination, inForm = false): Promise<string | null> => {
    setMoveMessage(null);
    try {
      const after = await post<Post>(`/api/posts/${p.id}/schedule`, to);
      setMoveMessage({ kind: 'ok', text: `Moved “${title(p.id)}” to ${after.scheduledAt ? formatWhen(after.scheduledAt, zone) : 'its new time'}.` });
      setMoving(null);
      setVersion((v) => v + 1);
      return null;
    } catch (err) {
      const reason = withoutIds(err instanceof ApiError ? err.message : errorText(err));
      // The keyboard form shows the reason next to its field; a drop has no field, so it shows here.
      if (!inForm) setMoveMessage({ kind: 'error', text: `Not moved: ${reason} “${title(p.id)}” stays at ${formatWhen(p.at, zone)}.` });
      return reason;
    }
  };
  const dropOn = (target: string, to: (p: Entry) => Destination) => ({
    onDragOver: (e: DragEvent) => {
      if (!dragging) return;
      e.preventDefault(); // allows the drop
      e.stopPropagation(); // a slot inside a day: the slot is the target
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
      if (over !== target) setOver(target);
    },
    onDragLeave: (e: DragEvent) => {
      if (over === target && !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setOver(null);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      e.stopPropagation(); // a slot inside a day: the slot wins
      setOver(null);
      const p = dragging;
      setDragging(null);
      if (p) void move(p, to(p));
    },
  });

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
      {can(session, 'posts.draft') ? <p class="hint">Drag a scheduled post onto another day or an open slot to move it, or use its Move… button.</p> : null}
      <div aria-live="polite">{moveMessage ? <Notice kind={moveMessage.kind}>{moveMessage.text}</Notice> : null}</div>
      {moving ? (
        <MoveForm
          key={entryKey(moving)}
          entry={moving}
          zone={zone}
          label={title(moving.id)}
          onMove={(to) => move(moving, to, true)}
          onCancel={() => {
            const key = entryKey(moving);
            setMoving(null);
            // Back to the button that opened the form.
            setTimeout(() => document.querySelector<HTMLButtonElement>(`button[data-move="${key}"]`)?.focus(), 0);
          }}
        />
      ) : null}
      {view === 'month' && data && days.length === 0 ? <p class="empty">Nothing planned this month. Set a posting plan in Settings.</p> : null}
      <ol class={`days days-${view}`}>
        {days.map((d) => {
          const empty = d.slots.filter((s) => !s.filledBy);
          return (
            <li key={d.date} class={`day${over === d.date ? ' drop-target' : ''}`} data-date={d.date} {...dropOn(d.date, (p) => ({ localTime: `${d.date}${wallClock(p.at, zone).slice(10)}` }))}>
              <h3>{dayTitle(d.date)}</h3>
              {d.posts.length === 0 && empty.length === 0 ? <p class="muted">Nothing planned</p> : null}
              <ul>
                {d.posts.map((p) => (
                  <li
                    key={`${p.id}-${p.channelId}`}
                    class={`entry post state-${p.state}${movable(p) ? ' movable' : ''}${dragging?.id === p.id ? ' dragging' : ''}`}
                    draggable={movable(p)}
                    onDragStart={(e) => {
                      if (!movable(p) || !e.dataTransfer) return;
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', p.id);
                      setDragging(p);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setOver(null);
                    }}
                  >
                    <span class="when">{time(p.at)}</span> <span class="badge">{stateLabel(p.state)}</span> {handle(p.channelId)}:{' '}
                    <Link href={`/compose?post=${p.id}`}>{(texts[p.id] ?? 'Open the post').slice(0, 80) || 'Open the post'}</Link>
                    {movable(p) ? (
                      <button
                        type="button"
                        class="small move"
                        data-move={entryKey(p)}
                        aria-expanded={moving !== null && entryKey(moving) === entryKey(p)}
                        aria-controls="move-form"
                        onClick={() => setMoving(p)}
                      >
                        Move…<span class="sr-only"> “{title(p.id)}”</span>
                      </button>
                    ) : null}
                  </li>
                ))}
                {empty.map((s) =>
                  Date.parse(s.at) < Date.now() ? (
                    <li key={s.at + s.channelId} class="entry slot missed">
                      <span class="when">{time(s.at)}</span> <span class="badge">missed slot</span> {handle(s.channelId)}
                    </li>
                  ) : (
                    <li key={s.at + s.channelId} class={`entry slot${over === s.at + s.channelId ? ' drop-target' : ''}`} data-at={s.at} {...dropOn(s.at + s.channelId, () => ({ scheduledAt: s.at }))}>
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

/** The keyboard way to move a post: a date-time field in the workspace zone; the server's refusal shows next to it. */
function MoveForm({ entry, zone, label, onMove, onCancel }: { entry: Entry; zone: string | undefined; label: string; onMove: (to: Destination) => Promise<string | null>; onCancel: () => void }): JSX.Element {
  const [value, setValue] = useState(() => wallClock(entry.at, zone));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const id = `move-${entry.id}-${entry.channelId}`;
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const checked = validate(LocalTimeForm, { localTime: value });
    if (!checked.ok) return setError(checked.errors.localTime ?? 'Pick a date and time');
    setBusy(true);
    const refused = await onMove({ localTime: checked.data.localTime });
    setBusy(false);
    setError(refused ?? '');
  };
  return (
    <form
      id="move-form"
      class="card move-form"
      aria-label={`Move “${label}”`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
      noValidate
    >
      <p class="move-what">
        Moving “{label}”, now {formatWhen(entry.at, zone)}.
      </p>
      <Field id={id} label={`New time for “${label}”`} hint={zone ? `In ${zone.replace(/_/g, ' ')}.` : undefined} error={error}>
        {(a) => <input {...a} ref={input} type="datetime-local" value={value} onInput={(e) => setValue(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="primary small" disabled={busy}>
          Move
        </button>
        <button type="button" class="small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
