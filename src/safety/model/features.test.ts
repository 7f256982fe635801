import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featurize, signal, signalIndex, SignalFamily, SignalList, tokenize } from './features.ts';

test('a signal is made once per name and carries its bucket', () => {
  assert.equal(signal('rule:emergency'), signal('rule:emergency'));
  assert.equal(signal('rule:emergency').index, signalIndex('rule:emergency'));
  const kind = new SignalFamily('rule_sentiment:');
  assert.equal(kind.of('positive'), signal('rule_sentiment:positive'));
  assert.equal(kind.sub('mention').of('positive').name, 'rule_sentiment:mention:positive');
  assert.equal(kind.sub('mention'), kind.sub('mention'));
});

test('a signal list keeps the first place and the last value of a name, as a record does', () => {
  const list = new SignalList();
  list.set(signal('id:PERSON'));
  list.set(signal('vader:compound'), 0);
  list.set(signal('phi:rule'));
  list.set(signal('id:PERSON'), 2);
  // Another object of the same name (as after the bound clears the interning) is the same signal.
  list.set({ name: 'phi:rule', index: signalIndex('phi:rule') }, 3);
  assert.deepEqual(list.toRecord(), { 'id:PERSON': 2, 'vader:compound': 0, 'phi:rule': 3 });
  assert.deepEqual(Object.keys(list.toRecord()), ['id:PERSON', 'vader:compound', 'phi:rule']);
  assert.equal(list.has(signal('id:PERSON')), true);
  assert.equal(list.has(signal('vader:compound')), false);
  assert.equal(list.has(signal('lex:spam')), false);
});

test('featurize reads a signal list exactly as the record of the same signals', () => {
  const list = new SignalList();
  for (const [name, value] of [['kind:mention', 1], ['rule:emergency', 1], ['vader:compound', -0.4767], ['lex:spam', 0], ['rule:emergency', 1], ['id:PERSON', 1]] as const) {
    list.set(signal(name), value);
  }
  for (const text of ['my chest hurts', '', 'Thank you Dr. Okafor!! 🙏 the ER team was amazing']) {
    const fromList = featurize(text, list);
    const fromRecord = featurize(text, list.toRecord());
    assert.deepEqual([...fromList.indices], [...fromRecord.indices]);
    assert.deepEqual([...fromList.values], [...fromRecord.values]);
  }
});

/** featurize as first written, over Maps: the order and values the typed-array version must reproduce. */
function referenceFeaturize(text: string, signals: Record<string, number>): { indices: number[]; values: number[] } {
  const fnv = (seed: number, s: string): number => {
    let h = seed;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const mask = (1 << 18) - 1;
  const seed = (family: string): number => fnv(0x811c9dc5, family);
  const tokens = tokenize(text);
  const words = new Set<number>();
  const chars = new Set<number>();
  let previous = '<s>';
  for (const token of tokens) {
    words.add(fnv(seed('w:'), token) & mask);
    words.add(fnv(fnv(fnv(seed('b:'), previous), ' '), token) & mask);
    previous = token;
    if (token.length < 2 || token.charCodeAt(0) > 0x2fff) continue;
    const padded = `<${token}>`;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) chars.add(fnv(seed('c:'), padded.slice(i, i + n)) & mask);
  }
  if (tokens.length > 0) words.add(fnv(fnv(fnv(seed('b:'), previous), ' '), '</s>') & mask);
  const out = new Map<number, number>();
  for (const f of words) out.set(f, (out.get(f) ?? 0) + 1 / Math.sqrt(words.size));
  for (const f of chars) out.set(f, (out.get(f) ?? 0) + 1 / Math.sqrt(chars.size));
  for (const [name, value] of Object.entries(signals)) if (value !== 0) out.set(signalIndex(name), (out.get(signalIndex(name)) ?? 0) + value);
  return { indices: [...out.keys()], values: [...Float32Array.from(out.values())] };
}

test('featurize gives the features of the plain Map-based reading, in its order, short texts and long', () => {
  const signals = { 'kind:mention': 1, 'vader:compound': -0.4767, 'lex:spam': 0 };
  const texts = [
    '',
    'my chest hurts',
    'ER ER er er: the ER!! 🙏 can’t breathe, 104°',
    'Thank you Dr. Okafor and the whole cardiology team, you saved my life! ❤️',
    // Long enough that the feature table grows mid-message.
    Array.from({ length: 300 }, (_, i) => `word${i.toString(36)}x`).join(' '),
  ];
  for (const text of texts) {
    const x = featurize(text, signals);
    const expected = referenceFeaturize(text, signals);
    assert.deepEqual([...x.indices], expected.indices, text.slice(0, 40));
    assert.deepEqual([...x.values], expected.values, text.slice(0, 40));
  }
});
