/**
 * Listening: what the audience talks about (topics, questions, spikes) with post ideas, saved queries
 * with live validation and what each matched, and where mentions come from (Mastodon hashtags among
 * them) with each source's health.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, errorText, get, post } from '../api.ts';
import { useDebouncedCheck } from '../debounce.ts';
import { useDraft } from '../drafts.ts';
import { hashtagFormField, listeningQueryFormField, serverFieldErrors } from '../form-fields.ts';
import { Link, navigate } from '../router.tsx';
import { HashtagForm, ListeningQueryForm, validate, type FieldErrors } from '../schemas.ts';
import { can, useSession } from '../session.ts';
import type { AudienceTopics, Channel, Mention, Source } from '../types.ts';
import { Field, formatWhen, Notice, PageTitle } from '../ui.tsx';

interface Query {
  id: string;
  name: string;
  query: string;
}
interface Validation {
  ok: boolean;
  message?: string;
  column?: number;
  pointer?: string;
}

export function ListeningPage(): JSX.Element {
  const session = useSession();
  const [queries, setQueries] = useState<Query[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [mentions, setMentions] = useState<Mention[] | null>(null);
  const [form, setForm, clear] = useDraft('listening-query', { name: '', query: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const load = (): void => void get<{ queries: Query[] }>('/api/listening/queries').then((r) => setQueries(r.queries));
  useEffect(load, []);
  useEffect(() => {
    if (!selected) return;
    setMentions(null);
    void get<{ mentions: Mention[] }>(`/api/listening/queries/${selected}/mentions?limit=50`).then((r) => setMentions(r.mentions));
  }, [selected]);
  const validation = useDebouncedCheck(form.query, (q) => post<Validation>('/api/listening/validate', { query: q }), 300, form.query.trim().length > 0);
  const live = form.query.trim() ? validation.result : undefined;

  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    const checked = validate(ListeningQueryForm, form);
    const errs: FieldErrors = checked.ok ? {} : { ...checked.errors };
    // A syntax error the live check (the server's parser, with its column pointer) already found stops the save too.
    if (!errs.query && live && !live.ok) errs.query = live.message ?? 'The query has an error';
    setErrors(errs);
    if (!checked.ok || Object.keys(errs).length) return;
    try {
      await post('/api/listening/queries', checked.data);
      clear();
      setMessage('');
      load();
    } catch (err) {
      const fields = serverFieldErrors(err, listeningQueryFormField);
      if (fields) setErrors(fields);
      else setMessage(errorText(err));
    }
  };

  return (
    <div class="listening">
      <PageTitle title="Listening">Listening</PageTitle>
      <Topics />
      {can(session, 'workspace.manage') ? (
        <section class="card" aria-labelledby="new-query">
          <h2 id="new-query">New query</h2>
          <form onSubmit={(e) => void save(e)} noValidate>
            <Field id="query-name" label="Name" error={errors.name}>
              {(a) => <input {...a} value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />}
            </Field>
            <Field id="query-text" label="Query" hint={'Words, "phrases", AND / OR / NOT, parentheses, NEAR/3, author:, lang:'} error={errors.query}>
              {(a) => <input {...a} value={form.query} spellcheck={false} onInput={(e) => setForm({ ...form, query: e.currentTarget.value })} />}
            </Field>
            <div aria-live="polite" class="guard">
              {live ? (
                live.ok ? (
                  <p class="guard-ok">The query is valid.</p>
                ) : (
                  <div class="guard-blocked">
                    <p>{live.message}</p>
                    {live.pointer ? <pre aria-hidden="true">{`${form.query}\n${live.pointer}`}</pre> : null}
                  </div>
                )
              ) : null}
            </div>
            {message ? <Notice kind="error">{message}</Notice> : null}
            <button type="submit" class="primary">
              Save query
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="queries-title">
        <h2 id="queries-title">Saved queries</h2>
        {queries.length === 0 ? <p class="empty">No queries yet.</p> : null}
        <ul class="query-list">
          {queries.map((q) => (
            <li key={q.id}>
              <button type="button" aria-pressed={selected === q.id} onClick={() => setSelected(q.id)}>
                {q.name}
              </button>{' '}
              <code>{q.query}</code>
            </li>
          ))}
        </ul>
      </section>
      {selected ? (
        <section aria-labelledby="matches-title">
          <h2 id="matches-title">Matched mentions</h2>
          {mentions === null ? <p>Loading…</p> : mentions.length === 0 ? <p class="empty">Nothing matched yet.</p> : null}
          <ul class="thread">
            {(mentions ?? []).map((m) => (
              <li key={m.id}>
                <p class="who">
                  @{m.author.handle} <span class="muted">· {formatWhen(m.createdAt)} · {m.sentiment}</span>
                </p>
                <p class="text">{m.text}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Sources queries={queries} />
    </div>
  );
}

const TOPIC_DAYS = 7;

/** A starting text for a post; it names the topic, never quotes a mention (which may carry someone's health details). */
export function postIdea(kind: 'question' | 'term' | 'spike', terms: readonly string[]): string {
  const about = terms.slice(0, 3).join(', ');
  if (kind === 'question') return `Many of you have asked about ${about}. Here is what to know: `;
  if (kind === 'spike') return `A lot of you are talking about ${about} right now. `;
  return `Let's talk about ${about}: `;
}

function IdeaButton({ kind, terms, label }: { kind: 'question' | 'term' | 'spike'; terms: readonly string[]; label: string }): JSX.Element {
  const session = useSession();
  if (!can(session, 'posts.draft')) return <></>;
  return (
    <button type="button" class="small" onClick={() => navigate(`/compose?idea=${encodeURIComponent(postIdea(kind, terms))}`)}>
      Turn into a post idea<span class="sr-only">: {label}</span>
    </button>
  );
}

/** The query that finds a topic's mentions again: each term as a phrase, all of them required. */
export function topicQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '')}"`).join(' AND ');
}

/** A few of the mentions behind a topic, fetched when the reader opens the list. */
function Examples({ count, terms }: { count: number; terms: readonly string[] }): JSX.Element | null {
  const [mentions, setMentions] = useState<Mention[] | null>(null);
  const [error, setError] = useState('');
  if (count === 0 || terms.length === 0) return null;
  const load = (open: boolean): void => {
    if (!open || mentions !== null) return;
    get<{ mentions: Mention[] }>(`/api/mentions/search?q=${encodeURIComponent(topicQuery(terms))}&limit=3`)
      .then((r) => setMentions(r.mentions))
      .catch((err) => setError(errorText(err)));
  };
  return (
    <details onToggle={(e) => load((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Example mentions ({count})</summary>
      {error ? <p class="field-error">{error}</p> : mentions === null ? <p>Loading…</p> : mentions.length === 0 ? <p class="empty">No longer found.</p> : null}
      <ul class="examples">
        {(mentions ?? []).map((m) => (
          <li key={m.id}>
            <span class="who">@{m.author.handle}</span>: {m.text}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Topics(): JSX.Element {
  const [topics, setTopics] = useState<AudienceTopics | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const to = new Date();
    const from = new Date(to.getTime() - TOPIC_DAYS * 86_400_000);
    get<AudienceTopics>(`/api/listening/topics?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`)
      .then(setTopics)
      .catch((err) => setError(errorText(err)));
  }, []);
  const spikes = topics ? [...topics.emerging.hour.map((t) => ({ ...t, window: 'the last hour' })), ...topics.emerging.day.map((t) => ({ ...t, window: 'the last day' }))] : [];
  return (
    <section aria-labelledby="topics-title" class="topics">
      <h2 id="topics-title">What your audience talks about</h2>
      <p class="hint">Mentions of the last {TOPIC_DAYS} days. A spike is a term mentioned far more than usual (last hour against the 12 before, last day against the 14 before).</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {topics === null && !error ? <p>Loading…</p> : null}
      {topics ? (
        <div class="topic-grid">
          <div class="card">
            <h3>Spikes</h3>
            {spikes.length === 0 ? <p class="empty">Nothing unusual right now.</p> : null}
            <ul class="topic-list">
              {spikes.map((t) => (
                <li key={`${t.window}-${t.term}`}>
                  <p>
                    <strong>{t.term}</strong>: {t.current} mentions in {t.window}, usually {Math.round(t.baselineMean * 10) / 10}
                  </p>
                  <Examples count={t.examples.length} terms={[t.term]} />
                  <IdeaButton kind="spike" terms={[t.term]} label={t.term} />
                </li>
              ))}
            </ul>
          </div>
          <div class="card">
            <h3>Questions people ask</h3>
            {topics.topQuestions.length === 0 ? <p class="empty">No questions this week.</p> : null}
            <ul class="topic-list">
              {topics.topQuestions.map((q) => (
                <li key={q.question}>
                  <p>
                    <strong>{q.terms.length ? q.terms.join(', ') : 'a question'}</strong>: asked {q.count === 1 ? 'once' : `${q.count} times`}
                  </p>
                  <Examples count={q.examples.length} terms={q.terms} />
                  <IdeaButton kind="question" terms={q.terms.length ? q.terms : [q.question]} label={q.terms.join(', ')} />
                </li>
              ))}
            </ul>
          </div>
          <div class="card">
            <h3>Top terms</h3>
            {topics.topTerms.length === 0 ? <p class="empty">No mentions in these days yet.</p> : null}
            <ol class="topic-list">
              {topics.topTerms.slice(0, 10).map((t) => (
                <li key={t.term}>
                  <p>
                    <strong>{t.term}</strong>: in {t.count} {t.count === 1 ? 'mention' : 'mentions'}
                  </p>
                  <Examples count={t.examples.length} terms={[t.term]} />
                  <IdeaButton kind="term" terms={[t.term]} label={t.term} />
                </li>
              ))}
            </ol>
          </div>
        </div>
      ) : null}
    </section>
  );
}

const KIND: Record<string, string> = { channel_notifications: 'Channel notifications', query_search: 'Query search', feed: 'Feed', mastodon_hashtag: 'Mastodon hashtag' };

/** Where mentions come from and whether each source is read without trouble; hashtags are added and removed here. */
function Sources({ queries }: { queries: Query[] }): JSX.Element {
  const session = useSession();
  const manage = can(session, 'workspace.manage');
  const [sources, setSources] = useState<Source[] | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [tag, setTag, clearTag] = useDraft('listening-hashtag', '');
  const [tagError, setTagError] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = (): void => {
    get<{ sources: Source[] }>('/api/sources')
      .then((r) => setSources(r.sources))
      .catch((err) => setMessage({ kind: 'error', text: errorText(err) }));
  };
  useEffect(() => {
    load();
    void get<{ channels: Channel[] }>('/api/channels').then((r) => setChannels(r.channels));
  }, []);
  const hasMastodon = channels.some((c) => c.network === 'mastodon' && c.status === 'active');
  const name = (s: Source): string => {
    if (s.kind === 'mastodon_hashtag') return `#${s.ref}`;
    if (s.kind === 'channel_notifications') return channels.find((c) => c.id === s.ref)?.handle ?? 'a channel';
    if (s.kind === 'query_search') return queries.find((q) => q.id === s.ref)?.name ?? 'a saved query';
    return s.ref;
  };

  const add = async (e: Event): Promise<void> => {
    e.preventDefault();
    setMessage(null);
    const checked = validate(HashtagForm, { tag });
    if (!checked.ok) return setTagError(checked.errors.tag ?? 'Enter a hashtag');
    setTagError('');
    setBusy(true);
    try {
      const added = await post<Source>('/api/sources/hashtags', { tag: checked.data.tag });
      clearTag();
      setMessage({ kind: 'ok', text: `Listening to #${added.ref} from its newest posts on.` });
      load();
    } catch (err) {
      const fields = serverFieldErrors(err, hashtagFormField);
      if (fields?.tag) setTagError(fields.tag);
      else setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (s: Source): Promise<void> => {
    setMessage(null);
    try {
      await api('DELETE', `/api/sources/${s.id}`);
      setMessage({ kind: 'ok', text: `Stopped listening to ${name(s)}. What it brought in stays.` });
      load();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <section class="card sources" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <p class="hint">Where mentions come from. An unhealthy source keeps what it already read and is tried again.</p>
      {manage ? (
        <form onSubmit={(e) => void add(e)} noValidate class="hashtag-form">
          <Field
            id="hashtag"
            label="Mastodon hashtag"
            hint={
              hasMastodon ? (
                'Its public posts are read through your Mastodon channel, from the newest on.'
              ) : (
                <>
                  Read through a Mastodon channel: <Link href="/setup/channel">connect one</Link>, or the source stays unhealthy until you do.
                </>
              )
            }
            error={tagError}
          >
            {(a) => <input {...a} value={tag} placeholder="#FluShot" spellcheck={false} onInput={(e) => setTag(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="primary" disabled={busy}>
            Listen to this hashtag
          </button>
        </form>
      ) : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {sources === null ? <p>Loading…</p> : sources.length === 0 ? <p class="empty">No source yet: connect a channel or add a hashtag.</p> : null}
      <ul class="source-list" aria-label="Sources and their health">
        {(sources ?? []).map((s) => (
          <li key={s.id} class={`source health-${s.health}`}>
            <p>
              <strong>{name(s)}</strong> <span class="muted">{KIND[s.kind] ?? s.kind}</span>{' '}
              <span class={`badge ${s.health === 'ok' ? 'badge-healthy' : 'badge-unhealthy'}`}>{s.health === 'ok' ? 'healthy' : 'unhealthy'}</span>
            </p>
            {s.health !== 'ok' && s.healthReason ? <p class="source-reason">Why: {s.healthReason}</p> : null}
            <p class="meta">{s.lastRunAt ? `Last read ${formatWhen(s.lastRunAt)}${s.lastOkAt && s.lastOkAt !== s.lastRunAt ? `; last worked ${formatWhen(s.lastOkAt)}` : ''}` : 'Not read yet'}</p>
            {manage && (s.kind === 'mastodon_hashtag' || s.kind === 'feed') ? (
              <button type="button" class="small" onClick={() => void remove(s)}>
                Stop listening<span class="sr-only"> to {name(s)}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
