/**
 * IKE negotiation, diagnoses about the exchange itself once a policy is
 * agreed: the key exchange stalls, the peer rejects our SA (INVALID_COOKIE),
 * or the SA lives a different time on each side.
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

/** PFS set the same way on both sides: the snippets are shared by two fix steps. */
const PFS_GROUP14 = {
  'cisco-ios': 'crypto map <map-name> <seq> ipsec-isakmp\n set pfs group14',
  'cisco-asa': 'crypto map <map-name> <seq> set pfs group14',
  fortigate:
    'config vpn ipsec phase2-interface\n    edit "<phase2-name>"\n        set pfs enable\n        set dhgrp 14\n    next\nend',
  strongswan:
    'connections {\n  site-b {\n    children {\n      site-b-net {\n        esp_proposals = aes256-sha256-modp2048\n      }\n    }\n  }\n}',
  'juniper-srx': 'set security ipsec policy <ipsec-policy> perfect-forward-secrecy keys group14',
  paloalto:
    'set network ike crypto-profiles ipsec-crypto-profiles <ipsec-profile> dh-group group14',
} as const;

/** Diagnoses about the exchange once a policy is agreed. */
export const ikeExchangeDiagnoses: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('ike.keying-stalled'),
    stage: 'ike',
    title: 'Policy agreed, but the Diffie-Hellman / nonce exchange does not complete',
    explanation:
      'Main mode messages 1 and 2 agreed a policy; messages 3 and 4 carry each side’s Diffie-Hellman public value and nonce (plus the NAT detection payloads), from which both compute the keys for the rest of phase 1. ' +
      'When one of them never arrives, the initiator waits for message 4 and the responder for message 3. ' +
      'Causes seen in practice: differences between vendors or software versions, a router or firewall with inspection in the path that interferes with these larger packets (UDP 4500 must also be open both ways if NAT-T is used), and a peer that had PFS enabled while the other did not (a VMware Edge gateway against an ASA).',
    byRole: {
      initiator:
        'ASA MM_WAIT_MSG4 (IOS MM_SA_SETUP): message 3 went out, message 4 never came back.',
      responder:
        'ASA MM_WAIT_MSG3 (IOS MM_SA_SETUP): message 2 went out, message 3 never came. First make sure the initiator received message 2 at all; if it is still in MM_WAIT_MSG2, the return path is the problem, not the key exchange.',
    },
    confirm: {
      'cisco-ios': ['show crypto isakmp sa detail', 'debug crypto isakmp', 'show crypto map'],
      'cisco-asa': [
        'show crypto isakmp sa detail',
        'debug crypto ikev1 127',
        'show running-config crypto map | include pfs',
        'show version',
      ],
      fortigate: [
        'diagnose vpn ike gateway list name <phase1-name>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
        'show vpn ipsec phase2-interface <phase2-name>',
      ],
      strongswan: ['swanctl --list-sas', 'swanctl --list-conns', 'journalctl -u strongswan'],
      'juniper-srx': ['show security ike security-associations detail', 'show log kmd'],
      paloalto: ['show vpn ike-sa gateway <gateway-name>', 'less mp-log ikemgr.log'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Apr 01 11:38:52 [IKEv1]: IP = 123.123.123.123, IKE_DECODE SENDING Message (msgid=0) with payloads : HDR + KE (4) + NONCE (10) + VENDOR (13) + VENDOR (13) + VENDOR (13) + VENDOR (13) + NONE (0) total length : 256',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Message 3 (key exchange and nonce) leaving the ASA initiator. When keying stalls, no `IKE_DECODE RECEIVED Message … HDR + KE (4) + NONCE (10)` (message 4) follows and the ASA stays in MM_WAIT_MSG4.',
      },
      {
        platform: 'cisco-ios',
        text: '*Jun 19 10:04:24.828: ISAKMP:(0): sending packet to 192.168.0.2 my_port\n500 peer_port 500 (I) MM_SA_SETUP',
        source: SOURCES.multipleKeyrings,
        note: 'IOS initiator sending message 3. Normally a received packet in MM_SA_SETUP and `Old State = IKE_I_MM3 New State = IKE_I_MM4` follow; when keying stalls they do not.',
      },
    ],
    fix: [
      {
        text: 'Read both peers at the same time and locate the missing message. If the initiator never got message 2, go back to IP connectivity (the return path drops UDP 500/4500).',
      },
      {
        text: 'Look for a router or firewall with IKE inspection / ALG between the peers: let UDP 500 and UDP 4500 pass in both directions without inspection, and test again.',
      },
      {
        text: 'Make PFS the same on both sides: either both use it with the same group, or neither does.',
        config: PFS_GROUP14,
      },
      {
        text: 'Between different vendors or software versions, use the plainest common policy (e.g. AES-256, SHA-256, DH group 14) and, if the stall persists, upgrade the older side.',
      },
      {
        text: 'Trigger the tunnel: the ASA must move past MM_WAIT_MSG4 / MM_WAIT_MSG3 (IOS past MM_SA_SETUP) and phase 1 must complete.',
      },
    ],
    verify: IKE_SA_TABLE,
    lookAlikes: [
      {
        id: id('ip.peer-unreachable'),
        howToTell:
          'A responder in MM_WAIT_MSG3 while its initiator is still in MM_WAIT_MSG2 means message 2 is lost on the way back: that is connectivity, not keying.',
      },
      {
        id: id('ipsec.pfs-mismatch'),
        howToTell:
          'PFS on one side usually lets phase 1 complete and breaks phase 2 (`Attribute not supported`, tunnel up from one side only). If phase 1 reaches MM_ACTIVE / QM_IDLE, it is that one.',
      },
      {
        id: id('auth.psk-mismatch'),
        howToTell:
          'A wrong pre-shared key stops one step later: initiator MM_WAIT_MSG6, responder MM_WAIT_MSG5, IOS MM_KEY_EXCH, with PAYLOAD_MALFORMED or decryption errors.',
      },
      {
        id: id('ike.proposal-mismatch'),
        howToTell: 'Without a common policy the exchange never gets past message 2 (MM_WAIT_MSG2).',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.multipleKeyrings, SOURCES.phase1Success],
  },
  {
    kind: 'diagnosis',
    id: id('ike.invalid-cookie'),
    stage: 'ike',
    title: 'The peer rejects our messages with INVALID_COOKIE: identify the ASA by its IP address',
    explanation:
      'The two cookies (SPIs) in every ISAKMP header name the SA a message belongs to. An INVALID_COOKIE notify says the peer does not accept the SA this message refers to. ' +
      'In the case documented (an ASA initiating to a SonicWall), policy and key exchange completed, the ASA sent message 5 with its identity and hash, and the peer answered with an unencrypted INVALID_COOKIE: it could not tie the ASA’s identity to a configured peer. ' +
      'Making the ASA identify itself by its IP address fixed it. The same notify can also follow a reboot or a cleared SA on one side while the other still uses the old one.',
    confirm: {
      'cisco-asa': [
        'show running-config all crypto isakmp | include identity',
        'debug crypto ikev1 127',
        'show crypto isakmp sa',
      ],
      'cisco-ios': ['show running-config | include crypto isakmp identity', 'debug crypto isakmp'],
      fortigate: [
        'show vpn ipsec phase1-interface <phase1-name>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
      ],
      strongswan: ['swanctl --list-conns', 'journalctl -u strongswan'],
      'juniper-srx': ['show configuration security ike gateway <gateway-name>', 'show log kmd'],
      paloalto: ['show vpn gateway name <gateway-name>', 'less mp-log ikemgr.log'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Apr 06 00:45:21 [IKEv1]IP = x.x.x.x, IKE_DECODE SENDING Message (msgid=0) with payloads : HDR + ID (5) + HASH (8) + VENDOR (13) + NONE (0) total length : 110',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Main mode message 5 (identity and hash) leaving the ASA: phases 1-4 succeeded.',
      },
      {
        platform: 'cisco-asa',
        text: 'Apr 06 00:45:29 [IKEv1]Group = x.x.x.x, IP = x.x.x.x, Received an un-encrypted INVALID_COOKIE notify message, dropping',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'The peer’s answer instead of message 6.',
      },
    ],
    fix: [
      {
        text: 'Make this side identify itself by its IP address (the default `auto` may send a hostname or certificate name), and configure the peer to expect that address.',
        config: {
          'cisco-asa': 'crypto isakmp identity address',
          'cisco-ios': 'crypto isakmp identity address',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "<phase1-name>"\n        set localid-type address\n    next\nend',
          strongswan:
            'connections {\n  site-b {\n    local {\n      id = <local-public-ip>\n    }\n  }\n}',
          'juniper-srx':
            'set security ike gateway <gateway-name> local-identity inet <local-public-ip>',
          paloalto:
            'set network ike gateway <gateway-name> local-id type ipaddr id <local-public-ip>',
        },
      },
      {
        text: 'Clear the IKE SAs for this peer on both sides so the next attempt starts from fresh cookies.',
        config: {
          'cisco-asa': 'clear crypto ikev1 sa <peer-ip>',
          'cisco-ios': 'clear crypto session remote <peer-ip>',
          fortigate: 'diagnose vpn ike gateway clear name <phase1-name>',
          strongswan: 'swanctl --terminate --ike <connection-name>',
          'juniper-srx': 'clear security ike security-associations <peer-ip>',
          paloalto: 'clear vpn ike-sa gateway <gateway-name>',
        },
      },
      { text: 'Trigger the tunnel: message 6 must arrive and the ASA must show MM_ACTIVE.' },
    ],
    verify: IKE_SA_TABLE,
    lookAlikes: [
      {
        id: id('auth.psk-mismatch'),
        howToTell:
          'Also fails at message 5/6, but the peer answers PAYLOAD_MALFORMED or the debug says `had problems decrypting packet, probably due to mismatched pre-shared key`, not INVALID_COOKIE.',
      },
      {
        id: id('auth.peer-id-mismatch'),
        howToTell:
          'If the peer (strongSwan, libreswan) logs which identity it received and which it expected, it is the identity configuration in general; INVALID_COOKIE from a SonicWall-type peer is this specific case.',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.rfc2408],
  },
  {
    kind: 'diagnosis',
    id: id('ike.lifetime-mismatch'),
    stage: 'ike',
    title: 'Phase 1 or phase 2 lifetimes differ between the peers',
    explanation:
      'Each SA lives for a limited time (phase 2 also for a volume of data) and is renegotiated before it expires. In IKEv1 the initiator proposes its lifetime in the policy; most implementations accept and use the shorter of the two values, so a difference is often harmless. ' +
      'It does hurt when a platform refuses a proposal whose lifetime differs from (or exceeds) its own, which looks like a policy mismatch with every algorithm equal; and when the two sides expire and rekey at different moments, so one still uses an SA the other has deleted: the tunnel drops at regular intervals until traffic brings it up again. ' +
      'IKEv2 does not negotiate lifetimes at all: each side rekeys on its own timer.',
    confirm: {
      'cisco-ios': [
        'show crypto isakmp policy',
        'show crypto ipsec security-association lifetime',
        'show crypto isakmp sa detail',
        'show crypto ipsec sa peer <peer-ip>',
      ],
      'cisco-asa': [
        'show running-config crypto ikev1',
        'show running-config crypto map | include lifetime',
        'show crypto isakmp sa detail',
        'show crypto ipsec sa peer <peer-ip>',
      ],
      fortigate: [
        'show vpn ipsec phase1-interface <phase1-name>',
        'show vpn ipsec phase2-interface <phase2-name>',
      ],
      strongswan: ['swanctl --list-conns', 'swanctl --list-sas'],
      'juniper-srx': [
        'show configuration security ike proposal <proposal-name>',
        'show configuration security ipsec proposal <proposal-name>',
      ],
      paloalto: [
        'show vpn ike-sa gateway <gateway-name>',
        'show vpn ipsec-sa tunnel <tunnel-name>',
      ],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: '*Jun 19 10:04:24.827: ISAKMP: life duration (VPI) of 0x0 0x1 0x51 0x80',
        source: SOURCES.multipleKeyrings,
        note: 'The phase 1 lifetime in the proposal: 0x00015180 = 86400 seconds. Compare with the peer’s configured value.',
      },
      {
        platform: 'cisco-ios',
        text: '*Jun 19 10:04:24.827: ISAKMP:(0):Returning Actual lifetime: 86400',
        source: SOURCES.multipleKeyrings,
        note: 'The lifetime IOS actually uses for this SA.',
      },
      {
        platform: 'cisco-ios',
        text: 'lifedur= 3600s and 4608000kb,',
        source: SOURCES.multipleKeyrings,
        note: 'From `debug crypto ipsec`: the phase 2 lifetime requested, in seconds and kilobytes (the IOS defaults).',
      },
    ],
    fix: [
      {
        text: 'Set the same lifetimes on both peers: phase 1 (commonly 86400 s) and phase 2 (commonly 3600 s; the same kilobyte limit, or none, on both).',
        config: {
          'cisco-ios':
            'crypto isakmp policy 10\n lifetime 86400\ncrypto ipsec security-association lifetime seconds 3600\ncrypto ipsec security-association lifetime kilobytes 4608000',
          'cisco-asa':
            'crypto ikev1 policy 10\n lifetime 86400\ncrypto map <map-name> <seq> set security-association lifetime seconds 3600\ncrypto map <map-name> <seq> set security-association lifetime kilobytes unlimited',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "<phase1-name>"\n        set keylife 86400\n    next\nend\nconfig vpn ipsec phase2-interface\n    edit "<phase2-name>"\n        set keylifeseconds 3600\n    next\nend',
          strongswan:
            'connections {\n  site-b {\n    rekey_time = 24h\n    children {\n      site-b-net {\n        rekey_time = 1h\n      }\n    }\n  }\n}',
          'juniper-srx':
            'set security ike proposal <proposal-name> lifetime-seconds 86400\nset security ipsec proposal <proposal-name> lifetime-seconds 3600',
          paloalto:
            'set network ike crypto-profiles ike-crypto-profiles <ike-profile> lifetime seconds 86400\nset network ike crypto-profiles ipsec-crypto-profiles <ipsec-profile> lifetime seconds 3600',
        },
      },
      {
        text: 'Enable dead peer detection on both sides, so a side that lost its SA is noticed and the tunnel is rebuilt instead of black-holing traffic.',
      },
      {
        text: 'Watch the tunnel across at least one rekey (lower the lifetimes temporarily to test): the SAs must be replaced without traffic loss on both peers.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto isakmp sa detail', 'show crypto ipsec sa peer <peer-ip>'],
      'cisco-asa': ['show crypto isakmp sa detail', 'show crypto ipsec sa peer <peer-ip>'],
      fortigate: ['diagnose vpn tunnel list name <phase1-name>'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec security-associations detail'],
      paloalto: ['show vpn ipsec-sa tunnel <tunnel-name>'],
    },
    lookAlikes: [
      {
        id: id('ike.proposal-mismatch'),
        howToTell:
          'A strict platform reports a lifetime difference as NO_PROPOSAL_CHOSEN. If encryption, hash, group and authentication are all identical, the lifetime is the culprit.',
      },
      {
        id: id('ipsec.pfs-mismatch'),
        howToTell:
          'PFS on one side also causes repeated teardowns, but at every phase 2 negotiation (`Attribute not supported`), not only when a lifetime runs out.',
      },
      {
        id: id('ipsec.integrity-errors'),
        howToTell:
          'Keys out of step after a rekey show as `%CRYPTO-4-RECVD_PKT_MAC_ERR` and rising `#pkts verify failed`; a pure lifetime difference shows SAs that disappear on one side only.',
      },
    ],
    sources: [
      SOURCES.multipleKeyrings,
      SOURCES.phase1Success,
      SOURCES.asaS2sTroubleshooting,
      SOURCES.rfc2409,
    ],
  },
];
