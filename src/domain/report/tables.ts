/** Every table of the monthly report, built from its sections; the HTML and the CSV export read these. */
import type { ResponseFigures } from '../inbox/index.ts';
import type { MonthlyReport } from './monthly-report.ts';
import { column, type Cell, type ReportColumn, type ReportTable } from './table.ts';
import { percent } from './posts.ts';

export const TABLE_NAMES = [
  'scorecard',
  'scorecard_figures',
  'what_changed',
  'weekly_trend',
  'top_posts',
  'inbox_summary',
  'inbox_by_channel',
  'inbox_by_person',
  'value_mix',
  'pillar_share',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export function reportTables(r: Omit<MonthlyReport, 'tables'>): ReportTable[] {
  const tables: Record<TableName, ReportTable> = {
    scorecard: {
      name: 'scorecard',
      title: 'Seven-rules scorecard',
      columns: [
        column('rule', 'Rule', 'text'),
        column('score', 'Score (0–100)', 'count'),
        column('previous', `Score end of ${r.previousPeriod.label}`, 'count'),
        column('change', 'Change (points)', 'points'),
        column('explanation', 'Why', 'text'),
        column('next', 'Next action', 'text'),
      ],
      rows: [
        ...r.scorecard.rules.map((rule): Cell[] => [rule.label, rule.score, rule.previousScore, rule.change, rule.explanation, rule.nextAction]),
        ['Overall', r.scorecard.overall, r.scorecard.previousOverall, diff(r.scorecard.overall, r.scorecard.previousOverall), r.scorecard.overall === null ? 'Needs at least 4 of the 7 rules scored.' : 'Mean of the scored rules.', null],
      ],
    },
    scorecard_figures: {
      name: 'scorecard_figures',
      title: 'The figures behind each score',
      columns: [column('rule', 'Rule', 'text'), column('figure', 'Figure', 'text'), column('value', 'Value', 'text')],
      rows: r.scorecard.rules.flatMap((rule) => Object.entries(rule.figures).map(([name, value]): Cell[] => [rule.label, figureLabel(name), value])),
      empty: 'No rule has figures yet.',
    },
    what_changed: {
      name: 'what_changed',
      title: `What changed since ${r.previousPeriod.label}`,
      columns: [
        column('measure', 'Measure', 'text'),
        column('unit', 'Unit', 'text'),
        column('previous', r.previousPeriod.label, 'number'),
        column('current', r.period.label, 'number'),
        column('change', 'Change', 'points'),
        column('note', 'Note', 'text'),
      ],
      rows: r.whatChanged.map((c): Cell[] => [c.measure, c.unit, c.previous, c.current, c.change, c.note ?? null]),
    },
    weekly_trend: {
      name: 'weekly_trend',
      title: 'Engaged people per week',
      columns: [
        column('week', 'Week starting', 'date'),
        column('engaged', 'Engaged people', 'count'),
        column('low', 'Normal range: low', 'number'),
        column('high', 'Normal range: high', 'number'),
        column('posts', 'Posts (primary channel)', 'count'),
      ],
      rows: r.trend.weeks.map((w): Cell[] => [w.weekStart, w.engagedPeople, w.low, w.high, w.posts]),
      empty: r.trend.notEnoughData ? `Not enough data: ${r.trend.notEnoughData}.` : 'No weeks yet.',
    },
    top_posts: {
      name: 'top_posts',
      title: 'Top posts by engagement quality',
      columns: [
        column('rank', 'Rank', 'count'),
        column('published', 'Published', 'date'),
        column('post', 'Post', 'text'),
        column('quality', 'Quality points', 'count'),
        column('conversations', 'Replies + quotes', 'count'),
        column('likes', 'Likes', 'count'),
        column('reposts', 'Reposts', 'count'),
        column('rate', 'Engagement rate (%)', 'percent'),
        column('rateOf', 'Rate of', 'text'),
        column('link', 'Link', 'link'),
      ],
      rows: r.topPosts.posts.map((p): Cell[] => [p.rank, p.published, p.excerpt, p.qualityPoints, p.conversations, p.likes, p.reposts, p.engagementRate, p.rateOf, p.url]),
      empty: r.topPosts.notEnoughData ? `Not enough data: ${r.topPosts.notEnoughData}.` : 'No posts.',
    },
    inbox_summary: {
      name: 'inbox_summary',
      title: 'Inbox performance',
      columns: [column('measure', 'Measure', 'text'), column('current', r.period.label, 'number'), column('previous', r.previousPeriod.label, 'number')],
      rows: summaryRows(r.inbox.current, r.inbox.previous, r.inbox.firstResponseTargetMinutes),
    },
    inbox_by_channel: {
      name: 'inbox_by_channel',
      title: 'Inbox performance per channel',
      columns: [column('channel', 'Channel', 'text'), ...figureColumns],
      rows: r.inbox.perChannel.map((c): Cell[] => [c.name, ...figureCells(c)]),
      empty: 'No conversations arrived this month.',
    },
    inbox_by_person: {
      name: 'inbox_by_person',
      title: 'Inbox performance per person',
      columns: [column('person', 'Person', 'text'), ...figureColumns],
      rows: r.inbox.perPerson.map((p): Cell[] => [p.name, ...figureCells(p)]),
      empty: 'No conversations arrived this month.',
    },
    value_mix: {
      name: 'value_mix',
      title: 'Value mix of the month’s posts',
      columns: [column('type', 'Value type', 'text'), column('posts', 'Posts', 'count'), column('share', 'Share (%)', 'percent')],
      rows: r.valueMix.posts === 0 ? [] : r.valueMix.types.map((t): Cell[] => [t.label, t.posts, t.share]),
      empty: r.valueMix.notEnoughData ? `Not enough data: ${r.valueMix.notEnoughData}.` : 'No posts.',
    },
    pillar_share: {
      name: 'pillar_share',
      title: 'Content pillar share of the month’s posts',
      columns: [column('pillar', 'Pillar', 'text'), column('posts', 'Posts', 'count'), column('share', 'Share (%)', 'percent')],
      rows:
        r.pillars.notEnoughData !== undefined
          ? []
          : [...r.pillars.pillars.map((p): Cell[] => [p.name, p.posts, p.share]), ['On no pillar', r.pillars.offPillarPosts, percent(r.pillars.offPillarPosts / r.pillars.posts)]],
      empty: r.pillars.notEnoughData ? `Not enough data: ${r.pillars.notEnoughData}.` : 'No posts.',
    },
  };
  return TABLE_NAMES.map((name) => tables[name]);
}

const figureColumns: ReportColumn[] = [
  column('received', 'Received', 'count'),
  column('needing', 'Needing a response', 'count'),
  column('responded', 'Responded', 'count'),
  column('rate', 'Response rate (%)', 'percent'),
  column('replied', 'Replied', 'count'),
  column('offline', 'Moved offline', 'count'),
  column('open', 'Still open', 'count'),
  column('breached', 'Breached', 'count'),
  column('median', 'First response median (business min)', 'minutes'),
  column('p90', 'First response p90 (business min)', 'minutes'),
  column('wallMedian', 'First response median (wall-clock min)', 'minutes'),
  column('wallP90', 'First response p90 (wall-clock min)', 'minutes'),
];

function figureCells(f: ResponseFigures): Cell[] {
  return [
    f.total,
    f.needingResponse,
    f.responded,
    f.respondedRate === null ? null : percent(f.respondedRate),
    f.replied,
    f.movedOffline,
    f.open,
    f.breached,
    roundMinutes(f.firstResponseMinutes.business.median),
    roundMinutes(f.firstResponseMinutes.business.p90),
    roundMinutes(f.firstResponseMinutes.wallClock.median),
    roundMinutes(f.firstResponseMinutes.wallClock.p90),
  ];
}

function summaryRows(now: ResponseFigures, before: ResponseFigures, target: number): Cell[][] {
  const labels = figureColumns.map((c) => c.label);
  const a = figureCells(now);
  const b = figureCells(before);
  return [...labels.map((label, i): Cell[] => [label, a[i] ?? null, b[i] ?? null]), ['First-response target (business min)', target, target]];
}

function roundMinutes(x: number | null): number | null {
  return x === null ? null : Math.round(x);
}

function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** "postsLast90Days" → "Posts last 90 days". */
export function figureLabel(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z0-9])/gu, '$1 $2')
    .replace(/([0-9])([A-Za-z])/gu, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
