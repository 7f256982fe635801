/**
 * Write once for the chosen channels: per-network counters and findings as you type, then save,
 * submit for review, approve (reviewers) and schedule into the next planned slot or at a time.
 * Images are uploaded as they are picked and each needs its alt text.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, patch, post } from '../api.ts';
import { useDebouncedCheck } from '../debounce.ts';
import { useDraft } from '../drafts.ts';
import { composerFormField, serverFieldErrors } from '../form-fields.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { LocalTimeForm, PostForm, validate, type FieldErrors } from '../schemas.ts';
import { can, useSession } from '../session.ts';
import type { Channel, ComposerCheck, Post, PostState, Workspace } from '../types.ts';
import { Field, Findings, formatWhen, Notice, PageTitle, stateLabel } from '../ui.tsx';
import { findingFormKey, PartImages, type DraftImage } from './compose-images.tsx';

interface ComposeDraft {
  parts: Array<{ text: string; images?: DraftImage[] }>;
  channelIds: string[];
  postId: string | null;
  idempotencyKey: string;
}

const newDraft = (): ComposeDraft => ({ parts: [{ text: '' }], channelIds: [], postId: null, idempotencyKey: crypto.randomUUID() });

export function ComposePage(): JSX.Element {
  const session = useSession();
  const { query } = useLocation();
  const editing = query.get('post');
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [listVersion, setListVersion] = useState(0);
  useEffect(() => {
    void get<{ channels: Channel[] }>('/api/channels').then((r) => setChannels(r.channels));
    void get<Workspace>('/api/workspace').then(setWorkspace);
  }, []);
  return (
    <div class="compose">
      <PageTitle title="Compose">Compose</PageTitle>
      {can(session, 'posts.draft') ? (
        <Composer key={editing ?? 'new'} editing={editing} idea={editing ? null : query.get('idea')} channels={channels} workspace={workspace} onChanged={() => setListVersion((v) => v + 1)} />
      ) : (
        <p class="hint">Your role reviews posts: the ones waiting for you are below.</p>
      )}
      <PostList version={listVersion} channels={channels} zone={workspace?.timeZone} onChanged={() => setListVersion((v) => v + 1)} />
    </div>
  );
}

function Composer({ editing, idea, channels, workspace, onChanged }: { editing: string | null; idea: string | null; channels: Channel[]; workspace: Workspace | null; onChanged: () => void }): JSX.Element {
  const [draft, setDraft, clear] = useDraft<ComposeDraft>(editing ? `compose-${editing}` : 'compose', newDraft());
  // A post idea from listening (/compose?idea=…) starts an empty draft; an unsent draft is never overwritten unasked.
  const [ideaWaiting, setIdeaWaiting] = useState<string | null>(null);
  useEffect(() => {
    if (!idea) return;
    if (draft.parts.every((p) => !p.text.trim()) && !draft.postId) setDraft({ ...draft, parts: [{ text: idea }] });
    else if (!draft.parts.some((p) => p.text === idea)) setIdeaWaiting(idea);
  }, [idea]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [at, setAt] = useState('');

  // Open an existing post: its text, unless a newer local draft of it exists.
  useEffect(() => {
    if (!editing || draft.postId === editing) return;
    void get<Post>(`/api/posts/${editing}`).then((p) => setDraft({ parts: p.parts.map((x) => ({ text: x.text, images: (x.images ?? []).flatMap((i) => (i.mediaId ? [{ mediaId: i.mediaId, altText: i.altText }] : [])) })), channelIds: p.targets.map((t) => t.channelId), postId: p.id, idempotencyKey: draft.idempotencyKey }));
  }, [editing]);
  // A new draft starts on the primary channel (start small).
  useEffect(() => {
    if (!editing && channels.length > 0) {
      const primary = channels.find((c) => c.primary) ?? channels[0]!;
      // From the draft as it is now: text typed while the list loaded must stay.
      setDraft((current) => (current.channelIds.length === 0 ? { ...current, channelIds: [primary.id] } : current));
    }
  }, [channels]);

  const hasText = draft.parts.some((p) => p.text.trim());
  const check = useDebouncedCheck({ parts: bodyParts(draft), channelIds: draft.channelIds }, (body) => post<ComposerCheck>('/api/composer/check', body), 350, hasText && draft.channelIds.length > 0);
  const result = hasText ? check.result : undefined;

  const setPart = (i: number, text: string): void => setDraft({ ...draft, parts: draft.parts.map((p, j) => (j === i ? { ...p, text } : p)) });
  const setImages = (i: number, images: DraftImage[]): void => {
    setDraft({ ...draft, parts: draft.parts.map((p, j) => (j === i ? { ...p, images } : p)) });
    // An image removed or added shifts the numbering: the part's earlier image errors no longer apply.
    if (images.length !== (draft.parts[i]?.images?.length ?? 0)) setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith(`parts.${i}.images.`))));
  };
  // Alt-text findings show next to their field; the rest in the list under the parts.
  const findings = result?.findings ?? [];
  const generalFindings = findings.filter((f) => findingFormKey(f.field) === undefined);
  const toggleChannel = (id: string): void => setDraft({ ...draft, channelIds: draft.channelIds.includes(id) ? draft.channelIds.filter((c) => c !== id) : [...draft.channelIds, id] });

  /** Creates the post (once: the Idempotency-Key makes a retry safe) or saves its text. */
  const save = async (): Promise<Post | null> => {
    const checked = validate(PostForm, { parts: draft.parts.map((p) => ({ text: p.text, images: p.images ?? [] })), channelIds: draft.channelIds });
    if (!checked.ok) {
      setErrors(checked.errors);
      return null;
    }
    setErrors({});
    const parts = bodyParts(draft);
    if (draft.postId) return patch<Post>(`/api/posts/${draft.postId}`, { parts });
    const created = await post<Post>('/api/posts', { parts, channelIds: draft.channelIds }, { 'idempotency-key': draft.idempotencyKey });
    setDraft({ ...draft, postId: created.id });
    return created;
  };

  const run = async (label: string, then?: (p: Post) => Promise<Post>): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await save();
      if (!saved) return;
      const final = then ? await then(saved) : saved;
      onChanged();
      if (final.state === 'draft' && !then) {
        setMessage({ kind: 'ok', text: 'Draft saved.' });
        return;
      }
      clear();
      if (editing) navigate('/compose', true);
      setMessage({ kind: 'ok', text: final.state === 'scheduled' && final.scheduledAt ? `Scheduled for ${formatWhen(final.scheduledAt, workspace?.timeZone)}.` : `${label}: the post is ${stateLabel(final.state)}.` });
    } catch (err) {
      // A refused field (a part's text, an image's description: parts.0.images.1.altText) shows next to it too.
      const fields = serverFieldErrors(err, composerFormField);
      if (fields) setErrors(fields);
      setMessage({ kind: 'error', text: `${errorText(err)} Your text is kept.` });
    } finally {
      setBusy(false);
    }
  };

  const scheduleAt = (): void => {
    const checked = validate(LocalTimeForm, { localTime: at });
    if (!checked.ok) return setErrors({ localTime: checked.errors.localTime ?? '' });
    void run('Scheduled', (p) => post<Post>(`/api/posts/${p.id}/schedule`, checked.data));
  };

  return (
    <section class="card composer" aria-labelledby="composer-title">
      <h2 id="composer-title">{draft.postId ? 'Edit post' : 'New post'}</h2>
      {idea && !ideaWaiting && draft.parts[0]?.text === idea ? <Notice kind="info">Started from a listening idea: make it your own, and check it names no one.</Notice> : null}
      {ideaWaiting ? (
        <div class="notice notice-info" role="status">
          <p>You have an unsent draft, so the listening idea was not put in. The idea: “{ideaWaiting}”</p>
          <button
            type="button"
            onClick={() => {
              setDraft({ ...newDraft(), channelIds: draft.channelIds, parts: [{ text: ideaWaiting }] });
              setIdeaWaiting(null);
            }}
          >
            Replace the draft with the idea
          </button>
        </div>
      ) : null}
      <form onSubmit={(e) => { e.preventDefault(); void run('Saved'); }} noValidate>
        <fieldset aria-describedby={errors.channelIds ? 'compose-channels-error' : undefined}>
          <legend>Channels</legend>
          {channels.length === 0 ? (
            <p class="hint">
              No channel yet: <Link href="/setup/channel">connect one</Link>.
            </p>
          ) : (
            channels.map((c) => (
              <label class="inline" key={c.id}>
                <input type="checkbox" checked={draft.channelIds.includes(c.id)} onChange={() => toggleChannel(c.id)} disabled={Boolean(draft.postId)} /> {c.network}: {c.handle}
                {c.primary ? ' (primary)' : ''}
              </label>
            ))
          )}
          {errors.channelIds ? (
            <p class="field-error" id="compose-channels-error">
              {errors.channelIds}
            </p>
          ) : null}
        </fieldset>
        {draft.parts.map((p, i) => (
          <div class="part" key={i}>
            <Field id={`part-${i}`} label={draft.parts.length > 1 ? `Part ${i + 1} of the thread` : 'Text'} error={errors[`parts.${i}.text`]}>
              {(a) => <textarea {...a} rows={5} value={p.text} onInput={(e) => setPart(i, e.currentTarget.value)} />}
            </Field>
            <PartImages part={i} partLabel={draft.parts.length > 1 ? `part ${i + 1}` : null} images={p.images ?? []} errors={errors} findings={findings} disabled={busy} onChange={(images) => setImages(i, images)} />
            {draft.parts.length > 1 ? (
              <button type="button" class="link" onClick={() => setDraft({ ...draft, parts: draft.parts.filter((_, j) => j !== i) })}>
                Remove part {i + 1}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" onClick={() => setDraft({ ...draft, parts: [...draft.parts, { text: '' }] })}>
          Add a part (thread)
        </button>
        <div class="checks" aria-live="polite">
          {result ? (
            <ul class="counters" aria-label="Length per network">
              {Object.entries(result.perNetwork).map(([network, n]) => (
                <li key={network} class={n.remaining < 0 ? 'over' : ''}>
                  {network}: {n.length} / {n.limit} ({n.remaining >= 0 ? `${n.remaining} left` : `${-n.remaining} too many`})
                </li>
              ))}
            </ul>
          ) : null}
          {result ? <Findings findings={generalFindings} label="Checks on this draft" /> : null}
          {result && !result.blocked && result.findings.length === 0 ? <p class="guard-ok">No findings.</p> : null}
          {generalFindings.length < findings.length ? <p class="hint">Alt text needs attention: see the image{findings.length - generalFindings.length > 1 ? 's' : ''} above.</p> : null}
        </div>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        <div class="actions">
          <button type="submit" disabled={busy}>
            Save draft
          </button>
          <button type="button" class="primary" disabled={busy} onClick={() => void run('Submitted', (p) => (p.state === 'draft' ? post<Post>(`/api/posts/${p.id}/submit`) : Promise.resolve(p)))}>
            Submit for review
          </button>
          <button type="button" disabled={busy} onClick={() => void run('Scheduled', (p) => post<Post>(`/api/posts/${p.id}/schedule`, { slot: 'next' }))}>
            Schedule in the next open slot
          </button>
        </div>
        <div class="schedule-at">
          <Field id="schedule-at" label={`Or schedule at (${workspace?.timeZone ?? 'workspace time'})`} error={errors.localTime}>
            {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
          </Field>
          <button type="button" disabled={busy} onClick={scheduleAt}>
            Schedule at this time
          </button>
        </div>
        {workspace?.settings.approvalRequired ? <p class="hint">This workspace needs a reviewer’s approval before a post is scheduled.</p> : null}
      </form>
    </section>
  );
}

/** The parts as the API takes them: text and the images' media ids with their alt text (the previews stay here). */
function bodyParts(draft: ComposeDraft): Array<{ text: string; images?: Array<{ mediaId: string; altText: string }> }> {
  return draft.parts.map((p) => (p.images?.length ? { text: p.text, images: p.images.map((i) => ({ mediaId: i.mediaId, altText: i.altText })) } : { text: p.text }));
}

const TABS: Array<{ label: string; states: PostState[] }> = [
  { label: 'Needs review', states: ['in_review'] },
  { label: 'Drafts', states: ['draft'] },
  { label: 'Approved', states: ['approved'] },
  { label: 'Scheduled', states: ['scheduled'] },
  { label: 'Sent', states: ['publishing', 'published', 'partially_published', 'failed'] },
];

function PostList({ version, channels, zone, onChanged }: { version: number; channels: Channel[]; zone: string | undefined; onChanged: () => void }): JSX.Element {
  const session = useSession();
  const [tab, setTab] = useState(can(session, 'posts.approve') && !can(session, 'posts.draft') ? 0 : 1);
  const [posts, setPosts] = useState<Post[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const states = TABS[tab]!.states.join(',');
  const url = (after?: string): string => `/api/posts?state=${states}&limit=20${after ? `&after=${encodeURIComponent(after)}` : ''}`;
  useEffect(() => {
    void get<{ posts: Post[]; nextCursor: string | null }>(url()).then((r) => {
      setPosts(r.posts);
      setCursor(r.nextCursor);
    });
  }, [states, version]);

  const act = async (p: Post, action: string, body?: unknown): Promise<void> => {
    try {
      const after = await post<Post>(`/api/posts/${p.id}/${action}`, body);
      setMessage({ kind: 'ok', text: after.state === 'scheduled' && after.scheduledAt ? `Scheduled for ${formatWhen(after.scheduledAt, zone)}.` : `The post is now ${stateLabel(after.state)}.` });
      onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    }
  };
  const handle = (id: string): string => channels.find((c) => c.id === id)?.handle ?? 'a channel';

  return (
    <section class="posts" aria-labelledby="posts-title">
      <h2 id="posts-title">Posts</h2>
      <div class="tabs" role="group" aria-label="Show posts">
        {TABS.map((t, i) => (
          <button key={t.label} type="button" aria-pressed={i === tab} onClick={() => setTab(i)}>
            {t.label}
          </button>
        ))}
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {posts.length === 0 ? <p class="empty">No posts here.</p> : null}
      <ul class="post-list">
        {posts.map((p) => {
          const mine = p.authorId === session.userId;
          return (
            <li key={p.id} class="post-row">
              <p class="text">{p.parts[0]?.text}</p>
              <p class="meta">
                <span class={`badge state-${p.state}`}>{stateLabel(p.state)}</span> · {p.targets.map((t) => handle(t.channelId)).join(', ')}
                {p.scheduledAt ? ` · ${formatWhen(p.scheduledAt, zone)}` : ''}
                {p.parts.length > 1 ? ` · thread of ${p.parts.length}` : ''}
              </p>
              <div class="actions">
                {p.state === 'in_review' && can(session, 'posts.approve') && !mine ? (
                  <>
                    <button type="button" class="primary" onClick={() => void act(p, 'approve', {})}>
                      Approve
                    </button>
                    <RequestChanges onSend={(comment) => void act(p, 'request-changes', { comment })} />
                  </>
                ) : null}
                {p.state === 'in_review' && mine && can(session, 'posts.approve') ? <span class="hint">Another reviewer approves your own posts.</span> : null}
                {can(session, 'posts.draft') && ['draft', 'in_review', 'approved', 'scheduled'].includes(p.state) ? (
                  <Link class="button" href={`/compose?post=${p.id}`}>
                    Edit
                  </Link>
                ) : null}
                {p.state === 'draft' && can(session, 'posts.draft') ? (
                  <button type="button" onClick={() => void act(p, 'submit')}>
                    Submit for review
                  </button>
                ) : null}
                {p.state === 'approved' && can(session, 'posts.draft') ? (
                  <button type="button" onClick={() => void act(p, 'schedule', { slot: 'next' })}>
                    Schedule in the next open slot
                  </button>
                ) : null}
                {p.state === 'scheduled' && can(session, 'posts.draft') ? (
                  <button type="button" onClick={() => void act(p, 'unschedule')}>
                    Unschedule
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {cursor ? (
        <button
          type="button"
          onClick={() =>
            void get<{ posts: Post[]; nextCursor: string | null }>(url(cursor)).then((r) => {
              setPosts([...posts, ...r.posts]);
              setCursor(r.nextCursor);
            })
          }
        >
          Load more
        </button>
      ) : null}
    </section>
  );
}

function RequestChanges({ onSend }: { onSend: (comment: string) => void }): JSX.Element {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Request changes
      </button>
    );
  return (
    <span class="request-changes">
      <label>
        What should change?
        <input value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <button type="button" disabled={!comment.trim()} onClick={() => onSend(comment.trim())}>
        Send back
      </button>
    </span>
  );
}
