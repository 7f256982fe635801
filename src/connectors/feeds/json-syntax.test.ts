import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findJsonSyntaxError, positionOf } from './json-syntax.ts';

describe('locating JSON syntax errors', () => {
  it('accepts exactly what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '1', '-', '.', 'e', 't', 'r', 'u', '\\', ' ', '\n') })), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        assert.equal(findJsonSyntaxError(text) === undefined, valid, text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('points at the offending character', () => {
    assert.deepEqual(findJsonSyntaxError('{"a": 1,\n "b": tru }'), { offset: 15, reason: "unexpected 't' where a value should be", endsEarly: false });
    assert.equal(findJsonSyntaxError('[1, 2')?.endsEarly, true);
    assert.equal(findJsonSyntaxError('{"a": "x\ny"}')?.reason, 'control character U+000A inside a string (must be escaped)');
  });

  it('does not overflow the stack on deep nesting', () => {
    assert.equal(findJsonSyntaxError('['.repeat(1_000_000))?.endsEarly, true);
  });

  it('turns offsets into 1-based lines and columns', () => {
    assert.deepEqual(positionOf('ab\ncd\nef', 4), { line: 2, column: 2 });
    assert.deepEqual(positionOf('ab', 0), { line: 1, column: 1 });
  });
});
