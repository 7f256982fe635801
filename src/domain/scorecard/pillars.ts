/**
 * Content pillars (rule "Focus"): which pillar a post belongs to, suggested from its text by
 * keyword overlap on light word stems ("screenings" matches "screening", #HeartHealth matches
 * "heart health"); the share of posts on each pillar, off-pillar posts and drift; and what the
 * audience talks about (listening's top terms) set against the pillars.
 */
import { normaliseText, tokenize, type TopTerm } from '../listening/trends/index.ts';
import { ScorecardError } from './scorecard-error.ts';
import { DAY_MS, requireInstant } from './time.ts';
import type { Pillar, PublishedPost } from './types.ts';

export interface PillarSuggestion {
  pillarId: string;
  /** Matched keywords, one point per word of each (so "heart health" counts 2, "cardiology" 1). */
  score: number;
  matched: string[];
}

interface CompiledKeyword {
  text: string;
  stems: readonly string[];
  /** The phrase written as one hashtag word: "hearthealth", "womenshealth". */
  joined: readonly string[];
}

export interface CompiledPillar {
  id: string;
  name: string;
  keywords: readonly CompiledKeyword[];
}

/** Pillars with their keywords stemmed once, for classifying many posts. */
export function compilePillars(pillars: readonly Pillar[]): CompiledPillar[] {
  return pillars.map((p) => {
    const phrases = [p.name, ...p.keywords].filter((k) => typeof k === 'string' && k.trim() !== '');
    const seen = new Set<string>();
    const keywords: CompiledKeyword[] = [];
    for (const phrase of phrases) {
      const stems = wordsOf(phrase).map(stem);
      const joined = stems.join('');
      if (stems.length === 0 || seen.has(joined)) continue;
      seen.add(joined);
      const asTag = normaliseText(phrase).replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
      keywords.push({ text: phrase, stems, joined: [...new Set([wordsOf(phrase).join(''), asTag])] });
    }
    return { id: p.id, name: p.name, keywords };
  });
}

/** Pillars whose keywords appear in `text`, best first; [] when none does. */
export function suggestPillars(text: string, pillars: readonly Pillar[]): PillarSuggestion[] {
  return suggestCompiled(text, compilePillars(pillars));
}

/** suggestPillars over pillars compiled once. */
export function suggestCompiled(text: string, compiled: readonly CompiledPillar[]): PillarSuggestion[] {
  const stems = new Set<string>();
  const hashtags: string[] = [];
  for (const token of tokenize(text)) {
    if (token === null) continue;
    if (token.startsWith('#')) hashtags.push(token.slice(1));
    else stems.add(stem(token));
  }
  const out: PillarSuggestion[] = [];
  for (const pillar of compiled) {
    let score = 0;
    const matched: string[] = [];
    for (const k of pillar.keywords) {
      const inWords = k.stems.every((s) => stems.has(s));
      const inTag = hashtags.some((tag) => k.joined.includes(tag) || (k.stems.length === 1 && stem(tag) === k.stems[0]));
      if (!inWords && !inTag) continue;
      score += k.stems.length;
      matched.push(k.text);
    }
    if (score > 0) out.push({ pillarId: pillar.id, score, matched });
  }
  return out.sort((a, b) => b.score - a.score || (a.pillarId < b.pillarId ? -1 : a.pillarId > b.pillarId ? 1 : 0));
}

/** The post's pillars: those the team set, else the best suggestion (ties: all of them). */
export function pillarsOf(post: Pick<PublishedPost, 'text' | 'pillarIds'>, pillars: readonly CompiledPillar[]): readonly string[] {
  if (post.pillarIds !== undefined) return post.pillarIds;
  const suggestions = suggestCompiled(post.text, pillars);
  const top = suggestions[0]?.score ?? 0;
  return suggestions.filter((s) => s.score === top).map((s) => s.pillarId);
}

export interface PillarShare {
  /** Posts published in (now − days, now]: the denominator of every share here. */
  posts: number;
  /** Posts on at least one pillar. */
  onPillarPosts: number;
  perPillar: Array<{ pillarId: string; name: string; posts: number; share: number }>;
  /** Posts on no pillar (flag them), newest first. */
  offPillarPostIds: string[];
  /** Share of posts on at least one pillar; null without posts. */
  onPillarShare: number | null;
  /** The same share over the 2 × days days before the window; null without posts there. */
  previousOnPillarShare: number | null;
  /** previous − current when positive: how far the posting has drifted off the pillars. */
  drift: number | null;
  days: number;
}

/** Pillar share of recent posts, off-pillar posts and drift against the period before. */
export function pillarShare(posts: readonly PublishedPost[], pillars: readonly Pillar[], now: string, days = 30): PillarShare {
  return pillarShareCompiled(posts, compilePillars(pillars), requireInstant(now, 'now'), days);
}

/** pillarShare over pillars compiled once; `posts` may be pre-filtered to the last 3 × days. */
export function pillarShareCompiled(posts: readonly PublishedPost[], compiled: readonly CompiledPillar[], nowMs: number, days: number): PillarShare {
  if (!(days > 0)) throw new ScorecardError('INVALID_OPTION', `days must be > 0, got ${String(days)}`, { field: 'days' });
  const fromMs = nowMs - days * DAY_MS;
  const previousFromMs = fromMs - 2 * days * DAY_MS;
  const perPillar = new Map(compiled.map((p) => [p.id, 0]));
  const offPillar: Array<{ id: string; at: number }> = [];
  let current = 0;
  let currentOn = 0;
  let previous = 0;
  let previousOn = 0;
  for (const post of posts) {
    const at = requireInstant(post.publishedAt, 'publishedAt', post.id);
    if (at <= previousFromMs || at > nowMs) continue;
    const ids = pillarsOf(post, compiled).filter((id) => perPillar.has(id));
    if (at <= fromMs) {
      previous++;
      if (ids.length > 0) previousOn++;
      continue;
    }
    current++;
    if (ids.length > 0) currentOn++;
    else offPillar.push({ id: post.id, at });
    for (const id of ids) perPillar.set(id, (perPillar.get(id) ?? 0) + 1);
  }
  const onPillarShare = current === 0 ? null : currentOn / current;
  const previousOnPillarShare = previous === 0 ? null : previousOn / previous;
  return {
    posts: current,
    onPillarPosts: currentOn,
    perPillar: compiled.map((p) => {
      const count = perPillar.get(p.id) ?? 0;
      return { pillarId: p.id, name: p.name, posts: count, share: current === 0 ? 0 : count / current };
    }),
    offPillarPostIds: offPillar.sort((a, b) => b.at - a.at).map((p) => p.id),
    onPillarShare,
    previousOnPillarShare,
    drift: onPillarShare === null || previousOnPillarShare === null ? null : Math.max(0, previousOnPillarShare - onPillarShare),
    days,
  };
}

export interface AudienceTopics {
  /** Per pillar: the top terms that fall in it and the mentions containing them (terms overlap, so not additive). */
  perPillar: Array<{ pillarId: string; name: string; terms: string[]; mentions: number }>;
  /** Top terms on no pillar, most mentioned first: topics the audience raises that the pillars miss. */
  uncovered: TopTerm[];
  /** Mentions of pillar terms ÷ mentions of all top terms; null without terms. */
  onPillarShare: number | null;
}

/** The audience's top terms (from listening) set against the pillars. */
export function audienceTopicsVsPillars(topTerms: readonly TopTerm[], pillars: readonly Pillar[]): AudienceTopics {
  const compiled = compilePillars(pillars);
  const perPillar = new Map(compiled.map((p) => [p.id, { pillarId: p.id, name: p.name, terms: [] as string[], mentions: 0 }]));
  const uncovered: TopTerm[] = [];
  let all = 0;
  let on = 0;
  for (const term of topTerms) {
    all += term.count;
    const top = suggestCompiled(term.term, compiled)[0];
    const entry = top === undefined ? undefined : perPillar.get(top.pillarId);
    if (entry === undefined) {
      uncovered.push(term);
      continue;
    }
    entry.terms.push(term.term);
    entry.mentions += term.count;
    on += term.count;
  }
  return {
    perPillar: [...perPillar.values()],
    uncovered: uncovered.sort((a, b) => b.count - a.count),
    onPillarShare: all === 0 ? null : on / all,
  };
}

function wordsOf(phrase: string): string[] {
  return normaliseText(phrase)
    .replace(/'s\b/gu, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** A light English stem: enough for keyword matching, not linguistics. */
export function stem(word: string): string {
  let w = word.replace(/'s$/u, '').replace(/^#/u, '');
  // Plural first, then -ing/-ed, so "screenings", "screening" and "screened" all give "screen".
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:ch|sh|ss|x|z)es$/u.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}
