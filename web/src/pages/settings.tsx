/** Settings, first cut: the workspace, the review rule, channels and the team (read-only lists). */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, patch } from '../api.ts';
import { Link } from '../router.tsx';
import { can, useSession } from '../session.ts';
import type { Channel, Member, Workspace } from '../types.ts';
import { Notice, PageTitle } from '../ui.tsx';

export function SettingsPage(): JSX.Element {
  const session = useSession();
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void get<Workspace>('/api/workspace').then(setWorkspace);
    void get<{ channels: Channel[] }>('/api/channels').then((r) => setChannels(r.channels));
    void get<{ members: Member[] }>('/api/members').then((r) => setMembers(r.members));
  }, []);
  const setApproval = async (approvalRequired: boolean): Promise<void> => {
    try {
      setWorkspace(await patch<Workspace>('/api/workspace', { settings: { approvalRequired } }));
      setMessage({ kind: 'ok', text: approvalRequired ? 'Posts now need a reviewer’s approval.' : 'Posts no longer need an approval.' });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <div class="settings">
      <PageTitle title="Settings">Settings</PageTitle>
      {workspace ? (
        <section class="card" aria-labelledby="ws-title">
          <h2 id="ws-title">{workspace.name}</h2>
          <p>Time zone: {workspace.timeZone.replace(/_/g, ' ')}</p>
          <label class="inline check">
            <input type="checkbox" checked={workspace.settings.approvalRequired} disabled={!can(session, 'workspace.manage')} onChange={(e) => void setApproval(e.currentTarget.checked)} /> Every post needs a reviewer’s approval
          </label>
          {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        </section>
      ) : null}
      <section class="card" aria-labelledby="ch-title">
        <h2 id="ch-title">Channels</h2>
        <ul>
          {channels.map((c) => (
            <li key={c.id}>
              {c.network}: {c.handle} {c.primary ? '(primary)' : ''} · {c.status}
              {c.statusReason ? ` (${c.statusReason})` : ''}
            </li>
          ))}
        </ul>
        {channels.length === 0 && can(session, 'channels.manage') ? <Link href="/setup/channel">Connect a channel</Link> : null}
      </section>
      <section class="card" aria-labelledby="team-title">
        <h2 id="team-title">Team</h2>
        <ul>
          {members.map((m) => (
            <li key={m.userId}>
              {m.displayName} · {m.email} · {m.role}
            </li>
          ))}
        </ul>
        <p class="hint">Adding people, business hours and content pillars arrive in a later version of this page.</p>
      </section>
    </div>
  );
}
