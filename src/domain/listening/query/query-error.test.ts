import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { format } from './query-error.ts';
import { parse } from './parser.ts';

function formatted(query: string): string {
  const r = parse(query);
  if (r.ok) assert.fail('expected a refusal');
  return format(r.error, query);
}

describe('format', () => {
  it('puts a caret under the column of the error', () => {
    assert.equal(
      formatted('flu AND (shot OR vaccine'),
      "unbalanced parenthesis: this '(' is never closed (column 9)\n  flu AND (shot OR vaccine\n          ^",
    );
  });

  it('underlines the whole culprit', () => {
    assert.equal(formatted('flu site:x').split('\n')[2], '      ^^^^^');
  });

  it('keeps the caret aligned after emoji and tabs', () => {
    const lines = formatted('🏥\tflu (').split('\n');
    assert.equal(lines[1], '  🏥 flu (');
    assert.equal(lines[2], '        ^');
  });

  it('shows a window around the error in a long query', () => {
    const query = `${'flu '.repeat(100)}(shot`;
    const [, shown, caret] = formatted(query).split('\n');
    assert.ok((shown ?? '').length < 100);
    assert.equal(shown?.[(caret ?? '').indexOf('^')], '(');
  });

  it('points just past the end when the query stops too early', () => {
    const [, shown, caret] = formatted('flu NEAR/3').split('\n');
    assert.equal(shown, '  flu NEAR/3');
    assert.equal(caret, '      ^^^^^^');
    const [, , empty] = formatted('').split('\n');
    assert.equal(empty, '  ^');
  });
});
