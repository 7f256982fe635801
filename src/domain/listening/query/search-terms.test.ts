import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from './parser.ts';
import { toFts5, toSearchTerms, toTsQuery } from './search-terms.ts';
import { searchableText } from './text-tokens.ts';
import type { QueryNode } from './ast.ts';

function ast(query: string): QueryNode {
  const r = parse(query);
  if (!r.ok) assert.fail(`${query}: ${r.error.message}`);
  return r.ast;
}

const word = (w: string, prefix = false) => ({ words: [w], prefix });

describe('toSearchTerms', () => {
  it('AND keeps every side; NOT adds nothing', () => {
    assert.deepEqual(toSearchTerms(ast('flu shot NOT clinic')).must, [[word('flu')], [word('shot')]]);
  });

  it('OR becomes one clause taking the narrowest constraint of each side', () => {
    assert.deepEqual(toSearchTerms(ast('(flu "flu shot") OR vaccin*')).must, [[word('flu'), word('vaccin', true)]]);
  });

  it('NEAR requires both sides, with their alternatives', () => {
    assert.deepEqual(toSearchTerms(ast('(flu OR influenza) NEAR/3 "flu shot"')).must, [[word('flu'), word('influenza')], [{ words: ['flu', 'shot'], prefix: false }]]);
  });

  it('hashtags and mentions are looked up without their mark', () => {
    assert.deepEqual(toSearchTerms(ast('#FluShot OR @StJude')).must, [[word('flushot'), word('stjude')]]);
  });

  it('author: and lang: constrain no text, and an OR with such a side constrains nothing', () => {
    assert.deepEqual(toSearchTerms(ast('author:stjude lang:en')).must, []);
    assert.deepEqual(toSearchTerms(ast('flu OR author:stjude')).must, []);
    assert.deepEqual(toSearchTerms(ast('flu author:stjude')).must, [[word('flu')]]);
  });

  it('repeated clauses and terms appear once', () => {
    assert.deepEqual(toSearchTerms(ast('flu flu (flu OR flu)')).must, [[word('flu')]]);
  });
});

describe('toFts5 and toTsQuery', () => {
  it('write quoted terms, phrases, prefixes and alternatives', () => {
    const q = ast('(flu OR influenza) NEAR/3 "flu shot" vaccin* NOT clinic');
    assert.equal(toFts5(q), '("flu" OR "influenza") AND "flu shot" AND "vaccin"*');
    assert.equal(toTsQuery(q), "('flu' | 'influenza') & ('flu' <-> 'shot') & 'vaccin':*");
  });

  it('are null when nothing in the text can be pre-filtered', () => {
    assert.equal(toFts5(ast('author:stjude')), null);
    assert.equal(toTsQuery(ast('lang:en OR flu')), null);
  });

  it('operators, stars, colons and quotes in a hostile query reach the index only as quoted words', () => {
    const q = ast('"NEAR" ("AND" OR "col:umn") "x*" "a\'b" w\\x (NOT "OR") "^y" "-z" 日本語 \u201cMC\u201d');
    const fts = toFts5(q) ?? '';
    const ts = toTsQuery(q) ?? '';
    assert.equal(fts, '"near" AND ("and" OR "col umn") AND "x" AND "a b" AND "w x" AND "y" AND "z" AND "日本語" AND "mc"');
    assert.equal(ts, "'near' & ('and' | ('col' <-> 'umn')) & 'x' & ('a' <-> 'b') & ('w' <-> 'x') & 'y' & 'z' & '日本語' & 'mc'");
  });

  it('escape quotes and backslashes even in words no parse can produce', () => {
    const hostile: QueryNode = { kind: 'or', children: [{ kind: 'term', word: 'a"b\'c\\', prefix: true }, { kind: 'phrase', words: ['"', "'); drop table x; --"] }] };
    assert.equal(toFts5(hostile), '("a""b\'c\\"* OR """ \'); drop table x; --")');
    assert.equal(toTsQuery(hostile), "('a\"b''c\\\\':* | ('\"' <-> '''); drop table x; --'))");
  });
});

describe('searchableText', () => {
  it('is the unmarked, normalised tokens separated by spaces', () => {
    assert.equal(searchableText('Get your #FluShot at Café St. Jude’s — @StJude, covid-19!'), 'get your flushot at cafe st jude s stjude covid 19');
  });
});

describe('toTsQuery and rare scripts', () => {
  it('leaves out clauses with characters beyond the Basic Multilingual Plane, which PostgreSQL may not index', () => {
    assert.equal(toTsQuery(ast('flu (𑼰 OR shot)')), "'flu'");
    assert.equal(toTsQuery(ast('𑼰')), null);
    assert.equal(toFts5(ast('flu (𑼰 OR shot)')), '"flu" AND ("𑼰" OR "shot")');
  });

  it('toFts5 leaves out clauses with letters FTS5 still reads as marks', () => {
    assert.equal(toFts5(ast('flu (ᦱ OR shot)')), '"flu"');
    assert.equal(toTsQuery(ast('flu (ᦱ OR shot)')), "'flu' & ('ᦱ' | 'shot')");
  });
});
