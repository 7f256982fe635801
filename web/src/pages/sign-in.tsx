import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, post } from '../api.ts';
import { serverFieldErrors, signInFormField } from '../form-fields.ts';
import { SignInForm, validate, type FieldErrors } from '../schemas.ts';
import type { Session } from '../types.ts';
import { Field, Notice } from '../ui.tsx';

export function SignIn({ onSignedIn, email: knownEmail }: { onSignedIn: (s: Session) => void; email?: string }): JSX.Element {
  const [email, setEmail] = useState(knownEmail ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  // Signing in again after the session ended: the email is known, the password is what is asked.
  useEffect(() => {
    if (knownEmail) passwordRef.current?.focus();
  }, [knownEmail]);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const checked = validate(SignInForm, { email, password });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      onSignedIn(await post<Session>('/api/auth/login', checked.data));
    } catch (err) {
      const fields = serverFieldErrors(err, signInFormField);
      if (fields) setErrors(fields);
      else setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in to Bedside</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="signin-email" label="Email" error={errors.email}>
          {(a) => <input {...a} type="email" autocomplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
        </Field>
        <Field id="signin-password" label="Password" error={errors.password}>
          {(a) => <input {...a} ref={passwordRef} type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
        </Field>
        {message ? <Notice kind="error">{message}</Notice> : null}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="hint">First run? Open the one-time setup link that Bedside printed when it started.</p>
    </section>
  );
}
