/**
 * The line dispatcher must not change what the parsers find: every parser reading its view gives
 * exactly what it gives reading the whole paste — on every fixture, on mixes of fixtures of all
 * vendors, and on mutated fixtures. Plus the two pieces it rests on: the needle automaton and the
 * literal sets of regular expressions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFixtures } from '../../../fixtures/load.ts';
import { mutateAll, mutation } from '../fuzz/arbitraries.ts';
import { PARSERS } from '../parsers/registry.ts';
import { viewsOf } from './gate.ts';
import { anyLiterals } from './literal.ts';
import { toLines } from './lines.ts';
import { compileNeedles } from './needles.ts';
import { parsePaste } from './run.ts';

const FIXTURES = listFixtures();
const UNGATED = PARSERS.map(({ gate: _gate, ...parser }) => parser);

/** What a parse found, in a form two parses can be compared by. */
function found(text: string, parsers: typeof PARSERS) {
  const r = parsePaste(text, parsers);
  return { facts: r.facts, lineFormat: [...r.lineFormat], unrecognized: r.unrecognized };
}

describe('compileNeedles', () => {
  const word = fc.string({
    unit: fc.constantFrom('a', 'B', 'c', ' ', ':', '[', '1'),
    minLength: 1,
    maxLength: 5,
  });

  it('reports exactly the needles a line holds, in any case', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'C', ' ', ':', '[', '1', 'é'), maxLength: 40 }),
        (needles, text) => {
          const set = compileNeedles(needles.map((t, tag) => ({ text: t, tag })));
          const got = new Set<number>();
          set?.scan(text, (tag) => got.add(tag));
          const want = needles.flatMap((t, tag) =>
            text.toLowerCase().includes(t.toLowerCase()) ? [tag] : [],
          );
          expect([...got].sort((a, b) => a - b)).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses needles it cannot look for', () => {
    expect(compileNeedles([{ text: '', tag: 0 }])).toBeNull();
    expect(compileNeedles([{ text: 'Zürich', tag: 0 }])).toBeNull();
  });
});

describe('anyLiterals', () => {
  it.each([
    [
      /ISAKMP ?:? ?\(\d|ISAKMP ?: |Old State = \S+ +New State|ISAKMP is OFF/,
      ['isakmp', 'old state = ', 'isakmp is off'],
    ],
    [/%(?:ASA|FTD)-\d-(?:402|602)\d{3}: /, ['asa', 'ftd']],
    [/^\s*(?:SCB: 0x[0-9A-F]+,|Direction: (?:inbound|outbound))\s*$/, ['scb: 0x', 'direction: ']],
    [/^\s*(?:[0-9A-F]{2} ){1,15}[0-9A-F]{2}\s*$/, null],
    [/(?:foo)?bar|baz/, ['bar', 'baz']],
    [/\d+ms|baz/, null],
    [/TS unacceptable(?! notify)/, ['ts unacceptable']],
  ])('%s → %j', (re, want) => {
    expect(anyLiterals(re)).toEqual(want);
  });

  it('names a literal every match of a real pattern holds', () => {
    const patterns = [
      /IKEv2(?:-[A-Z]+)?:{1,2} ?(?:\((?:SESSION ID|SA ID|\d)|%|[A-Z])|IKEv2 (?:IKE_SA_INIT|IKE_AUTH) Exchange/,
      /\bcharon(?:-systemd)?(?:\[\d+\])?: |(?:^|\s)\d{1,3}\[(?:IKE|CFG|ENC)\] /,
      /====> (?:PHASE-[12]|IKEv2 \w+ SA)|\[(?:PNTF|PERR|PWRN)\]: /,
    ];
    const corpus = FIXTURES.flatMap((f) => f.txt.split(/\r\n|\r|\n/));
    for (const re of patterns) {
      const literals = anyLiterals(re) ?? [];
      expect(literals.length).toBeGreaterThan(0);
      for (const line of corpus.filter((l) => re.test(l)))
        expect(
          literals.some((t) => line.toLowerCase().includes(t)),
          line,
        ).toBe(true);
    }
  });
});

describe('the dispatcher', () => {
  it('gates every parser (one without a gate reads every line of every paste)', () => {
    expect(PARSERS.filter((p) => p.gate === undefined).map((p) => p.id)).toEqual([]);
  });

  it('hands a block reader the whole paste when its marker is anywhere, else nothing', () => {
    const ipsecSa = FIXTURES.find((f) => f.name.startsWith('cisco_asa/show_crypto_ipsec_sa'));
    const charon = FIXTURES.find((f) => f.name.startsWith('strongswan/charon'));
    const reader = PARSERS.findIndex((p) => p.id === 'cisco-asa-show-crypto-ipsec-sa');
    const mixed = toLines(`${charon?.txt ?? ''}\n${ipsecSa?.txt ?? ''}`);
    expect(viewsOf(mixed, PARSERS)[reader]).toHaveLength(mixed.length);
    expect(viewsOf(toLines(charon?.txt ?? ''), PARSERS)[reader]).toEqual([]);
  });

  it('gives a gated parser nothing to read in a paste of other vendors only', () => {
    const strongswan = FIXTURES.filter((f) => f.name.startsWith('strongswan')).map((f) => f.txt);
    const lines = toLines(strongswan.join('\n'));
    const views = viewsOf(lines, PARSERS);
    const asaIkev1 = PARSERS.findIndex((p) => p.id === 'cisco-asa-debug-crypto-ikev1');
    expect(views[asaIkev1]).toEqual([]);
  });

  it('finds the same on every fixture as reading every line', () => {
    for (const f of FIXTURES) expect(found(f.txt, PARSERS), f.name).toEqual(found(f.txt, UNGATED));
  });

  it('finds the same on mixes of fixtures of every vendor, mutated', () => {
    const piece = fc.tuple(fc.constantFrom(...FIXTURES), fc.array(mutation, { maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 2, maxLength: 8 }), (pieces) => {
        const text = pieces.map(([f, ms]) => mutateAll(f.txt, ms)).join('\n');
        expect(found(text, PARSERS)).toEqual(found(text, UNGATED));
      }),
      { numRuns: 100 },
    );
  });
});
