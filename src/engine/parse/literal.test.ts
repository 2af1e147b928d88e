import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredLiteral } from './literal.ts';

describe('requiredLiteral', () => {
  it.each([
    [/Received an un-encrypted (\w+) notify/, 'Received an un-encrypted '],
    [
      /IKEv2(?:-[A-Z]+)?:\((?:SESSION ID = \d+,)?\s?SA ID = \d+\):\s*Retransmitting packet/,
      'Retransmitting packet',
    ],
    [
      /%CRYPTO-4-RECVD_PKT_NOT_IPSEC:.*?(?:src_addr\s*=\s*([\w.:]+))?/,
      '%CRYPTO-4-RECVD_PKT_NOT_IPSEC:',
    ],
    [/^\s*Payload contents:/, 'Payload contents:'],
    [/no proposal chosen|NO_PROPOSAL/, null],
    [/colou?r matters/, 'r matters'],
    [/ab+cd/, null],
    [/PHASE 1 COMPLETED/i, 'phase 1 completed'],
    [/x{0,3}yz/, null],
  ])('%s → %j', (re, want) => {
    expect(requiredLiteral(re)).toBe(want);
  });

  it('never rejects a string the expression matches', () => {
    const patterns = [
      /Received an un-encrypted (\w+) notify/,
      /ab+c(d|e)?fgh/,
      /\[IKEv1\]: IP = ([\d.]+), (.{0,40}) done/,
      /(?:foo)?barbaz\s+q/i,
    ];
    for (const re of patterns) {
      const lit = requiredLiteral(re);
      fc.assert(
        fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
          const sample =
            a +
            (re.source.includes('Received')
              ? 'Received an un-encrypted X notify'
              : re.source.includes('IKEv1')
                ? '[IKEv1]: IP = 1.2.3.4, x done'
                : re.source.includes('barbaz')
                  ? 'BARBAZ q'
                  : 'abbbcfgh') +
            b;
          if (!re.test(sample)) return;
          const hay = re.flags.includes('i') ? sample.toLowerCase() : sample;
          expect(lit === null || hay.includes(lit)).toBe(true);
        }),
      );
    }
  });
});
