/** Response-time targets, business hours and the workspace time zone: what the inbox's due times are computed from. */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { errorText, get, patch } from '../../api.ts';
import { serverFieldErrors, slaFormField } from '../../form-fields.ts';
import { ResponseTimesForm, validate, WEEKDAYS, type FieldErrors } from '../../schemas.ts';
import { can, useSession } from '../../session.ts';
import type { SlaPolicy, Workspace } from '../../types.ts';
import { DAY_NAMES, Field, Notice, timeZones, TableScroll } from '../../ui.tsx';

type Weekday = (typeof WEEKDAYS)[number];
interface DayForm {
  open: boolean;
  start: string;
  end: string;
}
interface Form {
  timeZone: string;
  firstResponseMinutes: string;
  urgentFirstResponseMinutes: string;
  possiblyUrgentFirstResponseMinutes: string;
  days: Record<Weekday, DayForm>;
}

// The server's defaults when no targets were set (src/operations/ingest.ts, src/domain/inbox/sla.ts).
const DEFAULT_FIRST_RESPONSE = 60;
const DEFAULT_URGENT = 15;
const DEFAULT_POSSIBLY_URGENT = 60;

function formOf(ws: Workspace): Form {
  const sla: SlaPolicy | undefined = ws.settings.sla;
  const days = Object.fromEntries(
    WEEKDAYS.map((d) => {
      const shifts = sla ? (sla.businessHours.days[d] ?? []) : ['SA', 'SU'].includes(d) ? [] : [{ start: '09:00', end: '17:00' }];
      return [d, shifts.length ? { open: true, start: shifts[0]!.start, end: shifts[shifts.length - 1]!.end } : { open: false, start: '09:00', end: '17:00' }];
    }),
  ) as Record<Weekday, DayForm>;
  return {
    timeZone: ws.timeZone,
    firstResponseMinutes: String(sla?.firstResponseMinutes ?? DEFAULT_FIRST_RESPONSE),
    urgentFirstResponseMinutes: String(sla?.urgentFirstResponseMinutes ?? DEFAULT_URGENT),
    possiblyUrgentFirstResponseMinutes: String(sla?.possiblyUrgentFirstResponseMinutes ?? DEFAULT_POSSIBLY_URGENT),
    days,
  };
}

export function ResponseTimeSettings(): JSX.Element {
  const session = useSession();
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(timeZones, []);
  useEffect(() => {
    void get<Workspace>('/api/workspace').then((ws) => {
      setWorkspace(ws);
      setForm(formOf(ws));
    });
  }, []);
  if (!workspace || !form) return <p>Loading…</p>;
  const readOnly = !can(session, 'workspace.manage');
  const setDay = (d: Weekday, change: Partial<DayForm>): void => setForm({ ...form, days: { ...form.days, [d]: { ...form.days[d], ...change } } });

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setMessage(null);
    const checked = validate(ResponseTimesForm, form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    const v = checked.data;
    const sla: SlaPolicy = {
      firstResponseMinutes: v.firstResponseMinutes,
      urgentFirstResponseMinutes: v.urgentFirstResponseMinutes,
      possiblyUrgentFirstResponseMinutes: v.possiblyUrgentFirstResponseMinutes,
      businessHours: {
        zone: v.timeZone,
        days: Object.fromEntries(WEEKDAYS.map((d) => [d, v.days[d].open ? [{ start: v.days[d].start, end: v.days[d].end }] : []])),
        holidays: workspace.settings.sla?.businessHours.holidays ?? [],
      },
    };
    try {
      const saved = await patch<Workspace>('/api/workspace', { ...(v.timeZone !== workspace.timeZone ? { timeZone: v.timeZone } : {}), settings: { sla } });
      setWorkspace(saved);
      setMessage({ kind: 'ok', text: 'Saved. New conversations are due by these targets.' });
    } catch (err) {
      const fields = serverFieldErrors(err, slaFormField);
      if (fields) setErrors(fields);
      else setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const daysError = errors.days;
  return (
    <section class="card" aria-labelledby="sla-title">
      <h2 id="sla-title">Response-time targets and business hours</h2>
      <p class="hint">The inbox orders conversations by when a first response is due. Ordinary ones count business minutes only; urgent ones (emergencies, self-harm) and possibly urgent ones (someone should look to decide) count every minute, day and night.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={readOnly}>
          <legend>Targets</legend>
          <div class="form-grid">
            <Field id="sla-first" label="First response within (business minutes)" error={errors.firstResponseMinutes}>
              {(a) => <input {...a} type="number" inputMode="numeric" min={1} value={form.firstResponseMinutes} onInput={(e) => setForm({ ...form, firstResponseMinutes: e.currentTarget.value })} />}
            </Field>
            <Field id="sla-urgent" label="Urgent first response within (minutes, around the clock)" error={errors.urgentFirstResponseMinutes}>
              {(a) => <input {...a} type="number" inputMode="numeric" min={1} value={form.urgentFirstResponseMinutes} onInput={(e) => setForm({ ...form, urgentFirstResponseMinutes: e.currentTarget.value })} />}
            </Field>
            <Field id="sla-possible" label="Possibly urgent: first look within (minutes, around the clock)" error={errors.possiblyUrgentFirstResponseMinutes}>
              {(a) => <input {...a} type="number" inputMode="numeric" min={1} value={form.possiblyUrgentFirstResponseMinutes} onInput={(e) => setForm({ ...form, possiblyUrgentFirstResponseMinutes: e.currentTarget.value })} />}
            </Field>
            <Field id="sla-zone" label="Time zone" hint="Posting plans, business hours and the calendar use it" error={errors.timeZone}>
              {(a) => (
                <select {...a} value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.currentTarget.value })}>
                  {(zones.includes(form.timeZone) ? zones : [form.timeZone, ...zones]).map((z) => (
                    <option key={z} value={z}>
                      {z.replace(/_/g, ' ')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset disabled={readOnly} aria-describedby={daysError ? 'sla-days-error' : undefined}>
          <legend>Business hours</legend>
          <TableScroll label="Business hours">
            <table class="hours">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Staffed</th>
                  <th scope="col">Opens</th>
                  <th scope="col">Closes</th>
                </tr>
              </thead>
              <tbody>
                {WEEKDAYS.map((d) => {
                  const day = form.days[d];
                  const name = DAY_NAMES[d]!;
                  const startError = errors[`days.${d}.start`];
                  const endError = errors[`days.${d}.end`];
                  return (
                    <tr key={d}>
                      <th scope="row">{name}</th>
                      <td>
                        <input type="checkbox" aria-label={`${name} staffed`} checked={day.open} onChange={(e) => setDay(d, { open: e.currentTarget.checked })} />
                      </td>
                      <td>
                        <input type="time" aria-label={`${name} opens`} disabled={!day.open} value={day.start} onInput={(e) => setDay(d, { start: e.currentTarget.value })} aria-invalid={Boolean(startError)} aria-describedby={startError ? `sla-${d}-start-error` : undefined} />
                        {startError ? (
                          <p class="field-error" id={`sla-${d}-start-error`}>
                            {startError}
                          </p>
                        ) : null}
                      </td>
                      <td>
                        <input type="time" aria-label={`${name} closes`} disabled={!day.open} value={day.end} onInput={(e) => setDay(d, { end: e.currentTarget.value })} aria-invalid={Boolean(endError)} aria-describedby={endError ? `sla-${d}-end-error` : undefined} />
                        {endError ? (
                          <p class="field-error" id={`sla-${d}-end-error`}>
                            {endError}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          {daysError ? (
            <p class="field-error" id="sla-days-error">
              {daysError}
            </p>
          ) : null}
        </fieldset>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        {readOnly ? (
          <p class="hint">Only owners and admins change these.</p>
        ) : (
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save targets and hours'}
          </button>
        )}
      </form>
    </section>
  );
}
