/** The terms mentioned most over a period: what the audience talks about, for content ideas. */
import { mentionTimes, mentionTokenizer, recentIds, requireInstant, termKind, termsOfTokens, withoutSubsumedWords, type MentionTokenizer, type TermKind, type TermOptions, type TrendMention } from './terms.ts';
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
  return topTermsWith(mentions, from, to, n, mentionTokenizer(options));
}

/** topTerms with a tokenizer another trend list of the same read may share. */
export function topTermsWith(mentions: readonly TrendMention[], from: string, to: string, n: number, tokenizer: MentionTokenizer): TopTerm[] {
  const fromMs = requireInstant(from, 'from');
  const toMs = requireInstant(to, 'to');
  if (toMs <= fromMs) throw new TrendsError('INVALID_RANGE', `to (${to}) must be after from (${from})`, { field: 'to' });
  const times = mentionTimes(mentions);
  // Term → the mentions holding it, by index: examples are picked only for the terms listed.
  const seen = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    const at = times[i] ?? Number.NaN;
    if (!(at >= fromMs && at < toMs)) return;
    for (const term of termsOfTokens(tokenizer.tokens(m.id, m.text))) {
      const list = seen.get(term);
      if (list) list.push(i);
      else seen.set(term, [i]);
    }
  });
  const ranked = [...seen]
    .map(([term, list]) => ({ term, count: list.length, list }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return withoutSubsumedWords(ranked, (t) => t.count)
    .slice(0, n)
    .map(({ term, count, list }) => ({ term, kind: termKind(term), count, examples: recentIds(list.map((i) => ({ id: mentions[i]!.id, at: times[i]! }))) }));
}
