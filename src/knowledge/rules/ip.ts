/** Rules for the IP connectivity stage. Sources: Troubleshooting IPsec VPNs; Cisco ASA site-to-site VPN troubleshooting. */
import type { Rule } from './types.ts';

/** IP connectivity rules. */
export const ipRules: readonly Rule[] = [
  {
    name: 'ikev2-init-retransmitted',
    diagnosis: 'ip.peer-unreachable',
    confidence: 'high',
    weight: 50,
    when: [{ signal: 'ike.retransmit', exchange: ['IKE_SA_INIT'] }],
    unless: [{ test: 'exchange-answered', exchange: ['IKE_SA_INIT'] }],
    why: 'The first IKE message was sent again and again with no answer: it never reached the peer, or the answer never came back.',
  },
  {
    name: 'ike-auth-retransmitted-after-init',
    diagnosis: 'ip.fragmentation',
    confidence: 'high',
    weight: 50,
    when: [{ signal: 'ike.retransmit', exchange: ['IKE_AUTH'] }],
    why: 'IKE_SA_INIT (small packets) went through, but IKE_AUTH (large, often carrying certificates) is retransmitted: its fragments are lost on the way.',
  },
  {
    name: 'clear-packet-on-crypto-map',
    diagnosis: 'ip.crypto-map-wrong-interface',
    confidence: 'high',
    weight: 40,
    when: [{ signal: 'ipsec.packet-not-ipsec' }],
    unless: [{ signal: 'ipsec.packet-not-ipsec', protocol: 47 }],
    why: 'Packets that should arrive encrypted arrive in clear on an interface carrying a crypto map: the map is on the wrong (inside) interface.',
  },
];
