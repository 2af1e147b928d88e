import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  decodeExcerpt,
  encodeExcerpt,
  EXCERPT_LIMITS,
  fromBase64Url,
  toBase64Url,
} from './excerpt.ts';

const line = fc.record({
  no: fc.integer({ min: 1, max: 1_000_000 }),
  text: fc.string({ maxLength: 200, unit: 'grapheme' }),
});

describe('evidence excerpt in a link', () => {
  it('base64url round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
        expect(toBase64Url(bytes)).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
    );
  });

  it('reads back what it wrote, within the size cap, in URL-safe characters', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const out = encodeExcerpt(lines);
        if (out === null) return; // nothing fits: allowed only for huge incompressible lines
        expect(out.encoded.length).toBeLessThanOrEqual(EXCERPT_LIMITS.maxEncoded);
        expect(out.encoded).toMatch(/^1\.[A-Za-z0-9_-]+$/);
        const back = decodeExcerpt(out.encoded);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.excerpt.lines.length).toBe(out.kept);
        back.excerpt.lines.forEach((l, i) => {
          expect(l.no).toBe(lines[i]?.no);
          expect(lines[i]?.text.startsWith(l.text.replace(/…$/, ''))).toBe(true);
        });
        expect(back.excerpt.truncated).toBe(out.truncated);
      }),
      { numRuns: 200 },
    );
  });

  it('drops lines (and says so) rather than exceed the cap', () => {
    const noisy = Array.from({ length: 40 }, (_, i) => ({
      no: i + 1,
      text: Array.from({ length: 30 }, (_, k) =>
        ((i * 7919 + k * 104729) % 65536).toString(36),
      ).join(''),
    }));
    const out = encodeExcerpt(noisy);
    expect(out).not.toBeNull();
    expect(out?.kept).toBeLessThan(40);
    expect(out?.truncated).toBe(true);
    expect(out?.encoded.length).toBeLessThanOrEqual(EXCERPT_LIMITS.maxEncoded);
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.anything()), (input) => {
        expect(() => decodeExcerpt(input)).not.toThrow();
        expect(decodeExcerpt(input).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a decompression bomb, a newer format and well-formed but wrong payloads', () => {
    const bomb = `1.${toBase64Url(deflateSync(new Uint8Array(200_000)))}`;
    expect(bomb.length).toBeLessThan(EXCERPT_LIMITS.maxEncoded);
    expect(decodeExcerpt(bomb)).toEqual({ ok: false, problem: 'damaged' });
    expect(decodeExcerpt('2.AAAA')).toEqual({ ok: false, problem: 'newer-version' });
    for (const payload of ['{"a":1}', '[0,[[0,"x"]]]', '[0,[[1,2]]]', '[0,[["1","x"]]]', 'null']) {
      const encoded = `1.${toBase64Url(deflateSync(strToU8(payload)))}`;
      expect(decodeExcerpt(encoded)).toEqual({ ok: false, problem: 'damaged' });
    }
  });
});
