/**
 * Rules for routing and encapsulation.
 * Sources: Troubleshooting IPsec VPNs (missing routes, recursive routing, GRE keys, MTU);
 * Cisco ASA site-to-site VPN troubleshooting (NAT exemption).
 */
import type { Rule } from './types.ts';

/** Routing rules. */
export const routingRules: readonly Rule[] = [
  {
    name: 'route-missing',
    diagnosis: 'routing.missing-route',
    confidence: 'high',
    weight: 50,
    when: [{ test: 'route-missing' }],
    why: 'The route lookup finds no route for the prefix: nothing sends that traffic into the tunnel.',
  },
  {
    name: 'recursive',
    diagnosis: 'routing.recursive',
    confidence: 'high',
    weight: 60,
    when: [{ signal: 'tunnel.recursive' }],
    why: 'The tunnel destination is learned through the tunnel itself, so the tunnel is shut down.',
  },
  {
    name: 'gre-keys-differ',
    diagnosis: 'routing.gre-key-mismatch',
    confidence: 'high',
    weight: 50,
    when: [{ test: 'tunnel-key-differs' }],
    why: 'The GRE tunnel keys differ: the SAs encrypt and decrypt, but the tunnel drops the packets.',
  },
  {
    name: 'nhrp-failure',
    diagnosis: 'routing.nhrp-mismatch',
    confidence: 'medium',
    weight: 40,
    when: [{ signal: 'nhrp.failure' }],
    why: 'NHRP registration or resolution fails: authentication string, network-id or NHS mapping differ.',
  },
  {
    name: 'sa-up-no-traffic',
    diagnosis: 'routing.missing-route',
    confidence: 'low',
    weight: 20,
    when: [{ test: 'ipsec-no-traffic' }],
    unless: [{ test: 'ipsec-one-way' }, { test: 'ipsec-both-ways' }],
    why: 'The SAs exist but nothing is encapsulated: traffic does not reach the tunnel (route or NAT).',
  },
  {
    name: 'sa-up-no-traffic-nat',
    diagnosis: 'routing.nat-exemption',
    confidence: 'low',
    weight: 15,
    when: [{ test: 'ipsec-no-traffic' }],
    unless: [{ test: 'ipsec-one-way' }, { test: 'ipsec-both-ways' }],
    why: 'Traffic NATed before the crypto ACL is checked never matches it: encaps stay 0.',
  },
];
