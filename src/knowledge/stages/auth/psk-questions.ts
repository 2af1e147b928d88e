/**
 * Auth stage, pre-shared keys: the questions. IKEv1 reads main mode messages 5
 * and 6 (the first encrypted ones; IKEv1 mixes the key into the encryption keys,
 * so a wrong key shows as a message that will not decrypt). IKEv2 derives its keys
 * from Diffie-Hellman alone, so a wrong key there is a clean AUTHENTICATION_FAILED.
 * The diagnoses these questions lead to are in psk.ts.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** Questions for pre-shared key authentication (IKEv1 and IKEv2). */
export const pskQuestionNodes: readonly KnowledgeNode[] = [
  // ------------------------------------------------------------ IKEv1 questions
  {
    kind: 'question',
    id: id('auth.q.psk-v1'),
    stage: 'auth',
    title:
      'IKEv1 with a pre-shared key: what does the debug show around main mode messages 5 and 6?',
    help:
      'Messages 1–4 agreed the policy and did the Diffie-Hellman exchange; message 5 (initiator) and 6 (responder) are the first encrypted ones and carry the identity and the hash that proves the key. ' +
      'Start the debug, send traffic that should bring the tunnel up, and look at what happens right after message 4. ' +
      'Each peer first looks up a key for the other side’s address; if that lookup prints nothing useful, the key is missing. ' +
      'If the key is found but MM5 does not decrypt or the peer reports PAYLOAD_MALFORMED, the keys differ (or, on an IOS responder, the wrong keyring was used). ' +
      'Run it on both sides if you can: the initiator only sees that the peer complained, the responder logs why.',
    byRole: {
      initiator:
        'As initiator you sent MM5 and wait for MM6: `show crypto isakmp sa` shows MM_WAIT_MSG6 (ASA) and the debug shows what the responder sent back instead, typically an unencrypted PAYLOAD_MALFORMED notify.',
      responder:
        'As responder you received MM5 and must decrypt it with the key you chose after MM3. IOS prints `reserved not zero on ID payload!` or `Key not found in keyrings of profile` here; an ASA prints `had problems decrypting packet`.',
    },
    commands: {
      'cisco-ios': [
        'show crypto isakmp sa',
        'debug crypto isakmp',
        'debug crypto isakmp detail',
        'show crypto isakmp key',
      ],
      'cisco-asa': [
        'show crypto isakmp sa',
        'debug crypto ikev1 200',
        'show running-config tunnel-group',
      ],
      fortigate: [
        'diagnose vpn ike log-filter dst-addr4 <peer-ip>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
      ],
      strongswan: ['swanctl --log', 'journalctl -u strongswan -f', 'ipsec statusall'],
      'juniper-srx': ['show security ike security-associations detail', 'show log kmd'],
      paloalto: ['show vpn ike-sa gateway <name>', 'less mp-log ikemgr.log'],
    },
    answers: [
      {
        label: 'No key is found for the peer’s address',
        next: id('auth.psk-not-found'),
        hint: 'IOS never prints `found peer pre-shared key matching <peer>`, only `key for <peer> not available in default`; ASA: no tunnel-group named after the peer’s address.',
      },
      {
        label: 'IOS responder: `Key not found in keyrings of profile , aborting exchange`',
        next: id('auth.keyring-selection'),
        hint: 'Followed by `FSM action returned error: 2`. Typically the tunnel comes up when this router initiates and fails when the peer does.',
      },
      {
        label: 'IOS responder: `reserved not zero on ID payload!` / `%CRYPTO-4-IKMP_BAD_MESSAGE`',
        next: id('auth.q.psk-compare'),
        hint: 'MM5 decrypted into garbage: the key this router used is not the one the peer used.',
      },
      {
        label:
          'Initiator stuck in MM_WAIT_MSG6, or `Received an un-encrypted PAYLOAD_MALFORMED notify message`',
        next: id('auth.q.psk-compare'),
        hint: 'ASA adds `This could indicate a pre-shared key mismatch.`',
      },
      {
        label: '`had problems decrypting packet, probably due to mismatched pre-shared key`',
        next: id('auth.q.psk-compare'),
        hint: 'ASA. Do not trust the wording yet: the same line has been caused by PFS set on one side only.',
      },
      {
        label: 'The key is found and decrypts, but the peer’s identity is refused',
        next: id('auth.peer-id-mismatch'),
        hint: 'The ID payload carries an address or name this side does not expect (a private address from behind NAT, a hostname where an address is expected); strongSwan: `no matching peer config found`.',
      },
      {
        label: 'Main mode completes: MM_ACTIVE / QM_IDLE, `SA has been authenticated with <peer>`',
        next: id('healthy.phase1-up'),
        hint: 'IOS debug moves to IKE_P1_COMPLETE; ASA logs PHASE 1 COMPLETED.',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.multipleKeyrings, SOURCES.phase1Success],
  },
  {
    kind: 'question',
    id: id('auth.q.psk-compare'),
    stage: 'auth',
    title: 'The messages say "key mismatch". Is it really the key?',
    help:
      'The wording of these errors is a guess by the device: all it knows is that MM5 did not decrypt. Three things produce it. ' +
      '(1) The keys really differ: a typo, a trailing space, different case, or one side entered as hex (`pre-shared-key hex …`) that does not decode to the other side’s ASCII key. Then it fails on every attempt and phase 1 never completes. ' +
      '(2) PFS is set on one side only: the error appears and disappears, the tunnel comes up when one particular side initiates, and is then torn down again and again. ' +
      '(3) On an IOS responder with several keyrings (or a global `crypto isakmp key` plus keyrings) holding the peer’s address: the responder picks a key before it knows the ISAKMP profile, and may pick the wrong one. ' +
      'Compare the key on both sides character by character (the ASA shows keys only in `more system:running-config`), decode any hex key, and check the PFS setting on both ends.',
    commands: {
      'cisco-ios': [
        'show crypto isakmp key',
        'show running-config | section crypto keyring|crypto isakmp key',
        'show running-config | include set pfs',
      ],
      'cisco-asa': [
        'more system:running-config | begin tunnel-group',
        'show running-config crypto map | include pfs',
      ],
      fortigate: [
        'show full-configuration vpn ipsec phase1-interface <name>',
        'show vpn ipsec phase2-interface <name>',
      ],
      strongswan: ['swanctl --list-conns', 'cat /etc/swanctl/swanctl.conf'],
      'juniper-srx': [
        'show configuration security ike policy',
        'show configuration security ipsec policy',
      ],
      paloalto: ['show vpn gateway name <name>', 'show vpn tunnel name <name>'],
    },
    answers: [
      {
        label: 'The keys differ (or the hex key is not the other side’s key)',
        next: id('auth.psk-mismatch'),
        hint: 'Fails on every attempt; phase 1 never reaches MM_ACTIVE / QM_IDLE from either side.',
      },
      {
        label: 'Keys identical, but PFS (`set pfs`) is configured on one side only',
        next: id('ipsec.q.start'),
        hint: 'Error comes and goes, tunnel rebuilt and torn down repeatedly, works from one side only. Continue to the IPsec stage: this is a phase 2 (PFS) mismatch.',
      },
      {
        label:
          'IOS responder (this router or the peer): the peer’s address is in more than one keyring, or also in a global `crypto isakmp key`',
        next: id('auth.keyring-selection'),
        hint: '`show crypto isakmp key` lists the same address (or an overlapping range, or 0.0.0.0 in `default`) under several keyrings.',
      },
      {
        label: 'I cannot see the peer’s configuration',
        next: id('auth.psk-mismatch'),
        hint: 'Agree a new key with the peer’s administrator and enter it on both sides.',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.multipleKeyrings,
    ],
  },
  // ------------------------------------------------------------ IKEv2 question
  {
    kind: 'question',
    id: id('auth.q.psk-v2'),
    stage: 'auth',
    title: 'IKEv2 with a pre-shared key: what does the IKE_AUTH debug say?',
    help:
      'IKE_SA_INIT has completed, so the encryption keys already exist (IKEv2 derives them from the Diffie-Hellman exchange and the nonces alone, not from the key). ' +
      'The pre-shared key is only used to build and check the AUTH payload in IKE_AUTH, after the responder has picked an IKEv2 profile from the initiator’s identity and taken the key from that profile’s keyring. ' +
      'So a wrong key does not break decryption as in IKEv1: the side that checks it sends AUTHENTICATION_FAILED. ' +
      'The notify never says why; the reason is in the debug of the side that sent it.',
    byRole: {
      initiator:
        'As initiator you usually only see `NOTIFY(AUTHENTICATION_FAILED)` in the IKE_AUTH response. The cause is logged on the responder: run the debug there if you can. If your own debug shows `% key not found.`, the problem is on your side.',
      responder:
        'As responder you log the reason before `Sending authentication failure notify`: the profile lookup, the keyring lookup and the check of the peer’s AUTH payload.',
    },
    commands: {
      'cisco-ios': [
        'debug crypto ikev2',
        'show crypto ikev2 sa',
        'show crypto ikev2 diagnose error',
      ],
      'cisco-asa': [
        'debug crypto ikev2 protocol 127',
        'debug crypto ikev2 platform 127',
        'show crypto ikev2 sa',
      ],
      fortigate: [
        'diagnose vpn ike log-filter dst-addr4 <peer-ip>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
      ],
      strongswan: ['swanctl --log', 'journalctl -u strongswan -f', 'swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations detail', 'show log kmd'],
      paloalto: ['show vpn ike-sa gateway <name>', 'less mp-log ikemgr.log'],
    },
    answers: [
      {
        label: '`% key not found.` / `Failed to initiate sa`',
        next: id('auth.psk-not-found'),
        hint: 'IOS: `Getting preshared key from profile keyring <name>` then `% key not found.`: the keyring has no entry for this peer.',
      },
      {
        label: "`Peer's configured auth method mis-matches with proposed auth method`",
        next: id('auth.method-mismatch'),
        hint: 'One side signs with a certificate (or uses EAP) while the other expects a pre-shared key.',
      },
      {
        label:
          '`IKEv2 profile not found` / `Failed to locate an item in the database`, or the peer’s identity matches no profile',
        next: id('auth.peer-id-mismatch'),
        hint: 'The identity the peer sent (address, FQDN, key-id) matches no `match identity remote`; strongSwan: `no matching peer config found`.',
      },
      {
        label:
          "Key found, but `Verification of peer's authentication data FAILED` / AUTHENTICATION_FAILED",
        next: id('auth.q.psk-compare'),
        hint: 'IOS responder: `Sending authentication failure notify`; initiator: `NOTIFY(AUTHENTICATION_FAILED)`.',
      },
      {
        label: 'Authentication passes, then authorization fails',
        next: id('auth.authorization-failed'),
        hint: '`AAA author not configured in IKEv2 profile`, `Fail to alloc IP addr`, `AAA clone request failed`.',
      },
      {
        label: 'Authentication passes; the IKE SA is READY (even if the child SA then fails)',
        next: id('healthy.phase1-up'),
        hint: '`Session with IKE ID PAIR (…) is UP`; a NO_PROPOSAL_CHOSEN or TS_UNACCEPTABLE next to the AUTH payload is a phase 2 problem.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.multipleKeyrings],
  },
];
