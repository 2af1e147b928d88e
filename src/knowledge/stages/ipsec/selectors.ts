/**
 * IPsec SA stage, the leaves where the peers disagree on what to protect, or
 * the responder checks the proposal against the wrong definition: traffic
 * selectors, tunnel type (GRE/VTI), ISAKMP profile, crypto map entry order.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';
import { CLEAR_SAS } from './commands.ts';

/** The selector and policy-lookup leaves. */
export const ipsecSelectorNodes: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('ipsec.proxy-id-mismatch'),
    stage: 'ipsec',
    title: 'Traffic selectors (crypto ACLs / proxy IDs) are not mirror images',
    explanation:
      'Each peer says which traffic the tunnel carries: a crypto ACL (IOS, ASA), phase 2 selectors (FortiGate), local_ts/remote_ts (strongSwan), proxy IDs (SRX, Palo Alto). The initiator proposes "my network → your network"; the responder looks for an entry that says exactly the reverse. ' +
      'If the networks differ (a different mask, a subnet added on one side only, a port or protocol restriction), or one ACL is written the wrong way round, the responder finds nothing and refuses phase 2 while phase 1 stays up. ' +
      'IOS says `proxy identities not supported`, an IKEv2 responder sends TS_UNACCEPTABLE, and an ASA logs `QM FSM error` followed by `crypto map policy not found`. A FortiGate shows `sa=0` on the proxy ID, which it also shows when simply no traffic has been sent, so send traffic before blaming the selectors. ' +
      'IKEv2 crypto maps and dynamic VTIs may narrow the selectors instead of refusing, which gives a tunnel that works for some hosts only.',
    confirm: {
      'cisco-ios': ['show crypto map', 'show access-lists <crypto ACL>', 'debug crypto ipsec'],
      'cisco-asa': [
        'show running-config crypto map',
        'show running-config access-list <crypto ACL>',
        'show crypto ipsec sa | include ident',
      ],
      fortigate: [
        'diagnose vpn tunnel list name <phase1 name>',
        'show vpn ipsec phase2-interface <name>',
      ],
      strongswan: ['swanctl --list-conns', 'swanctl --list-sas'],
      'juniper-srx': [
        'show security ipsec security-associations detail',
        'show configuration security ipsec vpn <name> | display set',
      ],
      paloalto: ['show vpn ipsec-sa tunnel <name>', 'show config running | match proxy-id'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Feb 29 11:49:08 [IKEv1]Group = 123.123.123.123, IP = 123.123.123.123, Session is being torn down. Reason: crypto map policy not found',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Follows `QM FSM error`. In this case the interesting-traffic ACL had source and destination reversed (and the transform set differed too).',
      },
      {
        platform: 'fortigate',
        text: 'proxyid=Tunnel-To-SiteB proto=0 sa=0 ref=1 serial=2\n  src: 0:192.168.1.0/255.255.255.0:0\n  dst: 0:172.16.1.0/255.255.255.0:0',
        source: SOURCES.asaDeletePfkey,
        note: '`sa=0`: selectors do not match, or no traffic was initiated. Compare `src`/`dst` with the peer’s remote/local networks. (In this case the real cause was the transform, so check proposals too.)',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SA ID = 1):Sending TS unacceptable notify',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'What an IOS IKEv2 responder sends whenever it finds no IPsec policy for the proposed selectors.',
      },
    ],
    fix: [
      {
        text: 'Write both sides’ selectors down next to each other: each side’s local network must be the other side’s remote network, with identical masks, protocols and ports.',
      },
      {
        text: 'Correct the side that is wrong so the two are exact mirror images. Example: 192.168.1.0/24 behind this device, 172.16.1.0/24 behind the peer (the peer has the same lines with the networks swapped).',
        config: {
          'cisco-ios':
            'ip access-list extended VPN-TRAFFIC\n permit ip 192.168.1.0 0.0.0.255 172.16.1.0 0.0.0.255\ncrypto map CMAP 10 ipsec-isakmp\n match address VPN-TRAFFIC',
          'cisco-asa':
            'access-list outside_1_cryptomap extended permit ip 192.168.1.0 255.255.255.0 172.16.1.0 255.255.255.0\ncrypto map outside_map 1 match address outside_1_cryptomap',
          fortigate:
            'config vpn ipsec phase2-interface\n edit "Tunnel-To-SiteB"\n  set src-subnet 192.168.1.0 255.255.255.0\n  set dst-subnet 172.16.1.0 255.255.255.0\n next\nend',
          strongswan:
            '# swanctl.conf child section\nlocal_ts = 192.168.1.0/24\nremote_ts = 172.16.1.0/24\n# then\nswanctl --load-all',
          'juniper-srx':
            'set security ipsec vpn VPN-SITEB ike proxy-identity local 192.168.1.0/24\nset security ipsec vpn VPN-SITEB ike proxy-identity remote 172.16.1.0/24',
          paloalto:
            'set network tunnel ipsec TUN-SITEB auto-key proxy-id PID1 local 192.168.1.0/24 remote 172.16.1.0/24',
        },
      },
      {
        text: 'On an ASA or a NATing router, check that the NAT exemption names the same networks, or the corrected traffic is translated before it reaches the crypto ACL.',
      },
      {
        text: 'Clear the SAs for this peer.',
        config: CLEAR_SAS,
      },
      {
        text: 'Send traffic between the two networks and check the SA shows the expected local and remote identities, with encaps and decaps rising.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto ipsec sa | include ident|pkts'],
      'cisco-asa': ['show crypto ipsec sa | include ident|pkts'],
      fortigate: ['diagnose vpn tunnel list name <phase1 name>'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec security-associations detail'],
      paloalto: ['show vpn ipsec-sa tunnel <name>'],
    },
    lookAlikes: [
      {
        id: id('ip.no-interesting-traffic'),
        howToTell:
          'FortiGate `sa=0` also means nothing has been sent. Start a continuous ping from a host behind the device; if `sa` turns to 1 there was no mismatch.',
      },
      {
        id: id('ipsec.transform-mismatch'),
        howToTell:
          'ASA `crypto map policy not found` and FortiGate `sa=0` appear for both. IOS and IKEv2 tell them apart: selectors give `proxy identities not supported` / TS_UNACCEPTABLE, transforms give NO_PROPOSAL_CHOSEN.',
      },
      {
        id: id('ipsec.encapsulation-mismatch'),
        howToTell:
          'TS_UNACCEPTABLE between tunnel interfaces usually means GRE on one side and VTI on the other: the selectors differ in protocol (47 against any), not in networks.',
      },
      {
        id: id('ipsec.profile-mismatch'),
        howToTell:
          '`proxy identities not supported` also follows a wrong ISAKMP profile; then `map_db_check_isakmp_profile profile did not match` comes just before it.',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.asaDeletePfkey,
      SOURCES.troubleshootingIpsecVpns,
    ],
  },
  {
    kind: 'diagnosis',
    id: id('ipsec.profile-mismatch'),
    stage: 'ipsec',
    title: 'The responder selected the wrong ISAKMP / IKEv2 profile',
    explanation:
      'An IOS responder picks its ISAKMP (or IKEv2) profile by matching the peer’s identity against the `match identity` lines of all profiles; the most specific match wins and the order in the configuration does not matter. ' +
      'The crypto map entry or the IPsec profile on the tunnel names the one profile it accepts (`set isakmp-profile`). When two profiles overlap, say a /24 in one and the peer’s /32 in another, the responder can pick a profile other than the tunnel’s. ' +
      'Phase 1 still completes if that profile’s keyring holds the right key, but when the quick mode proposal arrives no crypto map fits the selected profile: `map_db_check_isakmp_profile profile did not match`, `proxy identities not supported`, `error 32`, and PROPOSAL_NOT_CHOSEN back to the initiator (IKEv2: TS unacceptable). ' +
      'The initiator takes its profile from its own configuration, so the tunnel usually comes up from one side and not the other. A peer identity that matches two profiles is an invalid configuration.',
    confirm: {
      'cisco-ios': [
        'show crypto isakmp profile',
        'show crypto ikev2 profile',
        'show crypto map',
        'show crypto ipsec profile',
        'debug crypto isakmp',
        'debug crypto ipsec',
      ],
      'cisco-asa': ['show running-config tunnel-group', 'debug crypto ikev1 127'],
      fortigate: ['diagnose vpn ike gateway list', 'show vpn ipsec phase1-interface'],
      strongswan: ['swanctl --list-conns', 'journalctl -u strongswan | grep -i "peer config"'],
      'juniper-srx': ['show configuration security ike | display set'],
      paloalto: ['show vpn ike-sa detail gateway <name>'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: '*Oct 7 06:46:39.893: ISAKMP:(0):: peer matches profile2 profile',
        source: SOURCES.multipleKeyrings,
        note: 'The responder chose profile2 during main mode; its tunnel uses profile1.',
      },
      {
        platform: 'cisco-ios',
        text: '*Oct 7 06:46:39.898: map_db_check_isakmp_profile profile did not match\n*Oct 7 06:46:39.898: map_db_find_best did not find matching map\n*Oct 7 06:46:39.898: IPSEC(ipsec_process_proposal): proxy identities not\nsupported\n*Oct 7 06:46:39.898: ISAKMP:(1003): IPSec policy invalidated proposal with\nerror 32\n*Oct 7 06:46:39.898: ISAKMP:(1003): phase 2 SA policy not acceptable!',
        source: SOURCES.multipleKeyrings,
        note: 'IKEv1 quick mode on the responder after the wrong profile was chosen.',
      },
      {
        platform: 'cisco-ios',
        text: 'map_db_check_isakmp_profile profile did not match\nmap_db_find_best did not find matching map\nIPSEC(ipsec_process_proposal): proxy identities not supported\nIKEv2:(SA ID = 1):There was no IPSEC policy found for received TS\nIKEv2:(SA ID = 1):Sending TS unacceptable notify',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The IKEv2 form: overlapping IKEv2 profile match statements.',
      },
    ],
    fix: [
      {
        text: 'List the profiles on the responder and find every one whose `match identity` covers this peer.',
      },
      {
        text: 'Make the peer match exactly one profile (remove the overlap, or make the intended one the most specific), and bind that profile to the tunnel’s IPsec profile or crypto map entry.',
        config: {
          'cisco-ios':
            'crypto isakmp profile profile1\n keyring keyring1\n match identity address 192.168.0.1 255.255.255.255\ncrypto ipsec profile profile1\n set isakmp-profile profile1\n! IKEv2:\ncrypto ikev2 profile PROF-R1\n match identity remote address 192.168.0.1 255.255.255.255\ncrypto ipsec profile profile1\n set ikev2-profile PROF-R1',
          'cisco-asa':
            '! The ASA has no ISAKMP profiles: one tunnel-group per peer address\ntunnel-group 192.168.0.1 type ipsec-l2l\ntunnel-group 192.168.0.1 ipsec-attributes\n ikev1 pre-shared-key <key>',
        },
      },
      {
        text: 'Clear the session and start the tunnel from the side that used to fail (the peer, with this device responding).',
        config: CLEAR_SAS,
      },
      {
        text: 'Check the responder’s debug now names the tunnel’s profile (`peer matches <profile> profile`) and that the IPsec SAs come up with encaps and decaps rising.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto session detail', 'show crypto ipsec sa | include peer|pkts'],
      'cisco-asa': ['show vpn-sessiondb detail l2l'],
      fortigate: ['diagnose vpn tunnel list'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec security-associations'],
      paloalto: ['show vpn ipsec-sa'],
    },
    lookAlikes: [
      {
        id: id('auth.keyring-selection'),
        howToTell:
          'The same setup (several profiles or keyrings for one peer) can break phase 1 instead: `Key not found in keyrings of profile , aborting exchange`. With a profile mismatch phase 1 authenticates (`IKE_P1_COMPLETE`) and quick mode fails with error 32.',
      },
      {
        id: id('ipsec.proxy-id-mismatch'),
        howToTell:
          '`proxy identities not supported` without `map_db_check_isakmp_profile profile did not match` before it: the selectors themselves differ.',
      },
      {
        id: id('ipsec.transform-mismatch'),
        howToTell:
          '`phase 2 SA policy not acceptable!` alone can be a transform mismatch; `error 32` with the profile line is this.',
      },
      {
        id: id('auth.cert-identity-mismatch'),
        howToTell:
          'IKEv2 `IKEv2 profile not found` means no profile matched the identity at all; here one did, only the wrong one.',
      },
    ],
    sources: [SOURCES.multipleKeyrings, SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'diagnosis',
    id: id('ipsec.encapsulation-mismatch'),
    stage: 'ipsec',
    title: 'One side uses GRE over IPsec, the other a VTI',
    explanation:
      'A Cisco tunnel interface protected by IPsec comes in two kinds. GRE over IPsec (`tunnel mode gre ip`, the default) wraps traffic in GRE and encrypts the GRE packets, so its selectors are the two tunnel endpoints with protocol 47. ' +
      'A static VTI (`tunnel mode ipsec ipv4`) puts IP straight into ESP with no GRE, and proposes all traffic (protocol 0, any address). The two cannot agree: the responder authenticates the peer, then finds no IPsec policy for the received selectors and refuses the child SA (IKEv2 TS unacceptable, IKEv1 `proxy identities not supported`). ' +
      'Route-based VPNs on a FortiGate, an ASA, strongSwan with an XFRM/VTI interface, an SRX st0 or a Palo Alto tunnel interface behave like a VTI, so a Cisco peer facing them must use `tunnel mode ipsec ipv4` unless both sides deliberately run GRE.',
    confirm: {
      'cisco-ios': [
        'show interfaces tunnel <n> | include protocol/transport',
        'show running-config interface Tunnel<n>',
        'debug crypto ikev2 packet',
      ],
      'cisco-asa': ['show running-config interface Tunnel<n>'],
      fortigate: ['show vpn ipsec phase1-interface <name>', 'show system gre-tunnel'],
      strongswan: ['swanctl --list-conns', 'ip -d link show'],
      'juniper-srx': [
        'show configuration interfaces st0 | display set',
        'show configuration interfaces gr-0/0/0 | display set',
      ],
      paloalto: ['show interface tunnel'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 1067,SA ID = 1):: There was no IPSEC policy found for\nreceived TS\nIKEv2:(SESSION ID = 1067,SA ID = 1):Sending TS unacceptable notify',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'Responder with a GRE tunnel, initiator with a VTI.',
      },
      {
        platform: 'cisco-ios',
        text: 'TS type: TS_IPV4_ADDR_RANGE, proto id: 0, length: 16',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`debug crypto ikev2 packet`: `proto id: 0` with 0.0.0.0–255.255.255.255 is a VTI proposing all traffic; GRE over IPsec would propose protocol 47 between the endpoints.',
      },
      {
        platform: 'cisco-ios',
        text: 'Tunnel protocol/transport GRE/IP',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`show interfaces tunnel`: this side is GRE. A VTI shows IPSEC/IP here.',
      },
    ],
    fix: [
      {
        text: 'Choose one kind for both ends. Against a route-based firewall (FortiGate, ASA, SRX, Palo Alto, strongSwan XFRM) use a VTI; between two IOS routers either works as long as both agree (GRE is needed for multicast routing protocols on older images and for DMVPN).',
        config: {
          'cisco-ios':
            'interface Tunnel1\n tunnel mode ipsec ipv4\n tunnel protection ipsec profile VPN-PROFILE\n! or, on both ends, GRE over IPsec:\ninterface Tunnel1\n tunnel mode gre ip\n tunnel protection ipsec profile VPN-PROFILE',
          'cisco-asa':
            'interface Tunnel1\n nameif vti-peer\n ip address 10.0.0.1 255.255.255.252\n tunnel source interface outside\n tunnel destination 192.168.0.2\n tunnel mode ipsec ipv4\n tunnel protection ipsec profile VPN-PROFILE',
          strongswan:
            '# VTI-like (XFRM interface), child section:\nlocal_ts = 0.0.0.0/0\nremote_ts = 0.0.0.0/0\nif_id_in = 1\nif_id_out = 1\n# or GRE over IPsec:\nlocal_ts = dynamic[gre]\nremote_ts = dynamic[gre]\nmode = transport',
        },
      },
      {
        text: 'Clear the session so the new selectors are proposed.',
        config: CLEAR_SAS,
      },
      {
        text: 'Check the tunnel interface is up/up on both ends and the IPsec SAs count encaps and decaps.',
      },
    ],
    verify: {
      'cisco-ios': [
        'show interfaces tunnel <n> | include line protocol|protocol/transport',
        'show crypto ipsec sa | include pkts',
      ],
      'cisco-asa': ['show interface Tunnel<n>', 'show crypto ipsec sa | include pkts'],
      fortigate: ['diagnose vpn tunnel list name <phase1 name>'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec security-associations'],
      paloalto: ['show vpn ipsec-sa'],
    },
    lookAlikes: [
      {
        id: id('ipsec.proxy-id-mismatch'),
        howToTell:
          'Also TS unacceptable, but on policy-based tunnels; with tunnel interfaces look at the protocol in the selectors (47 against 0) rather than the networks.',
      },
      {
        id: id('ipsec.profile-mismatch'),
        howToTell:
          'The same two IKEv2 lines follow a wrong profile choice; then `map_db_check_isakmp_profile profile did not match` is printed first.',
      },
      {
        id: id('ipsec.tunnel-protection-missing'),
        howToTell:
          'If one side has no `tunnel protection` at all there is no TS negotiation; the protected side logs `RECVD_PKT_NOT_IPSEC` for clear GRE instead.',
      },
      {
        id: id('routing.gre-key-mismatch'),
        howToTell:
          'Both sides GRE, SAs up and counting, but traffic dropped: that is a key mismatch, not an encapsulation one.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'diagnosis',
    id: id('ipsec.crypto-map-order'),
    stage: 'ipsec',
    title:
      'The peer lands on the wrong crypto map entry (dynamic entry ordered before the static one)',
    explanation:
      'A crypto map on an interface is one list, evaluated by sequence number from the lowest. A dynamic entry (`ipsec-isakmp dynamic`) matches any peer, so it belongs at the end (a high sequence number such as 65535). ' +
      'If it sits below the static entry for a peer, or an earlier static entry’s ACL overlaps this peer’s traffic, the peer’s proposal is checked against that earlier entry: its transform set, PFS and ACL are the wrong ones, so phase 2 is refused (ASA `QM FSM error`, then `crypto map policy not found`) or comes up with unintended settings. ' +
      'It typically fails only when the peer initiates: when this device initiates, the outgoing traffic selects the static entry through its ACL.',
    confirm: {
      'cisco-ios': ['show crypto map', 'show running-config | section crypto map'],
      'cisco-asa': ['show running-config crypto map', 'show running-config crypto dynamic-map'],
      fortigate: ['diagnose vpn ike gateway list', 'show vpn ipsec phase1-interface'],
      strongswan: ['swanctl --list-conns'],
      'juniper-srx': {
        none: 'Junos has no ordered crypto map; each VPN is bound to its own gateway.',
      },
      paloalto: {
        none: 'PAN-OS has no ordered crypto map; each tunnel is bound to its own IKE gateway.',
      },
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Feb 29 11:49:08 [IKEv1]Group = 123.123.123.123, IP = 123.123.123.123, QM FSM error (P2 struct &0x00007fda92308b10, mess id 0xc02b7a5d)!',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Phase 1 up, quick mode fails; followed by `crypto map policy not found`. Check which crypto map entry the peer should have used and which one comes first.',
      },
    ],
    fix: [
      {
        text: 'List the crypto map entries with their sequence numbers, peers and ACLs. Find the dynamic entry and any entry whose ACL overlaps this peer’s traffic.',
      },
      {
        text: 'Move the dynamic entry to the end of the map, and tighten any overlapping ACL of an earlier entry.',
        config: {
          'cisco-ios':
            'no crypto map CMAP 10 ipsec-isakmp dynamic DYN-MAP\ncrypto map CMAP 65535 ipsec-isakmp dynamic DYN-MAP',
          'cisco-asa':
            'no crypto map outside_map 10 ipsec-isakmp dynamic DYN-MAP\ncrypto map outside_map 65535 ipsec-isakmp dynamic DYN-MAP',
        },
      },
      {
        text: 'Clear the SAs and have the peer initiate.',
        config: CLEAR_SAS,
      },
      {
        text: 'Check the SA now reports the static entry’s sequence number (ASA/IOS `crypto map tag: …, seq num: …`) and that encaps and decaps rise.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto ipsec sa peer <peer> | include map|pkts'],
      'cisco-asa': ['show crypto ipsec sa peer <peer> | include map|pkts'],
      fortigate: ['diagnose vpn tunnel list'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec security-associations'],
      paloalto: ['show vpn ipsec-sa'],
    },
    lookAlikes: [
      {
        id: id('ipsec.proxy-id-mismatch'),
        howToTell:
          'Same ASA messages. If the peer’s ACL mirrors its own static entry exactly and it still fails when the peer initiates, look at the entry order.',
      },
      {
        id: id('ipsec.transform-mismatch'),
        howToTell:
          'If the static entry’s transform set matches the peer but the dynamic entry’s does not, the "mismatch" is the wrong entry being used.',
      },
      {
        id: id('ipsec.pfs-mismatch'),
        howToTell:
          'Both can fail only when the peer initiates. Check PFS in the static entry first; if it matches the peer, check whether a dynamic entry is evaluated before it.',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
];
