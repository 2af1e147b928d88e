/**
 * Auth stage entry: which authentication method the tunnel uses. Everything
 * after depends on it — the messages that tell causes apart are different for
 * IKEv1 pre-shared keys, IKEv2 pre-shared keys, certificates and EAP.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** The entry question of the auth stage. */
export const startNodes: readonly KnowledgeNode[] = [
  {
    kind: 'question',
    id: id('auth.q.start'),
    stage: 'auth',
    title: 'Which authentication method does this tunnel use?',
    help:
      'You are here because the policy was agreed and the Diffie-Hellman exchange finished, but phase 1 did not complete: an IKEv1 initiator stuck in MM_WAIT_MSG6 or a PAYLOAD_MALFORMED from the peer, or an IKEv2 IKE_AUTH that fails (AUTHENTICATION_FAILED). ' +
      'What can go wrong next depends on how the peers prove who they are: a pre-shared key, certificates (RSA or ECDSA signatures), or EAP against a RADIUS server (IKEv2 only). ' +
      'Read the method from the configuration on both sides. In IKEv1 it is part of the phase 1 policy, so both sides already agree on it; in IKEv2 each side sets its own local and remote method, and they can disagree.',
    commands: {
      'cisco-ios': [
        'show crypto isakmp policy',
        'show crypto ikev2 profile',
        'show running-config | section crypto isakmp policy|crypto ikev2 profile',
      ],
      'cisco-asa': [
        'show running-config crypto ikev1',
        'show running-config tunnel-group <peer-ip> ipsec-attributes',
      ],
      fortigate: ['show full-configuration vpn ipsec phase1-interface <name> | grep authmethod'],
      strongswan: ['swanctl --list-conns'],
      'juniper-srx': ['show configuration security ike'],
      paloalto: ['show vpn gateway name <name>'],
    },
    answers: [
      {
        label: 'Pre-shared key, IKEv1 (main mode)',
        next: id('auth.q.psk-v1'),
        hint: 'IOS `authentication pre-share` in the ISAKMP policy; ASA `ikev1 pre-shared-key` in the tunnel-group; FortiGate `set authmethod psk`.',
        when: { ikeVersion: 'ikev1' },
      },
      {
        label: 'Pre-shared key, IKEv2',
        next: id('auth.q.psk-v2'),
        hint: 'IOS `authentication remote pre-share` / `authentication local pre-share`; ASA `ikev2 remote-authentication pre-shared-key`; strongSwan `auth = psk`.',
        when: { ikeVersion: 'ikev2' },
      },
      {
        label: 'Certificates (RSA or ECDSA signatures)',
        next: id('auth.q.cert'),
        hint: 'IOS `authentication rsa-sig` / `authentication remote rsa-sig` with `pki trustpoint`; ASA `ikev1 trust-point` / `ikev2 remote-authentication certificate`; FortiGate `set authmethod signature`; strongSwan `auth = pubkey`.',
      },
      {
        label: 'EAP (clients authenticated by a RADIUS server)',
        next: id('auth.q.eap'),
        hint: 'IOS `authentication remote eap`; strongSwan `auth = eap-radius`. The headend still proves itself with a certificate.',
        when: { ikeVersion: 'ikev2' },
      },
      {
        label: 'The two sides are set to different methods (IKEv2)',
        next: id('auth.method-mismatch'),
        hint: "Responder debug: `Peer's configured auth method mis-matches with proposed auth method`.",
        when: { ikeVersion: 'ikev2' },
      },
    ],
    sources: [
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.asaS2sTroubleshooting,
      SOURCES.multipleKeyrings,
    ],
  },
];
