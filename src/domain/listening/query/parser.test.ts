import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse, QUERY_LIMITS } from './parser.ts';
import type { QueryNode } from './ast.ts';
import type { QueryErrorCode } from './query-error.ts';

function ast(query: string): QueryNode {
  const r = parse(query);
  if (!r.ok) assert.fail(`expected ${JSON.stringify(query)} to parse, got ${r.error.code}: ${r.error.message}`);
  return r.ast;
}

function refusal(query: string, code: QueryErrorCode): { column: number; length: number; message: string } {
  const r = parse(query);
  if (r.ok) assert.fail(`expected ${JSON.stringify(query)} to be refused with ${code}`);
  assert.equal(r.error.code, code, r.error.message);
  return r.error;
}

const term = (word: string, prefix = false): QueryNode => ({ kind: 'term', word, prefix });

describe('parse: terms', () => {
  it('words are lowercased and stripped of accents', () => {
    assert.deepEqual(ast('Café'), term('cafe'));
  });

  it('a quoted phrase is a phrase; one quoted word is a term', () => {
    assert.deepEqual(ast('"Flu  Shot"'), { kind: 'phrase', words: ['flu', 'shot'] });
    assert.deepEqual(ast('"flu"'), term('flu'));
  });

  it('a hyphenated word is the phrase of its parts', () => {
    assert.deepEqual(ast('covid-19'), { kind: 'phrase', words: ['covid', '19'] });
  });

  it('hashtags and mentions keep their mark', () => {
    assert.deepEqual(ast('#FluShot @StJude'), { kind: 'and', children: [term('#flushot'), term('@stjude')] });
  });

  it('a trailing * is a prefix wildcard', () => {
    assert.deepEqual(ast('vaccin*'), term('vaccin', true));
    assert.deepEqual(ast('#covid*'), term('#covid', true));
  });

  it('curly quotes pasted from a word processor delimit phrases', () => {
    assert.deepEqual(ast('\u201cflu shot\u201d'), { kind: 'phrase', words: ['flu', 'shot'] });
  });

  it('author: is lowercased without its @ and lang: is a lowercased tag', () => {
    assert.deepEqual(ast('author:@StJude.bsky.social'), { kind: 'author', handle: 'stjude.bsky.social' });
    assert.deepEqual(ast('Author:nurse@mastodon.social'), { kind: 'author', handle: 'nurse@mastodon.social' });
    assert.deepEqual(ast('lang:pt_BR'), { kind: 'lang', code: 'pt-br' });
  });
});

describe('parse: operators', () => {
  it('adjacent terms are joined by AND', () => {
    assert.deepEqual(ast('flu shot'), ast('flu AND shot'));
  });

  it('lowercase or, and, not and near are words', () => {
    assert.deepEqual(ast('flu or shot'), { kind: 'and', children: [term('flu'), term('or'), term('shot')] });
    assert.deepEqual(ast('not and near'), { kind: 'and', children: [term('not'), term('and'), term('near')] });
  });

  it('AND binds tighter than OR', () => {
    assert.deepEqual(ast('a OR b AND c'), { kind: 'or', children: [term('a'), { kind: 'and', children: [term('b'), term('c')] }] });
  });

  it('NOT binds tighter than AND, and a NOT b means a AND NOT b', () => {
    assert.deepEqual(ast('flu NOT shot OR clinic'), {
      kind: 'or',
      children: [{ kind: 'and', children: [term('flu'), { kind: 'not', child: term('shot') }] }, term('clinic')],
    });
  });

  it('NEAR binds tighter than NOT', () => {
    assert.deepEqual(ast('clinic NOT flu NEAR/2 shot'), {
      kind: 'and',
      children: [term('clinic'), { kind: 'not', child: { kind: 'near', left: term('flu'), right: term('shot'), distance: 2, ordered: false } }],
    });
  });

  it('NEAR/nf is ordered and NEAR takes (a OR b) groups', () => {
    assert.deepEqual(ast('(flu OR "influenza a") NEAR/3f vaccin*'), {
      kind: 'near',
      left: { kind: 'or', children: [term('flu'), { kind: 'phrase', words: ['influenza', 'a'] }] },
      right: term('vaccin', true),
      distance: 3,
      ordered: true,
    });
  });

  it('parentheses group, and nested groups stay as written', () => {
    assert.deepEqual(ast('(a OR b) c'), { kind: 'and', children: [{ kind: 'or', children: [term('a'), term('b')] }, term('c')] });
    assert.deepEqual(ast('((a))'), term('a'));
  });

  it('a query mixing NOT with a term it looks for is accepted', () => {
    assert.ok(parse('flu (NOT shot)').ok);
    assert.ok(parse('lang:en NOT spam').ok);
  });
});

describe('parse: located errors', () => {
  it('an unbalanced parenthesis is reported at the column of the opening one', () => {
    const e = refusal('flu AND (shot OR vaccine', 'UNBALANCED_PAREN');
    assert.deepEqual([e.column, e.length], [9, 1]);
  });

  it('a closing parenthesis without an opening one is reported where it is', () => {
    assert.equal(refusal('(flu) shot)', 'UNBALANCED_PAREN').column, 11);
  });

  it('parentheses inside a phrase do not count', () => {
    assert.ok(parse('"flu (shot"').ok);
  });

  it('an unterminated quote is reported at the opening quote', () => {
    assert.equal(refusal('flu "shot clinic', 'UNTERMINATED_QUOTE').column, 5);
  });

  it('columns count code points, so an emoji before the error is one column', () => {
    assert.equal(refusal('🏥 flu (', 'UNBALANCED_PAREN').column, 7);
  });

  it('an empty or blank query is refused', () => {
    refusal('', 'EMPTY_QUERY');
    refusal('  \t ', 'EMPTY_QUERY');
  });

  it('an operator without a term beside it points at the operator', () => {
    assert.equal(refusal('flu AND', 'MISSING_OPERAND').column, 5);
    assert.equal(refusal('OR flu', 'MISSING_OPERAND').column, 1);
    assert.equal(refusal('flu AND OR shot', 'MISSING_OPERAND').column, 5);
    assert.equal(refusal('(flu OR) shot', 'MISSING_OPERAND').column, 6);
    assert.equal(refusal('flu NOT', 'MISSING_OPERAND').column, 5);
    assert.equal(refusal('flu NEAR/3', 'MISSING_OPERAND').column, 5);
    assert.deepEqual(refusal('flu ()', 'MISSING_OPERAND').length, 2);
  });

  it('a query of only NOT terms is refused', () => {
    const e = refusal('NOT flu', 'ONLY_NOT');
    assert.match(e.message, /at least one term to look for/);
    assert.equal(e.column, 1);
    refusal('NOT flu NOT shot', 'ONLY_NOT');
    refusal('(NOT flu)', 'ONLY_NOT');
  });

  it('an OR alternative of only NOT is refused at that alternative', () => {
    assert.equal(refusal('flu OR NOT shot', 'ONLY_NOT').column, 8);
  });

  it('NEAR needs a distance, capitals, two words or phrases, and no NOT inside', () => {
    assert.equal(refusal('flu NEAR shot', 'BAD_NEAR').column, 5);
    refusal('flu NEAR/x shot', 'BAD_NEAR');
    refusal('flu near/3 shot', 'BAD_NEAR');
    refusal(`flu NEAR/${QUERY_LIMITS.maxNearDistance + 1} shot`, 'BAD_NEAR');
    assert.equal(refusal('author:x NEAR/3 shot', 'BAD_NEAR').column, 1);
    assert.equal(refusal('(a b) NEAR/3 shot', 'BAD_NEAR').column, 1);
    refusal('flu NEAR/3 NOT shot', 'BAD_NEAR');
    assert.equal(refusal('a NEAR/3 b NEAR/2 c', 'BAD_NEAR').column, 12);
  });

  it('an unknown field is underlined with its colon', () => {
    const e = refusal('flu site:example.org', 'UNKNOWN_FIELD');
    assert.deepEqual([e.column, e.length], [5, 5]);
    assert.ok(parse('"site:example.org"').ok);
  });

  it('fields need a sensible value', () => {
    refusal('author:', 'BAD_FIELD_VALUE');
    refusal('author:@', 'BAD_FIELD_VALUE');
    refusal('author:a*b', 'BAD_FIELD_VALUE');
    refusal('lang:', 'BAD_FIELD_VALUE');
    refusal('lang:english!', 'BAD_FIELD_VALUE');
  });

  it('a wildcard must end a word of at least two letters', () => {
    assert.equal(refusal('flu va*cine', 'BAD_WILDCARD').column, 7);
    refusal('*', 'BAD_WILDCARD');
    refusal('v*', 'BAD_WILDCARD');
    refusal('covid-19*', 'BAD_WILDCARD');
  });

  it('a word or phrase without letters or digits is refused', () => {
    assert.equal(refusal('flu 🙏', 'EMPTY_TERM').column, 5);
    refusal('flu ""', 'EMPTY_TERM');
    refusal('#', 'EMPTY_TERM');
  });

  it('habits from other search boxes are refused with the right spelling', () => {
    assert.match(refusal('flu && shot', 'UNSUPPORTED_SYNTAX').message, /AND/);
    assert.match(refusal('flu || shot', 'UNSUPPORTED_SYNTAX').message, /OR/);
    assert.match(refusal('flu -shot', 'UNSUPPORTED_SYNTAX').message, /NOT shot/);
  });

  it('limits: length, terms, nesting and word length', () => {
    const long = refusal('a '.repeat(1001), 'TOO_LONG');
    assert.equal(long.column, QUERY_LIMITS.maxLength + 1);
    const terms = Array.from({ length: QUERY_LIMITS.maxTerms + 1 }, (_, i) => `w${i}`).join(' ');
    assert.equal(refusal(terms, 'TOO_COMPLEX').column, terms.indexOf(`w${QUERY_LIMITS.maxTerms}`) + 1);
    assert.ok(parse(Array.from({ length: QUERY_LIMITS.maxTerms }, (_, i) => `w${i}`).join(' ')).ok);
    const deep = `${'('.repeat(QUERY_LIMITS.maxDepth + 1)}flu${')'.repeat(QUERY_LIMITS.maxDepth + 1)}`;
    assert.equal(refusal(deep, 'TOO_COMPLEX').column, QUERY_LIMITS.maxDepth + 1);
    assert.ok(parse(`${'('.repeat(QUERY_LIMITS.maxDepth)}flu${')'.repeat(QUERY_LIMITS.maxDepth)}`).ok);
    refusal('x'.repeat(QUERY_LIMITS.maxWordLength + 1), 'TOO_LONG');
  });
});
