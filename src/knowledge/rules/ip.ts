/**
 * Rules for the IP connectivity stage.
 * Sources: Troubleshooting IPsec VPNs (retransmission, fragmentation); Cisco ASA site-to-site VPN
 * troubleshooting (MM_WAIT_MSG2, RECVD_PKT_NOT_IPSEC).
 */
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
    name: 'ikev1-mm1-retransmitted',
    diagnosis: 'ip.peer-unreachable',
    confidence: 'high',
    weight: 50,
    when: [{ signal: 'ike.retransmit', exchange: ['MM1', 'AM1'] }],
    unless: [{ test: 'exchange-answered', exchange: ['MM2', 'AM2'] }],
    why: 'Main mode message 1 was retransmitted and message 2 never arrived: the peer does not answer IKE.',
  },
  {
    name: 'ike-auth-retransmitted-after-init',
    diagnosis: 'ip.fragmentation',
    confidence: 'high',
    weight: 55,
    when: [{ signal: 'ike.retransmit', exchange: ['IKE_AUTH'] }],
    unless: [{ test: 'exchange-answered', exchange: ['IKE_AUTH'] }],
    why: 'IKE_SA_INIT (small packets) went through, but IKE_AUTH (large, often carrying certificates) is retransmitted: its fragments are lost on the way.',
  },
  {
    name: 'gave-up-without-answer',
    diagnosis: 'ip.peer-unreachable',
    confidence: 'medium',
    weight: 40,
    when: [{ signal: 'ike.gave-up' }],
    unless: [
      {
        test: 'exchange-answered',
        exchange: ['IKE_SA_INIT', 'MM2', 'AM2', 'MM4', 'MM6', 'IKE_AUTH'],
      },
      { signal: 'ike.retransmit', exchange: ['IKE_AUTH'] },
    ],
    why: 'The device gave up the exchange after its retransmissions went unanswered.',
  },
  {
    name: 'initiator-waits-for-msg2',
    diagnosis: 'ip.peer-unreachable',
    confidence: 'medium',
    weight: 30,
    when: [{ test: 'ike-sa-stuck', states: ['MM_WAIT_MSG2', 'AG_WAIT_MSG2'] }],
    unless: [{ signal: 'ike.received' }],
    why: 'The initiator sent main mode message 1 and is still waiting for message 2: nothing comes back from the peer.',
  },
  {
    name: 'initiator-sa-never-up',
    diagnosis: 'ip.peer-unreachable',
    confidence: 'medium',
    weight: 30,
    when: [
      { test: 'ike-sa-stuck', states: ['CONNECTING', 'connecting', 'DOWN'], role: 'initiator' },
    ],
    unless: [{ test: 'ike-sa-up' }, { signal: 'ike.received' }],
    why: 'This device keeps trying to set up the IKE SA as initiator and it never comes up: the peer does not answer.',
  },
  {
    name: 'session-stuck-negotiating',
    diagnosis: 'ip.peer-unreachable',
    confidence: 'medium',
    weight: 25,
    when: [{ test: 'session-negotiating' }],
    unless: [{ signal: 'ike.received' }],
    why: 'The session stays in negotiation without an IKE SA: most often the peer does not answer.',
  },
  {
    name: 'ios-sa-stuck-no-state',
    diagnosis: 'ip.peer-unreachable',
    confidence: 'low',
    weight: 20,
    when: [{ test: 'ike-sa-stuck', states: ['MM_NO_STATE'] }],
    unless: [{ test: 'ike-sa-up' }, { signal: 'ike.received' }],
    why: 'An ISAKMP SA stays in MM_NO_STATE: often no reply from the peer (it also follows a deleted SA).',
  },
  {
    name: 'no-sa-at-all',
    diagnosis: 'ip.no-interesting-traffic',
    confidence: 'medium',
    weight: 20,
    when: [{ test: 'no-ike-sa' }],
    unless: [{ signal: 'ike.sent' }, { signal: 'ike.retransmit' }],
    why: 'There is no IKE SA at all: nothing has tried to bring the tunnel up.',
  },
  {
    name: 'fortigate-no-sa-installed',
    diagnosis: 'ip.no-interesting-traffic',
    confidence: 'low',
    weight: 10,
    when: [{ test: 'ipsec-sa-zero' }],
    why: 'No phase 2 SA is installed; with no traffic matching the selectors, none is ever negotiated.',
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
  {
    name: 'fvrf-no-route',
    diagnosis: 'ip.fvrf-unreachable',
    confidence: 'high',
    weight: 40,
    when: [{ signal: 'ike.fvrf-no-route' }],
    why: 'The peer is not reachable in the front-door VRF the IKE packets use.',
  },
  {
    name: 'encaps-without-decaps-path',
    diagnosis: 'ip.esp-blocked',
    confidence: 'low',
    weight: 10,
    when: [{ test: 'ipsec-one-way' }],
    why: 'IKE works but ESP does not come back: ESP (IP 50) or UDP 4500 may be dropped in the path.',
  },
];
