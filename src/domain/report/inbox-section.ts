/**
 * Inbox performance of the month: the inbox's own response metrics over every conversation that
 * arrived in the month (open ones too), overall, per channel and per person. Aggregates only:
 * never a message's text.
 */
import { responseMetrics, type BusinessHours, type ResponseConversation, type ResponseFigures } from '../inbox/index.ts';
import type { ReportPeriod } from './period.ts';

export interface InboxSection {
  /** The workspace's first-response target, in business minutes. */
  firstResponseTargetMinutes: number;
  current: ResponseFigures;
  previous: ResponseFigures;
  perChannel: Array<{ channelId: string; name: string } & ResponseFigures>;
  perPerson: Array<{ personId: string | null; name: string } & ResponseFigures>;
  notEnoughData?: string;
}

export interface InboxSectionInput {
  conversations: readonly ResponseConversation[];
  businessHours: BusinessHours;
  firstResponseMinutes: number;
  /** Channel id → name; conversations from listening have channel 'listening'. */
  channelNames: ReadonlyMap<string, string>;
  /** User id → display name. */
  people: Readonly<Record<string, string>>;
}

/** Responses are counted up to `now`, so a conversation of the 31st answered on the 1st counts as answered. */
export function inboxSection(input: InboxSectionInput, period: ReportPeriod, previous: ReportPeriod, now: string): InboxSection {
  const of = (p: ReportPeriod) => responseMetrics({ conversations: input.conversations, period: { from: p.from, to: p.to }, now, businessHours: input.businessHours });
  const current = of(period);
  const before = of(previous);
  const { perChannel, perPerson, period: _period, now: _now, ...figures } = current;
  const section: InboxSection = {
    firstResponseTargetMinutes: input.firstResponseMinutes,
    current: figures,
    previous: stripGroups(before),
    perChannel: byName(perChannel.map((c) => ({ ...c, name: channelName(c.channelId, input.channelNames) }))),
    // By name, as a reader looks people up; the unassigned conversations last.
    perPerson: byName(perPerson.map((p) => ({ ...p, name: p.personId === null ? 'Unassigned' : (input.people[p.personId] ?? 'Former member') }))).sort(
      (a, b) => Number(a.personId === null) - Number(b.personId === null),
    ),
  };
  if (figures.total === 0) section.notEnoughData = `no conversations arrived in the inbox in ${period.label}`;
  return section;
}

function stripGroups(m: ReturnType<typeof responseMetrics>): ResponseFigures {
  const { perChannel: _c, perPerson: _p, period: _period, now: _now, ...figures } = m;
  return figures;
}

function byName<T extends { name: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

function channelName(id: string, names: ReadonlyMap<string, string>): string {
  if (id === 'listening') return 'Listening (no channel)';
  return names.get(id) ?? 'Removed channel';
}
