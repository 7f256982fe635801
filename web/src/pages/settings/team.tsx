/** The team: who is in the workspace with which role; add people, change roles, remove them. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, errorText, get, patch, post } from '../../api.ts';
import { memberFormField, serverFieldErrors } from '../../form-fields.ts';
import { MemberForm, ROLES, validate, type FieldErrors } from '../../schemas.ts';
import { can, useSession } from '../../session.ts';
import type { Member, Role } from '../../types.ts';
import { Field, Notice, TableScroll } from '../../ui.tsx';

export const ROLE_NOTES: Record<Role, string> = {
  owner: 'everything, including owners and unlocking a second channel',
  admin: 'settings, channels, the team, drafting and replying',
  editor: 'drafts posts and replies in the inbox',
  reviewer: 'approves posts (compliance); never their own',
  viewer: 'reads everything, changes nothing',
};

type Message = { kind: 'ok' | 'error'; text: string } | null;

export function TeamSettings(): JSX.Element {
  const session = useSession();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const load = (): void => void get<{ members: Member[] }>('/api/members').then((r) => setMembers(r.members));
  useEffect(load, []);
  const manage = can(session, 'members.manage');
  const roles = ROLES.filter((r) => r !== 'owner' || can(session, 'members.grant_owner'));

  const changeRole = async (m: Member, role: Role): Promise<void> => {
    try {
      await patch(`/api/members/${m.userId}`, { role });
      setMessage({ kind: 'ok', text: `${m.displayName} is now ${role}.` });
    } catch (err) {
      setMessage({ kind: 'error', text: `${m.displayName}: ${errorText(err)}` });
    }
    load();
  };
  const remove = async (m: Member): Promise<void> => {
    try {
      await api('DELETE', `/api/members/${m.userId}`);
      setMessage({ kind: 'ok', text: `${m.displayName} was removed; their sessions have ended.` });
    } catch (err) {
      setMessage({ kind: 'error', text: `${m.displayName}: ${errorText(err)}` });
    }
    load();
  };

  return (
    <>
      <section class="card" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        {members === null ? <p>Loading…</p> : null}
        <TableScroll label="Members">
          <table class="members">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                {manage ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {(members ?? []).map((m) => {
                const self = m.userId === session.userId;
                // An owner's role is only changed by another owner.
                const locked = !manage || self || (m.role === 'owner' && !can(session, 'members.grant_owner'));
                return (
                  <tr key={m.userId}>
                    <th scope="row">
                      {m.displayName}
                      {self ? <span class="muted"> (you)</span> : null}
                    </th>
                    <td>{m.email}</td>
                    <td>
                      {locked ? (
                        m.role
                      ) : (
                        <select aria-label={`Role of ${m.displayName}`} value={m.role} onChange={(e) => void changeRole(m, e.currentTarget.value as Role)}>
                          {(roles.includes(m.role) ? roles : [m.role, ...roles]).map((r) => (
                            <option key={r} value={r}>
                              {r}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    {manage ? (
                      <td>
                        {locked ? null : (
                          <button type="button" onClick={() => void remove(m)}>
                            Remove<span class="sr-only"> {m.displayName}</span>
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        <dl class="role-notes">
          {ROLES.map((r) => (
            <div key={r}>
              <dt>{r}</dt>
              <dd>{ROLE_NOTES[r]}</dd>
            </div>
          ))}
        </dl>
      </section>
      {manage ? <AddMember roles={roles} onAdded={load} /> : null}
    </>
  );
}

function AddMember({ roles, onAdded }: { roles: readonly Role[]; onAdded: () => void }): JSX.Element {
  const empty = { email: '', displayName: '', role: 'editor' as Role, password: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setMessage(null);
    const checked = validate(MemberForm, form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const { password, ...rest } = checked.data;
      const added = await post<Member>('/api/members', { ...rest, ...(password ? { password } : {}) });
      setForm(empty);
      setMessage({ kind: 'ok', text: `${added.displayName} was added as ${added.role}.` });
      onAdded();
    } catch (err) {
      const fields = serverFieldErrors(err, memberFormField);
      if (fields) setErrors(fields);
      else setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="add-member-title">
      <h2 id="add-member-title">Add a person</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div class="form-grid">
          <Field id="member-name" label="Name" error={errors.displayName}>
            {(a) => <input {...a} value={form.displayName} onInput={set('displayName')} autocomplete="off" />}
          </Field>
          <Field id="member-email" label="Email" error={errors.email}>
            {(a) => <input {...a} type="email" value={form.email} onInput={set('email')} autocomplete="off" />}
          </Field>
          <Field id="member-role" label="Role" error={errors.role}>
            {(a) => (
              <select {...a} value={form.role} onChange={set('role')}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {r}: {ROLE_NOTES[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="member-password" label="First password" hint="For someone new to Bedside: 12 characters or more; they change it later. Leave empty for someone who already has an account." error={errors.password}>
            {(a) => <input {...a} type="password" value={form.password} onInput={set('password')} autocomplete="new-password" />}
          </Field>
        </div>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add to the team'}
        </button>
      </form>
    </section>
  );
}
