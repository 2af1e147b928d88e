/**
 * Fuzzing the configuration check (issue 7, item 3): `parseConfig`, `compareTexts`,
 * `detectPlatform` and every configuration parser never throw on arbitrary or mutated
 * configurations, their findings are well-formed, and no pre-shared key in the input ever
 * reaches a comparison's output.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, type Platform } from '../../knowledge/schema.ts';
import {
  compareTexts,
  CONFIG_PARSERS,
  detectPlatform,
  parseConfig,
  type ComparedTexts,
} from '../config/index.ts';
import {
  deviceLikeText,
  hostileText,
  hugeLine,
  HUGE_UNITS,
  mutateAll,
  mutation,
} from './arbitraries.ts';
import { compareProblems, peerProblems } from './wellformed.ts';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;

function cfgFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) return cfgFiles(p);
      return p.endsWith('.cfg') ? [p] : [];
    });
}

const read = (p: string) => ({ name: p.slice(FIXTURES.length), text: readFileSync(p, 'utf8') });
const CONFIGS = cfgFiles(join(FIXTURES, 'config')).map(read);
const PAIRS = readdirSync(join(FIXTURES, 'compare'))
  .filter((d) => statSync(join(FIXTURES, 'compare', d)).isDirectory())
  .sort()
  .map((d) => ({
    name: d,
    a: read(join(FIXTURES, 'compare', d, 'a.cfg')),
    b: read(join(FIXTURES, 'compare', d, 'b.cfg')),
  }));
const ALL_TEXTS = [...CONFIGS, ...PAIRS.flatMap((p) => [p.a, p.b])];
const CORPUS_LINES = [
  ...new Set(ALL_TEXTS.flatMap((f) => f.text.split(/\r\n|\r|\n/)).filter((l) => l.trim() !== '')),
];

/** The line count a finding's numbers refer to (compare splits on every line break). */
const countOf = (text: string): number => text.split(/\r\n|\r|\n/).length;

/** Every reader on one text: sniff is a finite number, parse gives lines within the text. */
function readerProblems(text: string): string[] {
  const count = countOf(text);
  const out: string[] = [];
  for (const parser of CONFIG_PARSERS) {
    const score = parser.sniff(text);
    if (typeof score !== 'number' || Number.isNaN(score))
      out.push(`${parser.platform}: sniff ${score}`);
    out.push(...peerProblems(parser.parse(text), count).map((p) => `${parser.platform} ${p}`));
  }
  const detected = detectPlatform(text);
  if (detected !== null && !(PLATFORMS as readonly string[]).includes(detected))
    out.push(`detected ${detected}`);
  const parsed = parseConfig(text);
  if (parsed.ok) out.push(...peerProblems(parsed.peer, count));
  else if (typeof parsed.problem !== 'string' || parsed.problem === '')
    out.push('refused without a reason');
  return out;
}

/** A comparison of two texts: well-formed findings, or a refusal that names a side. */
function comparisonProblems(a: string, b: string, result: ComparedTexts): string[] {
  if (!result.ok)
    return result.side === 'a' || result.side === 'b' ? [] : [`refused on side ${result.side}`];
  return [
    ...compareProblems(result.result, countOf(a), countOf(b)),
    ...peerProblems(result.peers[0], countOf(a)),
    ...peerProblems(result.peers[1], countOf(b)),
  ];
}

const problemsOfPair = (a: string, b: string): string[] => [
  ...readerProblems(a),
  ...readerProblems(b),
  ...comparisonProblems(a, b, compareTexts(a, b)),
];

describe('configuration readers on arbitrary text', () => {
  it('has configurations and pairs to fuzz', () => {
    expect(CONFIGS.length).toBeGreaterThan(20);
    expect(PAIRS.length).toBeGreaterThan(8);
  });

  it('never throw on hostile characters', () => {
    fc.assert(
      fc.property(hostileText(300), hostileText(100), (a, b) => {
        expect(problemsOfPair(a, b)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('never throw on configuration lines mixed with junk, with any platform forced', () => {
    const platform = fc.option(fc.constantFrom<Platform>(...PLATFORMS), { nil: undefined });
    fc.assert(
      fc.property(
        deviceLikeText(CORPUS_LINES, 80),
        deviceLikeText(CORPUS_LINES, 80),
        platform,
        platform,
        (a, b, pa, pb) => {
          expect(problemsOfPair(a, b)).toEqual([]);
          expect(comparisonProblems(a, b, compareTexts(a, b, [pa, pb]))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('read a 100 KB line in bounded time, alone and inside a real configuration', () => {
    const sample = CONFIGS.filter((_, i) => i % 4 === 0);
    for (const unit of HUGE_UNITS) {
      const big = hugeLine(unit);
      const started = performance.now();
      expect(readerProblems(big)).toEqual([]);
      for (const c of sample) {
        const lines = c.text.split('\n');
        const text = [...lines.slice(0, 10), big, ...lines.slice(10)].join('\n');
        expect(comparisonProblems(text, c.text, compareTexts(text, c.text))).toEqual([]);
      }
      expect(performance.now() - started, `unit ${JSON.stringify(unit)}`).toBeLessThan(4000);
    }
  });
});

describe('mutated configurations', () => {
  it('every reader stays well-formed on mutated fixtures', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_TEXTS),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (f, ms) => {
          expect(readerProblems(mutateAll(f.text, ms)), `${f.name} ${JSON.stringify(ms)}`).toEqual(
            [],
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a comparison of mutated pairs stays well-formed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PAIRS),
        fc.array(mutation, { maxLength: 3 }),
        fc.array(mutation, { maxLength: 3 }),
        (pair, ma, mb) => {
          const a = mutateAll(pair.a.text, ma);
          const b = mutateAll(pair.b.text, mb);
          expect(
            comparisonProblems(a, b, compareTexts(a, b)),
            `${pair.name} ${JSON.stringify([ma, mb])}`,
          ).toEqual([]);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('every unmutated pair compares and every fixture is read as some platform', () => {
    for (const pair of PAIRS) {
      const r = compareTexts(pair.a.text, pair.b.text);
      expect(r.ok, pair.name).toBe(true);
      expect(comparisonProblems(pair.a.text, pair.b.text, r), pair.name).toEqual([]);
    }
    for (const c of CONFIGS) expect(detectPlatform(c.text), c.name).not.toBeNull();
  });
});

// Key lines, each with the part before the key as group 1 and the key as group 2.
const KEY_LINES: readonly { re: RegExp; quote: boolean }[] = [
  // "crypto isakmp key 6 HLbZ]VX… address 198.51.100.66", "isakmp key S3cr3tVPN address 81.81.81.81 …"
  { re: /^(.*?isakmp key (?:[067] )?)(\S+)(?= )/, quote: false },
  // " pre-shared-key address 192.168.0.2 key cisco", "… key 6 RJ[aSX…"
  { re: /^(\s*pre-shared-key address \S+(?: \S+)? key (?:[067] )?)(\S+)$/, quote: false },
  // " ikev1 pre-shared-key 8 gbeNQ…", " ikev2 remote-authentication pre-shared-key Fort1Gate-Lab"
  {
    re: /^(\s*(?:ikev1 |ikev2 (?:remote|local)-authentication )pre-shared-key (?:[08] )?)(\S+)$/,
    quote: false,
  },
  // "  pre-shared-key cisco", "  pre-shared-key local Hq2Br1-local!", "  pre-shared-key hex 636973636f",
  // " pre-shared-key *" (ASA 8.2 tunnel-group); "hex …" becomes a plain key
  { re: /^(\s*pre-shared-key (?:local |remote )?(?:0 |6 )?)((?:hex )?\S+)$/, quote: false },
  // "        set psksecret ENC 6Ldv…", "        set psksecret "Sup3r Secret!""
  { re: /^(\s*set psksecret(?:-remote)? )(.+)$/, quote: true },
  // "198.51.100.20 203.0.113.1 : PSK "Cisco-Str0ng!"", "… : PSK 0sV2Vz…"
  { re: /^(.*: PSK )(.+)$/, quote: true },
  // "      secret = 0snT8c…", "      secret = "Fallback secret 2024""
  { re: /^(\s*secret = )(.+)$/, quote: true },
];

/** The text with every pre-shared key replaced by `key`, and how many were replaced. */
function withKey(text: string, key: string): { text: string; count: number } {
  let count = 0;
  const lines = text.split('\n').map((line) => {
    for (const { re, quote } of KEY_LINES) {
      const m = re.exec(line);
      if (!m) continue;
      count++;
      const value = quote ? `"${key}"` : key;
      return `${m[1] ?? ''}${value}${line.slice((m[1] ?? '').length + (m[2] ?? '').length)}`;
    }
    return line;
  });
  return { text: lines.join('\n'), count };
}

// Letters beyond f so a key is never hex text; no quotes, blanks or backslashes (every platform's
// syntax takes them as one word); not starting like strongSwan's 0s/0x encodings.
const KEY_ALPHABET = [...'ghijkmnpqrstuvwxyzGHJKLMNPQRSTUVWXYZ23456789!@%^*_+=.-'];
const secretKey = fc
  .string({ unit: fc.constantFrom(...KEY_ALPHABET), minLength: 8, maxLength: 32 })
  .filter((k) => /[g-zG-Z]/.test(k));

/** Lower-case hex of an ASCII string, as the model keeps key bytes. */
const hexOf = (s: string): string =>
  [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

describe('no pre-shared key leaves in a comparison', () => {
  const withKeys = PAIRS.filter(
    (p) => withKey(p.a.text, 'x').count + withKey(p.b.text, 'x').count > 0,
  );

  it('finds key lines in most pairs and configurations', () => {
    expect(withKeys.length).toBeGreaterThanOrEqual(8);
    expect(CONFIGS.filter((c) => withKey(c.text, 'x').count > 0).length).toBeGreaterThan(15);
  });

  it('with the same or different keys on the two sides', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...withKeys),
        secretKey,
        secretKey,
        fc.boolean(),
        (pair, k1, k2, same) => {
          const keyB = same ? k1 : k2;
          const a = withKey(pair.a.text, k1).text;
          const b = withKey(pair.b.text, keyB).text;
          fc.pre(!pair.a.text.includes(k1) && !pair.b.text.includes(keyB));
          const r = compareTexts(a, b);
          expect(r.ok, pair.name).toBe(true);
          // The keys really were read (as bytes), so the check below is not vacuous.
          if (r.ok) {
            const read = r.peers.flatMap((p) => p.keys.map((k) => k.bytesHex));
            expect(read, `${pair.name}: injected key not read`).toContain(hexOf(k1));
          }
          const json = JSON.stringify(r);
          expect(json.includes(k1), `${pair.name}: key A in the output`).toBe(false);
          expect(json.includes(keyB), `${pair.name}: key B in the output`).toBe(false);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('with a configuration compared against its partner or itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONFIGS),
        fc.constantFrom(...ALL_TEXTS),
        secretKey,
        (c, other, key) => {
          fc.pre(!c.text.includes(key) && !other.text.includes(key));
          const a = withKey(c.text, key).text;
          const b = withKey(other.text, key).text;
          for (const r of [compareTexts(a, b), compareTexts(b, a), compareTexts(a, a)])
            expect(JSON.stringify(r).includes(key), `${c.name} vs ${other.name}`).toBe(false);
          const parsed = parseConfig(a);
          if (parsed.ok)
            expect(JSON.stringify(parsed.peer.notes).includes(key), `${c.name} notes`).toBe(false);
        },
      ),
      { numRuns: 120 },
    );
  });
});
