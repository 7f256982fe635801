/**
 * Urgent alerts: the webhook an emergency or self-harm message is announced to (the team's chat or
 * pager), so it reaches a person when nobody is watching the inbox. The address is a secret: once
 * saved it is shown only by its host, and replaced rather than edited.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, post, put } from '../../api.ts';
import { serverFieldErrors } from '../../form-fields.ts';
import { AlertSettingsRequest, validate, type FieldErrors } from '../../schemas.ts';
import { can, useSession } from '../../session.ts';
import { Field, Notice } from '../../ui.tsx';

interface AlertSettings {
  configured: boolean;
  host: string | null;
  scope: 'urgent' | 'urgent_and_possible';
}

const alertFormField = (field: string): string | undefined => (field === 'webhookUrl' || field === 'scope' ? field : undefined);

export function AlertSettingsCard(): JSX.Element {
  const session = useSession();
  const [settings, setSettings] = useState<AlertSettings | null>(null);
  const [url, setUrl] = useState('');
  const [scope, setScope] = useState<AlertSettings['scope']>('urgent');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void get<AlertSettings>('/api/workspace/alerts').then((s) => {
      setSettings(s);
      setScope(s.scope);
    });
  }, []);
  if (!settings) return <p>Loading…</p>;
  const readOnly = !can(session, 'workspace.manage');

  // A string replaces the address, null turns alerts off, undefined keeps the saved address.
  const save = async (webhookUrl: string | null | undefined): Promise<void> => {
    setMessage(null);
    if (webhookUrl === undefined && !settings.configured) return setErrors({ webhookUrl: 'Enter the webhook address' });
    const checked = validate(AlertSettingsRequest, webhookUrl === null ? { webhookUrl: null } : { ...(webhookUrl === undefined ? {} : { webhookUrl }), scope });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const saved = await put<AlertSettings>('/api/workspace/alerts', checked.data);
      setSettings(saved);
      setUrl('');
      setMessage({ kind: 'ok', text: saved.configured ? `Saved. Urgent conversations are announced to ${saved.host}.` : 'Alerts are off.' });
    } catch (err) {
      const fields = serverFieldErrors(err, alertFormField);
      if (fields) setErrors(fields);
      else setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const sendTest = async (): Promise<void> => {
    setMessage(null);
    setBusy(true);
    try {
      const r = await post<{ ok: boolean; status: number | null; error: string | null }>('/api/workspace/alerts/test');
      setMessage(r.ok ? { kind: 'ok', text: `Test alert sent: ${settings.host} answered HTTP ${r.status}.` } : { kind: 'error', text: `The test alert did not arrive: ${r.error}.` });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="alerts-title">
      <h2 id="alerts-title">Urgent alerts</h2>
      <p class="hint">
        When an emergency or self-harm message arrives, Bedside posts an alert to your team's chat or pager (a Slack, Teams, Mattermost or any JSON webhook), day and night. The alert never contains the message, the
        author or any name: it says what kind of crisis, when it is due and who is on call, with a link to open it here. If nobody has answered by the due time, a second alert says it is overdue.
      </p>
      <p>{settings.configured ? `Alerts go to ${settings.host}.` : 'No alerts are sent: nobody hears of an urgent message unless someone has the inbox open.'}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(url.trim() ? url : undefined);
        }}
        noValidate
      >
        <fieldset disabled={readOnly || busy}>
          <legend>Where alerts go</legend>
          <div class="form-grid">
            <Field id="alerts-url" label={settings.configured ? 'Replace the webhook address' : 'Webhook address'} hint="Kept encrypted; shown afterwards only by its host" error={errors.webhookUrl}>
              {(a) => <input {...a} type="url" autocomplete="off" spellcheck={false} value={url} placeholder="https://hooks.slack.com/services/…" onInput={(e) => setUrl(e.currentTarget.value)} />}
            </Field>
            <Field id="alerts-scope" label="Alert on" error={errors.scope}>
              {(a) => (
                <select {...a} value={scope} onChange={(e) => setScope(e.currentTarget.value as AlertSettings['scope'])}>
                  <option value="urgent">Urgent conversations (emergencies, self-harm)</option>
                  <option value="urgent_and_possible">Urgent and possibly urgent conversations</option>
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        {readOnly ? (
          <p class="hint">Only owners and admins change where alerts go.</p>
        ) : (
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              Save alerts
            </button>
            {settings.configured ? (
              <>
                <button type="button" disabled={busy} onClick={() => void sendTest()}>
                  Send a test alert
                </button>
                <button type="button" disabled={busy} onClick={() => void save(null)}>
                  Turn alerts off
                </button>
              </>
            ) : null}
          </div>
        )}
      </form>
    </section>
  );
}
