/** Listening queries: parse, match mentions in memory, and pre-filter them in a full-text index. */
export type { AndNode, AuthorNode, LangNode, NearAlternatives, NearNode, NearOperand, NotNode, OrNode, PhraseNode, QueryNode, TermNode } from './ast.ts';
export { format, type QueryError, type QueryErrorCode } from './query-error.ts';
export { parse, QUERY_LIMITS, type ParseResult } from './parser.ts';
export { print } from './print.ts';
export { matches, normaliseHandle, prepare, type ListenedText, type PreparedDoc } from './match.ts';
export { toFts5, toSearchTerms, toTsQuery, type SearchTerm, type SearchTerms } from './search-terms.ts';
export { normaliseText, packedTokens, packTokens, searchableText, tokenise, unpackTokens, type PackedTokens, type TextTokens, type TokenMark } from './text-tokens.ts';
