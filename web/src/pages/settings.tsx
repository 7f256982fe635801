/** Settings: a section per area, each at its own address (/settings/team, /settings/audit…). */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, patch } from '../api.ts';
import { Link, useLocation } from '../router.tsx';
import { can, useSession, type Permission } from '../session.ts';
import type { Workspace } from '../types.ts';
import { Notice, PageTitle } from '../ui.tsx';
import { TeamSettings } from './settings/team.tsx';
import { ChannelSettings } from './settings/channels.tsx';
import { ResponseTimeSettings } from './settings/response-times.tsx';
import { AlertSettingsCard } from './settings/alerts.tsx';
import { ContentSettings } from './settings/content.tsx';
import { PlanSettings } from './settings/plans.tsx';
import { AuditSettings } from './settings/audit.tsx';

const SECTIONS: Array<{ path: string; label: string; needs?: Permission; render: () => JSX.Element }> = [
  { path: '/settings', label: 'General', render: () => <GeneralSettings /> },
  { path: '/settings/team', label: 'Team and roles', render: () => <TeamSettings /> },
  { path: '/settings/channels', label: 'Channels', render: () => <ChannelSettings /> },
  { path: '/settings/response-times', label: 'Response times', render: () => <ResponseTimeSettings /> },
  { path: '/settings/alerts', label: 'Urgent alerts', render: () => <AlertSettingsCard /> },
  { path: '/settings/content', label: 'Content pillars', render: () => <ContentSettings /> },
  { path: '/settings/plans', label: 'Posting plans', render: () => <PlanSettings /> },
  { path: '/settings/audit', label: 'Audit log', needs: 'audit.read', render: () => <AuditSettings /> },
];

export function SettingsPage(): JSX.Element {
  const session = useSession();
  const { path } = useLocation();
  const visible = SECTIONS.filter((s) => !s.needs || can(session, s.needs));
  const current = visible.find((s) => s.path === path.replace(/\/$/, '')) ?? visible[0]!;
  return (
    <div class="settings">
      <PageTitle title={current.path === '/settings' ? 'Settings' : `${current.label} · Settings`}>{current.path === '/settings' ? 'Settings' : current.label}</PageTitle>
      <div class="settings-layout">
        <nav aria-label="Settings" class="subnav">
          <ul>
            {visible.map((s) => (
              <li key={s.path}>
                <Link href={s.path} aria-current={s === current ? 'page' : undefined}>
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="settings-body">{current.render()}</div>
      </div>
    </div>
  );
}

function GeneralSettings(): JSX.Element {
  const session = useSession();
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void get<Workspace>('/api/workspace').then(setWorkspace);
  }, []);
  const setApproval = async (approvalRequired: boolean): Promise<void> => {
    try {
      setWorkspace(await patch<Workspace>('/api/workspace', { settings: { approvalRequired } }));
      setMessage({ kind: 'ok', text: approvalRequired ? 'Posts now need a reviewer’s approval.' : 'Posts no longer need an approval.' });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    }
  };
  if (!workspace) return <p>Loading…</p>;
  return (
    <section class="card" aria-labelledby="ws-title">
      <h2 id="ws-title">{workspace.name}</h2>
      <p>
        Time zone: {workspace.timeZone.replace(/_/g, ' ')} (<Link href="/settings/response-times">change it with the business hours</Link>)
      </p>
      <label class="inline check">
        <input type="checkbox" checked={workspace.settings.approvalRequired} disabled={!can(session, 'workspace.manage')} onChange={(e) => void setApproval(e.currentTarget.checked)} /> Every post needs a reviewer’s approval
      </label>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </section>
  );
}
