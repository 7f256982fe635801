import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextCounting } from '../../connectors/types.ts';
import { countLength, measureText } from './text-length.ts';

const GRAPHEMES: TextCounting = { kind: 'graphemes' };
const MASTODON: TextCounting = { kind: 'characters_urls_fixed', urlLength: 23 };
const X: TextCounting = { kind: 'twitter_weighted' };

describe('counting graphemes (Bluesky)', () => {
  test('emoji and combining marks count as one grapheme', () => {
    assert.equal(countLength('👩‍⚕️', GRAPHEMES), 1); // woman health worker: 4 code points, 5 UTF-16 units
    assert.equal(countLength('👍🏽', GRAPHEMES), 1); // skin tone modifier
    assert.equal(countLength('🇺🇸', GRAPHEMES), 1); // flag: two regional indicators
    assert.equal(countLength('e\u0301', GRAPHEMES), 1); // e + combining acute
    assert.equal(countLength('Café ❤️ 👨‍👩‍👧‍👦', GRAPHEMES), 8);
  });

  test('a URL counts in full', () => {
    assert.equal(countLength('https://example.org/cardiology', GRAPHEMES), 30);
  });

  test('the overflow span starts at the first grapheme past the limit, in UTF-16 offsets', () => {
    const text = '👩‍⚕️'.repeat(3) + 'abc';
    const measure = measureText(text, GRAPHEMES, 4);
    assert.deepEqual(measure, { length: 6, limit: 4, remaining: -2, overflow: { start: 16, end: 18 } });
    assert.equal(text.slice(16), 'bc');
  });

  test('a text at the limit has no overflow', () => {
    assert.deepEqual(measureText('abcd', GRAPHEMES, 4), { length: 4, limit: 4, remaining: 0 });
  });
});

describe('counting characters with fixed-length URLs (Mastodon)', () => {
  test('every http(s) URL counts as 23 however long it is', () => {
    const longUrl = `https://www.riverside-hospital.example.org/news/${'a'.repeat(80)}`;
    assert.equal(countLength(`Read: ${longUrl}`, MASTODON), 6 + 23);
    assert.equal(countLength('http://bit.ly/x and https://example.com', MASTODON), 23 + 5 + 23);
  });

  test('a domain without http(s) is counted as typed', () => {
    assert.equal(countLength('riverside.org', MASTODON), 13);
  });

  test('a remote mention @user@domain counts as just @user', () => {
    assert.equal(countLength('@drsmith@mastodon.social', MASTODON), '@drsmith'.length);
    assert.equal(countLength('Thanks @nurse.jo@med-mastodon.com!', MASTODON), 'Thanks @nurse.jo!'.length);
  });

  test('a local mention and an e-mail-like word keep their full length', () => {
    assert.equal(countLength('@drsmith hi', MASTODON), 11);
    assert.equal(countLength('mail info@riverside.org', MASTODON), 23);
  });

  test('a mention inside a URL is part of the URL', () => {
    assert.equal(countLength('https://mastodon.social/@drsmith@example.org', MASTODON), 23);
  });

  test('emoji count as one, as Mastodon counts grapheme clusters', () => {
    assert.equal(countLength('👨‍👩‍👧‍👦 day', MASTODON), 5);
  });

  test('a URL that crosses the limit starts the overflow', () => {
    const text = `${'x'.repeat(490)} https://example.org/x`;
    const measure = measureText(text, MASTODON, 500);
    assert.equal(measure.length, 514);
    assert.deepEqual(measure.overflow, { start: 491, end: text.length });
  });
});

describe('counting weighted length (X)', () => {
  test('CJK characters weigh two, Latin one, and a URL 23', () => {
    assert.equal(countLength('病院', X), 4);
    assert.equal(countLength('Hi http://test.co', X), 26);
  });

  test('an emoji sequence weighs two', () => {
    assert.equal(countLength('👨‍👩‍👧‍👦', X), 2);
  });

  test('the overflow span follows the limit the description gives, not twitter-text’s 280', () => {
    const measure = measureText('a'.repeat(12), X, 10);
    assert.deepEqual(measure, { length: 12, limit: 10, remaining: -2, overflow: { start: 10, end: 12 } });
  });
});
