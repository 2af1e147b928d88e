/**
 * Auth stage, method and identity: the two ways authentication fails before any
 * key or certificate is even checked — the peers use different methods (IKEv2),
 * or the identity a peer presents is not the one the other side expects.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** Diagnoses for authentication method and IKE identity problems. */
export const identityNodes: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('auth.method-mismatch'),
    stage: 'auth',
    title: 'The IKEv2 peers are set to different authentication methods',
    explanation:
      'In IKEv2 the authentication method is not negotiated: each side is simply configured with the method it uses to prove itself (local) and the method it expects from the peer (remote), and the two may even differ by direction. ' +
      'If the initiator signs its AUTH payload with a certificate while the responder expects a pre-shared key (or the other way round, or EAP where the other side has none), ' +
      'the responder sees an AUTH payload of the wrong kind, refuses it and sends AUTHENTICATION_FAILED. IKE_SA_INIT succeeded, so everything looks fine up to IKE_AUTH. ' +
      'In IKEv1 this cannot happen at this stage: the method is part of the phase 1 policy, so a difference already fails as NO_PROPOSAL_CHOSEN in the first two messages.',
    byRole: {
      initiator:
        'Initiator: you only receive NOTIFY(AUTHENTICATION_FAILED). Compare your local method with what the responder expects from you.',
      responder:
        "Responder: the debug says `Peer's configured auth method mis-matches with proposed auth method` before sending the failure notify.",
    },
    confirm: {
      'cisco-ios': [
        'show crypto ikev2 profile',
        'debug crypto ikev2',
        'show crypto ikev2 diagnose error',
      ],
      'cisco-asa': [
        'show running-config tunnel-group <peer-ip> ipsec-attributes',
        'debug crypto ikev2 protocol 127',
      ],
      fortigate: ['show full-configuration vpn ipsec phase1-interface <name> | grep authmethod'],
      strongswan: ['swanctl --list-conns'],
      'juniper-srx': [
        'show configuration security ike proposal',
        'show configuration security ike policy',
      ],
      paloalto: ['show vpn gateway name <name>'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: "IKEv2:(SESSION ID = 32,SA ID = 2):Get peer's authentication method\nIKEv2:(SESSION ID = 32,SA ID = 2):: Peer's configured auth method mis-matches with\nproposed auth method\nIKEv2:(SESSION ID = 32,SA ID = 2):Verification of peer's authentication data\nFAILED",
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'Responder debug: the initiator used a method this profile does not accept from it.',
      },
      {
        platform: 'cisco-ios',
        text: 'Error(1): We requested a certificate, but the peer supplied none',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`show crypto ikev2 diagnose error`: this side expected certificate authentication and the peer used something else.',
      },
    ],
    fix: [
      {
        text: 'Decide which method the tunnel uses in each direction and write it down; for a site-to-site tunnel normally the same on both sides (both pre-shared key, or both certificates).',
      },
      {
        text: 'Set the local and remote methods so that each side’s local method is the other side’s remote method.',
        config: {
          'cisco-ios':
            'crypto ikev2 profile IKEV2-PROF\n authentication local pre-share\n authentication remote pre-share\n! or, for certificates:\n! authentication local rsa-sig\n! authentication remote rsa-sig\n! pki trustpoint TP-CA',
          'cisco-asa':
            'tunnel-group 203.0.113.2 ipsec-attributes\n ikev2 local-authentication pre-shared-key <shared-secret>\n ikev2 remote-authentication pre-shared-key <shared-secret>\n! or, for certificates:\n! ikev2 local-authentication certificate TP-CA\n! ikev2 remote-authentication certificate',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "to-site-b"\n        set authmethod psk\n        set authmethod-remote psk\n    next\nend',
          strongswan:
            'connections {\n    site-b {\n        local {\n            auth = psk\n        }\n        remote {\n            auth = psk\n        }\n    }\n}\n# or auth = pubkey on both, with certs = / cacerts =',
          'juniper-srx': 'set security ike proposal IKE-PROP authentication-method pre-shared-keys',
          paloalto:
            'set network ike gateway GW-SITE-B authentication pre-shared-key key <shared-secret>',
        },
      },
      {
        text: 'Make sure the credentials for the chosen method exist on both sides (a key in the keyring, or an enrolled certificate and a trusted CA), then bring the tunnel up again: the IKEv2 SA must reach READY.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto ikev2 sa detailed'],
      'cisco-asa': ['show crypto ikev2 sa detail'],
      fortigate: ['diagnose vpn ike gateway list name to-site-b'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations detail'],
      paloalto: ['show vpn ike-sa gateway GW-SITE-B'],
    },
    lookAlikes: [
      {
        id: id('auth.psk-mismatch'),
        howToTell:
          "Both end in AUTHENTICATION_FAILED. With a key mismatch the method is the same on both sides (`Peer's authentication method is 'PSK'`) and only the check of the AUTH data fails; a method mismatch is named as such in the responder debug.",
      },
      {
        id: id('ike.proposal-mismatch'),
        howToTell:
          'In IKEv1 a different authentication method is a phase 1 policy mismatch: it fails in MM1/MM2 with NO_PROPOSAL_CHOSEN, not in the authentication step.',
      },
      {
        id: id('auth.eap-failed'),
        howToTell:
          'If one side expects EAP, the initiator leaves the AUTH payload out of its first IKE_AUTH request; an EAP failure shows EAP and RADIUS messages, not a method mismatch.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.rfc7296],
  },
  {
    kind: 'diagnosis',
    id: id('auth.peer-id-mismatch'),
    stage: 'auth',
    title: 'The peer presents an identity this side does not expect',
    explanation:
      'Each peer sends an IKE identity (IKEv1: the ID payload in MM5/MM6; IKEv2: IDi and IDr in IKE_AUTH), of a type such as IP address, FQDN or key-id. ' +
      'The other side uses that identity to find its configuration for the peer: the ISAKMP or IKEv2 profile (`match identity`), the ASA tunnel-group, the strongSwan connection (`remote.id`), the FortiGate `peerid`. ' +
      'If the identity is not the expected one, no configuration matches or the wrong one does, and authentication is refused even though the key would be right. ' +
      'The classic case is a peer behind NAT: by default it identifies itself with its own (private) address, while the other side expects the public address it sees. ' +
      'Other cases: one side sends a hostname (`crypto isakmp identity hostname`, an FQDN local ID) while the other expects an address, or a typo in the configured remote ID.',
    byRole: {
      initiator:
        'Initiator: you send your identity in MM5 or IKE_AUTH; if the responder cannot place it you receive AUTHENTICATION_FAILED (IKEv2) or the exchange is dropped. Check what identity you send.',
      responder:
        'Responder: your debug shows the received ID (type and value) and that no profile, tunnel-group or peer config matches it. Check what you expect from this peer.',
    },
    confirm: {
      'cisco-ios': [
        'debug crypto isakmp',
        'debug crypto ikev2',
        'show running-config | section crypto isakmp profile|crypto ikev2 profile|crypto isakmp identity',
      ],
      'cisco-asa': [
        'debug crypto ikev1 200',
        'show running-config crypto isakmp',
        'show running-config tunnel-group',
      ],
      fortigate: [
        'show full-configuration vpn ipsec phase1-interface <name>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
      ],
      strongswan: ['swanctl --list-conns', 'swanctl --log'],
      'juniper-srx': ['show configuration security ike gateway <name>', 'show log kmd'],
      paloalto: ['show vpn gateway name <name>', 'less mp-log ikemgr.log'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: '*Jun 19 10:04:24.838: ISAKMP:(1011):SA is doing pre-shared key\nauthentication using id type ID_IPV4_ADDR',
        source: SOURCES.multipleKeyrings,
        note: 'IOS shows which identity type it sends in MM5; the ID payload dump that follows shows the value.',
      },
      {
        platform: 'cisco-asa',
        text: 'Apr 01 11:38:53 [IKEv1 DECODE]: Group = 123.123.123.123, IP = 123.123.123.123, ID_IPV4_ADDR ID received 123.123.123.123',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'The identity the ASA received in MM6. Behind NAT this would be the peer’s private address.',
      },
      {
        platform: 'cisco-asa',
        text: 'Apr 19 16:36:10 [IKEv1]IP = 123.123.123.123, Trying to find group via IKE ID...\nApr 19 16:36:10 [IKEv1]IP = 123.123.123.123, Trying to find group via IP ADDR...',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'The ASA looks for a tunnel-group by the received IKE ID first, then by address.',
      },
      {
        platform: 'cisco-ios',
        text: "IKEv2:(SESSION ID = 39,SA ID = 1):Searching policy based on peer's identity\n'hostname=flexclient.cisco.com' of type 'DER ASN1 DN'",
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'IKEv2 responder: the profile is chosen from the peer’s identity and its type.',
      },
    ],
    fix: [
      {
        text: 'Read the identity the peer actually sends (type and value) from the debug on the receiving side.',
      },
      {
        text: 'Either make the peer send the identity you expect, or expect the identity it sends. Behind NAT, the usual fix is to match the peer’s real (private) address or to have both sides use FQDN identities.',
        config: {
          'cisco-ios':
            '! IKEv1: identity this router sends\ncrypto isakmp identity address\n! IKEv1: identity expected from the peer\ncrypto isakmp profile PROF-SITE-B\n match identity address 10.0.0.2 255.255.255.255\n!\n! IKEv2\ncrypto ikev2 profile IKEV2-PROF\n identity local fqdn site-a.example.com\n match identity remote fqdn site-b.example.com',
          'cisco-asa':
            '! Identity this ASA sends (address is required towards some peers)\ncrypto isakmp identity address',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "to-site-b"\n        set localid "site-a.example.com"\n        set peertype one\n        set peerid "site-b.example.com"\n    next\nend',
          strongswan:
            'connections {\n    site-b {\n        local {\n            id = site-a.example.com\n        }\n        remote {\n            id = site-b.example.com\n        }\n    }\n}',
          'juniper-srx':
            'set security ike gateway GW-SITE-B local-identity hostname site-a.example.com\nset security ike gateway GW-SITE-B remote-identity hostname site-b.example.com',
          paloalto:
            'set network ike gateway GW-SITE-B local-id type fqdn id site-a.example.com\nset network ike gateway GW-SITE-B peer-id type fqdn id site-b.example.com',
        },
      },
      {
        text: 'If the key is looked up by identity (IKEv2 keyring `identity`, strongSwan `secrets` with `id =`), update that entry too.',
      },
      {
        text: 'Bring the tunnel up again and check the SA: it must show the expected local and remote identities and be established.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto isakmp sa detail', 'show crypto ikev2 sa detailed'],
      'cisco-asa': ['show crypto isakmp sa detail'],
      fortigate: ['diagnose vpn ike gateway list name to-site-b'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations detail'],
      paloalto: ['show vpn ike-sa detail gateway GW-SITE-B'],
    },
    lookAlikes: [
      {
        id: id('ike.invalid-cookie'),
        howToTell:
          'An ASA whose peer wants it to identify itself by IP address logs `Received an un-encrypted INVALID_COOKIE notify message, dropping`; the fix is the same `crypto isakmp identity address`, but the symptom is the notify, not a refused ID.',
      },
      {
        id: id('auth.cert-identity-mismatch'),
        howToTell:
          'With certificates the identity is also compared with the certificate (subject or Subject Alternative Name) and certificate maps; those failures name the certificate (`Unable to compare IKE ID against peer cert Subject Alt Name`).',
      },
      {
        id: id('auth.psk-mismatch'),
        howToTell:
          'A key mismatch fails the same way in IKEv2 (AUTHENTICATION_FAILED). Compare the received ID with the configured remote ID first: if they agree, look at the key.',
      },
      {
        id: id('ip.peer-address-mismatch'),
        howToTell:
          'If the peer’s public address itself is wrong in the configuration, IKE packets do not reach the right tunnel-group or profile at all; fix the peer address before the identity.',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.multipleKeyrings,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.rfc7296,
    ],
  },
];
