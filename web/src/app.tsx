/**
 * The shell: finds the session, routes between pages, and when the session ends mid-work shows
 * the sign-in form over the page (which stays mounted, so nothing typed is lost).
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, onUnauthorized, post, setCsrfToken } from './api.ts';
import { setDraftOwner } from './drafts.ts';
import { Link, navigate, useLocation } from './router.tsx';
import { SessionContext } from './session.ts';
import type { Session } from './types.ts';
import { SignIn } from './pages/sign-in.tsx';
import { Setup } from './pages/setup.tsx';
import { InboxPage } from './pages/inbox.tsx';
import { ComposePage } from './pages/compose.tsx';
import { CalendarPage } from './pages/calendar.tsx';
import { ListeningPage } from './pages/listening.tsx';
import { SettingsPage } from './pages/settings.tsx';
import { DashboardPage } from './pages/dashboard.tsx';
import { AnalyticsPage } from './pages/analytics.tsx';

type State = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'signed-in'; session: Session; expired: boolean };

const NAV = [
  { href: '/', label: 'Dashboard' },
  { href: '/inbox', label: 'Inbox' },
  { href: '/compose', label: 'Compose' },
  { href: '/calendar', label: 'Calendar' },
  { href: '/listening', label: 'Listening' },
  { href: '/analytics', label: 'Analytics' },
  { href: '/settings', label: 'Settings' },
];

export function App(): JSX.Element {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const { path } = useLocation();

  const signedIn = (session: Session): void => {
    setCsrfToken(session.csrfToken);
    setDraftOwner(session.userId);
    setState({ kind: 'signed-in', session, expired: false });
  };

  useEffect(() => {
    get<Session>('/api/session')
      .then(signedIn)
      .catch(() => setState({ kind: 'signed-out' }));
    return onUnauthorized(() => setState((s) => (s.kind === 'signed-in' ? { ...s, expired: true } : s)));
  }, []);

  if (state.kind === 'loading') return <p class="loading">Loading Bedside…</p>;

  if (path.startsWith('/setup')) {
    return <Setup session={state.kind === 'signed-in' ? state.session : null} onSignedIn={signedIn} />;
  }

  if (state.kind === 'signed-out') {
    return (
      <main id="main" class="narrow">
        <SignIn onSignedIn={(s) => { signedIn(s); if (path === '/signin') navigate('/', true); }} />
      </main>
    );
  }

  const { session } = state;
  if (path === '/signin') history.replaceState(null, '', '/');
  const signOut = async (): Promise<void> => {
    await post('/api/auth/logout').catch(() => undefined);
    setCsrfToken(undefined);
    setDraftOwner(undefined);
    setState({ kind: 'signed-out' });
    navigate('/', true);
  };

  return (
    <SessionContext.Provider value={session}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand" aria-hidden="true">
          Bedside
        </span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={(n.href === '/' ? path === '/' : path.startsWith(n.href)) ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="me">
          <span>
            {session.displayName} <span class="muted">({session.role})</span>
          </span>
          <button type="button" class="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" inert={state.expired}>
        <Page path={path} />
      </main>
      {state.expired ? (
        <div class="overlay">
          <div role="dialog" aria-modal="true" aria-labelledby="signin-title" class="dialog">
            <p class="notice notice-info" role="status">
              Your session ended. Sign in again to carry on: what you typed is kept.
            </p>
            <SignIn onSignedIn={signedIn} email={session.email} />
          </div>
        </div>
      ) : null}
    </SessionContext.Provider>
  );
}

function Page({ path }: { path: string }): JSX.Element {
  if (path === '/' || path === '/signin') return <DashboardPage />;
  if (path.startsWith('/inbox')) return <InboxPage />;
  if (path.startsWith('/compose')) return <ComposePage />;
  if (path.startsWith('/calendar')) return <CalendarPage />;
  if (path.startsWith('/listening')) return <ListeningPage />;
  if (path.startsWith('/settings')) return <SettingsPage />;
  if (path.startsWith('/analytics')) return <AnalyticsPage />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no page at {path}. <Link href="/">Go to the dashboard</Link>.
      </p>
    </section>
  );
}

