import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import vader from 'vader-sentiment';
import { vaderCompound, wordsAndEmoticons, isSpace } from './vader.ts';

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
  const word = fc.constantFrom('good', 'GOOD', 'bad', 'BAD', 'love', 'hate', 'very', 'VERY', 'extremely', 'kind', 'of', 'sort', 'not', "isn't", 'never', 'so', 'this', 'least', 'at', 'but', 'BUT', 'the', 'nurse', 'pain', 'death', 'dead', 'happy', 'sad', ':)', ':(', '<3', 'lol', 'no', 'without', 'doubt', 'kinda', 'fucking', 'amazing', 'awful', 'x', 'a', 'yeah', 'great', 'cancer', 'free', 'negative', 'positive',
    // Negations, boosters and idiom words, in and out of capitals (valenceAt in vader.ts takes its shortcuts around these).
    'NOT', "don't", "DON'T", 'cannot', 'nor', 'neither', 'rarely', 'seldom', 'despite', 'really', 'REALLY', 'quite', 'barely', 'hardly', 'somewhat', 'less', 'more', 'the', 'shit', 'bomb', 'ass', 'right', 'kiss', 'death', 'cut', 'mustard', 'hand', 'to', 'mouth', 'just', 'enough', 'Least', 'Never', 'So', 'This', 'smile', 'wonderful', 'terrible', 'ok');
  const mark = fc.constantFrom('', '', '', '.', '!', '?', ',', '!!', '!!!', '!!!!', '???', '?!?', "'", '"', '-', ':', '(', ')', '#', '@');
  const token = fc.tuple(mark, word, mark).map(([a, w, b]) => a + w + b);
  const space = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\t');
  const text = fc.array(fc.tuple(token, space), { maxLength: 30 }).map((parts) => parts.map(([t, s]) => t + s).join(''));
  fc.assert(
    fc.property(text, (t) => vaderCompound(t) === library(t)),
    { numRuns: 3000 },
  );
});

test('isSpace is what /\\s/ matches, on every UTF-16 unit', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test('wordsAndEmoticons splits as the library does, marks and unusual spaces included', () => {
  const mark = fc.constantFrom('', '', '.', '!', '?', '!?!', "'", '"', '-', '#', ':)');
  const word = fc.constantFrom('good', 'BAD', 'x', 'a-b', "can't", ':(', '<3', '', 'é', '😀');
  const space = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028');
  const text = fc.array(fc.tuple(mark, word, mark, space), { maxLength: 20 }).map((ps) => ps.map((p) => p.join('')).join(''));
  fc.assert(
    fc.property(text, (t) => {
      const words = new Set(t.replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '').split(/\s/).filter((w) => w.length > 1));
      const expected = t.split(/\s/).filter((w) => w.length > 1).map((token) => {
        for (const m of ['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?']) {
          if (token.startsWith(m) && words.has(token.slice(m.length))) return token.slice(m.length);
          if (token.endsWith(m) && words.has(token.slice(0, -m.length))) return token.slice(0, -m.length);
        }
        return token;
      });
      assert.deepEqual(wordsAndEmoticons(t), expected);
    }),
    { numRuns: 2000 },
  );
});
