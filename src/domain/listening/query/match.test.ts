import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matches, prepare, type ListenedText } from './match.ts';
import { parse } from './parser.ts';
import { searchableText, tokenise } from './text-tokens.ts';

function matching(query: string, doc: string | ListenedText): boolean {
  const r = parse(query);
  if (!r.ok) assert.fail(`${query}: ${r.error.message}`);
  return matches(r.ast, typeof doc === 'string' ? { text: doc } : doc);
}

describe('matches: words and phrases', () => {
  it('words match case- and accent-insensitively', () => {
    assert.ok(matching('cafe', 'Meet us at the Café!'));
    assert.ok(matching('CAFÉ', 'the cafe'));
    assert.ok(matching('Zürich', 'ZURICH hospital'));
  });

  it('a word matches whole tokens only', () => {
    assert.ok(!matching('flu', 'influenza season'));
    assert.ok(!matching('flu', 'fluids'));
  });

  it('a phrase matches consecutive words, across punctuation', () => {
    assert.ok(matching('"flu shot"', 'Get your flu, shot today'));
    assert.ok(!matching('"flu shot"', 'flu and shot'));
    assert.ok(!matching('"flu shot"', 'shot flu'));
  });

  it('a hyphenated query word matches the hyphenated or spaced text', () => {
    assert.ok(matching('covid-19', 'COVID 19 boosters'));
    assert.ok(matching('"covid 19"', 'covid-19 boosters'));
  });

  it('a prefix wildcard matches every word starting with it', () => {
    assert.ok(matching('vaccin*', 'Vaccinations open Monday'));
    assert.ok(matching('vaccin*', 'get vaccinated'));
    assert.ok(matching('vaccin*', 'vaccin'));
    assert.ok(!matching('vaccin*', 'antivaccine'));
  });

  it('a plain word also matches the hashtag and the mention; #tag and @name match only those', () => {
    assert.ok(matching('flushot', 'Get your #FluShot'));
    assert.ok(matching('#flushot', 'Get your #FluShot'));
    assert.ok(!matching('#flushot', 'no flushot yet'));
    assert.ok(matching('stjude', 'thanks @StJude'));
    assert.ok(matching('@stjude', 'thanks @StJude'));
    assert.ok(!matching('#stjude', 'thanks @StJude'));
    assert.ok(!matching('@stjude', 'email info@stjude.org'));
  });

  it('phrases can contain hashtags', () => {
    assert.ok(matching('"#flushot clinic"', '#FluShot clinic open'));
    assert.ok(!matching('"#flushot clinic"', 'flushot clinic open'));
  });

  it('non-Latin scripts match by word', () => {
    assert.ok(matching('grippe', 'Die Grippe ist da'));
    assert.ok(matching('грипп', 'Сезон: ГРИПП'));
    assert.ok(matching('"vacuna gripe"', '¡Vacuna: gripe!'));
  });
});

describe('matches: operators', () => {
  it("flu NOT shot does not match 'flu shot clinic'", () => {
    assert.ok(!matching('flu NOT shot', 'flu shot clinic'));
    assert.ok(matching('flu NOT shot', 'flu clinic'));
  });

  it('AND needs both, OR either', () => {
    assert.ok(matching('flu shot', 'shot for the flu'));
    assert.ok(!matching('flu shot', 'flu clinic'));
    assert.ok(matching('flu OR shot', 'shot clinic'));
  });

  it("lowercase 'or' is a word", () => {
    assert.ok(!matching('flu or shot', 'shot clinic'));
    assert.ok(matching('flu or shot', 'flu or shot?'));
  });

  it('NEAR/3 matches words three apart in either order', () => {
    assert.ok(matching('flu NEAR/3 shot', 'flu a b c shot'));
    assert.ok(matching('flu NEAR/3 shot', 'shot a b c flu'));
    assert.ok(!matching('flu NEAR/3 shot', 'flu a b c d shot'));
  });

  it('NEAR/0 means next to each other', () => {
    assert.ok(matching('flu NEAR/0 shot', 'shot flu'));
    assert.ok(!matching('flu NEAR/0 shot', 'flu a shot'));
  });

  it('NEAR/nf matches only in the written order', () => {
    assert.ok(matching('flu NEAR/2f shot', 'flu a shot'));
    assert.ok(!matching('flu NEAR/2f shot', 'shot a flu'));
  });

  it('NEAR counts words between the end of a phrase and the other side', () => {
    assert.ok(matching('"flu shot" NEAR/1 clinic', 'flu shot at clinic'));
    assert.ok(matching('"flu shot" NEAR/1 clinic', 'clinic for flu shot'));
    assert.ok(!matching('"flu shot" NEAR/1 clinic', 'flu shot at the clinic'));
  });

  it('NEAR with alternatives matches any pair', () => {
    assert.ok(matching('(flu OR influenza) NEAR/2 (shot OR vaccin*)', 'influenza and vaccination'));
  });

  it('NEAR needs two occurrences when both sides are the same word', () => {
    assert.ok(!matching('flu NEAR/5 flu', 'flu season'));
    assert.ok(matching('flu NEAR/5 flu', 'flu season, flu shots'));
  });

  it('NEAR finds the close pair among many distant occurrences', () => {
    const text = `${'flu '.repeat(2000)}${'x '.repeat(50)}${'shot '.repeat(2000)}`;
    assert.ok(!matching('flu NEAR/10 shot', text));
    assert.ok(matching('flu NEAR/50 shot', text));
  });
});

describe('matches: fields', () => {
  it('author: is case-insensitive and ignores @', () => {
    assert.ok(matching('author:@StJude', { text: 'hello', author: 'stjude' }));
    assert.ok(matching('author:stjude', { text: 'hello', author: '@StJude' }));
    assert.ok(!matching('author:stjude', { text: 'hello', author: 'stjude.bsky.social' }));
    assert.ok(!matching('author:stjude', { text: 'hello' }));
  });

  it('lang:en matches en and its regional variants', () => {
    assert.ok(matching('flu lang:en', { text: 'flu', lang: 'en' }));
    assert.ok(matching('flu lang:en', { text: 'flu', lang: 'en-US' }));
    assert.ok(matching('flu lang:en', { text: 'flu', lang: ['de', 'en'] }));
    assert.ok(!matching('flu lang:en-gb', { text: 'flu', lang: 'en-US' }));
    assert.ok(!matching('flu lang:en', { text: 'flu' }));
  });
});

describe('prepare', () => {
  it('a prepared mention matches like the raw one, for many queries', () => {
    const doc = { text: 'Free #FluShot clinic at @StJude this Saturday — vacunación gratis', author: 'StJude', lang: 'en' };
    const prepared = prepare(doc);
    const queries = ['flushot', '"flu shot"', 'clinic NEAR/3 saturday', 'vacunacion', 'author:stjude lang:en', 'clinic NOT closed', 'vacc*'];
    for (const q of queries) {
      const r = parse(q);
      assert.ok(r.ok);
      assert.equal(matches(r.ast, prepared), matches(r.ast, doc), q);
    }
  });

  it('prepared from the tokens a caller already has (ingest indexes them too), it is the same document', () => {
    for (const text of ['Free #FluShot clinic at @StJude this Saturday — vacunación gratis', 'ﬁnal Ｃａｆé ΟΔΟΣ a#b info@stjude.org covid-19', '']) {
      const doc = { text, author: '@StJude', lang: ['en_US'] };
      const tokens = tokenise(text);
      assert.deepEqual(prepare(doc, tokens), prepare(doc));
      assert.equal(tokens.words.join(' '), searchableText(text));
    }
  });
});
