import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PILLARS } from './constructed-histories.ts';
import { audienceTopicsVsPillars, pillarShare, stem, suggestPillars } from './pillars.ts';
import type { PublishedPost } from './types.ts';

const NOW = '2026-03-19T16:00:00Z';

function post(id: string, text: string, daysAgo: number, pillarIds?: string[]): PublishedPost {
  return {
    id,
    channelId: 'bluesky',
    publishedAt: new Date(Date.parse(NOW) - daysAgo * 86_400_000).toISOString(),
    text,
    ...(pillarIds ? { pillarIds } : {}),
  };
}

describe('suggestPillars', () => {
  it('suggests the pillar whose keywords the post uses, multi-word keywords scoring per word', () => {
    const s = suggestPillars('Know your blood pressure numbers: your heart will thank you.', PILLARS);
    assert.equal(s[0]?.pillarId, 'heart');
    assert.deepEqual(s[0]?.matched, ['heart', 'blood pressure']);
    assert.equal(s[0]?.score, 3);
  });

  it('matches plural and -ing forms and hashtags written as one word', () => {
    assert.equal(suggestPillars('Free mammograms this Saturday #WomensHealth', PILLARS)[0]?.pillarId, 'women');
    assert.equal(suggestPillars('Volunteering at the food bank with our neighbours', PILLARS)[0]?.pillarId, 'community');
    assert.equal(suggestPillars('#HeartHealth month starts today', PILLARS)[0]?.pillarId, 'heart');
    assert.equal(stem('screenings'), stem('screening'));
    assert.equal(stem('screened'), stem('screen'));
  });

  it('returns nothing for a post on no pillar', () => {
    assert.deepEqual(suggestPillars('Our parking garage is closed on Sunday.', PILLARS), []);
  });
});

describe('pillarShare', () => {
  it('counts pillar shares over the last 30 days, flags off-pillar posts and measures drift against the 60 days before', () => {
    const posts = [
      post('a', 'Lower your blood pressure with these tips', 2),
      post('b', 'Parking garage closed Sunday', 3),
      post('c', 'Our cafeteria has a new menu', 4),
      post('d', 'Anything at all', 5, ['women']), // the team tagged it: the tag wins
      ...Array.from({ length: 6 }, (_, i) => post(`old${i}`, 'Heart screening tips', 40 + i)),
    ];
    const share = pillarShare(posts, PILLARS, NOW);
    assert.equal(share.posts, 4);
    assert.equal(share.onPillarShare, 0.5);
    assert.deepEqual(share.offPillarPostIds, ['b', 'c']);
    assert.equal(share.previousOnPillarShare, 1);
    assert.equal(share.drift, 0.5);
    assert.deepEqual(
      share.perPillar.map((p) => [p.pillarId, p.posts]),
      [['heart', 1], ['women', 1], ['community', 0]],
    );
  });
});

describe('audienceTopicsVsPillars', () => {
  it('sets the audience\'s top terms against the pillars and lists what no pillar covers', () => {
    const topics = audienceTopicsVsPillars(
      [
        { term: 'blood pressure', kind: 'bigram', count: 14, examples: [] },
        { term: 'parking', kind: 'word', count: 9, examples: [] },
        { term: '#mammogram', kind: 'hashtag', count: 5, examples: [] },
      ],
      PILLARS,
    );
    assert.deepEqual(topics.perPillar.find((p) => p.pillarId === 'heart')?.terms, ['blood pressure']);
    assert.deepEqual(topics.perPillar.find((p) => p.pillarId === 'women')?.terms, ['#mammogram']);
    assert.deepEqual(topics.uncovered.map((t) => t.term), ['parking']);
    assert.equal(topics.onPillarShare, 19 / 28);
  });
});
