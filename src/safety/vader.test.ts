import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import vader from 'vader-sentiment';
import { vaderCompound } from './vader.ts';

const library = (text: string): number => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;

test('the fast tokeniser gives the library’s compound score on every labelled message', () => {
  const dir = fileURLToPath(new URL('../../eval/healthcare/', import.meta.url));
  const texts = ['train.jsonl', 'dev.jsonl', 'dev2.jsonl', 'dev3.jsonl']
    .filter((f) => existsSync(dir + f))
    .flatMap((f) => readFileSync(dir + f, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
  assert.ok(texts.length > 1000, 'the labelled messages are there to compare on');
  for (const text of texts) assert.equal(vaderCompound(text), library(text), text.slice(0, 60));
});

test('the fast tokeniser gives the library’s compound score on arbitrary mixes of words, caps, marks and emoticons', () => {
  // Words VADER treats specially: lexicon words, boosters, negations, "but", "kind of", "least", "never so".
  const word = fc.constantFrom('good', 'GOOD', 'bad', 'BAD', 'love', 'hate', 'very', 'VERY', 'extremely', 'kind', 'of', 'sort', 'not', "isn't", 'never', 'so', 'this', 'least', 'at', 'but', 'BUT', 'the', 'nurse', 'pain', 'death', 'dead', 'happy', 'sad', ':)', ':(', '<3', 'lol', 'no', 'without', 'doubt', 'kinda', 'fucking', 'amazing', 'awful', 'x', 'a', 'yeah', 'great', 'cancer', 'free', 'negative', 'positive');
  const mark = fc.constantFrom('', '', '', '.', '!', '?', ',', '!!', '!!!', '!!!!', '???', '?!?', "'", '"', '-', ':', '(', ')', '#', '@');
  const token = fc.tuple(mark, word, mark).map(([a, w, b]) => a + w + b);
  const space = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\t');
  const text = fc.array(fc.tuple(token, space), { maxLength: 30 }).map((parts) => parts.map(([t, s]) => t + s).join(''));
  fc.assert(
    fc.property(text, (t) => vaderCompound(t) === library(t)),
    { numRuns: 3000 },
  );
});
