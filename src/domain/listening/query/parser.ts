/**
 * Parses a listening query (grammar in README.md). Precedence, tightest first: NEAR, NOT, AND
 * (also written as plain adjacency), OR. Operators count only in capitals; "and", "or", "not" and
 * "near" are ordinary words. Every refusal is a QueryError with the column of the culprit.
 */
import type { AuthorNode, LangNode, NearOperand, PhraseNode, QueryNode, TermNode } from './ast.ts';
import { checkParentheses, lex, type Lexeme, type WordLexeme } from './lexer.ts';
import { queryError, type QueryError, type QueryErrorCode } from './query-error.ts';
import { tokenise } from './text-tokens.ts';

export const QUERY_LIMITS = {
  /** Characters (code points) in the whole query. */
  maxLength: 2000,
  /** Words, phrases and fields. */
  maxTerms: 200,
  /** Parentheses and NOTs inside one another. */
  maxDepth: 50,
  maxNearDistance: 100,
  /** Characters in one word (PostgreSQL skips lexemes over 2 kB). */
  maxWordLength: 100,
  /** Characters before a `*` wildcard. */
  minPrefixLength: 2,
} as const;

export type ParseResult = { ok: true; ast: QueryNode } | { ok: false; error: QueryError };

type Leaf = TermNode | PhraseNode | AuthorNode | LangNode;
type Token =
  | { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not'; text: string; start: number; end: number }
  | { type: 'near'; text: string; distance: number; ordered: boolean; start: number; end: number }
  | { type: 'leaf'; node: Leaf; start: number; end: number };
interface Span {
  start: number;
  end: number;
}

class Refusal extends Error {
  constructor(readonly queryError: QueryError) {
    super(queryError.message);
  }
}

export function parse(query: string): ParseResult {
  try {
    return { ok: true, ast: new Parser(query).parseQuery() };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: err.queryError };
    throw err;
  }
}

const OPERATORS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not' };
const NEAR = /^NEAR\/(\d+)([fF]?)$/;
const FIELD = /^([\p{L}_]+):/u;
const HANDLE = /^[\p{L}\p{N}_.@-]+$/u;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;

class Parser {
  private readonly tokens: Token[];
  private readonly spans = new WeakMap<QueryNode, Span>();
  private pos = 0;
  private depth = 0;
  private terms = 0;

  constructor(private readonly query: string) {
    this.tokens = [];
    if (query.length > QUERY_LIMITS.maxLength) {
      const chars = Array.from(query);
      if (chars.length > QUERY_LIMITS.maxLength) {
        const start = chars.slice(0, QUERY_LIMITS.maxLength).join('').length;
        this.fail('TOO_LONG', `a query can have at most ${QUERY_LIMITS.maxLength} characters`, { start, end: query.length });
      }
    }
    if (query.trim() === '') this.fail('EMPTY_QUERY', 'the query is empty: type words to look for', { start: 0, end: query.length });
    const lexed = lex(query);
    if (!lexed.ok) throw new Refusal(lexed.error);
    const unbalanced = checkParentheses(query, lexed.lexemes);
    if (unbalanced) throw new Refusal(unbalanced);
    this.tokens = lexed.lexemes.map((l) => this.classify(l));
  }

  parseQuery(): QueryNode {
    const ast = this.parseOr();
    const extra = this.peek();
    if (extra) this.fail('MISSING_OPERAND', `unexpected '${this.text(extra)}'`, extra);
    if (!isPositive(ast)) {
      this.fail('ONLY_NOT', 'a query must include at least one term to look for: NOT alone would match almost everything', this.blame(ast));
    }
    return ast;
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    for (let t = this.peek(); t?.type === 'or'; t = this.peek()) {
      this.next();
      this.requireOperand(t);
      children.push(this.parseAnd());
    }
    return this.group('or', children);
  }

  private parseAnd(): QueryNode {
    const children = [this.parseUnary()];
    for (let t = this.peek(); t; t = this.peek()) {
      if (t.type === 'and') {
        this.next();
        this.requireOperand(t);
      } else if (!startsOperand(t)) {
        break;
      }
      children.push(this.parseUnary());
    }
    return this.group('and', children);
  }

  private parseUnary(): QueryNode {
    const t = this.peek();
    if (t?.type !== 'not') return this.parseNear();
    this.next();
    this.requireOperand(t);
    this.enter(t);
    const child = this.parseUnary();
    this.depth--;
    return this.located({ kind: 'not', child }, { start: t.start, end: this.span(child).end });
  }

  private parseNear(): QueryNode {
    const left = this.parsePrimary();
    const op = this.peek();
    if (op?.type !== 'near') return left;
    this.next();
    const after = this.peek();
    if (after?.type === 'not') this.fail('BAD_NEAR', 'NOT cannot be used inside NEAR: write (a NEAR/3 b) NOT c', after);
    if (!after || (after.type !== 'leaf' && after.type !== 'lparen')) {
      this.fail('MISSING_OPERAND', `${op.text} needs a word or "phrase" on its right`, op);
    }
    const right = this.parsePrimary();
    const following = this.peek();
    if (following?.type === 'near') {
      this.fail('BAD_NEAR', 'NEAR joins exactly two words or phrases: combine several NEARs with AND', following);
    }
    return this.located(
      { kind: 'near', left: this.nearOperand(left), right: this.nearOperand(right), distance: op.distance, ordered: op.ordered },
      { start: this.span(left).start, end: this.span(right).end },
    );
  }

  private parsePrimary(): QueryNode {
    const t = this.peek();
    if (!t) return this.fail('MISSING_OPERAND', 'the query ends where a term was expected', { start: this.query.length, end: this.query.length });
    this.next();
    switch (t.type) {
      case 'leaf':
        if (++this.terms > QUERY_LIMITS.maxTerms) {
          this.fail('TOO_COMPLEX', `too many terms: a query can have at most ${QUERY_LIMITS.maxTerms}`, t);
        }
        return this.located(t.node, t);
      case 'lparen': {
        const close = this.peek();
        if (close?.type === 'rparen') this.fail('MISSING_OPERAND', 'empty parentheses: put terms inside or remove them', { start: t.start, end: close.end });
        this.enter(t);
        const inner = this.parseOr();
        this.depth--;
        const end = this.next();
        if (end?.type !== 'rparen') this.fail('UNBALANCED_PAREN', "unbalanced parenthesis: this '(' is never closed", t);
        this.spans.set(inner, { start: t.start, end: end?.end ?? t.end });
        return inner;
      }
      case 'and':
      case 'or':
      case 'near':
        return this.fail('MISSING_OPERAND', `${t.text} needs a term on its left`, t);
      default:
        return this.fail('MISSING_OPERAND', `unexpected '${t.text}'`, t);
    }
  }

  /** After AND, OR or NOT something to search for must follow. */
  private requireOperand(op: Token): void {
    const t = this.peek();
    if (t && startsOperand(t)) return;
    if (op.type === 'not' && (t?.type === 'and' || t?.type === 'or')) {
      this.fail('MISSING_OPERAND', `NOT needs a term on its right, not ${t.type.toUpperCase()}`, op);
    }
    this.fail('MISSING_OPERAND', `${this.text(op)} needs a term on its right`, op);
  }

  private nearOperand(node: QueryNode): NearOperand {
    if (node.kind === 'term' || node.kind === 'phrase') return node;
    const alternatives: Array<TermNode | PhraseNode> = [];
    const collect = (n: QueryNode): boolean => {
      if (n.kind === 'term' || n.kind === 'phrase') alternatives.push(n);
      else if (n.kind === 'or') return n.children.every(collect);
      else return false;
      return true;
    };
    if (node.kind !== 'or' || !collect(node)) {
      this.fail('BAD_NEAR', 'NEAR joins words, "phrases" or (a OR b) groups of them', this.span(node));
    }
    return { kind: 'or', children: alternatives };
  }

  private classify(l: Lexeme): Token {
    if (l.type === 'lparen') return { ...l, text: '(' };
    if (l.type === 'rparen') return { ...l, text: ')' };
    if (l.type === 'phrase') return { type: 'leaf', node: this.wordsLeaf(l.text, l, 'phrase'), start: l.start, end: l.end };
    const text = l.text;
    const op = OPERATORS[text];
    if (op) return { type: op, text, start: l.start, end: l.end };
    const near = NEAR.exec(text);
    if (near) {
      const distance = Number(near[1]);
      if (distance > QUERY_LIMITS.maxNearDistance) this.fail('BAD_NEAR', `NEAR distance can be at most ${QUERY_LIMITS.maxNearDistance} words`, l);
      return { type: 'near', text, distance, ordered: near[2] !== '', start: l.start, end: l.end };
    }
    if (/^NEAR(?:\/|$)/.test(text)) this.fail('BAD_NEAR', 'write NEAR/n with a number of words, as in NEAR/3 (NEAR/3f: in this order only)', l);
    if (/^near\/\d/i.test(text)) this.fail('BAD_NEAR', `write operators in capitals: ${text.toUpperCase().replace(/F$/, 'f')}`, l);
    const field = FIELD.exec(text);
    if (field) return { type: 'leaf', node: this.fieldLeaf(field[1] ?? '', text.slice(field[0].length), l), start: l.start, end: l.end };
    this.refuseForeignSyntax(l);
    return { type: 'leaf', node: this.wordLeaf(l), start: l.start, end: l.end };
  }

  private fieldLeaf(name: string, value: string, l: WordLexeme): Leaf {
    switch (name.toLowerCase()) {
      case 'author': {
        const handle = value.replace(/^@+/, '').toLowerCase();
        if (handle === '') this.fail('BAD_FIELD_VALUE', 'author: needs a handle, as in author:stjude.bsky.social', l);
        if (!HANDLE.test(handle) || handle.length > 253) this.fail('BAD_FIELD_VALUE', `'${value}' is not a handle`, l);
        return { kind: 'author', handle };
      }
      case 'lang': {
        const code = value.toLowerCase().replace(/_/g, '-');
        if (code === '') this.fail('BAD_FIELD_VALUE', 'lang: needs a language code, as in lang:en', l);
        if (!LANGUAGE_TAG.test(code)) this.fail('BAD_FIELD_VALUE', `'${value}' is not a language code such as en or pt-br`, l);
        return { kind: 'lang', code };
      }
      default:
        return this.fail('UNKNOWN_FIELD', `unknown field '${name}:'; the fields are author: and lang: (put text in quotes to search for it)`, {
          start: l.start,
          end: l.start + name.length + 1,
        });
    }
  }

  /** Habits from other search boxes that would otherwise be silently read as words. */
  private refuseForeignSyntax(l: WordLexeme): void {
    const hints: Record<string, string> = { '&': 'AND', '&&': 'AND', '|': 'OR', '||': 'OR' };
    const hint = hints[l.text];
    if (hint) this.fail('UNSUPPORTED_SYNTAX', `write ${hint} instead of '${l.text}'`, l);
    if (/^[-!][\p{L}\p{N}#@]/u.test(l.text)) this.fail('UNSUPPORTED_SYNTAX', `write NOT ${l.text.slice(1)} to exclude a word`, l);
  }

  private wordLeaf(l: WordLexeme): TermNode | PhraseNode {
    const star = l.text.indexOf('*');
    if (star === -1) return this.wordsLeaf(l.text, l, 'word');
    if (star !== l.text.length - 1) {
      this.fail('BAD_WILDCARD', 'a * wildcard can only end a word, as in vaccin*', { start: l.start + star, end: l.start + star + 1 });
    }
    const tokens = tokenise(l.text.slice(0, -1));
    const word = tokens.words[0];
    if (word === undefined || Array.from(word).length < QUERY_LIMITS.minPrefixLength) {
      this.fail('BAD_WILDCARD', `put at least ${QUERY_LIMITS.minPrefixLength} letters before a * wildcard`, l);
    }
    if (tokens.words.length > 1) this.fail('BAD_WILDCARD', `a * wildcard applies to one word, and '${l.text}' has ${tokens.words.length}`, l);
    this.checkWordLength(tokens.words, l);
    return { kind: 'term', word: (tokens.marks[0] ?? '') + (word ?? ''), prefix: true };
  }

  private wordsLeaf(text: string, l: Span, as: 'word' | 'phrase'): TermNode | PhraseNode {
    const { words, marks } = tokenise(text);
    if (words.length === 0) {
      this.fail('EMPTY_TERM', as === 'phrase' ? 'this phrase has no letters or digits to search for' : `'${text}' has no letters or digits to search for`, l);
    }
    this.checkWordLength(words, l);
    const marked = words.map((w, i) => (marks[i] ?? '') + w);
    if (marked.length === 1) return { kind: 'term', word: marked[0] ?? '', prefix: false };
    return { kind: 'phrase', words: marked };
  }

  private checkWordLength(words: string[], l: Span): void {
    if (words.some((w) => w.length > QUERY_LIMITS.maxWordLength)) {
      this.fail('TOO_LONG', `a word can have at most ${QUERY_LIMITS.maxWordLength} characters`, l);
    }
  }

  private group(kind: 'and' | 'or', children: QueryNode[]): QueryNode {
    const first = children[0];
    if (!first) throw new Error('a group has at least one child');
    if (children.length === 1) return first;
    return this.located({ kind, children }, { start: this.span(first).start, end: this.span(children.at(-1) ?? first).end });
  }

  /** Where to point for a query part that matches without any term. */
  private blame(node: QueryNode): Span {
    if (node.kind === 'or') {
      const culprit = node.children.find((c) => !isPositive(c));
      if (culprit) return this.blame(culprit);
    }
    return this.span(node);
  }

  private enter(t: Span): void {
    if (++this.depth > QUERY_LIMITS.maxDepth) {
      this.fail('TOO_COMPLEX', `nested too deeply: at most ${QUERY_LIMITS.maxDepth} levels of parentheses and NOT`, t);
    }
  }

  private located<T extends QueryNode>(node: T, span: Span): T {
    this.spans.set(node, { start: span.start, end: span.end });
    return node;
  }

  private span(node: QueryNode): Span {
    return this.spans.get(node) ?? { start: 0, end: this.query.length };
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token | undefined {
    return this.tokens[this.pos++];
  }

  private text(t: Token): string {
    return this.query.slice(t.start, t.end);
  }

  private fail(code: QueryErrorCode, message: string, span: Span): never {
    throw new Refusal(queryError(code, message, this.query, span.start, span.end));
  }
}

function startsOperand(t: Token): boolean {
  return t.type === 'leaf' || t.type === 'lparen' || t.type === 'not';
}

/** True when every document the node matches contains something it looks for (a term, author or language). */
function isPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'not':
      return false;
    case 'and':
      return node.children.some(isPositive);
    case 'or':
      return node.children.every(isPositive);
    default:
      return true;
  }
}
