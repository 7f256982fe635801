/** Small accessible building blocks: labelled fields with their error beside them, notices, findings. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from './types.ts';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  /** Shown under the control (e.g. a warning that does not make the value invalid). */
  note?: ComponentChildren;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => JSX.Element;
}

/** A label, the control, a hint and the error message right under it (linked with aria-describedby). */
export function Field({ id, label, error, hint, note, children }: FieldProps): JSX.Element {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', note ? `${id}-note` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': Boolean(error), ...(described ? { 'aria-describedby': described } : {}) })}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {note ? (
        <p class="field-note" id={`${id}-note`}>
          {note}
        </p>
      ) : null}
    </div>
  );
}

/** A form-level message; errors are announced (role=alert), confirmations politely. */
export function Notice({ kind, children }: { kind: 'error' | 'ok' | 'info'; children: ComponentChildren }): JSX.Element {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

const SEVERITY: Record<Finding['severity'], string> = { block: 'Blocks sending', warn: 'Check', info: 'Note' };

export function Findings({ findings, text, label }: { findings: Finding[]; text?: string; label: string }): JSX.Element | null {
  if (findings.length === 0) return null;
  return (
    <ul class="findings" aria-label={label}>
      {findings.map((f, i) => (
        <li key={`${f.rule}-${i}`} class={`finding finding-${f.severity}`}>
          <strong>{SEVERITY[f.severity]}:</strong> {f.message}
          {f.network ? <span class="muted"> ({f.network})</span> : null}
          {text && f.span ? (
            <span class="quote">
              {' '}
              “<mark>{text.slice(f.span.start, f.span.end)}</mark>”
            </span>
          ) : null}
          {f.suggestion ? <span> Suggested: “{f.suggestion}”</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** A page heading that takes focus when the page changes, so screen readers announce it. */
export function PageTitle({ children, title }: { children: ComponentChildren; title: string }): JSX.Element {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Bedside`;
    ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

export function formatWhen(iso: string, zone?: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', ...(zone ? { timeZone: zone } : {}) }).format(new Date(iso));
}

export function stateLabel(state: string): string {
  return state.replace(/_/g, ' ');
}

/** The IANA zones this browser knows, for a time-zone picker. */
export function timeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'UTC'];
}

export const DAY_NAMES: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

/** A table that may scroll sideways on a phone: the scrolling box is focusable, so keyboard users can scroll it too. */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }): JSX.Element {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
