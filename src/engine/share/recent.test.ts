import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hashText,
  isKeptCase,
  readRecent,
  recentEntry,
  RECENT_LIMITS,
  upsertRecent,
} from './recent.ts';

const entry = (paste: string, title = 't', savedAt = '2026-11-22T03:00:00Z') =>
  recentEntry({ s: '2_A', title, savedAt, paste });

describe('recent cases', () => {
  it('puts the newest first and updates the entry of the same paste', () => {
    let list = upsertRecent([], entry('paste one', 'first'));
    list = upsertRecent(list, entry('paste two', 'second'));
    list = upsertRecent(list, entry('paste one', 'first again'));
    expect(list.map((c) => c.title)).toEqual(['first again', 'second']);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let list = upsertRecent([], entry('p0'));
    for (let i = 1; i < 30; i++) list = upsertRecent(list, entry(`p${i}`));
    expect(list).toHaveLength(RECENT_LIMITS.maxCases);
    expect(list[0]?.paste).toBe('p29');
  });

  it('does not keep a paste over the size limit, but keeps the case', () => {
    const big = entry('x'.repeat(RECENT_LIMITS.maxPaste + 1));
    expect(big.paste).toBeUndefined();
    expect(big.s).toBe('2_A');
  });

  it('keys a paste too big to keep by a sample: the same paste matches, another does not', () => {
    // Hashing a whole 10 MB paste on every step of the walk cost the page up to 60 ms.
    const big = 'Apr 01 14:48:48 [IKEv1]: IP = 10.1.1.2, Received encrypted packet\n'.repeat(5000);
    expect(big.length).toBeGreaterThan(RECENT_LIMITS.maxPaste);
    expect(entry(big).id).toBe(entry(big.slice(0)).id);
    expect(entry(big).id).not.toBe(entry(`${big}x`).id);
    // Another capture differs all through (timestamps at least); one changed character between
    // two samples would not be told apart, and the case would replace the other in the list.
    expect(entry(big).id).not.toBe(entry(big.replaceAll('14:48:48', '14:48:49')).id);
  });

  it('reads back only well-formed entries from whatever storage held', () => {
    const good = entry('p');
    expect(readRecent([good, { id: 1 }, null, 'x', { ...good, paste: 5 }])).toEqual([
      good,
      { id: good.id, s: good.s, title: good.title, savedAt: good.savedAt },
    ]);
    fc.assert(fc.property(fc.anything(), (junk) => Array.isArray(readRecent(junk))));
  });

  it('hashes stably to 8 hex digits', () => {
    expect(hashText('')).toBe('811c9dc5');
    expect(hashText('a')).toBe('e40c292c');
    fc.assert(fc.property(fc.string(), (s) => /^[0-9a-f]{8}$/.test(hashText(s))));
  });

  it('keeps walks with evidence or by answers alone, not a jump whose evidence was cleared', () => {
    const jump = { kind: 'jump' as const, to: 'auth.psk-mismatch' as never };
    const evidence = { findings: [], context: {}, origin: 'paste' as const };
    expect(isKeptCase({ trail: [{ kind: 'answer', index: 0 }], evidence: null })).toBe(true);
    expect(isKeptCase({ trail: [jump], evidence })).toBe(true);
    expect(isKeptCase({ trail: [jump], evidence: null })).toBe(false);
  });
});
