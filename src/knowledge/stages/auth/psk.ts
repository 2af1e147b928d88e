/**
 * Auth stage, pre-shared keys: the three key diagnoses — keys differ, no key
 * for the peer, IKEv1 responder picked the wrong keyring. The questions that
 * lead here are in psk-questions.ts.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** Diagnoses for pre-shared key authentication. */
export const pskNodes: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('auth.psk-mismatch'),
    stage: 'auth',
    title: 'The pre-shared keys differ',
    explanation:
      'Both peers must hold exactly the same secret. In IKEv1 the key is an input to SKEYID, from which the keys that encrypt main mode messages 5 and 6 are derived. ' +
      'With different keys each side computes different encryption keys, so the responder decrypts MM5 into nonsense: IOS complains that the ID payload’s reserved bits are not zero (`IKMP_BAD_MESSAGE`), an ASA says it had problems decrypting, ' +
      'and the responder sends an unencrypted PAYLOAD_MALFORMED back. The initiator, still waiting for MM6, logs that notify and stays in MM_WAIT_MSG6. ' +
      'In IKEv2 the encryption keys do not depend on the pre-shared key, so IKE_AUTH decrypts fine; the AUTH payload simply does not verify and the checking side sends AUTHENTICATION_FAILED. ' +
      'Usual causes: a typo or trailing space; a key entered as `hex` on one side that is not the hex form of the other side’s ASCII key (`hex 636973636f` is the ASCII key `cisco`, so those two do match); ' +
      'asymmetric IKEv2 keys (`pre-shared-key local …` / `remote …`) where the local key of one side is not the remote key of the other; or a key changed on one side only.',
    byRole: {
      initiator:
        'Initiator: MM_WAIT_MSG6 and an unencrypted PAYLOAD_MALFORMED from the peer (IKEv1), or NOTIFY(AUTHENTICATION_FAILED) in the IKE_AUTH response (IKEv2). Your side cannot tell which key is wrong.',
      responder:
        "Responder: MM5 does not decrypt (IOS `reserved not zero on ID payload!`, ASA `had problems decrypting packet`), or in IKEv2 `Verification of peer's authentication data FAILED` before you send AUTHENTICATION_FAILED.",
    },
    confirm: {
      'cisco-ios': [
        'show crypto isakmp key',
        'show running-config | section crypto keyring|crypto isakmp key|crypto ikev2 keyring',
        'debug crypto isakmp',
        'debug crypto ikev2',
      ],
      'cisco-asa': [
        'more system:running-config | begin tunnel-group',
        'debug crypto ikev1 200',
        'debug crypto ikev2 protocol 127',
      ],
      fortigate: [
        'show full-configuration vpn ipsec phase1-interface <name>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
      ],
      strongswan: [
        'swanctl --list-conns',
        'grep -A3 secret /etc/swanctl/swanctl.conf',
        'swanctl --log',
      ],
      'juniper-srx': ['show configuration security ike policy <name>', 'show log kmd'],
      paloalto: ['show vpn ike-sa gateway <name>', 'less mp-log ikemgr.log'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Apr 01 15:11:47 [IKEv1]: Group = 123.123.123.123, IP = 123.123.123.123, Received an un-encrypted PAYLOAD_MALFORMED notify message, dropping',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'ASA initiator in MM_WAIT_MSG6: the responder could not read MM5.',
      },
      {
        platform: 'cisco-asa',
        text: 'Apr 01 15:11:47 [IKEv1]: Group = 123.123.123.123, IP = 123.123.123.123, Error, peer has indicated that something is wrong with our message. This could indicate a pre-shared key mismatch.',
        source: SOURCES.asaS2sTroubleshooting,
      },
      {
        platform: 'cisco-ios',
        text: '*Jul 16 20:21:25.317: ISAKMP: reserved not zero on ID payload!\n*Jul 16 20:21:25.317: %CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192.168.0.2\nfailed its sanity check or is malformed',
        source: SOURCES.multipleKeyrings,
        note: 'IOS responder: MM5 decrypted with a different key. Also seen when an IOS responder chose the wrong keyring (auth.keyring-selection).',
      },
      {
        platform: 'cisco-asa',
        text: 'Feb 17 12:25:17 [IKEv1]Group = 212.20.251.44, IP = 123.123.123.123, ERROR, had problems decrypting packet, probably due to mismatched pre-shared key. Aborting',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'In the document this exact line turned out to be PFS set on the peer only; compare the keys before believing it.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 32,SA ID = 2):Sending authentication failure notify',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'IKEv2: the side that could not verify the AUTH payload answers with AUTHENTICATION_FAILED.',
      },
      {
        platform: 'cisco-ios',
        text: 'pre-shared-key hex 636973636f',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'A key entered in hex: 63 69 73 63 6f is "cisco", so it matches a peer configured with `pre-shared-key cisco`. Decode before comparing.',
      },
    ],
    fix: [
      {
        text: 'Agree one key with the peer’s administrator (read it out or send it out of band; do not rely on what the configs look like). If one side uses hex, convert it to ASCII first and compare.',
      },
      {
        text: 'Enter the key again on this side, for exactly the peer’s address (or the identity the peer uses).',
        config: {
          'cisco-ios':
            '! IKEv1, keyring bound to the ISAKMP profile\ncrypto keyring KR-SITE-B\n pre-shared-key address 203.0.113.2 key <shared-secret>\n!\n! IKEv2\ncrypto ikev2 keyring IKEV2-KR\n peer SITE-B\n  address 203.0.113.2\n  pre-shared-key <shared-secret>',
          'cisco-asa':
            'tunnel-group 203.0.113.2 type ipsec-l2l\ntunnel-group 203.0.113.2 ipsec-attributes\n ikev1 pre-shared-key <shared-secret>\n ikev2 remote-authentication pre-shared-key <shared-secret>\n ikev2 local-authentication pre-shared-key <shared-secret>',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "to-site-b"\n        set psksecret <shared-secret>\n    next\nend',
          strongswan:
            '# /etc/swanctl/swanctl.conf\nsecrets {\n    ike-site-b {\n        id = 203.0.113.2\n        secret = "<shared-secret>"\n    }\n}\n# then: swanctl --load-creds',
          'juniper-srx':
            'set security ike policy IKE-POL-SITE-B pre-shared-key ascii-text "<shared-secret>"',
          paloalto:
            'set network ike gateway GW-SITE-B authentication pre-shared-key key <shared-secret>',
        },
      },
      {
        text: 'Enter the same key on the peer. With asymmetric IKEv2 keys, make this side’s `local` key the peer’s `remote` key and the other way round.',
      },
      {
        text: 'Clear the old SA and bring the tunnel up again with traffic; phase 1 must now complete.',
        config: {
          'cisco-ios': 'clear crypto session remote 203.0.113.2',
          'cisco-asa': 'vpn-sessiondb logoff ipaddress 203.0.113.2 noconfirm',
          fortigate: 'diagnose vpn ike gateway clear name to-site-b',
          strongswan: 'swanctl --terminate --ike site-b\nswanctl --initiate --child site-b-net',
          'juniper-srx': 'clear security ike security-associations 203.0.113.2',
          paloalto: 'clear vpn ike-sa gateway GW-SITE-B',
        },
      },
    ],
    verify: {
      'cisco-ios': ['show crypto isakmp sa', 'show crypto ikev2 sa'],
      'cisco-asa': ['show crypto isakmp sa', 'show crypto ikev2 sa'],
      fortigate: ['diagnose vpn ike gateway list name to-site-b'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations'],
      paloalto: ['show vpn ike-sa gateway GW-SITE-B'],
    },
    lookAlikes: [
      {
        id: id('ipsec.pfs-mismatch'),
        howToTell:
          'PFS on one side only can produce the very same `had problems decrypting packet, probably due to mismatched pre-shared key` and MM_WAIT_MSG6 symptoms. With PFS the error comes and goes, the tunnel comes up when one side initiates and is then repeatedly torn down; with a real key mismatch phase 1 never completes from either side. Check `set pfs` on both ends before changing keys.',
      },
      {
        id: id('auth.keyring-selection'),
        howToTell:
          'If the IOS responder holds the peer’s address in several keyrings (or in the global `default` keyring as well), it may decrypt MM5 with the wrong one even though the right key is configured. The tunnel then works when the IOS router initiates and fails when the peer does; `show crypto isakmp key` shows the duplicates.',
      },
      {
        id: id('auth.psk-not-found'),
        howToTell:
          'With no key at all the exchange stops before MM5 is even built: there is no `found peer pre-shared key matching` line, and IKEv2 says `% key not found.` A mismatch finds a key and fails later.',
      },
      {
        id: id('ike.keying-stalled'),
        howToTell:
          'If the initiator is stuck one step earlier (MM_WAIT_MSG4, responder MM_WAIT_MSG3), the DH exchange itself did not finish and the key has not been used yet.',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.multipleKeyrings,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.rfc2409,
    ],
  },
  {
    kind: 'diagnosis',
    id: id('auth.psk-not-found'),
    stage: 'auth',
    title: 'No pre-shared key is configured for this peer',
    explanation:
      'Before it can build (IKEv1) or check (IKEv2) the proof of the key, a peer looks up a key for the other side: by the peer’s address in IKEv1 main mode, and in IKEv2 in the keyring of the IKEv2 profile the peer matched. ' +
      'If nothing matches, there is nothing to authenticate with and the exchange stops. ' +
      'Typical causes: the key was entered for a different address (the peer’s inside address, or its address before NAT); the peer moved to a new public address; ' +
      'the keyring holds the peer by name or subnet but the peer presents an address outside it; the IKEv2 profile points to a different keyring; ' +
      'on the ASA there is no `tunnel-group` named after the peer’s address, so the connection lands on the default group that has no key; ' +
      'or the key is supposed to come from RADIUS and the lookup username does not exist there.',
    byRole: {
      initiator:
        'Initiator: IKEv2 IOS refuses to start (`% key not found.` then `Failed to initiate sa`); IKEv1 sends MM1 but has no key for MM5.',
      responder:
        'Responder: the lookup for the initiator’s address or identity finds nothing; IKEv2 answers with AUTHENTICATION_FAILED.',
    },
    confirm: {
      'cisco-ios': [
        'show crypto isakmp key',
        'show running-config | section crypto ikev2 keyring|crypto ikev2 profile',
        'debug crypto isakmp detail',
        'debug crypto ikev2',
      ],
      'cisco-asa': [
        'show running-config tunnel-group',
        'more system:running-config | begin tunnel-group',
      ],
      fortigate: ['show vpn ipsec phase1-interface <name>'],
      strongswan: ['swanctl --list-conns', 'swanctl --load-creds', 'swanctl --log'],
      'juniper-srx': [
        'show configuration security ike gateway',
        'show configuration security ike policy',
      ],
      paloalto: ['show vpn gateway name <name>'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'IKEv2:% Getting preshared key from profile keyring key1\nIKEv2:% key not found.\nIKEv2:Failed to initiate sa',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'IKEv2: the keyring named in the profile has no entry for this peer.',
      },
      {
        platform: 'cisco-ios',
        text: '*Oct 7 08:13:58.413: ISAKMP:(0):key for 192.168.0.2 not available in default',
        source: SOURCES.multipleKeyrings,
        note: 'IKEv1 `debug crypto isakmp detail`: the lookup in the global keyring failed. If no `found in <keyring>` line follows, there is no key anywhere.',
      },
      {
        platform: 'cisco-ios',
        text: '*Oct 7 08:13:58.413: ISAKMP:(0):found peer pre-shared key matching 192.168.0.2',
        source: SOURCES.multipleKeyrings,
        note: 'What a successful lookup looks like. Its absence after MM2/MM3 is the sign of a missing key.',
      },
    ],
    fix: [
      {
        text: 'Find the address or identity the peer really uses (the source address of its IKE packets, or the IKE ID in the debug) and add the key for exactly that.',
        config: {
          'cisco-ios':
            '! IKEv1\ncrypto keyring KR-SITE-B\n pre-shared-key address 203.0.113.2 key <shared-secret>\n!\n! IKEv2: the profile must use this keyring\ncrypto ikev2 keyring IKEV2-KR\n peer SITE-B\n  address 203.0.113.2\n  pre-shared-key <shared-secret>\ncrypto ikev2 profile IKEV2-PROF\n keyring local IKEV2-KR',
          'cisco-asa':
            'tunnel-group 203.0.113.2 type ipsec-l2l\ntunnel-group 203.0.113.2 ipsec-attributes\n ikev1 pre-shared-key <shared-secret>',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "to-site-b"\n        set remote-gw 203.0.113.2\n        set psksecret <shared-secret>\n    next\nend',
          strongswan:
            'secrets {\n    ike-site-b {\n        id = 203.0.113.2\n        secret = "<shared-secret>"\n    }\n}\n# then: swanctl --load-creds',
          'juniper-srx':
            'set security ike policy IKE-POL-SITE-B pre-shared-key ascii-text "<shared-secret>"\nset security ike gateway GW-SITE-B ike-policy IKE-POL-SITE-B\nset security ike gateway GW-SITE-B address 203.0.113.2',
          paloalto:
            'set network ike gateway GW-SITE-B peer-address ip 203.0.113.2\nset network ike gateway GW-SITE-B authentication pre-shared-key key <shared-secret>',
        },
      },
      {
        text: 'If the key comes from RADIUS (IKEv2 `keyring aaa`), make sure the lookup username (the peer’s identity, or the part the name mangler extracts) exists on the RADIUS server and that the server answers.',
      },
      {
        text: 'Bring the tunnel up with traffic and check that the debug now finds the key and phase 1 completes.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto isakmp sa', 'show crypto ikev2 sa'],
      'cisco-asa': ['show crypto isakmp sa'],
      fortigate: ['diagnose vpn ike gateway list name to-site-b'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations'],
      paloalto: ['show vpn ike-sa gateway GW-SITE-B'],
    },
    lookAlikes: [
      {
        id: id('auth.psk-mismatch'),
        howToTell:
          'A mismatch finds a key (`found peer pre-shared key matching`) and fails when MM5 or the AUTH payload is checked. A missing key fails at the lookup.',
      },
      {
        id: id('ip.peer-address-mismatch'),
        howToTell:
          'If the key is configured for an address the peer does not use, the real fault may be the peer address itself (`set peer`, tunnel-group name, remote gateway). Check that both sides point at each other’s public, post-NAT address.',
      },
      {
        id: id('auth.keyring-selection'),
        howToTell:
          '`Key not found in keyrings of profile` is different: the key exists, but in another keyring than the one the matched ISAKMP profile uses.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.multipleKeyrings, SOURCES.phase1Success],
  },
  {
    kind: 'diagnosis',
    id: id('auth.keyring-selection'),
    stage: 'auth',
    title: 'IKEv1 responder picked a different keyring than its ISAKMP profile uses',
    explanation:
      'An IOS IKEv1 responder needs the pre-shared key right after MM3 to compute the keys that decrypt MM5. But it only learns which ISAKMP profile applies from the identity inside MM5. ' +
      'So it guesses: it searches all keyrings for the initiator’s address and takes the most specific match; when several keyrings hold the same address, the first one in the configuration wins, ' +
      'and keys entered with the global `crypto isakmp key` (the `default` keyring) are searched first of all. After decrypting MM5 it matches the ISAKMP profile and checks that the profile’s keyring is the one it used. ' +
      'If not, it aborts (`Key not found in keyrings of profile , aborting exchange`) even when the keys are equal; if the keys differ, MM5 does not decrypt at all and it reports `reserved not zero on ID payload!`. ' +
      'The initiator has no such problem, because its tunnel interface or crypto map names the profile and keyring up front. That is why the tunnel comes up when the IOS router initiates and fails when the peer does. ' +
      'IKEv2 avoids this by design: its encryption keys come from Diffie-Hellman only, and the key is looked up after the responder has read the identity and chosen the profile. IKEv1 with certificates is not affected either.',
    byRole: {
      initiator:
        'As initiator this router uses the keyring of the profile bound to its tunnel or crypto map, so it succeeds. Test from the other side to reproduce the failure.',
      responder:
        'As responder this router chose a keyring before it knew the profile. The debug shows `peer matches <profile> profile`, then `Key not found in keyrings of profile , aborting exchange`.',
    },
    confirm: {
      'cisco-ios': [
        'show crypto isakmp key',
        'show running-config | section crypto keyring|crypto isakmp key|crypto isakmp profile',
        'debug crypto isakmp detail',
      ],
      // The ASA has no keyrings (one tunnel-group per peer holds its key), so it never makes this
      // mistake itself; as the IOS router's peer it is where the failure is seen when it initiates.
      'cisco-asa': ['show crypto isakmp sa', 'debug crypto ikev1 127'],
      fortigate: {
        none: 'FortiGate keeps the key in the phase 1 interface of that peer; there are no keyrings to choose between.',
      },
      strongswan: {
        none: 'strongSwan matches secrets by identity (best match); there is no keyring selection step.',
      },
      'juniper-srx': {
        none: 'The key belongs to the IKE policy of the gateway; there are no keyrings to choose between.',
      },
      paloalto: {
        none: 'The key belongs to the IKE gateway object; there are no keyrings to choose between.',
      },
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: '*Jun 19 12:28:44.270: ISAKMP:(0):: peer matches profile2 profile\n*Jun 19 12:28:44.270: ISAKMP:(1012):Found ADDRESS key in keyring keyring2\n*Jun 19 12:28:44.270: ISAKMP:(1012):Key not found in keyrings of profile ,\naborting exchange\n*Jun 19 12:28:44.270: ISAKMP (1012): FSM action returned error: 2',
        source: SOURCES.multipleKeyrings,
        note: 'Responder: the profile matched after MM5 uses keyring2, but the key used for MM5 came from keyring1.',
      },
      {
        platform: 'cisco-ios',
        text: 'R1#show crypto isakmp key\nKeyring Hostname/Address Preshared Key\ndefault 0.0.0.0 [0.0.0.0] cisco3\nkeyring1 192.168.0.0 [255.255.0.0] cisco\nkeyring2 192.168.0.2 cisco2',
        source: SOURCES.multipleKeyrings,
        note: 'The global `crypto isakmp key` sits in `default` and is listed (and searched) first, whatever the order in the configuration.',
      },
      {
        platform: 'cisco-ios',
        text: '*Jul 16 20:21:25.317: ISAKMP: reserved not zero on ID payload!',
        source: SOURCES.multipleKeyrings,
        note: 'When the keys in the competing keyrings differ, MM5 does not even decrypt.',
      },
    ],
    fix: [
      {
        text: 'Keep one key per peer address on the responder: one keyring with several `pre-shared-key address` entries instead of several keyrings holding the same address.',
        config: {
          'cisco-ios':
            'crypto keyring KR-ALL\n pre-shared-key address 192.168.0.1 key <secret-site-a>\n pre-shared-key address 198.51.100.7 key <secret-site-c>\n!\ncrypto isakmp profile PROF-SITE-A\n keyring KR-ALL\n match identity address 192.168.0.1 255.255.255.255\n!\nno crypto keyring keyring1',
          'cisco-asa': '! Not applicable: the ASA keeps one key per tunnel-group.',
        },
      },
      {
        text: 'Do not mix global keys with keyrings: move any `crypto isakmp key … address` (especially a wildcard 0.0.0.0) into the keyring, then remove it.',
        config: {
          'cisco-ios':
            'crypto keyring KR-ALL\n pre-shared-key address 0.0.0.0 0.0.0.0 key <wildcard-secret>\n!\nno crypto isakmp key <wildcard-secret> address 0.0.0.0',
          'cisco-asa': '! Not applicable.',
        },
      },
      {
        text: 'Or move the tunnel to IKEv2 (or to certificates), where the responder selects the profile before it needs the key.',
      },
      {
        text: 'Prove it from the side that failed: let the peer initiate (clear the SA on both ends, send traffic from the peer’s LAN) and check that this router reaches QM_IDLE as responder.',
        config: {
          'cisco-ios': 'clear crypto session remote 192.168.0.1\nshow crypto isakmp sa',
          'cisco-asa': '! Not applicable.',
        },
      },
    ],
    verify: {
      'cisco-ios': [
        'show crypto isakmp key',
        'show crypto isakmp sa',
        'debug crypto isakmp detail',
      ],
      'cisco-asa': { none: 'Not applicable on the ASA.' },
      fortigate: { none: 'Not applicable on FortiGate.' },
      strongswan: { none: 'Not applicable on strongSwan.' },
      'juniper-srx': { none: 'Not applicable on the SRX.' },
      paloalto: { none: 'Not applicable on PAN-OS.' },
    },
    lookAlikes: [
      {
        id: id('auth.psk-mismatch'),
        howToTell:
          'A plain key mismatch fails in both directions. Keyring selection fails only when the peer initiates, and `show crypto isakmp key` lists the peer’s address in more than one keyring.',
      },
      {
        id: id('ipsec.profile-mismatch'),
        howToTell:
          'If the keyring is right but the responder matched the wrong ISAKMP profile, phase 1 completes and phase 2 fails with `map_db_check_isakmp_profile profile did not match` and error 32.',
      },
      {
        id: id('ipsec.pfs-mismatch'),
        howToTell:
          'PFS on one side only also makes a tunnel work from one side only, but phase 1 completes and the failure is in quick mode.',
      },
    ],
    sources: [SOURCES.multipleKeyrings, SOURCES.rfc2409, SOURCES.rfc7296],
  },
];
