import { describe, expect, it } from 'vitest';
import { lineRange } from './lines.ts';

describe('lineRange', () => {
  it('gives the offsets of a run of lines whatever the line breaks', () => {
    const text = 'one\r\ntwo\nthree\rfour';
    const pick = (a: number, b: number) => {
      const r = lineRange(text, a, b);
      return text.slice(r.start, r.end);
    };
    expect(pick(1, 1)).toBe('one');
    expect(pick(2, 3)).toBe('two\nthree');
    expect(pick(4, 4)).toBe('four');
    expect(pick(3, 9)).toBe('three\rfour');
    expect(pick(9, 9)).toBe('');
  });
});
