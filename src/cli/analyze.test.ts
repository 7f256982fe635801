import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'bedside.mjs');

function runAnalyze(input: Buffer | string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, 'analyze', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const line = (o: unknown): string => JSON.stringify(o);

test('the real CLI answers every line in order, bad input included, without echoing text', async () => {
  const secret = 'Walter Briggs MRN 3390127';
  const lines = [
    line({ id: 'empty', text: '' }),
    line({ id: 'big', text: 'My mom was admitted and the nurses were kind. '.repeat(2300) }),
    line({ id: 'emoji', text: '🙏🙏🙏😭' }),
    line({ id: 'mixed', text: 'Mi hijo está teniendo una convulsión, he is shaking and won’t respond, qué hago??' }),
    line({ id: 'html', text: '<p>Glad your <b>knee surgery</b> went well, Tom!</p>', kind: 'draft' }),
    `not json but holds ${secret}`,
    line({ id: 'nokind', text: 'hi', kind: 'tweet' }),
    line({ id: 7, text: secret }),
    '',
    line({ id: 'after', text: 'What time does the flu clinic open?' }),
  ];
  const invalidUtf8 = Buffer.concat([Buffer.from('{"id":"bad-utf8","text":"caf'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n')]);
  const input = Buffer.concat([Buffer.from(lines.join('\n') + '\n'), invalidUtf8]);
  const { code, stdout, stderr } = await runAnalyze(input);
  assert.equal(code, 0);
  const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(out.length, lines.length + 1);
  assert.deepEqual(
    out.map((o) => o.id),
    ['empty', 'big', 'emoji', 'mixed', 'html', null, null, null, null, 'after', 'bad-utf8'],
  );
  assert.equal(out[0]!.sentiment, 'neutral');
  assert.deepEqual(out[0]!.phi, { found: false, spans: [] });
  assert.equal(out[3]!.urgent, true);
  assert.equal((out[4]!.phi as { found: boolean }).found, true);
  assert.deepEqual(out[5], { id: null, line: 6, error: 'line 6: not valid JSON' });
  assert.match(String(out[6]!.error), /kind/);
  assert.match(String(out[7]!.error), /"id"/);
  assert.equal(out[8]!.line, 9);
  for (const o of out) if (o.error) assert.ok(!String(o.error).includes('Walter'), 'errors never echo text');
  assert.ok(!stderr.includes('Walter') && !stderr.includes('3390127'));
});

test('--profile makes the hospital’s own phone not PHI; a bad profile fails without echoing it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bedside-'));
  const good = join(dir, 'profile.json');
  writeFileSync(good, JSON.stringify({ name: 'RRMC', phones: ['(555) 010-2000'], staff: ['Dr. Amara Okafor'] }));
  const text = 'My dad was admitted yesterday. Dr. Okafor said to call (555) 010-2000 with questions.';
  const withProfile = await runAnalyze(line({ id: 'x', text }) + '\n', ['--profile', good]);
  const result = JSON.parse(withProfile.stdout) as { phi: { spans: Array<{ type: string }> } };
  assert.ok(!result.phi.spans.some((s) => s.type === 'PHONE_NUMBER'));

  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ name: 42, phones: 'Walter Briggs' }));
  const failed = await runAnalyze('', ['--profile', bad]);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /profile/);
  assert.ok(!failed.stderr.includes('Walter'));
});

test('the shared contract checker accepts bedside analyze', async () => {
  const checker = resolve(root, '..', 'shared', 'check-contracts');
  const { existsSync } = await import('node:fs');
  if (!existsSync(checker)) {
    console.log('../shared/check-contracts is missing; skipped (CI always has ../shared)');
    return;
  }
  const out = await new Promise<string>((done) => {
    const child = spawn('bash', [checker], { cwd: root });
    let s = '';
    child.stdout.on('data', (d: Buffer) => (s += d.toString()));
    child.on('close', () => done(s));
  });
  assert.match(out, /bedside analyze: contract holds/);
});
