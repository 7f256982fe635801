/**
 * A constructed February 2026 for the report's tests: 30 weeks of a hospital posting on plan (the
 * scorecard's constructed history, up to 19 March 2026), February's posts given known metrics
 * (one with markup in its text), and business-hours conversations with known answers.
 */
import { DateTime } from 'luxon';
import { officeHours, type ResponseConversation } from '../inbox/index.ts';
import { buildHistory, NOW, PRIMARY, ZONE } from '../scorecard/constructed-histories.ts';
import type { PublishedPost, ScorecardInput } from '../scorecard/types.ts';
import type { MonthlyReportInput } from './monthly-report.ts';

/** Local wall-clock time in the constructed histories' zone, as an ISO instant. */
export function at(local: string): string {
  return DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO()!;
}

function conversation(id: string, received: string, options: { answeredAfter?: number; by?: string; resolution?: ResponseConversation['resolution']; needsResponse?: boolean; channelId?: string } = {}): ResponseConversation {
  const r = DateTime.fromISO(received, { zone: ZONE });
  return {
    id,
    channelId: options.channelId ?? PRIMARY,
    receivedAt: r.toUTC().toISO()!,
    dueAt: r.plus({ minutes: 60 }).toUTC().toISO()!,
    ...(options.answeredAfter !== undefined ? { firstResponseAt: r.plus({ minutes: options.answeredAfter }).toUTC().toISO()! } : {}),
    ...(options.by ? { firstResponseBy: options.by } : {}),
    ...(options.resolution ? { resolution: options.resolution } : {}),
    needsResponse: options.needsResponse ?? true,
  };
}

/** February 2026: business-hours conversations with known answers (Mon 2 Feb is a Monday). */
export const CONVERSATIONS: ResponseConversation[] = [
  conversation('c1', '2026-02-02T10:00', { answeredAfter: 30, by: 'ana', resolution: 'replied' }),
  conversation('c2', '2026-02-03T10:00', { answeredAfter: 120, by: 'ben', resolution: 'replied' }),
  conversation('c3', '2026-02-04T10:00', { answeredAfter: 10, by: 'ana', resolution: 'moved_offline' }),
  conversation('c4', '2026-02-05T10:00'),
  conversation('c5', '2026-02-05T11:00', { needsResponse: false, resolution: 'hidden' }),
  conversation('c6', '2026-02-06T10:00', { answeredAfter: 15, by: 'ana', resolution: 'replied', channelId: 'listening' }),
  conversation('j1', '2026-01-15T10:00', { answeredAfter: 20, by: 'ana', resolution: 'replied' }),
];

export const NASTY = '<script>alert("x")</script> Flu & "RSV" clinic =SUM(A1)';

/** 30 weeks on plan up to NOW (19 March 2026), with February's posts given known metrics. */
export function history(): ScorecardInput {
  const base = buildHistory({ weeks: 30, audience: (w) => 380 + (w % 4) * 10 });
  const feb = (p: PublishedPost) => p.publishedAt >= at('2026-02-01T00:00') && p.publishedAt < at('2026-03-01T00:00');
  let k = 0;
  const posts = base.posts.map((p): PublishedPost => {
    if (!feb(p)) return p;
    k++;
    if (k === 1) return { ...p, id: 'chatty', metrics: { likes: 0, reposts: 0, replies: 11, quotes: 0 } };
    if (k === 2) return { ...p, id: 'liked', metrics: { likes: 30, reposts: 0, replies: 0, quotes: 0 } };
    if (k === 3) return { ...p, id: 'nasty', text: NASTY, metrics: { likes: 60, reposts: 5, replies: 6, quotes: 2, impressions: 2000 } };
    if (k === 4) return { ...p, id: 'fresh', metrics: undefined } as PublishedPost;
    return p;
  });
  return { ...base, posts };
}

export function reportInput(overrides: Partial<MonthlyReportInput> = {}): MonthlyReportInput {
  const h = history();
  return {
    workspace: { name: 'Mercy <Health> & "Friends"', zone: ZONE },
    month: '2026-02',
    now: NOW,
    history: h,
    previousHistory: h,
    conversations: CONVERSATIONS,
    businessHours: officeHours(ZONE),
    firstResponseMinutes: 60,
    people: { ana: 'Ana Lopez', ben: 'Ben Okafor' },
    postLinks: { nasty: 'javascript:alert(1)', chatty: 'https://bsky.app/profile/mercy.health/post/3abc' },
    ...overrides,
  };
}
