import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeQuestion, questionKeyTerms, questionsIn, topQuestions } from './questions.ts';
import type { TrendMention } from './terms.ts';

const FROM = '2026-03-01T00:00:00Z';
const TO = '2026-03-08T00:00:00Z';

let seq = 0;
function mention(text: string, day = 3): TrendMention {
  seq += 1;
  return { id: `q${seq}`, text, createdAt: `2026-03-0${day}T12:00:${String(seq % 60).padStart(2, '0')}Z` };
}

describe('question detection', () => {
  it('a sentence ending in a question mark or opening with a question word is a question', () => {
    assert.equal(looksLikeQuestion('Is the ER open on Sunday?'), true);
    assert.equal(looksLikeQuestion('how do I book a flu shot'), true);
    assert.equal(looksLikeQuestion('@stmarys does the clinic take walk-ins'), true);
    assert.equal(looksLikeQuestion('Great care from the nurses.'), false);
    assert.equal(looksLikeQuestion('Will do!'), false);
  });

  it('picks the question sentences out of a longer post', () => {
    assert.deepEqual(questionsIn('Loved the new wing. Where do I park? https://example.org/map Thanks!'), ['Where do I park?']);
  });

  it('key terms are singular content words', () => {
    assert.deepEqual([...questionKeyTerms('What are your visiting hours?')].sort(), ['hour', 'visiting']);
  });
});

describe('topQuestions', () => {
  it('groups near-identical questions and counts the mentions asking them', () => {
    const mentions = [
      mention('What are your visiting hours?'),
      mention('what are the visiting hours??'),
      mention('@stmarys When are visiting hours at the hospital?'),
      mention('What are your visiting hours?', 4),
      mention('Is the ER open on Sunday?'),
      mention('Do you have free parking?'),
    ];
    const [top, ...rest] = topQuestions(mentions, FROM, TO);
    assert.equal(top?.question, 'What are your visiting hours?');
    assert.equal(top?.count, 4);
    assert.deepEqual(top?.terms, ['visiting', 'hours']);
    assert.deepEqual(top?.examples, [mentions[3]?.id, mentions[2]?.id, mentions[1]?.id]);
    assert.deepEqual(
      rest.map((g) => [g.question, g.count]),
      [
        ['Do you have free parking?', 1],
        ['Is the ER open on Sunday?', 1],
      ],
    );
  });

  it('among hundreds of different questions, each is grouped with its rewordings and its partial overlaps', () => {
    // 300 services, each asked three ways: the first two share both key terms, the third one of three.
    const services = Array.from({ length: 300 }, (_, k) => `service${k}`);
    const mentions = services.flatMap((s) => [mention(`What are the ${s} hours?`), mention(`${s} hours??`), mention(`When does ${s} open?`)]);
    const groups = topQuestions(mentions, FROM, TO, 1000);
    // 'What are the X hours?' and 'X hours??' share both key terms; 'When does X open?' shares one of three (Jaccard 1/3): apart.
    assert.equal(groups.length, 600);
    const byQuestion = new Map(groups.map((g) => [g.question, g.count]));
    for (const s of ['service0', 'service150', 'service299']) {
      assert.equal(byQuestion.get(`What are the ${s} hours?`), 2);
      assert.equal(byQuestion.get(`When does ${s} open?`), 1);
    }
  });

  it('different questions sharing one word stay apart', () => {
    const groups = topQuestions([mention('Is parking free?'), mention('Where is the parking garage entrance?')], FROM, TO);
    assert.equal(groups.length, 2);
  });

  it('a mention asking the same thing twice counts once', () => {
    const [group] = topQuestions([mention('Visiting hours? What are the visiting hours?')], FROM, TO);
    assert.equal(group?.count, 1);
  });

  it('questions outside the period are left out, and n limits the list', () => {
    const groups = topQuestions([mention('Is the ER open?', 1), mention('Is the ER open?', 9), mention('Where do I park?')], '2026-03-02T00:00:00Z', TO, 1);
    assert.deepEqual(groups.map((g) => [g.question, g.count]), [['Where do I park?', 1]]);
  });
});
