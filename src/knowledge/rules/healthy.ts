/** Healthy states: phase 1 up, tunnel up. They rank after every problem. */
import type { Rule } from './types.ts';

/** Healthy-state rules. */
export const healthyRules: readonly Rule[] = [
  {
    name: 'tunnel-up',
    diagnosis: 'healthy.tunnel-up',
    confidence: 'high',
    weight: 50,
    when: [{ test: 'ipsec-both-ways' }],
    unless: [{ test: 'ipsec-verify-errors' }, { test: 'ipsec-replay-errors' }],
    why: 'IPsec SAs encapsulate and decapsulate: traffic flows both ways.',
  },
  {
    name: 'session-up-active',
    diagnosis: 'healthy.tunnel-up',
    confidence: 'medium',
    weight: 40,
    when: [{ test: 'session-up' }],
    unless: [{ test: 'ipsec-one-way' }],
    why: 'The VPN session is up and active.',
  },
  {
    name: 'phase2-completed',
    diagnosis: 'healthy.tunnel-up',
    confidence: 'low',
    weight: 30,
    when: [{ signal: 'phase2.complete' }],
    unless: [{ test: 'ipsec-one-way' }, { test: 'ipsec-no-traffic' }],
    why: 'Phase 2 completed: the IPsec SAs are installed; the counters confirm traffic both ways.',
  },
  {
    name: 'phase1-up',
    diagnosis: 'healthy.phase1-up',
    confidence: 'high',
    weight: 50,
    when: [{ test: 'ike-sa-up' }],
    why: 'Phase 1 is complete; look at phase 2 next.',
  },
];
