import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeMessage } from './analyze.ts';
import { testProfile } from './test-profile.ts';

const profile = testProfile();

function checkShape(text: string, kind: 'mention' | 'draft'): void {
  const a = analyzeMessage({ text, kind }, profile);
  assert.ok(['positive', 'neutral', 'negative'].includes(a.sentiment));
  assert.equal(typeof a.urgent, 'boolean');
  assert.equal(a.phi.found || a.phi.spans.length === 0, true);
  for (const s of a.phi.spans) {
    assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
    assert.equal(s.text, text.slice(s.start, s.end));
  }
}

test('analyze never throws and keeps spans inside the text, on arbitrary strings', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('mention' as const, 'draft' as const), (text, kind) => {
      checkShape(text, kind);
    }),
    { numRuns: 400 },
  );
});

test('analyze never throws on strings built from identifier-like pieces', () => {
  const piece = fc.constantFrom('555-0147', ' MRN ', 'Dr. ', 'Tom', ' 3/4/1941 ', '<b>', '</b>', ' your surgery ', '@x', '4111 1111 1111 1111', '\n', '🙏', '?', ' 94 ', 'Street');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('mention' as const, 'draft' as const), (pieces, kind) => {
      checkShape(pieces.join(''), kind);
    }),
    { numRuns: 300 },
  );
});

test('a 100 kB message is analysed in well under a second', () => {
  const text = 'My dad was admitted last night and the nurses were kind. '.repeat(1800);
  const start = performance.now();
  checkShape(text, 'mention');
  // A guard against a blow-up (quadratic scans took seconds), not a benchmark: bench/ measures speed.
  assert.ok(performance.now() - start < 5000);
});
