/**
 * What the audience cares about: top terms and questions over a period, and terms emerging
 * now (last hour vs the 12 before, last day vs the 14 before), each with example mentions.
 */
export { TrendsError, type TrendsErrorCode } from './trends-error.ts';
export { STOP_WORDS } from './stop-words.ts';
export { mentionTerms, normaliseText, termKind, tokenize, type TermKind, type TermOptions, type TrendMention } from './terms.ts';
export {
  DEFAULT_SPIKE_K,
  DEFAULT_SPIKE_MIN_COUNT,
  SPIKE_WINDOWS,
  baselineSpread,
  emergingTerms,
  type EmergingTerm,
  type EmergingTermOptions,
  type TrendWindow,
} from './spikes.ts';
export { topTerms, type TopTerm } from './top-terms.ts';
export { looksLikeQuestion, questionKeyTerms, questionsIn, topQuestions, type QuestionGroup } from './questions.ts';
export { termsAndQuestions, type TrendListRequest } from './terms-and-questions.ts';
