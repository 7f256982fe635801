/** Connected channels: status (with the reason when something is wrong), which one is primary, and how to connect one. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api.ts';
import { Link } from '../../router.tsx';
import { can, useSession } from '../../session.ts';
import type { Channel } from '../../types.ts';

const STATUS: Record<string, string> = { active: 'connected', paused: 'paused', auth_revoked: 'credentials refused: connect it again', disconnected: 'disconnected' };

export function ChannelSettings(): JSX.Element {
  const session = useSession();
  const [channels, setChannels] = useState<Channel[] | null>(null);
  useEffect(() => {
    void get<{ channels: Channel[] }>('/api/channels').then((r) => setChannels(r.channels));
  }, []);
  return (
    <section class="card" aria-labelledby="channels-title">
      <h2 id="channels-title">Channels</h2>
      {channels === null ? <p>Loading…</p> : null}
      {channels?.length === 0 ? <p class="empty">No channel yet.</p> : null}
      <ul class="channel-list">
        {(channels ?? []).map((c) => (
          <li key={c.id} class={`channel status-${c.status}`}>
            <p class="channel-name">
              <strong>{c.displayName ?? c.handle}</strong> <span class="muted">
                {c.network} · {c.handle}
              </span>{' '}
              {c.primary ? <span class="badge badge-primary">primary</span> : null}
            </p>
            <p class="meta">
              Status: {STATUS[c.status] ?? c.status.replace(/_/g, ' ')}
              {c.statusReason ? ` (${c.statusReason})` : ''}
            </p>
          </li>
        ))}
      </ul>
      {can(session, 'channels.manage') ? (
        <p class="actions">
          <Link class="button" href="/setup/channel">
            Connect a channel
          </Link>
        </p>
      ) : null}
      <p class="hint">
        Start small: a second channel is accepted once the primary one is mastered — see the checks on the <Link href="/">dashboard</Link>.
      </p>
    </section>
  );
}
