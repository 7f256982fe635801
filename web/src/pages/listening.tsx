/** Listening: saved queries with live validation as you type, and what each matched. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorText, get, post } from '../api.ts';
import { useDebouncedCheck } from '../debounce.ts';
import { useDraft } from '../drafts.ts';
import { can, useSession } from '../session.ts';
import type { Mention } from '../types.ts';
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
  const [errors, setErrors] = useState<Record<string, string>>({});
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
    const errs: Record<string, string> = {};
    if (!form.name.trim()) errs.name = 'Name the query';
    if (!form.query.trim()) errs.query = 'Write the query';
    else if (live && !live.ok) errs.query = live.message ?? 'The query has an error';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await post('/api/listening/queries', form);
      clear();
      setMessage('');
      load();
    } catch (err) {
      if (err instanceof ApiError && err.field) setErrors({ [err.field]: err.message });
      else setMessage(errorText(err));
    }
  };

  return (
    <div class="listening">
      <PageTitle title="Listening">Listening</PageTitle>
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
    </div>
  );
}
