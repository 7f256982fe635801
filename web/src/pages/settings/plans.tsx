/** The posting plan of each channel: the weekly days and time its posts go out (the calendar's slots). */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, put } from '../../api.ts';
import { Link } from '../../router.tsx';
import { planFormField, serverFieldErrors } from '../../form-fields.ts';
import { PlanForm, validate, WEEKDAYS, type FieldErrors } from '../../schemas.ts';
import { can, useSession } from '../../session.ts';
import type { Channel } from '../../types.ts';
import { DAY_NAMES, Field, Notice } from '../../ui.tsx';

type Plan = { slots: Array<{ days: string[]; time: string }> } | { rrule: string } | null;

export function PlanSettings(): JSX.Element {
  const [channels, setChannels] = useState<Channel[] | null>(null);
  useEffect(() => {
    void get<{ channels: Channel[] }>('/api/channels').then((r) => setChannels(r.channels));
  }, []);
  if (channels === null) return <p>Loading…</p>;
  if (channels.length === 0) {
    return (
      <p class="empty">
        No channel yet: <Link href="/setup/channel">connect one</Link> first.
      </p>
    );
  }
  return (
    <>
      {channels.map((c) => (
        <ChannelPlan key={c.id} channel={c} />
      ))}
    </>
  );
}

function ChannelPlan({ channel }: { channel: Channel }): JSX.Element {
  const session = useSession();
  const [description, setDescription] = useState<string | null | undefined>(undefined);
  const [days, setDays] = useState<string[]>([]);
  const [time, setTime] = useState('10:00');
  const [complex, setComplex] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const show = (r: { plan: Plan; description: string | null }): void => {
    setDescription(r.description);
    if (r.plan && 'slots' in r.plan) {
      setDays(r.plan.slots.flatMap((s) => s.days));
      setTime(r.plan.slots[0]?.time ?? '10:00');
      setComplex(r.plan.slots.length > 1);
    } else setComplex(Boolean(r.plan));
  };
  useEffect(() => {
    void get<{ plan: Plan; description: string | null }>(`/api/channels/${channel.id}/plan`).then(show);
  }, [channel.id]);
  const readOnly = !can(session, 'workspace.manage');
  const prefix = `plan-${channel.id.slice(0, 8)}`;
  const toggle = (d: string): void => setDays(days.includes(d) ? days.filter((x) => x !== d) : WEEKDAYS.filter((x) => x === d || days.includes(x)));

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setMessage(null);
    const checked = validate(PlanForm, { days, time });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      show(await put<{ plan: Plan; description: string }>(`/api/channels/${channel.id}/plan`, { slots: [checked.data] }));
      setMessage({ kind: 'ok', text: 'Plan saved: the calendar shows the new slots.' });
    } catch (err) {
      const fields = serverFieldErrors(err, planFormField);
      if (fields) setErrors(fields);
      else setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>
        {channel.network}: {channel.handle}
        {channel.primary ? ' (primary)' : ''}
      </h2>
      <p>{description === undefined ? 'Loading…' : description ? `Now: ${description}.` : 'No posting plan yet.'}</p>
      {complex ? <p class="hint">This plan has more than one slot; saving here replaces it with one weekly time.</p> : null}
      {readOnly ? null : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset aria-describedby={errors.days ? `${prefix}-days-error` : undefined}>
            <legend>Days</legend>
            <div class="weekdays">
              {WEEKDAYS.map((d) => (
                <label class="inline" key={d}>
                  <input type="checkbox" checked={days.includes(d)} onChange={() => toggle(d)} /> {DAY_NAMES[d]}
                </label>
              ))}
            </div>
            {errors.days ? (
              <p class="field-error" id={`${prefix}-days-error`}>
                {errors.days}
              </p>
            ) : null}
          </fieldset>
          <Field id={`${prefix}-time`} label="Time (workspace time zone)" error={errors.time}>
            {(a) => <input {...a} type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />}
          </Field>
          {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save plan'}
          </button>
        </form>
      )}
    </section>
  );
}
