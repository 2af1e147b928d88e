import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  it('gives the offsets of a run of lines whatever the line breaks, clamped to the text', () => {
    const text = 'one\r\ntwo\nthree\rfour';
    const pick = (a: number, b: number) => {
      const r = lineIndex(text).range(a, b);
      return text.slice(r.start, r.end);
    };
    expect(pick(1, 1)).toBe('one');
    expect(pick(2, 3)).toBe('two\nthree');
    expect(pick(4, 4)).toBe('four');
    expect(pick(3, 9)).toBe('three\rfour');
    expect(pick(0, 1)).toBe('one');
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
