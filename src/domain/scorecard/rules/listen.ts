/**
 * Listen: with at least one listening query and mentions in the last 30 days,
 * score = 100 × (0.5 × read share + 0.5 × answered share), where read share = mentions opened,
 * triaged or replied to ÷ mentions matched (30 days), and answered share = mentions asking this
 * week's top questions that a post of the last 7 days answers ÷ mentions asking them. A question
 * counts as answered when a post contains at least half of its key terms. With no questions this
 * week, score = 100 × read share. Mentions asking a question this week are counted over all of them
 * (`questionMentionsThisWeek`), the top questions may be grouped from the newest only.
 */
import { questionKeyTerms, type QuestionGroup } from '../../listening/trends/index.ts';
import type { WorkspaceHistory } from '../history.ts';
import { isUnavailable } from '../types.ts';
import { clamp01, notEnoughData, pct, plural, scored, share, unavailable, type FigureValue, type RuleScore } from './rule-score.ts';

export const QUESTION_WINDOW_DAYS = 7;

export function listenScore(history: WorkspaceHistory): RuleScore {
  const listening = history.input.listening;
  if (isUnavailable(listening)) {
    return notEnoughData('listen', `listening data (unavailable: ${listening.unavailable})`, 'Check the listening jobs in Settings → Workers.', {
      mentionsLast30Days: unavailable(listening.unavailable),
    });
  }
  const figures: Record<string, FigureValue> = {
    listeningQueries: listening.queries,
    mentionsLast30Days: listening.mentionsLast30Days,
    mentionsRead: listening.mentionsReadLast30Days,
  };
  if (listening.queries === 0) {
    return notEnoughData(
      'listen',
      'a listening query (none set up yet)',
      "Add a listening query for your hospital's name and one service people ask about, e.g. \"flu shot\".",
      figures,
    );
  }
  if (listening.mentionsLast30Days === 0) {
    return notEnoughData(
      'listen',
      'mentions: none matched in the last 30 days',
      `Broaden your ${plural(listening.queries, 'listening query', 'listening queries')}: add the hospital's short name, handle and main services.`,
      figures,
    );
  }
  const readShare = clamp01(listening.mentionsReadLast30Days / listening.mentionsLast30Days);
  figures.readShare = share(readShare);

  const posts = history.postsWithin(QUESTION_WINDOW_DAYS);
  const postTerms = posts.map((p) => questionKeyTerms(p.text));
  let asked = 0;
  let answered = 0;
  let topUnanswered: QuestionGroup | undefined;
  for (const group of listening.questionsThisWeek) {
    const key = questionKeyTerms(group.terms.length > 0 ? group.terms.join(' ') : group.question);
    if (key.size === 0) continue;
    asked += group.count;
    const needed = Math.ceil(key.size / 2);
    const isAnswered = postTerms.some((terms) => {
      let shared = 0;
      for (const t of key) if (terms.has(t)) shared++;
      return shared >= needed;
    });
    if (isAnswered) answered += group.count;
    else if (topUnanswered === undefined || group.count > topUnanswered.count) topUnanswered = group;
  }
  const askedThisWeek = listening.questionMentionsThisWeek ?? asked;
  figures.questionsThisWeek = askedThisWeek;
  // The answered share is over the mentions asking the top questions; say how many that is when it is not all of them.
  if (askedThisWeek !== asked) figures.questionsInTopQuestions = asked;
  figures.questionsAnsweredInPosts = answered;
  const answeredShare = asked === 0 ? null : answered / asked;
  figures.answeredShare = share(answeredShare);
  const score = answeredShare === null ? 100 * readShare : 100 * (0.5 * readShare + 0.5 * answeredShare);
  const explanation =
    `${pct(readShare)} of ${listening.mentionsLast30Days} mentions in 30 days were read` +
    (asked === 0
      ? askedThisWeek === 0
        ? '; no questions this week.'
        : `; ${plural(askedThisWeek, 'question')} asked this week, none grouped into a top question.`
      : askedThisWeek === asked
        ? `; ${answered} of ${plural(asked, 'question')} asked this week were answered in a post.`
        : `; ${plural(askedThisWeek, 'question')} asked this week: ${answered} of the ${asked} asking its top questions were answered in a post.`);
  let next: string;
  if (topUnanswered !== undefined) {
    const about = (topUnanswered.terms.length > 0 ? topUnanswered.terms.slice(0, 3).join(' ') : topUnanswered.question).trim();
    next = `${plural(topUnanswered.count, 'question')} about ${about} this week: answer them in a post ("${topUnanswered.question}").`;
  } else if (readShare < 0.9) {
    const unread = listening.mentionsLast30Days - listening.mentionsReadLast30Days;
    next = `${plural(unread, 'mention')} from the last 30 days not yet read: triage them in Listening.`;
  } else {
    next = "Mentions read and questions answered: look at this month's top terms in Listening for the next post idea.";
  }
  return scored('listen', score, figures, explanation, next);
}
