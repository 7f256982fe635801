import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TEXTS } from './constructed-histories.ts';
import { classifyValueType, postsToRestore, valueMix, wouldExceedPromotionalTarget } from './value-type.ts';
import { VALUE_TYPES, type PublishedPost, type ValueType } from './types.ts';

const NOW = '2026-03-19T16:00:00Z';

function post(type: ValueType, daysAgo: number, overrides: Partial<PublishedPost> = {}): PublishedPost {
  return {
    id: `${type}-${daysAgo}`,
    channelId: 'bluesky',
    publishedAt: new Date(Date.parse(NOW) - daysAgo * 86_400_000).toISOString(),
    text: TEXTS[type],
    ...overrides,
  };
}

describe('classifyValueType', () => {
  it('each example post is classified as the type it was written as', () => {
    for (const type of VALUE_TYPES) assert.equal(classifyValueType(TEXTS[type]).type, type, TEXTS[type]);
  });

  it('ASCII text in any case is classified as the case-insensitive Unicode cues classify it', () => {
    const texts = [
      ...Object.values(TEXTS),
      'BOOK NOW: 15% OFF YOUR FIRST SCREENING! Call us today.',
      'Did You Know? Warning Signs of a Stroke, and When To Call 911',
      'Join Us at the Health Fair on Sat 3/14 at 10 AM. Thank You, Volunteers!',
      'I was Diagnosed last May; my Surgery went well. Meet Our Patient Jo.',
      'Mercy ANNOUNCES new CEO; Magnet Status Recognized. Press Release.',
      'Meet Dr Lee, our new cardiologist',
      'nothing to see here',
    ];
    for (const text of texts) {
      // A non-ASCII character that no cue reads sends the text through the Unicode patterns.
      const viaUnicode = classifyValueType(`${text} é`);
      assert.deepEqual(classifyValueType(text), viaUnicode, text);
    }
    // Beyond ASCII, Unicode case folding still applies: the long s of "ſign up" folds to s.
    assert.equal(classifyValueType('ſign up for the flu clinic').type, 'promotional');
  });

  it('names the cue words behind the classification', () => {
    const c = classifyValueType('Book now and get 15% off your first screening!');
    assert.equal(c.type, 'promotional');
    assert.deepEqual(c.reasons, ["promotional: 'book now'", "promotional: '% off'"]);
    assert.equal(c.confidence, 1);
  });

  it('recognises cues across the six types', () => {
    const cases: Array<[string, ValueType]> = [
      ['Schedule your mammogram online in two minutes.', 'promotional'],
      ['Did you know? Most strokes can be prevented. Here is how to spot the signs of stroke.', 'educational'],
      ['Join us for our community health fair on May 3 at 10am.', 'event'],
      ['Thank you nurses! This week we celebrate the people who care for our community.', 'community'],
      ['"I was diagnosed with breast cancer at 34." Read Dana\'s journey through treatment.', 'patient_story'],
      ['Mercy West opens its new birthing center and is ranked among the best in the state.', 'news'],
    ];
    for (const [text, type] of cases) assert.equal(classifyValueType(text).type, type, text);
  });

  it('a post without cue words is assumed educational with low confidence', () => {
    const c = classifyValueType('Winter is here.');
    assert.equal(c.type, 'educational');
    assert.equal(c.confidence, 0.2);
  });

  it('"Meet Dr." introduces a clinician, not a patient story', () => {
    assert.notEqual(classifyValueType('Meet Dr. Osei, our new cardiologist. Book your visit today.').type, 'patient_story');
  });
});

describe('valueMix', () => {
  it('counts posts of the last 30 days by type, preferring the type the team set', () => {
    const posts = [post('promotional', 1), post('educational', 2), post('educational', 3, { valueType: 'promotional' }), post('news', 40)];
    const mix = valueMix(posts, NOW);
    assert.equal(mix.posts, 3);
    assert.equal(mix.counts.promotional, 2);
    assert.equal(mix.counts.news, 0);
    assert.equal(mix.classifiedFromText, 2);
    assert.ok(Math.abs(mix.shares.promotional - 2 / 3) < 1e-12);
  });

  it('with no posts every share is 0, not NaN', () => {
    const mix = valueMix([], NOW);
    assert.equal(mix.posts, 0);
    assert.equal(mix.shares.promotional, 0);
  });
});

describe('wouldExceedPromotionalTarget', () => {
  const healthy = [
    ...['educational', 'community', 'patient_story', 'event'].flatMap((t, i) => [post(t as ValueType, i + 1), post(t as ValueType, i + 10)]),
    post('promotional', 5),
  ]; // 1 of 9 promotional

  it('warns when a promotional draft would push the last 30 days over 20%', () => {
    const posts = [...healthy, post('promotional', 6)]; // 2 of 10; the draft makes 3 of 11 = 27%
    const finding = wouldExceedPromotionalTarget('Book now: 20% off flu shots for members!', posts, NOW);
    assert.ok(finding);
    assert.equal(finding.rule, 'value_mix');
    assert.equal(finding.severity, 'warn');
    assert.match(finding.message, /3 of 11 posts in the last 30 days would be promotional \(27%\), over the workspace target of 20%/);
    assert.match(finding.message, /Publish 4 educational/);
  });

  it('stays quiet for a promotional draft within the target, and for any non-promotional draft', () => {
    assert.equal(wouldExceedPromotionalTarget('Book now: 20% off flu shots!', healthy, NOW), null); // 2 of 10 = 20%
    assert.equal(wouldExceedPromotionalTarget(TEXTS.educational, [post('promotional', 1)], NOW), null);
  });

  it('honours a workspace target other than 20%', () => {
    assert.ok(wouldExceedPromotionalTarget('Book now: 20% off flu shots!', healthy, NOW, 0.1));
  });

  it('the posts needed to restore the target are the smallest number that does', () => {
    assert.equal(postsToRestore(3, 11, 0.2), 4); // 3 / 15 = 20%
    assert.equal(postsToRestore(9, 10, 0.2), 35); // 9 / 45 = 20%
    assert.equal(postsToRestore(1, 10, 0.2), 0);
  });
});
