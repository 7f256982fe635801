import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packedTokens, packTokens, searchableText, tokenise, unpackTokens } from './text-tokens.ts';

test('packed tokens unpack to the tokens of the text, marks and all, and carry the full-text index text', () => {
  for (const text of ['', '   ', 'What time does the ER open?', 'Thanks @StJude and #FluSeason! a#b info@stjude.org', 'Café covid-19 ﬁnal ΣΟΦΟΣ', '#only @marks']) {
    const tokens = tokenise(text);
    const packed = packTokens(tokens);
    assert.deepEqual(unpackTokens(packed), tokens, text);
    assert.equal(packed.searchText, searchableText(text), text);
  }
});

test('unmarked tokens leave their marks out', () => {
  assert.deepEqual(packTokens(tokenise('no marks here')), { searchText: 'no marks here' });
  assert.deepEqual(packTokens(tokenise('a #tag and @someone')), { searchText: 'a tag and someone', marks: '.#.@' });
});

test('packedTokens is packTokens(tokenise(text)), on the ASCII shortcut and off it', () => {
  const texts = ['', ' ', '##flu', '@#flu', 'a#b', '#a#b', '1#x', '_#x', '#_x', 'end#', 'x@y.com @Me', 'MiXeD CaSe 123abc', 'tab\there\nnew', 'Café #covid-19 ﬁnal ΣΟΦΟΣ', 'It’s #flu season @StJude'];
  const alphabet = 'aZ9#@ _-.é';
  for (let i = 0; i < 5000; i++) texts.push(Array.from({ length: i % 12 }, (_, k) => alphabet[(i * 7 + k * k * 13 + k) % alphabet.length]).join(''));
  for (const text of texts) assert.deepEqual(packedTokens(text), packTokens(tokenise(text)), text);
});
