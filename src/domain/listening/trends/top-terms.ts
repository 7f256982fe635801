/** The terms mentioned most over a period: what the audience talks about, for content ideas. */
import { mentionTerms, mentionTimes, recentIds, requireInstant, termKind, withoutSubsumedWords, type TermKind, type TermOptions, type TrendMention } from './terms.ts';
import { TrendsError } from './trends-error.ts';

export interface TopTerm {
  term: string;
  kind: TermKind;
  /** Mentions in the period containing the term (a mention counts once however often it repeats it). */
  count: number;
  /** Up to three of those mentions, most recent first. */
  examples: string[];
}

/**
 * The `n` terms found in the most mentions created in [from, to), most first (ties
 * alphabetical). A word is left out when a pair containing it accounts for nearly all its
 * mentions, so 'flu shot' is listed rather than 'flu', 'shot' and 'flu shot'.
 */
export function topTerms(mentions: readonly TrendMention[], from: string, to: string, n = 20, options: TermOptions = {}): TopTerm[] {
  const fromMs = requireInstant(from, 'from');
  const toMs = requireInstant(to, 'to');
  if (toMs <= fromMs) throw new TrendsError('INVALID_RANGE', `to (${to}) must be after from (${from})`, { field: 'to' });
  const times = mentionTimes(mentions);
  const seen = new Map<string, Array<{ id: string; at: number }>>();
  mentions.forEach((m, i) => {
    const at = times[i] ?? Number.NaN;
    if (!(at >= fromMs && at < toMs)) return;
    for (const term of mentionTerms(m.text, options)) {
      const list = seen.get(term);
      if (list) list.push({ id: m.id, at });
      else seen.set(term, [{ id: m.id, at }]);
    }
  });
  const ranked = [...seen]
    .map(([term, list]) => ({ term, kind: termKind(term), count: list.length, examples: recentIds(list) }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return withoutSubsumedWords(ranked, (t) => t.count).slice(0, n);
}
