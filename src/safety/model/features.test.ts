import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featurize, signal, signalIndex, SignalFamily, SignalList } from './features.ts';

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
