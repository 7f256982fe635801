import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { topQuestions } from './questions.ts';
import { termsAndQuestions } from './terms-and-questions.ts';
import { topTerms } from './top-terms.ts';
import type { TrendMention } from './terms.ts';

const MONTH = '2026-02-06T00:00:00Z';
const WEEK = '2026-02-28T00:00:00Z';
const NOW = '2026-03-07T00:00:00Z';
const TEXTS = [
  'When are the flu shot hours?',
  'Where do I park for the #HeartHealth fair? https://example.org/map Thanks @stmarys!',
  'Loved the new maternity wing.\nThe nurses were kind',
  'does the clinic take walk-ins on Sunday',
  "what are your visiting hours?? asking for my mom's visit",
  'Parking was hard again. Is there a shuttle from lot B?',
  'Great care from the ER team',
  '“Can I bring my own pillow?” asks a patient — yes!',
];

describe('termsAndQuestions', () => {
  it('gives exactly what topTerms and topQuestions give apart, mentions read by both tokenised once', () => {
    // 300 mentions over a month; the week's questions are a subset of them plus some only the questions read.
    const month: TrendMention[] = Array.from({ length: 300 }, (_, k) => ({ id: `m${k}`, text: `${TEXTS[k % TEXTS.length]}${k % 5 === 0 ? ' again' : ''}`, createdAt: new Date(Date.parse(MONTH) + k * 8_640_000).toISOString() }));
    const questions = [...month.filter((m, k) => m.createdAt >= WEEK && k % 2 === 0), { id: 'only-q', text: 'How late is the pharmacy open?', createdAt: '2026-03-05T10:00:00Z' }];
    const both = termsAndQuestions({ terms: { mentions: month, from: MONTH, to: NOW, n: 20 }, questions: { mentions: questions, from: WEEK, to: NOW, n: 10 } });
    assert.deepEqual(both.terms, topTerms(month, MONTH, NOW, 20));
    assert.deepEqual(both.questions, topQuestions(questions, WEEK, NOW, 10));
    assert.ok(both.questions.length >= 3 && both.terms.length === 20);
  });

  it('two mentions with the same text are both counted', () => {
    const copies = [
      { id: 'a', text: 'When are the flu shot hours?', createdAt: '2026-03-05T10:00:00Z' },
      { id: 'b', text: 'When are the flu shot hours?', createdAt: '2026-03-05T11:00:00Z' },
    ];
    const both = termsAndQuestions({ terms: { mentions: copies, from: WEEK, to: NOW, n: 5 }, questions: { mentions: copies, from: WEEK, to: NOW, n: 5 } });
    assert.equal(both.questions[0]?.count, 2);
    assert.equal(both.terms.find((t) => t.term === 'flu shot')?.count, 2);
  });
});
