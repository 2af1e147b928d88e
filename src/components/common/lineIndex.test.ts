import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineRange } from '../../engine/parse/lines.ts';
import { lineIndex } from './lineIndex.ts';

describe('lineIndex', () => {
  it('gives the lines split() gives, for LF, CRLF and CR breaks', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', 'x\r\ny');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const lines = text.split(/\r\n|\r|\n/);
        const index = lineIndex(text);
        expect(index.count).toBe(lines.length);
        for (let no = 1; no <= lines.length; no++) expect(index.line(no)).toBe(lines[no - 1]);
        expect(index.line(0)).toBe('');
        expect(index.line(lines.length + 1)).toBe('');
      }),
    );
  });

  it('selects the same characters as the engine’s lineRange', () => {
    const text = 'one\r\ntwo\nthree\rfour\n';
    for (const [a, b] of [
      [1, 1],
      [2, 3],
      [4, 4],
      [1, 5],
    ] as const)
      expect(lineIndex(text).range(a, b)).toEqual(lineRange(text, a, b));
  });

  it('indexes a 10 MB paste once, not on every look-up', () => {
    const text = 'Apr 01 14:48:48 [IKEv1]: IP = 10.1.1.2, IKE_DECODE RECEIVED Message\n'.repeat(
      150_000,
    );
    const first = lineIndex(text);
    expect(lineIndex(text)).toBe(first);
    expect(first.count).toBe(150_001);
    expect(first.line(149_999)).toContain('IKE_DECODE RECEIVED');
  });
});
