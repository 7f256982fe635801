import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mentionTerms, termKind, tokenize } from './terms.ts';

const terms = (text: string, extraStopWords?: string[]) => [...mentionTerms(text, extraStopWords ? { extraStopWords } : {})].sort();

describe('mention terms', () => {
  it('lowercases words and drops English stop words and social filler', () => {
    assert.deepEqual(terms('RT Thanks for the GREAT nurses today lol'), ['nurses']);
  });

  it('keeps hashtags as they are, and they never pair with words', () => {
    assert.deepEqual(terms('Got my #FluShot at the clinic'), ['#flushot', 'clinic']);
  });

  it('pairs adjacent content words, but not across a stop word or punctuation', () => {
    assert.deepEqual(terms('Side effects of the vaccine'), ['effects', 'side', 'side effects', 'vaccine']);
    assert.deepEqual(terms('Long wait times, parking full'), ['full', 'long', 'long wait', 'parking', 'parking full', 'times', 'wait', 'wait times']);
  });

  it('drops links, @handles, numbers and single letters', () => {
    assert.deepEqual(terms('@stmarys.bsky.social ER wait 4 hours https://example.org/x?y=1 x'), ['er', 'er wait', 'hours', 'wait']);
  });

  it("reads possessives, curly apostrophes and hyphenated words as one word", () => {
    assert.deepEqual(terms('The hospital’s follow-up call'), ['call', 'follow-up', 'follow-up call', 'hospital', 'hospital follow-up']);
    assert.deepEqual(terms("don't won’t can't"), []);
  });

  it('reads Unicode words in other scripts', () => {
    assert.deepEqual(terms('Grippeimpfung für Ältere'), ['für', 'für ältere', 'grippeimpfung', 'grippeimpfung für', 'ältere']);
    assert.deepEqual(terms('¿Dónde está la vacunación?'), ['dónde', 'dónde está', 'está', 'la', 'la vacunación', 'vacunación', 'está la'].sort());
  });

  it('ignores extra stop words such as the hospital’s own name, as a word or a hashtag', () => {
    assert.deepEqual(terms('St Marys rocks #StMarys', ['marys', '#stmarys', 'st']), ['rocks']);
  });

  it('marks breaks where a pair must not span', () => {
    assert.deepEqual(tokenize('flu, shot the clinic'), ['flu', null, 'shot', null, 'clinic']);
  });

  it('tells words, hashtags and pairs apart', () => {
    assert.deepEqual(['flu', '#flu', 'flu shot'].map(termKind), ['word', 'hashtag', 'bigram']);
  });
});
