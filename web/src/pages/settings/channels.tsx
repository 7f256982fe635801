/**
 * Connected channels: status (with the reason when something is wrong), which one is primary, how
 * to connect one, and how to resume a paused one (with new credentials when the network refused them).
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, post } from '../../api.ts';
import { resumeFormField, serverFieldErrors } from '../../form-fields.ts';
import { Link } from '../../router.tsx';
import { ResumeForm, validate } from '../../schemas.ts';
import { can, useSession } from '../../session.ts';
import type { Channel } from '../../types.ts';
import { Field, Notice } from '../../ui.tsx';

const STATUS: Record<string, string> = { active: 'connected', paused: 'paused', auth_revoked: 'credentials refused', disconnected: 'disconnected' };

/** The secret a network needs again when it refused the stored one (the other credential fields are kept). */
const SECRET: Record<string, { name: string; label: string; hint: string; missing: string }> = {
  bluesky: { name: 'appPassword', label: 'New app password', hint: 'Create one in Bluesky: Settings → Privacy and security → App passwords.', missing: 'Paste a new Bluesky app password' },
  mastodon: { name: 'accessToken', label: 'New access token', hint: 'Create one on your instance: Preferences → Development → New application (scopes read, write).', missing: 'Paste a new Mastodon access token' },
};
const OTHER_SECRET = { name: 'password', label: 'New password', hint: 'The network refused the stored one.', missing: 'Enter the new credentials' };

type Resumed = Channel & { resumedPosts: number };

export function ChannelSettings(): JSX.Element {
  const session = useSession();
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [error, setError] = useState('');
  const [resumed, setResumed] = useState<Record<string, number>>({});
  const load = (): void => {
    get<{ channels: Channel[] }>('/api/channels')
      .then((r) => setChannels(r.channels))
      .catch((err) => setError(errorText(err)));
  };
  useEffect(load, []);
  const onResumed = (r: Resumed): void => {
    setResumed({ ...resumed, [r.id]: r.resumedPosts });
    setChannels((channels ?? []).map((c) => (c.id === r.id ? r : c)));
  };
  return (
    <section class="card" aria-labelledby="channels-title">
      <h2 id="channels-title">Channels</h2>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {channels === null && !error ? <p>Loading…</p> : null}
      {channels?.length === 0 ? <p class="empty">No channel yet.</p> : null}
      <ul class="channel-list">
        {(channels ?? []).map((c) => (
          <li key={c.id} class={`channel status-${c.status}`}>
            <p class="channel-name">
              <strong>{c.displayName ?? c.handle}</strong> <span class="muted">
                {c.network} · {c.handle}
              </span>{' '}
              {c.primary ? <span class="badge badge-primary">primary</span> : null}
            </p>
            <p class="meta">
              Status: <span class={`badge status-badge-${c.status}`}>{STATUS[c.status] ?? c.status.replace(/_/g, ' ')}</span>
            </p>
            {c.status !== 'active' && c.statusReason ? <p class="channel-reason">Why: {c.statusReason}</p> : null}
            {resumed[c.id] !== undefined ? (
              <Notice kind="ok">
                Publishing resumed on {c.handle}. {queuedText(resumed[c.id]!)}
              </Notice>
            ) : null}
            {(c.status === 'paused' || c.status === 'auth_revoked') && can(session, 'channels.manage') ? <Resume channel={c} onResumed={onResumed} /> : null}
          </li>
        ))}
      </ul>
      {can(session, 'channels.manage') ? (
        <p class="actions">
          <Link class="button" href="/setup/channel">
            Connect a channel
          </Link>
        </p>
      ) : null}
      <p class="hint">
        Start small: a second channel is accepted once the primary one is mastered — see the checks on the <Link href="/">dashboard</Link>.
      </p>
    </section>
  );
}

function queuedText(n: number): string {
  if (n === 0) return 'No post was waiting.';
  return n === 1 ? '1 queued post is going out now.' : `${n} queued posts are going out now.`;
}

/**
 * A paused channel resumes with its stored credentials; one whose credentials were refused needs a
 * new secret, which the server checks with the network before anything is stored.
 */
function Resume({ channel, onResumed }: { channel: Channel; onResumed: (r: Resumed) => void }): JSX.Element {
  const revoked = channel.status === 'auth_revoked';
  const secret = SECRET[channel.network] ?? OTHER_SECRET;
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `resume-${channel.id}`;

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setMessage('');
    let body: { credentials?: Record<string, string> } = {};
    if (revoked) {
      const checked = validate(ResumeForm(secret.missing), { secret: value });
      if (!checked.ok) {
        setFieldError(checked.errors.secret ?? secret.missing);
        return;
      }
      body = { credentials: { [secret.name]: checked.data.secret } };
    }
    setFieldError('');
    setBusy(true);
    try {
      const r = await post<Resumed>(`/api/channels/${channel.id}/resume`, body);
      setValue('');
      onResumed(r);
    } catch (err) {
      // The network still refuses (`credentials`), or the secret itself was refused (`credentials.<name>`): next to the field.
      const fields = revoked ? serverFieldErrors(err, resumeFormField) : undefined;
      if (fields?.secret) setFieldError(fields.secret);
      else setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="resume" onSubmit={(e) => void submit(e)} noValidate aria-label={`Resume ${channel.handle}`}>
      {revoked ? (
        <Field id={`${id}-secret`} label={`${secret.label} for ${channel.handle}`} hint={secret.hint} error={fieldError}>
          {(a) => <input {...a} type="password" autocomplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} />}
        </Field>
      ) : (
        <p class="hint">Posts for this channel wait instead of failing. Resume when the network works again; Bedside checks with the network first.</p>
      )}
      {message ? <Notice kind="error">{message}</Notice> : null}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Checking…' : revoked ? 'Check and resume' : 'Resume publishing'}
        <span class="sr-only"> on {channel.handle}</span>
      </button>
    </form>
  );
}
