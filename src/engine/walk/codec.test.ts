import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type DiagnosisId } from '../../knowledge/catalogue.ts';
import type { Context, NodeId } from '../../knowledge/schema.ts';
import { PLATFORMS } from '../../knowledge/schema.ts';
import { CODEC_VERSION, decode, encode, MAX_ANSWER_INDEX } from './codec.ts';
import type { Step, WalkState } from './state.ts';

const nodeId = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
    fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}[a-z0-9]$/), { minLength: 1, maxLength: 3 }),
  )
  .map(([head, rest]) => [head, ...rest].join('.') as NodeId);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc
    .integer({ min: 0, max: MAX_ANSWER_INDEX })
    .map((index) => ({ kind: 'answer' as const, index })),
  nodeId.map((to) => ({ kind: 'jump' as const, to })),
);
// Transition never leaves two jumps in a row (see transition.ts), so neither do these trails.
const trail = fc
  .array(step, { maxLength: 30 })
  .map((steps) => steps.filter((s, i) => !(s.kind === 'jump' && steps[i - 1]?.kind === 'jump')));
const context: fc.Arbitrary<Context> = fc.record(
  {
    platform: fc.constantFrom(...PLATFORMS),
    peerPlatform: fc.constantFrom(...PLATFORMS),
    ikeVersion: fc.constantFrom('ikev1' as const, 'ikev2' as const),
    role: fc.constantFrom('initiator' as const, 'responder' as const),
  },
  { requiredKeys: [] },
);
const state: fc.Arbitrary<WalkState> = fc.record({
  trail,
  evidence: fc.option(
    fc.record({
      findings: fc.array(fc.constantFrom<DiagnosisId>(...CATALOGUE), { maxLength: 5 }),
      context,
      origin: fc.constantFrom('paste' as const, 'compare' as const),
    }),
  ),
});

describe('URL codec', () => {
  it('decode(encode(s)) equals s', () => {
    fc.assert(
      fc.property(state, (s) => {
        const d = decode(encode(s));
        expect(d.ok).toBe(true);
        expect(d.state).toEqual(s);
      }),
      { numRuns: 500 },
    );
  });

  it('writes only characters that need no escaping in a query string', () => {
    fc.assert(fc.property(state, (s) => /^[A-Za-z0-9._-]+$/.test(encode(s))));
  });

  it('reads a version 1 link through the migration (evidence from a paste)', () => {
    const d = decode('1_CAip.fragmentationB_ai2i_ip.fragmentation_ip.peer-unreachable');
    expect(d).toEqual({
      ok: true,
      state: {
        trail: [
          { kind: 'answer', index: 2 },
          { kind: 'answer', index: 0 },
          { kind: 'jump', to: 'ip.fragmentation' },
          { kind: 'answer', index: 1 },
        ],
        evidence: {
          findings: ['ip.fragmentation', 'ip.peer-unreachable'],
          context: {
            platform: 'cisco-asa',
            peerPlatform: 'cisco-ios',
            ikeVersion: 'ikev2',
            role: 'initiator',
          },
          origin: 'paste',
        },
      },
    });
  });

  it('reads a hand-written version 2 link from a configuration comparison', () => {
    expect(decode('2_C_aixxc_ipsec.pfs-mismatch')).toEqual({
      ok: true,
      state: {
        trail: [{ kind: 'answer', index: 2 }],
        evidence: {
          findings: ['ipsec.pfs-mismatch'],
          context: { platform: 'cisco-asa', peerPlatform: 'cisco-ios' },
          origin: 'compare',
        },
      },
    });
  });

  it('writes the current version and keeps a version 1 walk without evidence as it was', () => {
    expect(encode({ trail: [{ kind: 'answer', index: 1 }], evidence: null })).toBe('2_B');
    expect(decode('1_BA')).toEqual({
      ok: true,
      state: {
        trail: [
          { kind: 'answer', index: 1 },
          { kind: 'answer', index: 0 },
        ],
        evidence: null,
      },
    });
  });

  it.each([
    ['', 'damaged'],
    ['garbage', 'damaged'],
    ['1_AB_zzzz', 'damaged'],
    ['1_AB_xxxx_not.a-diagnosis', 'damaged'],
    ['2_AB_xxxx_ip.fragmentation', 'damaged'],
    ['2_AB_xxxxq_ip.fragmentation', 'damaged'],
    ['0_AB', 'damaged'],
    ['1_A%20B', 'damaged'],
    ['1_ip.', 'damaged'],
    [`${CODEC_VERSION + 1}_AB`, 'newer-version'],
    ['99999_AB', 'damaged'],
  ])('refuses %j as %s with a fresh start', (input, problem) => {
    const d = decode(input);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.problem).toBe(problem);
    expect(d.state).toEqual({ trail: [], evidence: null });
  });

  it('refuses an oversized link as too long', () => {
    expect(decode('1_' + 'A'.repeat(5000))).toMatchObject({ ok: false, problem: 'too-long' });
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.anything()), (input) => {
        expect(() => decode(input)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses every truncation of a link with evidence or reads it as a shorter walk', () => {
    const full = '1_CAAip.fragmentationB_a22i_ip.fragmentation';
    for (let n = 0; n < full.length; n++) {
      const d = decode(full.slice(0, n));
      expect(() => d).not.toThrow();
      if (d.ok) expect(d.state.trail.length).toBeLessThanOrEqual(5);
    }
  });
});
