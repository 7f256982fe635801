/** The two trend lists a summary shows (top terms and top questions), computed with one tokenisation. */
import { topQuestionsWith, type QuestionGroup } from './questions.ts';
import { mentionTokenizer, type TermOptions, type TrendMention } from './terms.ts';
import { topTermsWith, type TopTerm } from './top-terms.ts';

export interface TrendListRequest {
  mentions: readonly TrendMention[];
  /** The period [from, to), ISO instants. */
  from: string;
  to: string;
  /** How many to list. */
  n: number;
}

/**
 * topTerms over `terms` and topQuestions over `questions`, exactly as each alone gives them. A mention
 * in both (say, a recent question) has its text tokenised once: the tokens are shared by mention.
 */
export function termsAndQuestions(request: { terms: TrendListRequest; questions: TrendListRequest; options?: TermOptions }): { terms: TopTerm[]; questions: QuestionGroup[] } {
  const tokenizer = mentionTokenizer(request.options);
  const { terms, questions } = request;
  return {
    terms: topTermsWith(terms.mentions, terms.from, terms.to, terms.n, tokenizer),
    questions: topQuestionsWith(questions.mentions, questions.from, questions.to, questions.n, tokenizer),
  };
}
