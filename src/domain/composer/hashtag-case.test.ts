import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hashtagFindings, suggestCamelCaseHashtag } from './hashtag-case.ts';

const THE_POST = { fieldPrefix: '', label: 'the post' };

describe('CamelCase hashtags', () => {
  test('#hearthealth is suggested as #HeartHealth', () => {
    assert.equal(suggestCamelCaseHashtag('hearthealth'), 'HeartHealth');
  });

  test('run-together campaign tags split into known words', () => {
    assert.equal(suggestCamelCaseHashtag('breastcancerawareness'), 'BreastCancerAwareness');
    assert.equal(suggestCamelCaseHashtag('nursesweek'), 'NursesWeek');
    assert.equal(suggestCamelCaseHashtag('mentalhealthmatters'), 'MentalHealthMatters');
    assert.equal(suggestCamelCaseHashtag('worldheartday2025'), 'WorldHeartDay2025');
  });

  test('a single word, a tag already in CamelCase, or one it cannot split gets no suggestion', () => {
    assert.equal(suggestCamelCaseHashtag('nurses'), undefined);
    assert.equal(suggestCamelCaseHashtag('HeartHealth'), undefined);
    assert.equal(suggestCamelCaseHashtag('covid19'), undefined);
    assert.equal(suggestCamelCaseHashtag('riversidegala'), undefined);
  });

  test('the finding points at the tag and carries the replacement', () => {
    const text = 'Wear red today #hearthealth';
    const [finding, ...rest] = hashtagFindings(text, THE_POST);
    assert.equal(rest.length, 0);
    assert.deepEqual(finding, {
      rule: 'hashtag_camel_case',
      severity: 'warn',
      message: 'Write #hearthealth as #HeartHealth in the post so screen readers read it as words.',
      span: { start: 15, end: 27 },
      field: 'text',
      suggestion: '#HeartHealth',
    });
    assert.equal(text.slice(finding?.span?.start, finding?.span?.end), '#hearthealth');
  });

  test('a long lowercase tag it cannot split gets a hint without a suggestion', () => {
    const [finding] = hashtagFindings('Join us #riversidefoundationgala', { fieldPrefix: 'thread[1].', label: 'thread part 3' });
    assert.equal(finding?.severity, 'info');
    assert.equal(finding?.suggestion, undefined);
    assert.equal(finding?.field, 'thread[1].text');
  });

  test('short or well-cased tags raise nothing', () => {
    assert.deepEqual(hashtagFindings('#flu #HeartHealth #NICU #riverside', THE_POST), []);
  });
});
