/**
 * Acknowledgment: inbox conversations received in the last 30 days (the inbox's response metrics).
 * score = 100 × (0.7 × response rate + 0.3 × timeliness), where timeliness is 1 while the median
 * first response (business minutes) is within the target, falling linearly to 0 at 4 × target.
 */
import type { WorkspaceHistory } from '../history.ts';
import { recentResponseMetrics, responseWithinTarget } from '../response.ts';
import { DAY_MS } from '../time.ts';
import { isUnavailable } from '../types.ts';
import { clamp01, duration, notEnoughData, pct, plural, scored, share, type FigureValue, type RuleScore } from './rule-score.ts';

export const ACKNOWLEDGMENT_DAYS = 30;
export const ACKNOWLEDGMENT_MIN_CONVERSATIONS = 3;

export function acknowledgmentScore(history: WorkspaceHistory): RuleScore {
  const inbox = history.input.inbox;
  if (isUnavailable(inbox)) {
    return notEnoughData('acknowledgment', `inbox conversations (unavailable: ${inbox.unavailable})`, 'Fix the inbox sync in Channels so replies can be counted.', {
      responseRate: `unavailable (${inbox.unavailable})`,
    });
  }
  const primaryOutage = history.currentOutage(history.input.primaryChannelId);
  const m = recentResponseMetrics(inbox, history.now, ACKNOWLEDGMENT_DAYS);
  const target = inbox.firstResponseMinutes;
  const onTime = responseWithinTarget(inbox.conversations, history.nowMs - ACKNOWLEDGMENT_DAYS * DAY_MS, history.nowMs);
  const median = m.firstResponseMinutes.business.median;
  const figures: Record<string, FigureValue> = {
    conversationsNeedingResponse: m.needingResponse,
    responded: m.responded,
    responseRate: share(m.respondedRate),
    respondedWithinTargetRate: share(onTime.rate),
    medianFirstResponseBusinessMinutes: median === null ? null : Math.round(median),
    p90FirstResponseBusinessMinutes: m.firstResponseMinutes.business.p90 === null ? null : Math.round(m.firstResponseMinutes.business.p90),
    firstResponseTargetMinutes: target,
    open: m.open,
    breachedOpen: m.breachedOpen,
    movedOffline: m.movedOffline,
  };
  if (primaryOutage !== undefined) {
    return notEnoughData(
      'acknowledgment',
      `${history.describeOutage(history.input.primaryChannelId, primaryOutage)}: new conversations are not coming in`,
      `Reconnect ${history.primaryName} in Channels.`,
      figures,
    );
  }
  if (m.needingResponse < ACKNOWLEDGMENT_MIN_CONVERSATIONS || m.respondedRate === null) {
    return notEnoughData(
      'acknowledgment',
      `at least ${ACKNOWLEDGMENT_MIN_CONVERSATIONS} conversations needing a response in the last ${ACKNOWLEDGMENT_DAYS} days (${m.needingResponse} so far)`,
      m.open > 0 ? `Answer the ${plural(m.open, 'conversation')} waiting in the inbox.` : 'Invite conversation: end the next post with a question.',
      figures,
    );
  }
  const timeliness = median === null ? 0 : clamp01((4 * target - median) / (3 * target));
  const score = 100 * (0.7 * m.respondedRate + 0.3 * timeliness);
  const explanation =
    `${m.responded} of ${m.needingResponse} conversations in ${ACKNOWLEDGMENT_DAYS} days got a response (${pct(m.respondedRate)})` +
    (median === null ? '' : `, median first response ${duration(median)} against a ${duration(target)} target`) +
    '.';
  let next: string;
  if (m.open > 0) {
    next = `${plural(m.open, 'conversation')} waiting for a response${m.breachedOpen > 0 ? `, ${m.breachedOpen} past due` : ''}: answer ${m.breachedOpen > 0 ? 'the overdue ones' : 'them'} first in the inbox.`;
  } else if (median !== null && median > target) {
    next = `Median first response is ${duration(median)} against a ${duration(target)} target: check the inbox at least every ${duration(target)} during business hours and keep saved replies for common questions.`;
  } else if (m.respondedRate < 1) {
    next = `${plural(m.needingResponse - m.responded, 'conversation')} closed without a response: reply or move them offline before closing.`;
  } else {
    next = `Every conversation answered, median ${duration(median ?? 0)}: keep saved replies current for this week's questions.`;
  }
  return scored('acknowledgment', score, figures, explanation, next);
}
