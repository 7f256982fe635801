/**
 * The inbox: urgent conversations pinned on top with their playbook, then the possibly urgent ones, filters, the conversation,
 * and a reply box that runs the PHI guard as you type. Shortcuts as in mail: j/k next/previous,
 * r reply, e close.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorText, get, post } from '../api.ts';
import { useDebouncedCheck } from '../debounce.ts';
import { useDraft } from '../drafts.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { NoteForm, ReplyForm, validate } from '../schemas.ts';
import { can, useSession } from '../session.ts';
import type { Channel, Conversation, Finding, InboxItem, Member, ReplyCheck } from '../types.ts';
import { Field, Findings, formatWhen, Notice, PageTitle, stateLabel } from '../ui.tsx';

const PAGE_SIZE = 25;
const STATUSES = [
  { value: 'new,assigned', label: 'Open' },
  { value: 'new', label: 'New' },
  { value: 'assigned', label: 'Assigned' },
  { value: 'replied', label: 'Replied' },
  { value: 'moved_offline', label: 'Moved offline' },
  { value: 'hidden', label: 'Hidden' },
  { value: 'closed', label: 'Closed' },
];
const INTENTS = ['question', 'complaint', 'praise', 'emergency', 'self_harm', 'adverse_event', 'misinformation', 'spam', 'other'];
const FILTERS = ['status', 'intent', 'channelId', 'assigneeId'] as const;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function InboxPage(): JSX.Element {
  const session = useSession();
  const { path, query } = useLocation();
  const selectedId = path.startsWith('/inbox/') ? path.slice('/inbox/'.length) : undefined;
  const search = query.toString();
  const [items, setItems] = useState<InboxItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [members, setMembers] = useState<Member[]>([]);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [announce, setAnnounce] = useState('');

  const listUrl = (after?: string): string => {
    const q = new URLSearchParams();
    for (const f of FILTERS) {
      const v = query.get(f);
      if (v) q.set(f, v);
    }
    q.set('limit', String(PAGE_SIZE));
    if (after) q.set('after', after);
    return `/api/inbox?${q.toString()}`;
  };

  const load = useCallback(async (): Promise<void> => {
    setLoading(true);
    try {
      const page = await get<{ items: InboxItem[]; nextCursor: string | null }>(listUrl());
      setItems(page.items);
      setCursor(page.nextCursor);
      setError('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, [search]);

  useEffect(() => void load(), [load]);
  useEffect(() => {
    void get<{ members: Member[] }>('/api/members').then((r) => setMembers(r.members)).catch(() => undefined);
    void get<{ channels: Channel[] }>('/api/channels').then((r) => setChannels(r.channels)).catch(() => undefined);
  }, []);

  const more = async (): Promise<void> => {
    if (!cursor) return;
    const page = await get<{ items: InboxItem[]; nextCursor: string | null }>(listUrl(cursor));
    setItems([...items, ...page.items]);
    setCursor(page.nextCursor);
  };

  const open = (id: string): void => navigate(`/inbox/${id}${search ? `?${search}` : ''}`);
  const setFilter = (name: (typeof FILTERS)[number], value: string): void => {
    const q = new URLSearchParams(query);
    if (value) q.set(name, value);
    else q.delete(name);
    navigate(`/inbox${q.toString() ? `?${q.toString()}` : ''}`);
  };

  const act = async (id: string, action: string, extra: Record<string, unknown> = {}): Promise<boolean> => {
    const res = await post<{ results: Array<{ ok: boolean; status?: string; error?: string }> }>('/api/inbox/actions', { ids: [id], action, ...extra });
    const r = res.results[0];
    if (!r?.ok) {
      setAnnounce(r?.error ?? 'the action failed');
      return false;
    }
    setAnnounce(action === 'mark_urgent' ? 'Marked urgent.' : action === 'not_urgent' ? 'Marked not urgent.' : `Conversation ${stateLabel(r.status ?? action)}.`);
    return true;
  };

  // j/k/r/e like a mail client, only when focus is not in a field.
  const order = items.map((i) => i.id);
  const keys = useRef({ order, selectedId });
  keys.current = { order, selectedId };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      const { order: ids, selectedId: current } = keys.current;
      const at = current ? ids.indexOf(current) : -1;
      if (e.key === 'j' || e.key === 'k') {
        const next = e.key === 'j' ? Math.min(at + 1, ids.length - 1) : Math.max(at - 1, 0);
        const id = ids[next];
        if (id) open(id);
        e.preventDefault();
      } else if (e.key === 'r' && current) {
        const box = document.getElementById('reply-text');
        if (box) {
          e.preventDefault();
          box.focus();
        }
      } else if (e.key === 'e' && current && can(session, 'inbox.reply')) {
        e.preventDefault();
        void act(current, 'close').then((ok) => {
          if (!ok) return;
          const next = ids[at + 1] ?? ids[at - 1];
          void load();
          if (next) open(next);
          else navigate(`/inbox${search ? `?${search}` : ''}`);
        });
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [search]);

  const urgent = items.filter((i) => i.urgent);
  const possiblyUrgent = items.filter((i) => !i.urgent && i.possiblyUrgent);
  const rest = items.filter((i) => !i.urgent && !i.possiblyUrgent);
  const name = (id: string | null): string => members.find((m) => m.userId === id)?.displayName ?? 'someone';
  const list = (group: InboxItem[], className: string, label: string): JSX.Element => (
    <ul class={className} aria-label={label}>
      {group.map((i) => (
        <ItemRow key={i.id} item={i} selected={i.id === selectedId} href={`/inbox/${i.id}${search ? `?${search}` : ''}`} assignee={i.assigneeId ? name(i.assigneeId) : null} />
      ))}
    </ul>
  );

  return (
    <div class={`inbox ${selectedId ? 'has-selection' : ''}`}>
      <section class="inbox-list" aria-labelledby="inbox-title">
        <PageTitle title="Inbox">
          <span id="inbox-title">Inbox</span>
        </PageTitle>
        <form class="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            Status
            <select value={query.get('status') ?? 'new,assigned'} onChange={(e) => setFilter('status', e.currentTarget.value === 'new,assigned' ? '' : e.currentTarget.value)}>
              {STATUSES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Intent
            <select value={query.get('intent') ?? ''} onChange={(e) => setFilter('intent', e.currentTarget.value)}>
              <option value="">Any</option>
              {INTENTS.map((i) => (
                <option key={i} value={i}>
                  {stateLabel(i)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Channel
            <select value={query.get('channelId') ?? ''} onChange={(e) => setFilter('channelId', e.currentTarget.value)}>
              <option value="">All</option>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.handle}
                </option>
              ))}
            </select>
          </label>
          <label>
            Assignee
            <select value={query.get('assigneeId') ?? ''} onChange={(e) => setFilter('assigneeId', e.currentTarget.value)}>
              <option value="">Anyone</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </label>
        </form>
        <p class="hint shortcuts">
          Shortcuts: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>r</kbd> reply, <kbd>e</kbd> close
        </p>
        <div role="status" class="sr-only">
          {announce}
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {loading && items.length === 0 ? <p>Loading…</p> : null}
        {!loading && items.length === 0 && !error ? <p class="empty">Nothing here. Every conversation in this view has been answered.</p> : null}
        {urgent.length > 0 ? (
          <>
            <h2 class="urgent-title">Urgent</h2>
            {list(urgent, 'items urgent', 'Urgent conversations')}
          </>
        ) : null}
        {possiblyUrgent.length > 0 ? (
          <>
            <h2 class="possibly-urgent-title">Possibly urgent: read these now</h2>
            {list(possiblyUrgent, 'items possibly-urgent', 'Possibly urgent conversations')}
          </>
        ) : null}
        {rest.length > 0 ? (
          <>
            {urgent.length + possiblyUrgent.length > 0 ? <h2>Everything else</h2> : null}
            {list(rest, 'items', 'Conversations')}
          </>
        ) : null}
        {cursor ? (
          <button type="button" onClick={() => void more()}>
            Load more
          </button>
        ) : null}
      </section>
      <section class="conversation-pane" aria-label="Conversation">
        {selectedId ? (
          <ConversationView
            key={selectedId}
            id={selectedId}
            members={members}
            backHref={`/inbox${search ? `?${search}` : ''}`}
            onChanged={() => void load()}
            act={act}
          />
        ) : (
          <p class="empty">Pick a conversation (or press j).</p>
        )}
      </section>
    </div>
  );
}

function ItemRow({ item, selected, href, assignee }: { item: InboxItem; selected: boolean; href: string; assignee: string | null }): JSX.Element {
  const m = item.mention;
  const playbook = m.analysis?.playbook;
  return (
    <li class={`item ${selected ? 'selected' : ''} ${item.urgent ? 'is-urgent' : item.possiblyUrgent ? 'is-possibly-urgent' : ''}`}>
      <Link href={href} aria-current={selected ? 'true' : undefined}>
        <span class="who">{m.author.displayName ?? m.author.handle}</span>
        {item.urgent ? <span class="badge badge-urgent">{playbook ? `Urgent: ${stateLabel(playbook.kind)} playbook` : 'Urgent'}</span> : null}
        {item.possiblyUrgent ? <span class="badge badge-possibly-urgent">Possibly urgent</span> : null}
        <span class="excerpt">{m.text.length > 140 ? `${m.text.slice(0, 140)}…` : m.text}</span>
        <span class="meta">
          {m.intents.map(stateLabel).join(', ') || 'no intent'} · {stateLabel(item.status)}
          {assignee ? ` · ${assignee}` : ''} · due {formatWhen(item.dueAt)}
        </span>
      </Link>
    </li>
  );
}

function ConversationView({ id, members, backHref, onChanged, act }: { id: string; members: Member[]; backHref: string; onChanged: () => void; act: (id: string, action: string, extra?: Record<string, unknown>) => Promise<boolean> }): JSX.Element {
  const session = useSession();
  const [item, setItem] = useState<Conversation | null>(null);
  const [error, setError] = useState('');
  const reload = async (): Promise<void> => {
    try {
      setItem(await get<Conversation>(`/api/inbox/${id}`));
    } catch (err) {
      setError(errorText(err));
    }
  };
  useEffect(() => void reload(), [id]);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!item) return <p>Loading…</p>;
  const m = item.mention;
  // The playbook follows the item's rank: a person's "not urgent" puts it away, like the badge.
  const playbook = item.urgent ? m.analysis?.playbook : null;
  const mayReply = can(session, 'inbox.reply');
  const run = async (action: string, extra: Record<string, unknown> = {}): Promise<void> => {
    if (await act(id, action, extra)) {
      await reload();
      onChanged();
    }
  };
  const who = (uid: string | null): string => members.find((x) => x.userId === uid)?.displayName ?? 'someone';

  return (
    <article class="conversation" aria-labelledby="conv-title">
      <Link class="back" href={backHref}>
        ← Back to the list
      </Link>
      <h2 id="conv-title">
        {m.author.displayName ?? m.author.handle} <span class="muted">@{m.author.handle}</span>
      </h2>
      <p class="meta">
        {stateLabel(item.status)} · {m.intents.map(stateLabel).join(', ') || 'no intent'} · {m.sentiment} · received {formatWhen(item.receivedAt)} · due {formatWhen(item.dueAt)}
        {item.assigneeId ? ` · assigned to ${who(item.assigneeId)}` : ''}
      </p>
      {playbook ? (
        <section class="playbook" aria-labelledby="playbook-title">
          <h3 id="playbook-title">Urgent: {stateLabel(playbook.kind)} playbook</h3>
          <ol>
            {playbook.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
          {playbook.escalateTo ? (
            <p>
              Escalate to <strong>{playbook.escalateTo.name}</strong>
              {playbook.escalateTo.role ? ` (${playbook.escalateTo.role})` : ''}
              {playbook.escalateTo.phone ? ` · ${playbook.escalateTo.phone}` : ''}
              {playbook.escalateTo.email ? ` · ${playbook.escalateTo.email}` : ''}
            </p>
          ) : null}
          <p>
            <strong>Public reply:</strong> {playbook.replyTemplate}
          </p>
          <p>
            <strong>Private message:</strong> {playbook.directMessageTemplate}
          </p>
        </section>
      ) : null}
      <h3>Thread</h3>
      <ol class="thread">
        {(item.conversation.length ? item.conversation : [m]).map((c) => (
          <li key={c.id} class={c.id === m.id ? 'this' : ''}>
            <p class="who">
              {c.author.displayName ?? c.author.handle} <span class="muted">@{c.author.handle} · {formatWhen(c.createdAt)}</span>
            </p>
            <p class="text">{c.text}</p>
            {c.url ? (
              <a href={c.url} target="_blank" rel="noreferrer noopener">
                Open on {c.network}
                <span class="sr-only"> (opens in a new tab)</span>
              </a>
            ) : null}
          </li>
        ))}
      </ol>
      {item.possiblyUrgent && ['new', 'assigned'].includes(item.status) ? (
        <section class="possibly-urgent-note" aria-labelledby="lane-title">
          <h3 id="lane-title">Possibly urgent</h3>
          <p>Triage could not rule out an emergency or a crisis. Read it now{mayReply ? ', then say which it is.' : '.'}</p>
          {mayReply ? (
            <div class="actions" role="group" aria-label="Triage">
              <button type="button" onClick={() => void run('mark_urgent')}>
                Mark urgent
              </button>
              <button type="button" onClick={() => void run('not_urgent')}>
                Not urgent
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
      {mayReply ? (
        <>
          <ReplyBox item={item} playbookReply={playbook?.replyTemplate} onSent={() => void reload().then(onChanged)} />
          <div class="actions" role="group" aria-label="Conversation actions">
            <button type="button" onClick={() => void run('assign', { assigneeId: session.userId })}>
              Assign to me
            </button>
            <AssignTo members={members} onAssign={(uid) => void run('assign', { assigneeId: uid })} />
            <button type="button" onClick={() => void run('move_offline')} disabled={!['new', 'assigned'].includes(item.status)}>
              Move offline
            </button>
            {item.urgent && ['new', 'assigned'].includes(item.status) ? (
              <button type="button" onClick={() => void run('not_urgent')}>
                Not urgent
              </button>
            ) : null}
            {!item.urgent && !item.possiblyUrgent && ['new', 'assigned'].includes(item.status) ? (
              <button type="button" onClick={() => void run('mark_urgent')}>
                Mark urgent
              </button>
            ) : null}
            <button type="button" onClick={() => void run('hide')}>
              Hide
            </button>
            {item.status === 'closed' ? (
              <button type="button" onClick={() => void run('reopen')}>
                Reopen
              </button>
            ) : (
              <button type="button" onClick={() => void run('close')}>
                Close
              </button>
            )}
          </div>
          <Notes item={item} members={members} onAdded={() => void reload()} />
        </>
      ) : (
        <p class="hint">Your role reads the inbox; editors and owners reply.</p>
      )}
    </article>
  );
}

function AssignTo({ members, onAssign }: { members: Member[]; onAssign: (userId: string) => void }): JSX.Element {
  const [to, setTo] = useState('');
  return (
    <span class="assign">
      <label for="assign-to" class="sr-only">
        Assign to
      </label>
      <select id="assign-to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
        <option value="">Assign to…</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.displayName}
          </option>
        ))}
      </select>
      <button type="button" disabled={!to} onClick={() => onAssign(to)}>
        Assign
      </button>
    </span>
  );
}

function ReplyBox({ item, playbookReply, onSent }: { item: Conversation; playbookReply: string | undefined; onSent: () => void }): JSX.Element {
  const [text, setText, clear] = useDraft(`reply-${item.id}`, '');
  const [error, setError] = useState('');
  const [blocked, setBlocked] = useState<{ findings: Finding[]; compliantReply: string } | null>(null);
  const [sent, setSent] = useState('');
  const [busy, setBusy] = useState(false);
  const check = useDebouncedCheck(text, (t) => post<ReplyCheck>(`/api/inbox/${item.id}/reply-check`, { text: t }), 350, text.trim().length > 0);
  const live = text.trim() ? check.result : undefined;
  const findings = live?.findings ?? blocked?.findings ?? [];
  const isBlocked = live ? live.blocked : Boolean(blocked);
  const compliant = live?.compliantReply ?? blocked?.compliantReply;

  const send = async (e: Event): Promise<void> => {
    e.preventDefault();
    const checked = validate(ReplyForm, { text });
    if (!checked.ok) return setError(checked.errors.text ?? 'Write a reply first');
    setError('');
    setBusy(true);
    try {
      await post(`/api/inbox/${item.id}/reply`, { text });
      clear();
      setBlocked(null);
      setSent('Reply sent.');
      onSent();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PHI_BLOCKED') {
        const details = err.details as { findings: Finding[]; compliantReply: string };
        setBlocked(details);
        setError(`Not sent: ${err.message}`);
      } else setError(`Not sent: ${errorText(err)} Your reply is kept.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="reply" onSubmit={(e) => void send(e)} noValidate aria-labelledby="reply-title">
      <h3 id="reply-title">Reply publicly</h3>
      <Field id="reply-text" label={`Reply to @${item.mention.author.handle}`} hint="The PHI guard checks your reply as you type." error={error || undefined}>
        {(a) => <textarea {...a} rows={4} value={text} onInput={(e) => { setText(e.currentTarget.value); setSent(''); }} onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()} />}
      </Field>
      <div aria-live="polite" class="guard">
        {text.trim() && live ? (
          isBlocked ? (
            <p class="guard-blocked">The PHI guard blocks this reply: it may confirm someone is a patient or repeat health details.</p>
          ) : findings.length ? (
            <p class="guard-warn">The PHI guard has notes on this reply.</p>
          ) : (
            <p class="guard-ok">The PHI guard found nothing to fix.</p>
          )
        ) : null}
        <Findings findings={findings} text={text} label="PHI guard findings" />
        {isBlocked && compliant ? (
          <div class="compliant">
            <p>
              <strong>Compliant reply:</strong> {compliant}
            </p>
            <button type="button" onClick={() => setText(compliant)}>
              Use the compliant reply
            </button>
          </div>
        ) : null}
      </div>
      {sent ? <Notice kind="ok">{sent}</Notice> : null}
      <div class="actions">
        <button class="primary" type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send reply'}
        </button>
        {playbookReply ? (
          <button type="button" onClick={() => setText(playbookReply)}>
            Use the playbook reply
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Notes({ item, members, onAdded }: { item: Conversation; members: Member[]; onAdded: () => void }): JSX.Element {
  const [body, setBody, clear] = useDraft(`note-${item.id}`, '');
  const [error, setError] = useState('');
  const add = async (e: Event): Promise<void> => {
    e.preventDefault();
    const checked = validate(NoteForm, { body });
    if (!checked.ok) return setError(checked.errors.body ?? '');
    setError('');
    try {
      await post(`/api/inbox/${item.id}/notes`, checked.data);
      clear();
      onAdded();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section class="notes" aria-labelledby="notes-title">
      <h3 id="notes-title">Internal notes</h3>
      {item.notes.length ? (
        <ul>
          {item.notes.map((n) => (
            <li key={n.id}>
              <span class="muted">{members.find((m) => m.userId === n.authorId)?.displayName ?? 'someone'} · {formatWhen(n.createdAt)}:</span> {n.body}
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">No notes yet. Notes stay inside Bedside; they are never sent.</p>
      )}
      <form onSubmit={(e) => void add(e)} noValidate>
        <Field id="note-body" label="Add a note" error={error || undefined}>
          {(a) => <textarea {...a} rows={2} value={body} onInput={(e) => setBody(e.currentTarget.value)} />}
        </Field>
        <button type="submit">Add note</button>
      </form>
    </section>
  );
}
