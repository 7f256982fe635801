/**
 * The monthly leadership report as data: the seven-rules scorecard at the end of the month, what
 * changed against the month before, the weekly trend with its noise band, the top posts by
 * engagement quality, inbox performance, the value mix and the pillar share — and every table
 * of it in one generic shape for the HTML and the CSV export. Pure: the history is passed in.
 * A section without data says what is missing instead of showing a misleading zero.
 */
import { RESPONSE_METRIC_GLOSSARY, type BusinessHours, type ResponseConversation, type ResponseFigures } from '../inbox/index.ts';
import { engagementSummary } from '../scorecard/engagement.ts';
import { scorecard } from '../scorecard/scorecard.ts';
import { RULES, type RuleName, type RuleScore } from '../scorecard/rules/rule-score.ts';
import type { ScorecardInput } from '../scorecard/types.ts';
import { inboxSection, type InboxSection } from './inbox-section.ts';
import { previousPeriod, reportPeriod, type ReportPeriod } from './period.ts';
import {
  ENGAGEMENT_QUALITY_DEFINITION,
  monthPostFigures,
  percent,
  pillarSection,
  postsInPeriod,
  topPostsSection,
  valueMixSection,
  type PillarSection,
  type TopPostsSection,
  type ValueMixSection,
} from './posts.ts';
import { reportTables } from './tables.ts';
import type { ReportTable } from './table.ts';
import { weeklyTrendSection, type WeeklyTrendSection } from './weekly-trend.ts';

export interface MonthlyReportInput {
  workspace: { name: string; zone: string };
  /** 'YYYY-MM' in the workspace's zone. */
  month: string;
  now: string;
  /** The workspace's history read as of the end of the month (or now while it runs). */
  history: ScorecardInput;
  /** The same, as of the end of the month before: the baseline of "what changed". */
  previousHistory: ScorecardInput;
  /** Conversations received in the month and the month before. */
  conversations: readonly ResponseConversation[];
  businessHours: BusinessHours;
  firstResponseMinutes: number;
  /** User id → display name, for inbox performance per person. */
  people: Readonly<Record<string, string>>;
  /** Post id → its address on the network, for the top posts (only http(s) is linked). */
  postLinks: Readonly<Record<string, string>>;
}

export const RULE_LABELS: Record<RuleName, string> = {
  listen: 'Listen',
  quality: 'Quality',
  focus: 'Focus',
  consistency: 'Consistency',
  value: 'Value',
  acknowledgment: 'Acknowledgment',
  patience: 'Patience',
};

export interface ReportRule extends RuleScore {
  label: string;
  /** The rule's score at the end of the month before; null when it had none. */
  previousScore: number | null;
  /** score − previousScore; null unless both exist. */
  change: number | null;
}

export interface ScorecardSection {
  overall: number | null;
  previousOverall: number | null;
  rules: ReportRule[];
}

export type MeasureUnit = 'posts' | 'engagements' | 'people' | 'conversations' | 'percent' | 'business minutes' | 'score';

export interface Change {
  measure: string;
  unit: MeasureUnit;
  previous: number | null;
  current: number | null;
  /** current − previous (percentage points for percentages); null unless both exist. */
  change: number | null;
  note?: string;
}

export interface MonthlyReport {
  workspace: { name: string; zone: string };
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  generatedAt: string;
  /** What the report cannot show yet, section by section, in words the team can act on. */
  missing: string[];
  scorecard: ScorecardSection;
  whatChanged: Change[];
  trend: WeeklyTrendSection;
  topPosts: TopPostsSection;
  inbox: InboxSection;
  valueMix: ValueMixSection;
  pillars: PillarSection;
  /** How each figure is computed, by term. */
  definitions: Record<string, string>;
  tables: ReportTable[];
}

export function monthlyReport(input: MonthlyReportInput): MonthlyReport {
  const period = reportPeriod(input.month, input.workspace.zone, input.now);
  const previous = previousPeriod(period);
  const current = scorecard(input.history, period.asOf);
  const before = scorecard(input.previousHistory, previous.asOf);
  const scores: ScorecardSection = {
    overall: current.overall ?? null,
    previousOverall: before.overall ?? null,
    rules: current.rules.map((r) => {
      const prev = before.rules.find((p) => p.rule === r.rule)?.score ?? null;
      return { ...r, label: RULE_LABELS[r.rule], previousScore: prev, change: r.score === null || prev === null ? null : r.score - prev };
    }),
  };
  const channelNames = new Map(input.history.channels.map((c) => [c.id, c.name]));
  const inbox = inboxSection(
    { conversations: input.conversations, businessHours: input.businessHours, firstResponseMinutes: input.firstResponseMinutes, channelNames, people: input.people },
    period,
    previous,
    input.now,
  );
  const promotionalTarget = input.history.valueTarget?.promotionalShare;
  const valueMix = valueMixSection(input.history.posts, period, promotionalTarget);
  const pillars = pillarSection(input.history.posts, input.history.pillars, period);
  const previousValueMix = valueMixSection(input.previousHistory.posts, previous, promotionalTarget);
  const previousPillars = pillarSection(input.previousHistory.posts, input.previousHistory.pillars, previous);
  const trend = weeklyTrendSection(input.history, period.asOf);
  const topPosts = topPostsSection(input.history.posts, period, input.postLinks);

  const whatChanged = changes(input, period, previous, scores, inbox, { now: valueMix, before: previousValueMix }, { now: pillars, before: previousPillars });

  const missing: string[] = [];
  const unscored = scores.rules.filter((r) => r.score === null);
  if (unscored.length > 0) missing.push(`Scorecard: ${unscored.length} of ${RULES.length} rules cannot be scored yet (${unscored.map((r) => r.label).join(', ')}); each says what it needs.`);
  if (trend.notEnoughData) missing.push(`Weekly trend: ${trend.notEnoughData}.`);
  if (topPosts.notEnoughData) missing.push(`Top posts: ${topPosts.notEnoughData}.`);
  if (inbox.notEnoughData) missing.push(`Inbox performance: ${inbox.notEnoughData}.`);
  if (valueMix.notEnoughData) missing.push(`Value mix: ${valueMix.notEnoughData}.`);
  if (pillars.notEnoughData) missing.push(`Pillar share: ${pillars.notEnoughData}.`);

  const model: Omit<MonthlyReport, 'tables'> = {
    workspace: input.workspace,
    period,
    previousPeriod: previous,
    generatedAt: input.now,
    missing,
    scorecard: scores,
    whatChanged,
    trend,
    topPosts,
    inbox,
    valueMix,
    pillars,
    definitions: definitions(inbox.firstResponseTargetMinutes),
  };
  return { ...model, tables: reportTables(model) };
}

function changes(
  input: MonthlyReportInput,
  period: ReportPeriod,
  previous: ReportPeriod,
  scores: ScorecardSection,
  inbox: InboxSection,
  mix: { now: ValueMixSection; before: ValueMixSection },
  pillars: { now: PillarSection; before: PillarSection },
): Change[] {
  const rows: Change[] = [];
  const add = (measure: string, unit: MeasureUnit, prev: number | null, cur: number | null, note?: string): void => {
    rows.push({ measure, unit, previous: prev, current: cur, change: prev === null || cur === null ? null : Math.round((cur - prev) * 10) / 10, ...(note ? { note } : {}) });
  };
  add('Overall score', 'score', scores.previousOverall, scores.overall, scores.overall === null ? 'needs at least 4 of the 7 rules scored' : undefined);
  for (const r of scores.rules) add(`${r.label} score`, 'score', r.previousScore, r.score);

  const postsNow = monthPostFigures(input.history.posts, period);
  const postsBefore = monthPostFigures(input.previousHistory.posts, previous);
  add('Posts published', 'posts', postsBefore.posts, postsNow.posts);
  add('Engagements on the month’s posts', 'engagements', postsBefore.engagements, postsNow.engagements, 'likes + reposts + replies + quotes, latest metrics');
  add('Conversation share of engagement', 'percent', postsBefore.conversationShare, postsNow.conversationShare, '(replies + quotes) ÷ engagements');
  const ratesNow = engagementSummary(postsInPeriod(input.history.posts, period));
  const ratesBefore = engagementSummary(postsInPeriod(input.previousHistory.posts, previous));
  if (ratesNow.impressions || ratesBefore.impressions) {
    add('Median engagement rate (of impressions)', 'percent', ratesBefore.impressions ? percent(ratesBefore.impressions.median) : null, ratesNow.impressions ? percent(ratesNow.impressions.median) : null);
  }
  if (ratesNow.followers || ratesBefore.followers) {
    add('Median engagement rate (of followers at the time)', 'percent', ratesBefore.followers ? percent(ratesBefore.followers.median) : null, ratesNow.followers ? percent(ratesNow.followers.median) : null);
  }
  const peopleNow = engagedPeople(input.history, period);
  const peopleBefore = engagedPeople(input.previousHistory, previous);
  add('Engaged people', 'people', peopleBefore.count, peopleNow.count, peopleNow.note ?? 'unique people who liked, reposted, replied, quoted or mentioned');

  add('Conversations received', 'conversations', inbox.previous.total, inbox.current.total);
  add('Response rate', 'percent', shareOf(inbox.previous.respondedRate), shareOf(inbox.current.respondedRate), 'responded ÷ needing a response, open ones included');
  add('Median first response', 'business minutes', minutes(inbox.previous, 'median'), minutes(inbox.current, 'median'));
  add('90th percentile first response', 'business minutes', minutes(inbox.previous, 'p90'), minutes(inbox.current, 'p90'));
  add('Breached the response target', 'conversations', inbox.previous.breached, inbox.current.breached);
  add('Moved offline', 'conversations', inbox.previous.movedOffline, inbox.current.movedOffline);
  add('Promotional share of posts', 'percent', mix.before.promotionalShare, mix.now.promotionalShare, `target: at most ${mix.now.promotionalTarget}%`);
  add('Posts on a content pillar', 'percent', pillars.before.onPillarShare, pillars.now.onPillarShare);
  return rows;
}

/** Unique people with an interaction (follows excluded) in the period; null before interactions were tracked. */
function engagedPeople(history: ScorecardInput, period: ReportPeriod): { count: number | null; note?: string } {
  const from = Date.parse(period.from);
  const to = Date.parse(period.asOf);
  const since = history.interactionsSince !== undefined ? Date.parse(history.interactionsSince) : undefined;
  if (since !== undefined && since > to) return { count: null, note: 'interactions were not tracked yet' };
  const people = new Set<string>();
  for (const it of history.interactions) {
    if (it.kind === 'follow') continue;
    const at = Date.parse(it.at);
    if (at >= from && at <= to) people.add(it.personId);
  }
  return since !== undefined && since > from ? { count: people.size, note: `counted from ${history.interactionsSince!.slice(0, 10)}, when tracking began` } : { count: people.size };
}

function shareOf(x: number | null): number | null {
  return x === null ? null : percent(x);
}

function minutes(f: ResponseFigures, stat: 'median' | 'p90'): number | null {
  const v = f.firstResponseMinutes.business[stat];
  return v === null ? null : Math.round(v);
}

function definitions(targetMinutes: number): Record<string, string> {
  return {
    'Period': 'The calendar month in the workspace’s time zone, from the 1st 00:00 to the next 1st. While the month runs the report is month to date.',
    'Scores': 'Each rule’s 0–100 score as of the end of the month, with the same formulas as the scorecard (docs/scorecard.md); the previous score is as of the end of the month before. The overall score is the mean of the scored rules when at least 4 of 7 have a score.',
    'What changed': 'This month against the month before. Changes of percentages are in percentage points; changes of scores in score points.',
    'Engagement quality': ENGAGEMENT_QUALITY_DEFINITION,
    'Weekly trend': 'Engaged people per complete local week (Monday to Sunday) on the primary channel, for up to 26 weeks to the end of the month. Direction by the Mann–Kendall test (p < 0.05, at least 8 weeks); slope by Theil–Sen; the shaded band is the trend line ± 3 robust standard deviations: a week inside it is ordinary variation, not change.',
    'Response rate': RESPONSE_METRIC_GLOSSARY.respondedRate,
    'First response': `${RESPONSE_METRIC_GLOSSARY.firstResponseMinutes} The workspace’s target is ${targetMinutes} business minutes.`,
    'Breached': RESPONSE_METRIC_GLOSSARY.breached,
    'Moved offline': RESPONSE_METRIC_GLOSSARY.movedOffline,
    'Per person': RESPONSE_METRIC_GLOSSARY.perPerson,
    'Value mix': 'What each post of the month does for its reader: the type the team set, else the one its wording suggests. Denominator: posts published in the month.',
    'Pillar share': 'Posts of the month on each content pillar (the pillars the team set, else the best keyword match). A post can sit on two pillars, so shares may add up to more than 100%. Denominator: posts published in the month.',
  };
}
