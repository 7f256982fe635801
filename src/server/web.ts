import type { BedsideApp } from './app-types.ts';

/**
 * Until the web workbench lands (its own issue), `/` serves one small page that signs in and
 * shows the session, so a fresh install can be checked in a browser.
 */
export function registerWeb(app: BedsideApp): void {
  app.get('/', (c) => c.html(PAGE));
  app.get('/setup', (c) => c.html(PAGE));
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Bedside</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin:.6rem 0 .2rem}input{width:100%;padding:.5rem;font:inherit;border:1px solid #555;border-radius:4px}
button{margin-top:1rem;padding:.5rem 1.2rem;font:inherit;background:#0b5394;color:#fff;border:0;border-radius:4px}
[role=alert]{color:#a40000}</style></head>
<body><main><h1>Bedside</h1>
<section id="setup" hidden><h2>Create your workspace</h2>
<form id="setup-form"><label for="ws">Workspace name</label><input id="ws" name="workspaceName" required>
<label for="tz">Time zone</label><input id="tz" name="timeZone" required>
<label for="sn">Your name</label><input id="sn" name="displayName" required>
<label for="se">Email</label><input id="se" name="email" type="email" autocomplete="username" required>
<label for="sp">Password (12 characters or more)</label><input id="sp" name="password" type="password" minlength="12" autocomplete="new-password" required>
<button>Create workspace</button></form></section>
<section id="login"><h2>Sign in</h2>
<form id="login-form"><label for="le">Email</label><input id="le" name="email" type="email" autocomplete="username" required>
<label for="lp">Password</label><input id="lp" name="password" type="password" autocomplete="current-password" required>
<button>Sign in</button></form></section>
<section id="me" hidden><h2>Signed in</h2><p id="who"></p><p>The workbench arrives with the web issue; the API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></section>
<p id="msg" role="alert"></p></main>
<script>
const token = new URLSearchParams(location.search).get('token');
const $ = (id) => document.getElementById(id);
$('tz').value = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (token) { $('setup').hidden = false; $('login').hidden = true; }
async function post(url, body) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const j = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(j.error ? j.error.message : 'request failed (' + r.status + ')');
  return j;
}
function show(s) { $('setup').hidden = true; $('login').hidden = true; $('me').hidden = false; $('who').textContent = s.displayName + ' (' + s.role + ')'; $('msg').textContent = ''; }
$('setup-form').onsubmit = async (e) => { e.preventDefault(); try { show(await post('/api/setup', { ...Object.fromEntries(new FormData(e.target)), token })); history.replaceState(null, '', '/'); } catch (err) { $('msg').textContent = err.message; } };
$('login-form').onsubmit = async (e) => { e.preventDefault(); try { show(await post('/api/auth/login', Object.fromEntries(new FormData(e.target)))); } catch (err) { $('msg').textContent = err.message; } };
fetch('/api/session').then((r) => r.ok ? r.json().then(show) : null);
</script></body></html>`;
