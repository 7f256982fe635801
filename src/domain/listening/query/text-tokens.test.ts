import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packTokens, searchableText, tokenise, unpackTokens } from './text-tokens.ts';

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
