/**
 * IKE negotiation, diagnoses about what the peers agree to speak: the phase 1
 * policy / IKEv2 proposal, main versus aggressive mode, IKEv1 versus IKEv2.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode, PlatformCommands } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** The IKE SA table per platform. */
const IKE_SA_TABLE: PlatformCommands = {
  'cisco-ios': ['show crypto isakmp sa', 'show crypto ikev2 sa'],
  'cisco-asa': ['show crypto isakmp sa'],
  fortigate: ['diagnose vpn ike gateway list name <phase1-name>'],
  strongswan: ['swanctl --list-sas'],
  'juniper-srx': ['show security ike security-associations'],
  paloalto: ['show vpn ike-sa gateway <gateway-name>'],
};

/** Diagnoses about what the peers agree to speak. */
export const ikePolicyDiagnoses: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('ike.proposal-mismatch'),
    stage: 'ike',
    title: 'No common phase 1 policy / IKEv2 proposal',
    explanation:
      'The initiator offers its phase 1 proposals in the first message (encryption and key length, hash or integrity, PRF, Diffie-Hellman group, and in IKEv1 also the authentication method and lifetime). ' +
      'The responder must find one of its own policies that matches one offer attribute for attribute. When none does, it answers with a NO_PROPOSAL_CHOSEN notify, sent unencrypted because no keys exist yet, and the negotiation ends at the first exchange. ' +
      'The initiator therefore never leaves its first state: the ASA stays in MM_WAIT_MSG2, IOS in MM_NO_STATE, an IKEv2 SA never gets past IKE_SA_INIT.',
    byRole: {
      initiator:
        'You receive the notify: ASA `Received an un-encrypted NO_PROPOSAL_CHOSEN notify message`, IOS IKEv2 `NOTIFY(NO_PROPOSAL_CHOSEN)` in the IKE_SA_INIT response. The debug of the responder says which attribute differs.',
      responder:
        'You refuse the offer. IOS IKEv2 prints the offer (`Received Policies`) and its own proposals (`Expected Policies`) side by side; IOS IKEv1 checks each offered transform against each `crypto isakmp policy` and never prints "atts are acceptable".',
    },
    confirm: {
      'cisco-ios': [
        'show crypto isakmp policy',
        'show crypto ikev2 proposal',
        'show crypto ikev2 policy',
        'debug crypto isakmp',
        'debug crypto ikev2',
      ],
      'cisco-asa': [
        'show running-config crypto ikev1',
        'show running-config crypto ikev2',
        'debug crypto ikev1 127',
        'debug crypto ikev2 protocol 127',
      ],
      fortigate: [
        'show vpn ipsec phase1-interface <phase1-name>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
      ],
      strongswan: ['swanctl --list-conns', 'journalctl -u strongswan | grep -i proposal'],
      'juniper-srx': ['show configuration security ike', 'show log kmd'],
      paloalto: ['show vpn gateway name <gateway-name>', 'less mp-log ikemgr.log'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Apr 01 14:48:48 [IKEv1]: IP = 123.123.123.123, Received an un-encrypted NO_PROPOSAL_CHOSEN notify message, dropping',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'On the ASA initiator, stuck in MM_WAIT_MSG2: the peer found no matching phase 1 policy.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 9,SA ID = 1):Received Policies: : Failed to find a matching',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'On the IKEv2 responder. The next lines list the received proposal, then the `Expected Policies`: compare them attribute by attribute.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 9,SA ID = 1):: Failed to find a matching policy\nIKEv2:(SESSION ID = 9,SA ID = 1):Sending no proposal chosen notify',
        source: SOURCES.troubleshootingIpsecVpns,
      },
      {
        platform: 'cisco-ios',
        text: '*Jun 19 10:04:24.827: ISAKMP:(0):atts are acceptable. Next payload is 0',
        source: SOURCES.multipleKeyrings,
        note: 'For contrast: what IKEv1 on IOS prints when a policy DOES match. If it never appears, no policy matched.',
      },
    ],
    fix: [
      {
        text: 'Print the phase 1 policies of both peers and compare every attribute: encryption and key length, hash / integrity, PRF (IKEv2), Diffie-Hellman group, authentication method (IKEv1), and the lifetime where the platform checks it.',
      },
      {
        text: 'Make at least one policy identical on both sides (example: AES-256, SHA-256, DH group 14, pre-shared key, 86400 s).',
        config: {
          'cisco-ios':
            '! IKEv1\ncrypto isakmp policy 10\n encryption aes 256\n hash sha256\n authentication pre-share\n group 14\n lifetime 86400\n! IKEv2\ncrypto ikev2 proposal PROP-AES256\n encryption aes-cbc-256\n integrity sha256\n group 14\ncrypto ikev2 policy POL-AES256\n proposal PROP-AES256',
          'cisco-asa':
            'crypto ikev1 policy 10\n authentication pre-share\n encryption aes-256\n hash sha\n group 14\n lifetime 86400\ncrypto ikev2 policy 10\n encryption aes-256\n integrity sha256\n group 14\n prf sha256\n lifetime seconds 86400',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "<phase1-name>"\n        set proposal aes256-sha256\n        set dhgrp 14\n        set keylife 86400\n    next\nend',
          strongswan: 'connections {\n  site-b {\n    proposals = aes256-sha256-modp2048\n  }\n}',
          'juniper-srx':
            'set security ike proposal P1-AES256 authentication-method pre-shared-keys\nset security ike proposal P1-AES256 dh-group group14\nset security ike proposal P1-AES256 authentication-algorithm sha-256\nset security ike proposal P1-AES256 encryption-algorithm aes-256-cbc\nset security ike proposal P1-AES256 lifetime-seconds 86400\nset security ike policy <ike-policy> proposals P1-AES256',
          paloalto:
            'set network ike crypto-profiles ike-crypto-profiles P1-AES256 encryption aes-256-cbc\nset network ike crypto-profiles ike-crypto-profiles P1-AES256 hash sha256\nset network ike crypto-profiles ike-crypto-profiles P1-AES256 dh-group group14\nset network ike crypto-profiles ike-crypto-profiles P1-AES256 lifetime seconds 86400\nset network ike gateway <gateway-name> protocol ikev2 ike-crypto-profile P1-AES256',
        },
      },
      {
        text: 'Trigger the tunnel again: IOS IKEv1 must print "atts are acceptable", the ASA must move past MM_WAIT_MSG2, an IKEv2 SA must reach READY.',
      },
    ],
    verify: IKE_SA_TABLE,
    lookAlikes: [
      {
        id: id('ip.peer-unreachable'),
        howToTell:
          'The ASA sits in MM_WAIT_MSG2 in both cases. With a proposal mismatch a NO_PROPOSAL_CHOSEN notify is RECEIVED; with no connectivity nothing is received at all.',
      },
      {
        id: id('ipsec.transform-mismatch'),
        howToTell:
          'NO_PROPOSAL_CHOSEN also ends a failed phase 2. If it arrives in the IKE_SA_INIT response (IKEv2) or before main mode message 3 (IKEv1), it is phase 1; inside IKE_AUTH (`ESP: Proposal`) or in quick mode (`phase 2 SA policy not acceptable!`) it is the transform set.',
      },
      {
        id: id('ike.lifetime-mismatch'),
        howToTell:
          'If every attribute matches except the lifetime and the peer still refuses, that platform compares lifetimes strictly: align the lifetimes.',
      },
      {
        id: id('ike.version-mismatch'),
        howToTell:
          'A peer running the other IKE version sends no NO_PROPOSAL_CHOSEN; it does not answer at all.',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.multipleKeyrings,
      SOURCES.phase1Success,
    ],
  },
  {
    kind: 'diagnosis',
    id: id('ike.aggressive-mode'),
    stage: 'ike',
    title: 'One side negotiates phase 1 in aggressive mode',
    explanation:
      'IKEv1 phase 1 runs either in main mode (six messages, identities protected) or in aggressive mode (three messages, identities in clear and, with pre-shared keys, a hash an eavesdropper can attack offline). ' +
      'Site-to-site tunnels between fixed addresses normally use main mode. If one side is set to aggressive mode (a vendor default, or a peer with a dynamic address identifying itself by name) and the other expects main mode, phase 1 does not complete. ' +
      'On the ASA every state that starts with AG_ means aggressive mode is being tried.',
    confirm: {
      'cisco-ios': [
        'show crypto isakmp sa',
        'show running-config | include aggressive|crypto isakmp peer',
        'debug crypto isakmp',
      ],
      'cisco-asa': [
        'show crypto isakmp sa',
        'show running-config crypto map | include phase1-mode',
        'show running-config crypto ikev1 | include am-disable',
      ],
      fortigate: ['show vpn ipsec phase1-interface <phase1-name>'],
      strongswan: ['swanctl --list-conns'],
      'juniper-srx': ['show configuration security ike policy <ike-policy>'],
      paloalto: ['show vpn gateway name <gateway-name>'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: '*Oct 7 08:13:58.413: ISAKMP:(0):Can not start Aggressive mode, trying Main mode.',
        source: SOURCES.multipleKeyrings,
        note: 'The normal case, for contrast: IOS found no aggressive-mode setting for this peer and starts main mode. If this line is missing and the states start with AG_, this side initiates aggressive mode.',
      },
    ],
    fix: [
      {
        text: 'Agree on one mode. For a site-to-site tunnel between fixed addresses use main mode on both sides (and, where possible, refuse aggressive mode as responder).',
        config: {
          'cisco-ios':
            'no crypto isakmp peer address <peer-ip>\ncrypto isakmp aggressive-mode disable',
          'cisco-asa': 'crypto map <map-name> <seq> set phase1-mode main\ncrypto ikev1 am-disable',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "<phase1-name>"\n        set mode main\n    next\nend',
          strongswan: 'connections {\n  site-b {\n    aggressive = no\n  }\n}',
          'juniper-srx': 'set security ike policy <ike-policy> mode main',
          paloalto: 'set network ike gateway <gateway-name> protocol ikev1 exchange-mode main',
        },
      },
      {
        text: 'If a peer with a dynamic address really needs aggressive mode, configure it on BOTH sides with matching identities, or better move the tunnel to IKEv2, which has no such mode.',
      },
      { text: 'Trigger the tunnel: the ASA must show MM_ACTIVE (not an AG_ state), IOS QM_IDLE.' },
    ],
    verify: IKE_SA_TABLE,
    lookAlikes: [
      {
        id: id('ike.proposal-mismatch'),
        howToTell:
          'A policy mismatch in main mode shows MM_ states (MM_WAIT_MSG2) and a NO_PROPOSAL_CHOSEN notify; here the states are AG_.',
      },
      {
        id: id('auth.peer-id-mismatch'),
        howToTell:
          'Aggressive mode is often chosen because the peer identifies itself by name. Once both sides use the same mode, the identity can still be the one that does not match.',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.multipleKeyrings, SOURCES.rfc2409],
  },
  {
    kind: 'diagnosis',
    id: id('ike.version-mismatch'),
    stage: 'ike',
    title: 'One peer speaks IKEv1, the other IKEv2 only',
    explanation:
      'IKEv1 and IKEv2 both run on UDP 500 but are different protocols; the version is carried in the header. ' +
      'A peer configured for IKEv2 only does not take part in IKEv1 main mode, and an IKEv1-only peer ignores IKE_SA_INIT, so the initiator retransmits exactly as if the peer were unreachable and the peer logs little or nothing. ' +
      'On an ASA the crypto map decides the version (an IKEv1 transform set or an IKEv2 IPsec proposal) and each version must be enabled on the outside interface.',
    confirm: {
      'cisco-ios': [
        'show running-config | section crypto map|crypto ikev2 profile|crypto isakmp',
        'show crypto isakmp sa',
        'show crypto ikev2 sa',
      ],
      'cisco-asa': [
        'show running-config crypto map',
        'show running-config crypto ikev1 | include enable',
        'show running-config crypto ikev2 | include enable',
        'show crypto isakmp sa',
      ],
      fortigate: ['show vpn ipsec phase1-interface <phase1-name>'],
      strongswan: ['swanctl --list-conns'],
      'juniper-srx': ['show configuration security ike gateway <gateway-name>'],
      paloalto: ['show vpn gateway name <gateway-name>'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Apr 01 11:38:51 [IKEv1]: IP = 123.123.123.123, IKE Initiator: New Phase 1, Intf inside, IKE Peer 123.123.123.123 local Proxy Address 192.168.1.0, remote Proxy Address 172.16.1.0, Crypto map (outside_map)',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'The `[IKEv1]` tag: this ASA starts phase 1 with IKEv1. An IKEv2-only peer will not answer it.',
      },
      {
        platform: 'cisco-asa',
        text: 'There are no IKEv2 SAs',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'With only IKEv1 SAs (or none) listed above it: nothing is negotiated with IKEv2.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 1,SA ID = 1):Retransmitting packet',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'An IKEv2 initiator facing an IKEv1-only peer retransmits its IKE_SA_INIT just as if the peer were unreachable.',
      },
    ],
    fix: [
      {
        text: 'Choose one version for the tunnel, preferably IKEv2, and configure it on both peers.',
        config: {
          'cisco-ios':
            'crypto map <map-name> <seq> ipsec-isakmp\n set ikev2-profile <ikev2-profile>',
          'cisco-asa':
            'crypto ikev2 enable outside\ncrypto map <map-name> <seq> set ikev2 ipsec-proposal <proposal-name>\ntunnel-group <peer-ip> ipsec-attributes\n ikev2 remote-authentication pre-shared-key <key>\n ikev2 local-authentication pre-shared-key <key>',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "<phase1-name>"\n        set ike-version 2\n    next\nend',
          strongswan: 'connections {\n  site-b {\n    version = 2\n  }\n}',
          'juniper-srx': 'set security ike gateway <gateway-name> version v2-only',
          paloalto: 'set network ike gateway <gateway-name> protocol version ikev2',
        },
      },
      {
        text: 'Trigger the tunnel: an SA of the chosen version must appear on both peers (IKEv2: READY).',
      },
    ],
    verify: IKE_SA_TABLE,
    lookAlikes: [
      {
        id: id('ip.peer-unreachable'),
        howToTell:
          'Capture on the peer: if our IKE packets arrive there and are ignored, compare the versions; if they never arrive, it is the path.',
      },
      {
        id: id('ike.proposal-mismatch'),
        howToTell:
          'A NO_PROPOSAL_CHOSEN reply proves both sides speak the same version; the disagreement is then the algorithms.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.asaS2sTroubleshooting, SOURCES.rfc7296],
  },
];
