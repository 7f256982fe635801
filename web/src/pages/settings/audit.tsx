/** The audit log, newest first, a page at a time, and a check that its hash chain is unbroken. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText, get } from '../../api.ts';
import type { AuditEntry, Member } from '../../types.ts';
import { formatWhen, Notice, TableScroll } from '../../ui.tsx';

const PAGE = 25;

interface Verification {
  entries: number;
  intact: boolean;
  problem: { seq: number; reason: string } | null;
}

export function AuditSettings(): JSX.Element {
  // Each page is fetched by the seq it starts below; the stack lets "Newer" go back.
  const [stack, setStack] = useState<Array<number | undefined>>([undefined]);
  const [page, setPage] = useState<{ entries: AuditEntry[]; nextBefore: number | null } | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const before = stack[stack.length - 1];

  useEffect(() => {
    void get<{ members: Member[] }>('/api/members').then((r) => setNames(Object.fromEntries(r.members.map((m) => [m.userId, m.displayName]))));
  }, []);
  useEffect(() => {
    setError('');
    get<{ entries: AuditEntry[]; nextBefore: number | null }>(`/api/audit?limit=${PAGE}${before ? `&before=${before}` : ''}`)
      .then(setPage)
      .catch((err) => setError(errorText(err)));
  }, [before]);

  const verify = async (): Promise<void> => {
    setVerifying(true);
    try {
      setVerification(await get<Verification>('/api/audit/verify'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setVerifying(false);
    }
  };
  const who = (e: AuditEntry): string => (e.actorType === 'user' && e.actorId ? (names[e.actorId] ?? 'a former member') : e.actorType === 'system' ? 'Bedside' : e.actorType.replace(/_/g, ' '));

  return (
    <>
      <section class="card" aria-labelledby="verify-title">
        <h2 id="verify-title">Is the log intact?</h2>
        <p class="hint">Each entry carries a hash of the one before it, so a changed, deleted or re-ordered entry breaks the chain.</p>
        <button type="button" onClick={() => void verify()} disabled={verifying}>
          {verifying ? 'Checking…' : 'Verify the chain'}
        </button>
        <div aria-live="polite">
          {verification ? (
            verification.intact ? (
              <Notice kind="ok">The chain is intact: {verification.entries} entries checked.</Notice>
            ) : (
              <Notice kind="error">
                The chain is broken at entry {verification.problem?.seq}: {verification.problem?.reason}. Keep a copy of the database and tell whoever runs your server.
              </Notice>
            )
          ) : null}
        </div>
      </section>
      <section class="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Entries</h2>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {page === null && !error ? <p>Loading…</p> : null}
        {page?.entries.length === 0 ? <p class="empty">Nothing recorded yet.</p> : null}
        {page && page.entries.length > 0 ? (
          <TableScroll label="Audit log entries">
            <table class="audit">
              <caption class="sr-only">Audit log entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td>{formatWhen(e.at)}</td>
                    <td>{who(e)}</td>
                    <td>
                      <code>{e.action}</code>
                      <span class="muted"> {e.entityType}</span>
                    </td>
                    <td class="details">
                      {Object.entries(e.details)
                        .map(([k, v]) => `${k}: ${String(v)}`)
                        .join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        <div class="actions">
          <button type="button" disabled={stack.length < 2} onClick={() => setStack(stack.slice(0, -1))}>
            ← Newer entries
          </button>
          <button type="button" disabled={!page?.nextBefore} onClick={() => page?.nextBefore && setStack([...stack, page.nextBefore])}>
            Older entries →
          </button>
        </div>
      </section>
    </>
  );
}
