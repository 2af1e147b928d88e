/**
 * IP connectivity, diagnoses where IKE never reaches the peer: no path, wrong
 * peer address, front-door VRF.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode, PlatformCommands } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** The IKE SA table per platform: the usual "did it work" check. */
export const IKE_SA_TABLE: PlatformCommands = {
  'cisco-ios': ['show crypto isakmp sa', 'show crypto ikev2 sa'],
  'cisco-asa': ['show crypto isakmp sa'],
  fortigate: ['diagnose vpn ike gateway list name <phase1-name>'],
  strongswan: ['swanctl --list-sas'],
  'juniper-srx': ['show security ike security-associations'],
  paloalto: ['show vpn ike-sa gateway <gateway-name>'],
};

/** Diagnoses for "IKE does not reach the peer". */
export const ipPathDiagnoses: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('ip.peer-unreachable'),
    stage: 'ip',
    title: 'The peer never answers IKE: UDP 500/4500 does not get through',
    explanation:
      'The first IKE message leaves, but no reply ever comes back, so the initiator repeats it and finally gives up. ' +
      'Either the packets never reach the peer (peer down, no route, IKE not enabled on the peer’s outside interface, an ACL or firewall in the path dropping UDP 500 or, after NAT detection, UDP 4500), or the peer answers and the reply is lost on the way back. ' +
      'Because no IKE message has been exchanged, no policy, key or certificate has been compared yet: none of those can be the cause at this point. ' +
      'A working ping does not clear the path: ICMP may be allowed where UDP 500/4500 is not, and under NAT/PAT the source port of IKE may no longer be 500.',
    byRole: {
      initiator:
        'This side sent the first message and heard nothing: ASA stays in MM_WAIT_MSG2, IOS shows MM_NO_STATE until the SA is deleted, IKEv2 keeps retransmitting IKE_SA_INIT with a Responder SPI of all zeros.',
      responder:
        'Either nothing from the peer ever arrives (capture on the outside interface to be sure), or you answer (ASA MM_WAIT_MSG3, IOS MM_SA_SETUP) while the peer keeps re-sending its first message: your replies are lost on the way back.',
    },
    confirm: {
      'cisco-ios': [
        'ping <peer-ip> source <outside-interface>',
        'show ip route <peer-ip>',
        'debug crypto condition peer ipv4 <peer-ip>',
        'debug crypto isakmp',
        'debug crypto ikev2',
        'monitor capture CAP interface <outside-interface> both match ipv4 host <peer-ip> any',
        'monitor capture CAP start',
        'show monitor capture CAP buffer brief',
      ],
      'cisco-asa': [
        'ping outside <peer-ip>',
        'show route <peer-ip>',
        'show running-config crypto ikev1 | include enable',
        'show running-config crypto ikev2 | include enable',
        'capture CAP-IKE interface outside match udp host <local-ip> host <peer-ip>',
        'show capture CAP-IKE',
      ],
      fortigate: [
        'execute ping <peer-ip>',
        "diagnose sniffer packet any 'host <peer-ip> and (udp port 500 or udp port 4500)' 4",
        'diagnose vpn ike gateway list name <phase1-name>',
      ],
      strongswan: [
        'ip route get <peer-ip>',
        "tcpdump -ni any 'host <peer-ip> and (udp port 500 or udp port 4500)'",
        'swanctl --list-sas',
      ],
      'juniper-srx': [
        'ping <peer-ip> source <local-gateway-ip>',
        'show configuration security zones security-zone untrust',
        'monitor traffic interface <outside-interface> matching "udp port 500 or udp port 4500"',
        'show security ike security-associations',
      ],
      paloalto: [
        'ping source <local-gateway-ip> host <peer-ip>',
        'show session all filter destination <peer-ip> destination-port 500',
        'less mp-log ikemgr.log',
      ],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet [To 10.10.10.1:500/From\n10.10.20.3:500/VRF i0:f0]\nInitiator SPI : 502A6C10FFD6F8BC - Responder SPI : 0000000000000000 Message id: 0\nIKEv2 IKE_SA_INIT Exchange REQUEST',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The first IKEv2 request. The Responder SPI of all zeros stays zero: no answer has been received.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 1,SA ID = 1):Retransmitting packet',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'Repeated after the IKE_SA_INIT request above: the request or its answer is lost.',
      },
      {
        platform: 'cisco-ios',
        text: '*Jun 19 10:04:24.826: ISAKMP:(0): sending packet to 192.168.0.2 my_port\n500 peer_port 500 (I) MM_NO_STATE',
        source: SOURCES.multipleKeyrings,
        note: 'IKEv1 main mode message 1 leaving the initiator. When the peer is unreachable, no "received packet from 192.168.0.2" line follows and the SA stays in MM_NO_STATE.',
      },
    ],
    fix: [
      {
        text: 'Find where the packets stop: capture UDP 500 and 4500 on the outside interface of BOTH peers at the same time. Leaving here but not arriving there = the path; arriving but unanswered = the peer; answered but the answer never arrives here = the return path.',
      },
      {
        text: 'Give the device a route to the peer through the outside interface.',
        config: {
          'cisco-ios': 'ip route <peer-ip> 255.255.255.255 <next-hop>',
          'cisco-asa': 'route outside <peer-ip> 255.255.255.255 <next-hop>',
          fortigate:
            'config router static\n    edit 0\n        set dst <peer-ip> 255.255.255.255\n        set gateway <next-hop>\n        set device "<wan-port>"\n    next\nend',
          strongswan: 'ip route add <peer-ip>/32 via <next-hop> dev <wan-interface>',
          'juniper-srx': 'set routing-options static route <peer-ip>/32 next-hop <next-hop>',
          paloalto:
            'set network virtual-router default routing-table ip static-route to-peer destination <peer-ip>/32 interface <outside-interface> nexthop ip-address <next-hop>',
        },
      },
      {
        text: 'Let IKE in and make sure it listens: permit UDP 500, UDP 4500 (from any source port when NAT/PAT is in the path) and ESP between the two peer addresses on every firewall in the path and on the devices’ own outside filters, and enable IKE on the outside interface.',
        config: {
          'cisco-ios':
            'ip access-list extended OUTSIDE-IN\n permit udp host <peer-ip> host <local-ip> eq isakmp\n permit udp host <peer-ip> host <local-ip> eq non500-isakmp\n permit esp host <peer-ip> host <local-ip>',
          'cisco-asa': 'crypto ikev1 enable outside\ncrypto ikev2 enable outside',
          strongswan:
            'iptables -A INPUT -p udp -s <peer-ip> -m multiport --dports 500,4500 -j ACCEPT\niptables -A INPUT -p esp -s <peer-ip> -j ACCEPT',
          'juniper-srx':
            'set security zones security-zone untrust interfaces <outside-interface> host-inbound-traffic system-services ike',
          paloalto:
            'set rulebase security rules allow-ike from untrust to untrust source <peer-ip> destination <local-gateway-ip> application [ ike ipsec-esp ipsec-esp-udp ] service application-default action allow',
        },
      },
      {
        text: 'Trigger the tunnel again and check that the peer now answers: the ASA leaves MM_WAIT_MSG2, IOS moves past MM_NO_STATE, IKEv2 logs an IKE_SA_INIT RESPONSE.',
      },
    ],
    verify: IKE_SA_TABLE,
    lookAlikes: [
      {
        id: id('ip.peer-address-mismatch'),
        howToTell:
          'Same silence. Compare the address in the debug ("sending packet to", "IKE Peer") with the peer’s real (public) address: if they differ, the packets go to the wrong place.',
      },
      {
        id: id('ip.fvrf-unreachable'),
        howToTell:
          'With VRF-aware IPsec the peer can be reachable from the global table (ping works) while the front-door VRF has no route: `show ip route vrf <FVRF> <peer-ip>`.',
      },
      {
        id: id('ike.proposal-mismatch'),
        howToTell:
          'The ASA also stays in MM_WAIT_MSG2 when the peer rejects every phase 1 policy, but then the debug shows a received `NO_PROPOSAL_CHOSEN` notify: an answer arrived, so the path works.',
      },
      {
        id: id('ike.version-mismatch'),
        howToTell:
          'A peer that runs only the other IKE version may ignore our packets. A capture on the peer shows them arriving; compare the IKE versions both sides are configured for.',
      },
      {
        id: id('ip.no-interesting-traffic'),
        howToTell:
          'There, no SA exists at all; here an SA exists and its first message is retransmitted.',
      },
    ],
    sources: [
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.asaS2sTroubleshooting,
      SOURCES.multipleKeyrings,
    ],
  },
  {
    kind: 'diagnosis',
    id: id('ip.peer-address-mismatch'),
    stage: 'ip',
    title: 'The peers do not point at each other',
    explanation:
      'Each side must name, as its peer, the address the other side really uses for IKE. ' +
      'If one side has a mistyped or outdated `set peer` / tunnel destination / remote gateway, or names the private address of a peer that sits behind NAT, its IKE packets go to the wrong host (and look unanswered), or the other side receives them from an address it has no tunnel-group, keyring or gateway for. ' +
      'On an ASA the site-to-site tunnel-group is named after the peer’s IP address, so a tunnel-group with a different address is never selected.',
    confirm: {
      'cisco-ios': [
        'show running-config | include set peer|tunnel destination|crypto isakmp key|pre-shared-key',
        'show crypto map',
        'debug crypto isakmp',
      ],
      'cisco-asa': [
        'show running-config crypto map | include peer',
        'show running-config tunnel-group',
        'debug crypto ikev1 127',
      ],
      fortigate: [
        'show vpn ipsec phase1-interface <phase1-name>',
        'diagnose vpn ike gateway list name <phase1-name>',
      ],
      strongswan: ['swanctl --list-conns', 'ipsec statusall'],
      'juniper-srx': ['show configuration security ike gateway <gateway-name>'],
      paloalto: ['show vpn gateway name <gateway-name>'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Apr 06 00:45:21 [IKEv1]IP = x.x.x.x, IKE Initiator: New Phase 1, Intf Lan, IKE Peer x.x.x.x local Proxy Address 192.168.90.150, remote Proxy Address 10.252.1.1, Crypto map (Internet_map)',
        source: SOURCES.asaS2sTroubleshooting,
        note: '"IKE Peer" is the address this ASA sends phase 1 to, taken from the crypto map. It must be the peer’s real, public address.',
      },
      {
        platform: 'cisco-asa',
        text: 'Apr 06 00:45:21 [IKEv1]IP = x.x.x.x, Connection landed on tunnel_group x.x.x.x',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Seen when a tunnel-group with the peer’s address exists. If the peer’s packets arrive from an address with no tunnel-group of that name, this line does not appear.',
      },
      {
        platform: 'cisco-ios',
        text: '(key eng. msg.) OUTBOUND local= 192.168.0.1:500, remote= 192.168.0.2:500,',
        source: SOURCES.multipleKeyrings,
        note: 'From `debug crypto ipsec`: "remote=" is the peer address IOS is about to contact.',
      },
    ],
    fix: [
      {
        text: 'Find out the address each peer really sends IKE from (on the peer itself, or from a capture: behind NAT it is the translated address) and set it as the peer on the other side.',
        config: {
          'cisco-ios':
            'crypto map <map-name> <seq> ipsec-isakmp\n set peer <peer-public-ip>\n no set peer <old-peer-ip>',
          'cisco-asa':
            'crypto map <map-name> <seq> set peer <peer-public-ip>\ntunnel-group <peer-public-ip> type ipsec-l2l\ntunnel-group <peer-public-ip> ipsec-attributes\n ikev1 pre-shared-key <key>',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "<phase1-name>"\n        set remote-gw <peer-public-ip>\n    next\nend',
          strongswan: 'connections {\n  site-b {\n    remote_addrs = <peer-public-ip>\n  }\n}',
          'juniper-srx': 'set security ike gateway <gateway-name> address <peer-public-ip>',
          paloalto: 'set network ike gateway <gateway-name> peer-address ip <peer-public-ip>',
        },
      },
      {
        text: 'Where the key or keyring is tied to the peer address (IOS `crypto isakmp key … address`, keyring `pre-shared-key address`, ASA tunnel-group name), change it to the same address, or the peer is found but its key is not.',
        config: {
          'cisco-ios':
            'crypto keyring <keyring-name>\n pre-shared-key address <peer-public-ip> key <key>',
        },
      },
      {
        text: 'Trigger the tunnel and check that an IKE SA for the correct peer address comes up on both sides.',
      },
    ],
    verify: IKE_SA_TABLE,
    lookAlikes: [
      {
        id: id('ip.peer-unreachable'),
        howToTell:
          'At run time they look the same (no answer). Here the configured address is wrong; there the address is right but the path or the peer drops IKE.',
      },
      {
        id: id('auth.peer-id-mismatch'),
        howToTell:
          'The packets do reach the right peer and phase 1 progresses to the identity exchange (message 5/6, IKE_AUTH), where the identity presented is not the one expected: behind NAT a peer may identify itself by its private address.',
      },
      {
        id: id('auth.psk-not-found'),
        howToTell:
          'The tunnel is addressed correctly, but no key exists for the address the peer comes from; the debug says so explicitly (`% key not found.`, no `found peer pre-shared key matching`).',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.multipleKeyrings],
  },
  {
    kind: 'diagnosis',
    id: id('ip.fvrf-unreachable'),
    stage: 'ip',
    title: 'VRF-aware IPsec: the peer is not reachable in the front-door VRF',
    explanation:
      'With VRF-aware IPsec the outside (front-door) interface sits in one VRF and the protected traffic in another (the inside VRF). IKE and ESP to the peer are routed in the FVRF only. ' +
      'A route to the peer in the global table or in the inside VRF does not help: IKE finds no route, or sends through the wrong interface, and the peer never answers. ' +
      'This is a common slip when VRF-aware IPsec is set up, often together with a keyring or IKE profile that is not bound to the FVRF.',
    confirm: {
      'cisco-ios': [
        'show running-config interface <outside-interface>',
        'show ip route vrf <fvrf> <peer-ip>',
        'ping vrf <fvrf> <peer-ip> source <outside-interface>',
        'show running-config | section crypto keyring|crypto ikev2 profile|crypto isakmp profile',
        'show crypto ikev2 sa detailed',
      ],
      'cisco-asa': {
        none: 'The ASA has no front-door VRF for site-to-site VPN; check `show route <peer-ip>` in the normal table.',
      },
      fortigate: [
        'get router info routing-table details <peer-ip>',
        'show system interface <wan-port>',
      ],
      strongswan: [
        'ip vrf show',
        'ip route show vrf <vrf-name>',
        'ip route get <peer-ip> vrf <vrf-name>',
      ],
      'juniper-srx': [
        'show route <peer-ip> table <routing-instance>.inet.0',
        'show configuration security ike gateway <gateway-name>',
      ],
      paloalto: ['test routing fib-lookup virtual-router <virtual-router> ip <peer-ip>'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'IKEv2:Searching Policy with fvrf 0, local address 10.10.10.1',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The FVRF IKE looked in (0 = global table). If you expected a named FVRF here, the profile or keyring is not bound to it. On a working SA, the fvrf/ivrf column of `show crypto ikev2 sa` names the FVRF (e.g. OUTSIDE/none).',
      },
      {
        platform: 'cisco-ios',
        text: '% Subnet not in table',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'What `show ip route vrf <FVRF> <peer-ip>` answers when the FVRF has no route to the peer.',
      },
    ],
    fix: [
      {
        text: 'Add a route to the peer in the front-door VRF (usually a default route towards the provider). The ASA has no FVRF: the route belongs in its normal table, on the outside interface.',
        config: {
          'cisco-ios': 'ip route vrf <fvrf> 0.0.0.0 0.0.0.0 <provider-next-hop>',
          'cisco-asa': 'route outside 0.0.0.0 0.0.0.0 <provider-next-hop>',
          'juniper-srx':
            'set routing-instances <routing-instance> routing-options static route 0.0.0.0/0 next-hop <provider-next-hop>',
          strongswan: 'ip route add default via <provider-next-hop> vrf <vrf-name>',
        },
      },
      {
        text: 'Bind the IKE configuration to the FVRF so the peer is looked up there: the keyring and the IKE profile name the FVRF, and the tunnel interface sources from the FVRF interface.',
        config: {
          'cisco-ios':
            'crypto ikev2 keyring <keyring-name>\n peer <peer-name>\n  address <peer-ip>\n  pre-shared-key <key>\ncrypto ikev2 profile <profile-name>\n match fvrf <fvrf>\n match identity remote address <peer-ip> 255.255.255.255\n keyring local <keyring-name>\ninterface Tunnel0\n vrf forwarding <ivrf>\n tunnel source <outside-interface>\n tunnel vrf <fvrf>\n tunnel protection ipsec profile <ipsec-profile>',
        },
      },
      {
        text: 'Ping the peer inside the FVRF from the outside interface, then trigger the tunnel and check the IKE SA comes up with the FVRF shown in `show crypto ikev2 sa`.',
      },
    ],
    verify: {
      'cisco-asa': {
        none: 'No front-door VRF on the ASA: `show crypto isakmp sa` after fixing the normal route.',
      },
      'cisco-ios': [
        'ping vrf <fvrf> <peer-ip> source <outside-interface>',
        'show crypto ikev2 sa',
        'show crypto isakmp sa',
      ],
      'juniper-srx': ['show security ike security-associations'],
      strongswan: ['swanctl --list-sas'],
      fortigate: ['diagnose vpn ike gateway list name <phase1-name>'],
    },
    lookAlikes: [
      {
        id: id('ip.peer-unreachable'),
        howToTell:
          'Without VRFs, or with the route present in the FVRF, the path itself is the problem. Here the only thing missing is the route in the FVRF table.',
      },
      {
        id: id('routing.missing-route'),
        howToTell:
          'That one is about the INSIDE traffic (the remote networks) not being routed into the tunnel, in the inside VRF; IKE itself comes up.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
];
