/** Content pillars (Focus: at most five, with the keywords that tag posts) and the promotional target (Value). */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, patch } from '../../api.ts';
import { contentFormField, serverFieldErrors } from '../../form-fields.ts';
import { ContentForm, validate, type FieldErrors } from '../../schemas.ts';
import { can, useSession } from '../../session.ts';
import type { Workspace } from '../../types.ts';
import { Field, Notice } from '../../ui.tsx';

const MAX_PILLARS = 5;
const DEFAULT_PROMOTIONAL = 0.2;
const DEFAULT_DAYS = 30;

interface PillarForm {
  id: string;
  name: string;
  keywords: string;
}

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'pillar';

export function ContentSettings(): JSX.Element {
  const session = useSession();
  const [pillars, setPillars] = useState<PillarForm[] | null>(null);
  const [percent, setPercent] = useState('');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void get<Workspace>('/api/workspace').then((ws) => {
      setPillars((ws.settings.pillars ?? []).map((p) => ({ id: p.id, name: p.name, keywords: p.keywords.join(', ') })));
      setPercent(String(Math.round((ws.settings.valueTarget?.promotionalShare ?? DEFAULT_PROMOTIONAL) * 100)));
      setDays(String(ws.settings.valueTarget?.days ?? DEFAULT_DAYS));
    });
  }, []);
  if (pillars === null) return <p>Loading…</p>;
  const readOnly = !can(session, 'workspace.manage');
  const setPillar = (i: number, change: Partial<PillarForm>): void => setPillars(pillars.map((p, j) => (j === i ? { ...p, ...change } : p)));

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setMessage(null);
    const taken = new Set<string>();
    const value = {
      pillars: pillars.map((p) => {
        let id = p.id || slug(p.name);
        while (taken.has(id)) id = `${id}-2`.slice(-60);
        taken.add(id);
        return { id, name: p.name, keywords: p.keywords.split(',').map((k) => k.trim()).filter(Boolean) };
      }),
      promotionalPercent: percent,
      days,
    };
    const checked = validate(ContentForm, value);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const saved = await patch<Workspace>('/api/workspace', {
        settings: { pillars: checked.data.pillars, valueTarget: { promotionalShare: checked.data.promotionalPercent / 100, days: checked.data.days } },
      });
      setPillars((saved.settings.pillars ?? []).map((p) => ({ id: p.id, name: p.name, keywords: p.keywords.join(', ') })));
      setMessage({ kind: 'ok', text: 'Saved. The Focus and Value rules use these from now on.' });
    } catch (err) {
      const fields = serverFieldErrors(err, contentFormField);
      if (fields) setErrors(fields);
      else setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <section class="card" aria-labelledby="pillars-title">
        <h2 id="pillars-title">Content pillars</h2>
        <p class="hint">Up to five topics you post about, each with keywords that tag posts automatically (e.g. “heart health”: cardiology, blood pressure, #HeartMonth).</p>
        <fieldset disabled={readOnly}>
          <legend class="sr-only">Pillars</legend>
          {pillars.length === 0 ? <p class="empty">No pillars yet: the Focus rule waits for them.</p> : null}
          {pillars.map((p, i) => (
            <div class="pillar" key={i}>
              <div class="form-grid">
                <Field id={`pillar-${i}-name`} label={`Pillar ${i + 1} name`} error={errors[`pillars.${i}.name`]}>
                  {(a) => <input {...a} value={p.name} onInput={(e) => setPillar(i, { name: e.currentTarget.value })} />}
                </Field>
                <Field id={`pillar-${i}-keywords`} label={`Pillar ${i + 1} keywords`} hint="Separated by commas" error={errors[`pillars.${i}.keywords`] ?? Object.entries(errors).find(([k]) => k.startsWith(`pillars.${i}.keywords.`))?.[1]}>
                  {(a) => <input {...a} value={p.keywords} onInput={(e) => setPillar(i, { keywords: e.currentTarget.value })} />}
                </Field>
              </div>
              {readOnly ? null : (
                <button type="button" class="link" onClick={() => setPillars(pillars.filter((_, j) => j !== i))}>
                  Remove pillar {i + 1}
                </button>
              )}
            </div>
          ))}
          {errors.pillars ? <p class="field-error">{errors.pillars}</p> : null}
          {readOnly ? null : (
            <button type="button" disabled={pillars.length >= MAX_PILLARS} onClick={() => setPillars([...pillars, { id: '', name: '', keywords: '' }])}>
              Add a pillar {pillars.length >= MAX_PILLARS ? '(five is the most)' : ''}
            </button>
          )}
        </fieldset>
      </section>
      <section class="card" aria-labelledby="value-title">
        <h2 id="value-title">Promotional target</h2>
        <p class="hint">The Value rule: most posts should help, teach or celebrate; at most this share may promote a service.</p>
        <fieldset disabled={readOnly}>
          <legend class="sr-only">Promotional target</legend>
          <div class="form-grid">
            <Field id="value-percent" label="Most promotional posts allowed (%)" error={errors.promotionalPercent}>
              {(a) => <input {...a} type="number" inputMode="numeric" min={0} max={100} value={percent} onInput={(e) => setPercent(e.currentTarget.value)} />}
            </Field>
            <Field id="value-days" label="Measured over (days)" error={errors.days}>
              {(a) => <input {...a} type="number" inputMode="numeric" min={7} max={365} value={days} onInput={(e) => setDays(e.currentTarget.value)} />}
            </Field>
          </div>
        </fieldset>
      </section>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {readOnly ? (
        <p class="hint">Only owners and admins change these.</p>
      ) : (
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save pillars and target'}
        </button>
      )}
    </form>
  );
}
