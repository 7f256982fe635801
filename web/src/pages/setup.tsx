/**
 * First run, one step at a time: the owner and the workspace, one channel (start small), the
 * posting plan. Each step has its own address, so a reload carries on where it was.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { errorText, get, patch, post, put } from '../api.ts';
import { clearDraft, useDraft } from '../drafts.ts';
import { channelFormField, planFormField, serverFieldErrors, setupFormField } from '../form-fields.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { ChannelForm, PlanForm, SetupForm, validate, WEEKDAYS, type FieldErrors } from '../schemas.ts';
import type { Channel, Session, Workspace } from '../types.ts';
import { Field, Notice, PageTitle, timeZones } from '../ui.tsx';

const STEPS = [
  { path: '/setup', label: 'You and your workspace' },
  { path: '/setup/channel', label: 'One channel' },
  { path: '/setup/plan', label: 'Posting plan' },
  { path: '/setup/done', label: 'Done' },
];

export function Setup({ session, onSignedIn }: { session: Session | null; onSignedIn: (s: Session) => void }): JSX.Element {
  const { path, query } = useLocation();
  const step = STEPS.findIndex((s) => s.path === path);
  useEffect(() => {
    if (path === '/setup' && session && !query.get('token')) navigate('/setup/channel', true);
  }, [path, session]);
  let body: JSX.Element;
  if (!session) body = <OwnerStep token={query.get('token') ?? ''} onSignedIn={onSignedIn} />;
  else if (path === '/setup/plan') body = <PlanStep />;
  else if (path === '/setup/done') body = <DoneStep />;
  else body = <ChannelStep />;
  return (
    <main id="main" class="narrow">
      <p class="brand-large">Bedside</p>
      <ol class="steps" aria-label="Setup steps">
        {STEPS.map((s, i) => (
          <li key={s.path} aria-current={i === Math.max(step, 0) ? 'step' : undefined} class={i < step ? 'done' : ''}>
            {s.label}
          </li>
        ))}
      </ol>
      {body}
    </main>
  );
}

function OwnerStep({ token, onSignedIn }: { token: string; onSignedIn: (s: Session) => void }): JSX.Element {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [form, setForm] = useDraft('setup', { workspaceName: '', timeZone: browserZone, displayName: '', email: '' });
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const allZones = useMemo(timeZones, []);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });

  if (!token) {
    return (
      <section class="card">
        <PageTitle title="Setup">Set up Bedside</PageTitle>
        <Notice kind="error">This page needs the one-time setup link that Bedside printed when it started (it ends in ?token=…).</Notice>
        <p>
          Already set up? <Link href="/">Sign in</Link>.
        </p>
      </section>
    );
  }

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const checked = validate(SetupForm, { ...form, password });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setMessage('');
    setBusy(true);
    try {
      const session = await post<Session>('/api/setup', { ...checked.data, token });
      clearDraft('setup');
      onSignedIn(session);
      navigate('/setup/channel', true);
    } catch (err) {
      const fields = serverFieldErrors(err, setupFormField);
      if (fields) setErrors(fields);
      else setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <PageTitle title="Create your workspace">Create your workspace</PageTitle>
      <p>You will be its owner. Everything else can be changed later in Settings.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="setup-workspace" label="Workspace name" hint="Your hospital, clinic or team" error={errors.workspaceName}>
          {(a) => <input {...a} value={form.workspaceName} onInput={set('workspaceName')} autocomplete="organization" />}
        </Field>
        <Field id="setup-zone" label="Time zone" hint="Posting plans and business hours use it" error={errors.timeZone}>
          {(a) => (
            <select {...a} value={form.timeZone} onChange={set('timeZone')}>
              {allZones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="setup-name" label="Your name" error={errors.displayName}>
          {(a) => <input {...a} value={form.displayName} onInput={set('displayName')} autocomplete="name" />}
        </Field>
        <Field id="setup-email" label="Your email" error={errors.email}>
          {(a) => <input {...a} type="email" value={form.email} onInput={set('email')} autocomplete="username" />}
        </Field>
        <Field id="setup-password" label="Password" hint="12 characters or more" error={errors.password}>
          {(a) => <input {...a} type="password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} autocomplete="new-password" />}
        </Field>
        {message ? <Notice kind="error">{message}</Notice> : null}
        <button class="primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create workspace'}
        </button>
      </form>
    </section>
  );
}

function ChannelStep(): JSX.Element {
  const [form, setForm] = useDraft('setup-channel', { handle: '', serviceUrl: '' });
  const [appPassword, setAppPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const checked = validate(ChannelForm, { ...form, appPassword });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setMessage('');
    setBusy(true);
    try {
      const { handle, appPassword: pw, serviceUrl } = checked.data;
      const channel = await post<Channel>('/api/channels', { network: 'bluesky', handle, credentials: { appPassword: pw, ...(serviceUrl ? { serviceUrl } : {}) } });
      clearDraft('setup-channel');
      navigate(`/setup/plan?channel=${channel.id}`);
    } catch (err) {
      const fields = serverFieldErrors(err, channelFormField);
      if (fields) setErrors(fields);
      else setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <PageTitle title="Connect one channel">Connect one channel</PageTitle>
      <p class="lead">
        <strong>Start small: one channel first.</strong> Master one network (posting on plan, answering every mention) before you add a second.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>Network</legend>
          <label class="inline">
            <input type="radio" name="network" value="bluesky" checked /> Bluesky
          </label>
        </fieldset>
        <Field id="channel-handle" label="Bluesky handle" hint="e.g. riverside.bsky.social" error={errors.handle}>
          {(a) => <input {...a} value={form.handle} onInput={(e) => setForm({ ...form, handle: e.currentTarget.value })} autocomplete="off" spellcheck={false} />}
        </Field>
        <Field id="channel-app-password" label="App password" hint="In Bluesky: Settings → Privacy and security → App passwords. Never your main password." error={errors.appPassword}>
          {(a) => <input {...a} type="password" value={appPassword} onInput={(e) => setAppPassword(e.currentTarget.value)} autocomplete="off" />}
        </Field>
        <details>
          <summary>Your own Bluesky server (optional)</summary>
          <Field id="channel-service" label="Server address" hint="Leave empty for bsky.social" error={errors.serviceUrl}>
            {(a) => <input {...a} type="url" value={form.serviceUrl} onInput={(e) => setForm({ ...form, serviceUrl: e.currentTarget.value })} placeholder="https://bsky.social" />}
          </Field>
        </details>
        {message ? <Notice kind="error">{message}</Notice> : null}
        <button class="primary" type="submit" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect channel'}
        </button>
      </form>
    </section>
  );
}

const DAY_NAMES: Record<(typeof WEEKDAYS)[number], string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

function PlanStep(): JSX.Element {
  const { query } = useLocation();
  const [channelId, setChannelId] = useState(query.get('channel') ?? '');
  const [days, setDays] = useState<string[]>(['TU', 'TH']);
  const [time, setTime] = useState('10:00');
  const [approval, setApproval] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!channelId) void get<{ channels: Channel[] }>('/api/channels').then((r) => setChannelId(r.channels.find((c) => c.primary)?.id ?? r.channels[0]?.id ?? ''));
    void get<Workspace>('/api/workspace').then((w) => setApproval(w.settings.approvalRequired));
  }, []);

  const toggle = (d: string): void => setDays(days.includes(d) ? days.filter((x) => x !== d) : WEEKDAYS.filter((x) => x === d || days.includes(x)));

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const checked = validate(PlanForm, { days, time });
    if (!checked.ok) return setErrors(checked.errors);
    if (!channelId) return setMessage('Connect a channel first.');
    setErrors({});
    setMessage('');
    setBusy(true);
    try {
      await put(`/api/channels/${channelId}/plan`, { slots: [checked.data] });
      await patch('/api/workspace', { settings: { approvalRequired: approval } });
      navigate('/setup/done');
    } catch (err) {
      const fields = serverFieldErrors(err, planFormField);
      if (fields) setErrors(fields);
      else setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <PageTitle title="Posting plan">Set a posting plan</PageTitle>
      <p>Post on the same days at the same time: your audience learns when to expect you. Two or three posts a week is a good start.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset aria-describedby={errors.days ? 'plan-days-error' : undefined}>
          <legend>Days</legend>
          <div class="days">
            {WEEKDAYS.map((d) => (
              <label class="inline" key={d}>
                <input type="checkbox" name="days" value={d} checked={days.includes(d)} onChange={() => toggle(d)} /> {DAY_NAMES[d]}
              </label>
            ))}
          </div>
          {errors.days ? (
            <p class="field-error" id="plan-days-error">
              {errors.days}
            </p>
          ) : null}
        </fieldset>
        <Field id="plan-time" label="Time (workspace time zone)" error={errors.time}>
          {(a) => <input {...a} type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />}
        </Field>
        <label class="inline check">
          <input type="checkbox" checked={approval} onChange={(e) => setApproval(e.currentTarget.checked)} /> Every post needs a reviewer’s approval before it goes out
        </label>
        <p class="hint">Turn this off only while you post alone; a reviewer never approves their own post.</p>
        {message ? <Notice kind="error">{message}</Notice> : null}
        <button class="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save plan'}
        </button>
      </form>
    </section>
  );
}

function DoneStep(): JSX.Element {
  return (
    <section class="card">
      <PageTitle title="You are set up">You are set up</PageTitle>
      <p>Your channel is connected and its mentions now arrive in the inbox. Fill your first planned slot:</p>
      <p class="actions">
        <Link class="button primary" href="/compose">
          Write your first post
        </Link>
        <Link class="button" href="/inbox">
          Open the inbox
        </Link>
      </p>
    </section>
  );
}
