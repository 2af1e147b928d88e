/**
 * Fuzzing what a shared link carries (issue 7, item 4): the walk state `s` (`walk/codec.ts`) and
 * the evidence excerpt `e` (`share/excerpt.ts`). Script and HTML payloads, oversized values,
 * percent-encoded junk, every prefix and random mutations of real links never throw; anything
 * accepted is a state `resolve` replays or flags as stale, without throwing either.
 */
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type DiagnosisId } from '../../knowledge/catalogue.ts';
import { PLATFORMS, type Context } from '../../knowledge/schema.ts';
import { TREE } from '../../knowledge/tree.ts';
import { decodeExcerpt, encodeExcerpt, EXCERPT_LIMITS, toBase64Url } from '../share/excerpt.ts';
import { decode, encode, MAX_ENCODED } from '../walk/codec.ts';
import { answersOf, resolve } from '../walk/resolve.ts';
import { INITIAL_STATE, type WalkState } from '../walk/state.ts';
import { transition } from '../walk/transition.ts';
import { anyPiece, NASTY_CHARS } from './arbitraries.ts';

/** Payloads an attacker would put in a link: script URLs, HTML, template and JSON tricks. */
const PAYLOADS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  'javascript://%0aalert(1)',
  ' javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '<script>alert(1)</script>',
  '"><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)">',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '__proto__',
  'constructor',
  '{"__proto__":{"x":1}}',
  '[[1,"<script>"]]',
  '2_A_<script>',
  '2_javascript:alert(1)',
  '1.javascript:alert(1)',
  '1.<img src=x onerror=alert(1)>',
];

/** Percent-encoded junk, as a link may carry it before or after the router decodes it. */
const PERCENT: readonly string[] = [
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%253Cscript%253E',
  '%00',
  '%',
  '%%',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AE%C0%AE%2F',
  '%FF%FE',
  '2%5FAB',
  '2_A%42',
  '1.%41%41%41%41',
];

/** decodeURIComponent that never throws: what a router hands over after its own decoding. */
function percentDecoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A state that `decode` accepted must replay without throwing, or be flagged as stale. */
function replayProblems(state: WalkState): string[] {
  const r = resolve(TREE, state);
  if (r.ok) return TREE.nodes.get(r.node.id) === r.node ? [] : [`resolved to a foreign node`];
  if (!['unknown-node', 'bad-answer'].includes(r.problem)) return [`problem ${r.problem}`];
  return r.atStep >= 0 && r.atStep < Math.max(1, state.trail.length)
    ? []
    : [`stale at step ${r.atStep} of ${state.trail.length}`];
}

/** Everything the page does with `s`: decode, replay, and write the link again. */
function linkProblems(input: string): string[] {
  const d = decode(input);
  if (!d.ok) {
    if (!['damaged', 'newer-version', 'too-long'].includes(d.problem))
      return [`problem ${d.problem}`];
    return JSON.stringify(d.state) === JSON.stringify(INITIAL_STATE) ? [] : ['refusal not fresh'];
  }
  const again = decode(encode(d.state));
  const out = replayProblems(d.state);
  if (!again.ok || JSON.stringify(again.state) !== JSON.stringify(d.state))
    out.push(`re-encoding ${encode(d.state)} does not read back`);
  return out;
}

/** What the page does with `e`: decode, and show lines only within the limits. */
function excerptProblems(input: string): string[] {
  const r = decodeExcerpt(input);
  if (!r.ok)
    return ['damaged', 'newer-version', 'too-long'].includes(r.problem)
      ? []
      : [`problem ${r.problem}`];
  const { lines } = r.excerpt;
  const out: string[] = [];
  if (lines.length > EXCERPT_LIMITS.maxLines) out.push(`${lines.length} lines`);
  for (const l of lines) {
    if (!Number.isInteger(l.no) || l.no < 1) out.push(`line number ${l.no}`);
    if (typeof l.text !== 'string' || l.text.length > EXCERPT_LIMITS.maxLineLength + 1)
      out.push(`line ${l.no}: text of ${l.text.length}`);
  }
  return out;
}

const context: fc.Arbitrary<Context> = fc.record(
  {
    platform: fc.constantFrom(...PLATFORMS),
    peerPlatform: fc.constantFrom(...PLATFORMS),
    ikeVersion: fc.constantFrom('ikev1' as const, 'ikev2' as const),
    role: fc.constantFrom('initiator' as const, 'responder' as const),
  },
  { requiredKeys: [] },
);

/** Real walks: random answers from the root, maybe evidence applied, maybe a step back. */
const realState: fc.Arbitrary<WalkState> = fc
  .record({
    choices: fc.array(fc.nat(), { maxLength: 14 }),
    evidence: fc.option(
      fc.record({
        findings: fc.array(fc.constantFrom<DiagnosisId>(...CATALOGUE), {
          minLength: 1,
          maxLength: 4,
        }),
        context,
        origin: fc.constantFrom('paste' as const, 'compare' as const),
      }),
    ),
    at: fc.nat(),
  })
  .map(({ choices, evidence, at }) => {
    let state = INITIAL_STATE;
    choices.forEach((c, i) => {
      if (evidence && i === at % (choices.length + 1))
        state = transition(TREE, state, { type: 'evidence', ...evidence });
      const here = resolve(TREE, state);
      const n = here.ok ? answersOf(here.node).length : 0;
      if (n > 0) state = transition(TREE, state, { type: 'answer', index: c % n });
    });
    return state;
  });

/** Real links as the page writes them. */
const realLink = realState.map(encode);

/** One edit to a link: a character replaced, inserted, removed or swapped, or a piece spliced in. */
const edit = fc.record({
  kind: fc.constantFrom('replace', 'insert', 'remove', 'swap', 'splice'),
  at: fc.nat(),
  piece: fc.oneof(
    fc.constantFrom(...'_.-AZaz09'),
    fc.constantFrom(...PAYLOADS),
    fc.constantFrom(...PERCENT),
    anyPiece,
  ),
});

function applyEdit(link: string, e: { kind: string; at: number; piece: string }): string {
  const i = e.at % (link.length + 1);
  switch (e.kind) {
    case 'replace':
      return link.slice(0, i) + (e.piece[0] ?? '') + link.slice(i + 1);
    case 'insert':
      return link.slice(0, i) + (e.piece[0] ?? '') + link.slice(i);
    case 'remove':
      return link.slice(0, i) + link.slice(i + 1);
    case 'swap':
      return link.slice(0, i) + link.slice(i + 1, i + 2) + link.slice(i, i + 1) + link.slice(i + 2);
    default:
      return link.slice(0, i) + e.piece + link.slice(i);
  }
}

describe('walk state in a link (s)', () => {
  it('refuses script and HTML payloads, or flags a node-like word as stale', () => {
    const variants = [
      ...PAYLOADS,
      ...PAYLOADS.map((x) => `2_${x}`),
      ...PAYLOADS.map((x) => `1_A_${x}`),
    ];
    for (const p of variants) {
      const d = decode(p);
      expect(linkProblems(p), p).toEqual([]);
      // `2_constructor` is a well-formed jump to a node that does not exist: the page shows the
      // stale-link notice; nothing else may get through.
      if (d.ok)
        expect(resolve(TREE, d.state), p).toMatchObject({ ok: false, problem: 'unknown-node' });
    }
  });

  it('refuses oversized values as too long, fast', () => {
    const started = performance.now();
    for (const size of [MAX_ENCODED + 1, 5_000, 100_000, 2_000_000])
      for (const unit of ['A', '2_', 'ip.fragmentation', '<script>', '%3C']) {
        const value = `2_${unit.repeat(Math.ceil(size / unit.length))}`;
        expect(decode(value)).toMatchObject({ ok: false, problem: 'too-long' });
      }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('accepts the longest allowed value or refuses it, without throwing', () => {
    for (const unit of ['A', 'Zip.fragmentation', 'A_xxxxp'])
      expect(linkProblems(`2_${unit.repeat(MAX_ENCODED)}`.slice(0, MAX_ENCODED))).toEqual([]);
  });

  it('refuses percent-encoded junk, raw or decoded', () => {
    for (const p of PERCENT)
      for (const v of [p, percentDecoded(p), `2_${p}`, `2_A_${percentDecoded(p)}`]) {
        expect(linkProblems(v), v).toEqual([]);
        if (v.includes('%') || /[^\x20-\x7e]/.test(v)) expect(decode(v).ok, v).toBe(false);
      }
  });

  it('real links resolve (and the generator makes long walks with evidence)', () => {
    const sample = fc.sample(realState, { numRuns: 200, seed: 7 });
    expect(
      sample.filter((st) => st.evidence !== null && st.trail.length >= 5).length,
    ).toBeGreaterThan(10);
    fc.assert(
      fc.property(realLink, (link) => {
        const d = decode(link);
        expect(d.ok).toBe(true);
        expect(resolve(TREE, d.state).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('every prefix of a real link is refused, or replays (or is flagged stale) without throwing', () => {
    fc.assert(
      fc.property(realLink, (link) => {
        for (let n = 0; n <= link.length; n++)
          expect(linkProblems(link.slice(0, n)), link.slice(0, n)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('random mutations of real links are refused, or replay (or are flagged stale)', () => {
    fc.assert(
      fc.property(realLink, fc.array(edit, { minLength: 1, maxLength: 5 }), (link, edits) => {
        const mutated = edits.reduce(applyEdit, link);
        expect(linkProblems(mutated), mutated).toEqual([]);
        expect(linkProblems(percentDecoded(mutated)), mutated).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('hostile characters anywhere never throw', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constantFrom(...NASTY_CHARS), anyPiece, fc.constantFrom('_', '2_', 'A')),
          {
            maxLength: 60,
          },
        ),
        (pieces) => {
          expect(linkProblems(pieces.join(''))).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Excerpt lines a paste of hostile text would give: markup, script URLs, control characters. */
const excerptLine = fc.record({
  no: fc.integer({ min: 1, max: 1_000_000 }),
  text: fc.oneof(
    fc.constantFrom(...PAYLOADS),
    fc.array(anyPiece, { maxLength: 40 }).map((a) => a.join('')),
  ),
});
const realExcerpt = fc
  .array(excerptLine, { minLength: 1, maxLength: 50 })
  .map((lines) => encodeExcerpt(lines)?.encoded ?? '1.');

const pack = (payload: string): string => `1.${toBase64Url(deflateSync(strToU8(payload)))}`;

describe('evidence excerpt in a link (e)', () => {
  it('refuses script and HTML payloads and percent-encoded junk', () => {
    for (const p of [...PAYLOADS, ...PERCENT, ...PERCENT.map(percentDecoded)])
      expect(decodeExcerpt(p).ok, p).toBe(false);
  });

  it('keeps markup in lines as plain text (the page escapes it; nothing is interpreted here)', () => {
    const lines = PAYLOADS.slice(0, 10).map((text, i) => ({ no: i + 1, text }));
    const encoded = encodeExcerpt(lines)?.encoded ?? '';
    const r = decodeExcerpt(encoded);
    expect(r.ok && r.excerpt.lines.map((l) => l.text)).toEqual(lines.map((l) => l.text));
  });

  it('refuses oversized values as too long, fast', () => {
    const started = performance.now();
    for (const size of [EXCERPT_LIMITS.maxEncoded * 2 + 1, 5_000, 100_000, 2_000_000])
      expect(decodeExcerpt(`1.${'A'.repeat(size)}`)).toEqual({ ok: false, problem: 'too-long' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('caps crafted payloads: many rows, long lines, deep nesting, bombs', () => {
    const crafted = [
      JSON.stringify([0, Array.from({ length: 5000 }, (_, i) => [i + 1, 'x'])]),
      JSON.stringify([1, [[1, 'y'.repeat(60_000)]]]),
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      JSON.stringify([0, [[1, '<script>alert(1)</script>']]]),
      JSON.stringify([0, [[1e300, 'x']]]),
      JSON.stringify([0, [[1.5, 'x']]]),
      JSON.stringify({ __proto__: { polluted: true }, 0: 0, 1: [] }),
      ' '.repeat(70_000),
    ];
    for (const payload of crafted) {
      const encoded = pack(payload);
      expect(excerptProblems(encoded), payload.slice(0, 40)).toEqual([]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('every prefix of a real excerpt is refused or well-formed', () => {
    fc.assert(
      fc.property(realExcerpt, (encoded) => {
        for (let n = 0; n <= encoded.length; n += 1 + (n >> 6))
          expect(excerptProblems(encoded.slice(0, n))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('random mutations of real excerpts are refused or well-formed', () => {
    fc.assert(
      fc.property(realExcerpt, fc.array(edit, { minLength: 1, maxLength: 4 }), (encoded, edits) => {
        const mutated = edits.reduce(applyEdit, encoded);
        expect(excerptProblems(mutated)).toEqual([]);
        expect(excerptProblems(percentDecoded(mutated))).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });
});
