/**
 * IPsec SA stage, the leaves where the peers disagree on how to protect the
 * traffic: the ESP proposal (transform set) and perfect forward secrecy.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';
import { CLEAR_SAS } from './commands.ts';

/** The phase 2 proposal leaves. */
export const ipsecProposalNodes: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('ipsec.transform-mismatch'),
    stage: 'ipsec',
    title: 'Phase 2 proposals do not match (transform set / ESP proposal)',
    explanation:
      'To build the IPsec SAs the initiator offers one or more ESP transforms (cipher, key length, integrity algorithm) and the responder must find one it also has configured. With no overlap the responder refuses phase 2 while phase 1 stays up. ' +
      'IKEv1 shows this in quick mode as `phase 2 SA policy not acceptable!` and a PROPOSAL_NOT_CHOSEN notify. In IKEv2 the first child SA is negotiated inside IKE_AUTH, so the responder first authenticates the peer successfully and then answers NO_PROPOSAL_CHOSEN; the initiator deletes the IKE SA it has just built, which makes phase 1 look as if it flickers. ' +
      'An ASA initiator may show nothing more than an inbound SA created in state embryonic and deleted by IKE a moment later. ' +
      'A classic trap: AES-GMAC is not AES-GCM. GMAC only authenticates the packet and does not encrypt it (RFC 4543), GCM encrypts and authenticates (RFC 4106), so an ASA set to `aes-gmac-256` never matches a FortiGate set to `aes256gcm`, although the names look alike. ' +
      'Both are combined-mode algorithms, so the integrity setting beside them is ignored (the ASA warns that its integrity configuration is ignored and the FortiGate hides the hash choice): do not hunt for a hash mismatch when GCM is in use.',
    byRole: {
      initiator:
        'Your side proposed and was refused: expect NO_PROPOSAL_CHOSEN / PROPOSAL_NOT_CHOSEN from the peer, or on an ASA the embryonic SA being deleted. The peer’s debug lists what it would have accepted.',
      responder:
        'Your side did the refusing: the IOS IKEv2 debug prints the received ESP proposal under `Received Policies` and what it has under `Expected Policies`.',
    },
    confirm: {
      'cisco-ios': [
        'show crypto ipsec transform-set',
        'show crypto ipsec profile',
        'show crypto map',
        'debug crypto ikev2',
        'debug crypto isakmp',
      ],
      'cisco-asa': [
        'show running-config crypto ipsec',
        'show running-config crypto map',
        'debug crypto ipsec 127',
      ],
      fortigate: [
        'show vpn ipsec phase2-interface <name>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
      ],
      strongswan: ['swanctl --list-conns', 'journalctl -u strongswan | grep -i proposal'],
      'juniper-srx': ['show configuration security ipsec proposal | display set', 'show log kmd'],
      paloalto: ['show config running | match ipsec-crypto-profiles', 'less mp-log ikemgr.log'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: "IKEv2:(SESSION ID = 473,SA ID = 1):Received Policies: : Failed to find a matching\npolicyESP: Proposal 1:\u00a0\u00a03DES SHA256 Don't use ESN",
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'IOS IKEv2 responder: the ESP proposal it received (3DES/SHA256) matches nothing in its IPsec profile.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 473,SA ID = 1):Sending no proposal chosen notify',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'Sent inside the IKE_AUTH response, after authentication already succeeded.',
      },
      {
        platform: 'cisco-asa',
        text: 'IPSEC DEBUG: Received a DELETE PFKey message from IKE for an inbound SA (SPI 0x3B5A332E)',
        source: SOURCES.asaDeletePfkey,
        note: 'ASA `debug crypto ipsec`: the embryonic inbound SA is destroyed because IKE gave up on phase 2. Here the cause was AES-GMAC-256 on the ASA against AES256GCM on the FortiGate.',
      },
      {
        platform: 'cisco-asa',
        text: ' protocol esp encryption aes-gmac-256',
        source: SOURCES.asaDeletePfkey,
        note: '`show run crypto ipsec`: GMAC, not GCM. The peer offered AES-GCM-256.',
      },
      {
        platform: 'cisco-asa',
        text: 'WARNING: GCM\\GMAC are authenticated encryption algorithms.esp integrity config is ignored',
        source: SOURCES.asaDeletePfkey,
        note: 'Printed when GCM or GMAC is configured: the integrity line no longer matters.',
      },
    ],
    fix: [
      {
        text: 'Write down both peers’ phase 2 proposals: protocol (ESP/AH), cipher and key length, integrity, and mode. Remember AES-GMAC ≠ AES-GCM, and with GCM/GMAC ignore the integrity line.',
      },
      {
        text: 'Configure one transform that both sides have. For an authenticated cipher use AES-GCM on both ends.',
        config: {
          'cisco-ios':
            'crypto ipsec transform-set TS-GCM256 esp-gcm 256\n mode tunnel\ncrypto ipsec profile VPN-PROFILE\n set transform-set TS-GCM256\n! or, for a crypto map:\ncrypto map CMAP 10 ipsec-isakmp\n set transform-set TS-GCM256',
          'cisco-asa':
            'crypto ipsec ikev2 ipsec-proposal FORTIGATE\n protocol esp encryption aes-gcm-256\n protocol esp integrity null\ncrypto map outside_map 1 set ikev2 ipsec-proposal FORTIGATE\n! IKEv1:\ncrypto ipsec ikev1 transform-set ESP-AES256-SHA esp-aes-256 esp-sha-hmac\ncrypto map outside_map 1 set ikev1 transform-set ESP-AES256-SHA',
          fortigate:
            'config vpn ipsec phase2-interface\n edit "Tunnel-To-SiteB"\n  set proposal aes256gcm\n next\nend',
          strongswan:
            '# swanctl.conf, in the child section\nesp_proposals = aes256gcm16\n# then\nswanctl --load-all',
          'juniper-srx':
            'set security ipsec proposal P2-GCM protocol esp\nset security ipsec proposal P2-GCM encryption-algorithm aes-256-gcm\nset security ipsec policy P2-POL proposals P2-GCM',
          paloalto:
            'set network ike crypto-profiles ipsec-crypto-profiles P2-GCM esp encryption aes-256-gcm\nset network ike crypto-profiles ipsec-crypto-profiles P2-GCM esp authentication none',
        },
      },
      {
        text: 'Clear the SAs for this peer so phase 2 is negotiated again with the new proposal.',
        config: CLEAR_SAS,
      },
      {
        text: 'Send traffic and check that both SAs exist and show the transform you chose, with encaps and decaps rising.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto ipsec sa | include peer|transform|pkts'],
      'cisco-asa': ['show crypto ipsec sa | include peer|transform|pkts'],
      fortigate: ['diagnose vpn tunnel list name <phase1 name>'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec security-associations detail'],
      paloalto: ['show vpn ipsec-sa tunnel <name>'],
    },
    lookAlikes: [
      {
        id: id('ike.proposal-mismatch'),
        howToTell:
          'A phase 1 mismatch refuses IKE_SA_INIT or main mode message 1, so no IKE SA ever forms. A phase 2 mismatch lets phase 1 finish (IKEv2: authentication succeeds) and fails afterwards; the IOS debug names an `ESP: Proposal`.',
      },
      {
        id: id('ipsec.pfs-mismatch'),
        howToTell:
          'Same refusal when only the PFS setting differs. If the ciphers and integrity are identical, compare `set pfs` / the DH group of phase 2; IKEv1 often logs `Attribute not supported`.',
      },
      {
        id: id('ipsec.proxy-id-mismatch'),
        howToTell:
          'The ASA says `crypto map policy not found` both for a wrong transform set and for reversed ACLs, and a FortiGate shows `sa=0` for both. A selector problem reads `proxy identities not supported` / TS_UNACCEPTABLE on IOS, not "no proposal chosen".',
      },
      {
        id: id('ipsec.profile-mismatch'),
        howToTell:
          '`phase 2 SA policy not acceptable!` also follows a wrong profile choice; then `map_db_check_isakmp_profile profile did not match` and `error 32` come before it.',
      },
    ],
    sources: [
      SOURCES.asaDeletePfkey,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.asaS2sTroubleshooting,
      SOURCES.rfc4543,
      SOURCES.rfc4106,
    ],
  },
  {
    kind: 'diagnosis',
    id: id('ipsec.pfs-mismatch'),
    stage: 'ipsec',
    title: 'PFS is set on one side only, or with different DH groups',
    explanation:
      'Perfect forward secrecy makes every phase 2 negotiation run its own Diffie-Hellman exchange, so the new IPsec keys do not depend on the phase 1 keys. Both sides must agree whether to do it and with which group. ' +
      'In IKEv1 the mismatch shows in quick mode: the PFS side refuses a proposal without a key exchange, and the quick mode ends with `Attribute not supported`. ' +
      'Because a responder that does not require PFS usually accepts it when offered, while a responder that requires it refuses a proposal without it, the tunnel typically comes up when the PFS side initiates and fails when the other side does: the classic "it only establishes from one end". ' +
      'An ASA can even misreport it as a key problem ("had problems decrypting packet, probably due to mismatched pre-shared key"), with the session torn down again and again. ' +
      'In IKEv2 the first child SA is built inside IKE_AUTH without a key exchange, so the tunnel comes up anyway and breaks at the first phase 2 rekey (CREATE_CHILD_SA), roughly one phase 2 lifetime later.',
    confirm: {
      'cisco-ios': ['show crypto map', 'show crypto ipsec profile'],
      'cisco-asa': ['show running-config crypto map | include pfs', 'debug crypto ikev1 127'],
      fortigate: ['show vpn ipsec phase2-interface <name>'],
      strongswan: ['swanctl --list-conns'],
      'juniper-srx': ['show configuration security ipsec policy | display set'],
      paloalto: ['show config running | match dh-group'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Feb 17 12:25:17 [IKEv1]Group = 212.20.251.44, IP = 123.123.123.123, ERROR, had problems decrypting packet, probably due to mismatched pre-shared key. Aborting',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'The keys were fine: the far end used PFS and the ASA did not.',
      },
      {
        platform: 'cisco-asa',
        text: 'crypto map outside_map 1 set pfs',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Look for this line in both peers’ crypto maps: present on one and missing on the other is the mismatch.',
      },
      {
        platform: 'cisco-ios',
        text: 'PFS (Y/N): Y',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`show crypto ipsec profile`: PFS is on for this profile (with its `DH group` on the next line).',
      },
    ],
    fix: [
      {
        text: 'Decide on PFS for this tunnel (on, with one group, is the usual choice) and set the same on both peers; or remove it on both.',
        config: {
          'cisco-ios':
            'crypto map CMAP 10 ipsec-isakmp\n set pfs group14\n! or, for a tunnel interface:\ncrypto ipsec profile VPN-PROFILE\n set pfs group14',
          'cisco-asa':
            'crypto map outside_map 1 set pfs group14\n! or, to turn it off:\nno crypto map outside_map 1 set pfs',
          fortigate:
            'config vpn ipsec phase2-interface\n edit "Tunnel-To-SiteB"\n  set pfs enable\n  set dhgrp 14\n next\nend',
          strongswan:
            '# swanctl.conf child section: a DH group in esp_proposals turns PFS on\nesp_proposals = aes256gcm16-modp2048\n# then\nswanctl --load-all',
          'juniper-srx': 'set security ipsec policy P2-POL perfect-forward-secrecy keys group14',
          paloalto: 'set network ike crypto-profiles ipsec-crypto-profiles P2 dh-group group14',
        },
      },
      {
        text: 'Clear the SAs for this peer.',
        config: CLEAR_SAS,
      },
      {
        text: 'Bring the tunnel up from each side in turn (clear in between): the symptom depends on who initiates, so one success proves nothing. For IKEv2, also wait through (or force) a phase 2 rekey and check traffic still flows.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto ipsec sa | include peer|pfs|pkts', 'show crypto ipsec profile'],
      'cisco-asa': ['show crypto ipsec sa | include peer|PFS|pkts'],
      fortigate: ['diagnose vpn tunnel list name <phase1 name>'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec security-associations detail'],
      paloalto: ['show vpn ipsec-sa tunnel <name>'],
    },
    lookAlikes: [
      {
        id: id('auth.psk-mismatch'),
        howToTell:
          'The ASA can print the same "mismatched pre-shared key" line for a PFS mismatch. If the keys are verified identical and the error comes and goes while the session is repeatedly torn down after phase 1, compare `set pfs` on both ends before touching the key.',
      },
      {
        id: id('ike.keying-stalled'),
        howToTell:
          'PFS on one side (seen with a VMware Edge against an ASA) can also leave the responder stuck in MM_WAIT_MSG3, in phase 1. If phase 1 never completes, it is that; if it completes and quick mode fails, it is this.',
      },
      {
        id: id('auth.keyring-selection'),
        howToTell:
          'Also "works from one side only", but there phase 1 fails from the bad side (`Key not found in keyrings of profile`). With PFS, phase 1 completes in both directions.',
      },
      {
        id: id('ipsec.transform-mismatch'),
        howToTell:
          'Fails in whichever direction it is started, and the debug names the ESP proposal. A PFS mismatch depends on the initiator, or in IKEv2 only hits at rekey.',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.rfc7296,
      SOURCES.rfc2409,
    ],
  },
];
