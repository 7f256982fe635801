import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emergingTerms, topQuestions, topTerms, type TrendMention } from './index.ts';

const PROCESS_ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney', 'Pacific/Chatham'];
const NOW = '2026-03-29T01:30:00Z'; // London springs forward at 01:00Z that night

function snapshot(): string {
  const texts = ['Parking garage full?', 'Flu shot clinic open?', 'What are the visiting hours?', 'Measles exposure #MeaslesAlert'];
  const mentions: TrendMention[] = Array.from({ length: 400 }, (_, i) => ({
    id: `m${i}`,
    text: texts[(i * 7) % texts.length] ?? '',
    createdAt: new Date(Date.parse(NOW) - (i % 5 === 0 ? i : i * 97) * 60_000).toISOString(),
  }));
  return JSON.stringify({
    hour: emergingTerms(mentions, NOW, { window: 'hour' }),
    day: emergingTerms(mentions, NOW, { window: 'day' }),
    top: topTerms(mentions, '2026-03-20T00:00:00Z', NOW, 10),
    questions: topQuestions(mentions, '2026-03-20T00:00:00Z', NOW, 10),
  });
}

describe('process time zone', () => {
  it('listening trends do not depend on the process TZ', () => {
    const original = process.env.TZ;
    try {
      const results = new Map<string, string>();
      for (const zone of PROCESS_ZONES) {
        process.env.TZ = zone;
        results.set(zone, snapshot());
      }
      const [reference] = results.values();
      for (const [zone, result] of results) assert.equal(result, reference, `results differ with TZ=${zone}`);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
