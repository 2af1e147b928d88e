/**
 * IP connectivity, diagnoses where the tunnel is never attempted: nothing
 * matches the crypto ACL, or the crypto map is on the wrong interface.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** Diagnoses for "IKE never starts". */
export const ipTriggerDiagnoses: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('ip.no-interesting-traffic'),
    stage: 'ip',
    title: 'Nothing triggers the tunnel: no traffic matches the crypto ACL',
    explanation:
      'A policy-based tunnel is negotiated on demand: only a packet that matches the crypto ACL (proxy identities, traffic selectors) and leaves through the interface with the crypto map makes the device ask IKE for an SA. ' +
      'If no such packet ever arrives, the device has no reason to contact the peer, so the SA table stays empty and the IKE debug stays silent. ' +
      'Typical reasons: the test is sourced from the wrong address (a ping from the router or firewall itself leaves from its outside address and matches nothing), the ACL lists other subnets than the ones actually used, NAT changes the source before the crypto check, or an access rule or route sends the traffic elsewhere before it reaches the crypto map.',
    byRole: {
      responder:
        'On a pure responder this is normal: it waits for the peer. The missing trigger is then on the peer, which must be the one examined.',
    },
    confirm: {
      'cisco-ios': [
        'show crypto map',
        'show access-lists <crypto-acl>',
        'debug crypto ipsec',
        'ping <remote-host> source <inside-interface> repeat 100',
        'show crypto isakmp sa',
      ],
      'cisco-asa': [
        'show running-config crypto map',
        'show access-list <crypto-acl>',
        'packet-tracer input inside icmp <inside-host> 8 0 <remote-host> detailed',
        'show crypto isakmp sa',
      ],
      fortigate: [
        'show vpn ipsec phase2-interface <phase2-name>',
        'diagnose vpn tunnel list name <phase1-name>',
        'diagnose debug flow filter addr <remote-host>',
        'diagnose debug flow trace start 10',
        'diagnose debug enable',
      ],
      strongswan: [
        'swanctl --list-conns',
        'ip xfrm policy',
        'swanctl --initiate --child <child-name>',
      ],
      'juniper-srx': [
        'show security ipsec security-associations',
        'show configuration security ipsec vpn <vpn-name>',
        'show route <remote-host>',
      ],
      paloalto: [
        'show vpn ipsec-sa',
        'test vpn ipsec-sa tunnel <tunnel-name>',
        'test routing fib-lookup virtual-router default ip <remote-host>',
      ],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'There are no IKEv2 SAs',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Printed at the end of `show crypto isakmp sa`. When the IKEv1 part is empty as well while matching traffic flows, the ASA is not even trying to build the tunnel.',
      },
      {
        platform: 'cisco-ios',
        text: '*Jun 19 10:04:24.826: IPSEC(sa_request): ,',
        source: SOURCES.multipleKeyrings,
        note: 'With `debug crypto ipsec` on, this line opens every attempt: matching traffic asking IKE for an SA. If it never appears while you send traffic, nothing matched the crypto ACL.',
      },
    ],
    fix: [
      {
        text: 'Test with traffic from a host on the protected inside network (or from the device, sourced from its inside interface). On an ASA, `ping inside <remote-host>` sources the ping from the inside interface.',
      },
      {
        text: 'Make the crypto ACL list exactly the local and the remote networks, as the mirror image of the peer’s ACL, and make sure the crypto map entry uses it.',
        config: {
          'cisco-ios':
            'ip access-list extended VPN-TRAFFIC\n permit ip 192.168.1.0 0.0.0.255 172.16.1.0 0.0.0.255\ncrypto map CMAP 10 ipsec-isakmp\n match address VPN-TRAFFIC',
          'cisco-asa':
            'access-list outside_1_cryptomap extended permit ip 192.168.1.0 255.255.255.0 172.16.1.0 255.255.255.0\ncrypto map outside_map 1 match address outside_1_cryptomap',
          fortigate:
            'config vpn ipsec phase2-interface\n    edit "<phase2-name>"\n        set src-subnet 192.168.1.0 255.255.255.0\n        set dst-subnet 172.16.1.0 255.255.255.0\n    next\nend',
          strongswan:
            'connections {\n  site-b {\n    children {\n      site-b-net {\n        local_ts = 192.168.1.0/24\n        remote_ts = 172.16.1.0/24\n        start_action = trap\n      }\n    }\n  }\n}',
          'juniper-srx':
            'set security ipsec vpn <vpn-name> traffic-selector ts1 local-ip 192.168.1.0/24\nset security ipsec vpn <vpn-name> traffic-selector ts1 remote-ip 172.16.1.0/24',
        },
      },
      {
        text: 'For route-based tunnels (FortiGate, SRX st0, Palo Alto, VTI), make sure a route sends the remote network into the tunnel interface and a firewall policy allows the traffic into it; without them nothing ever reaches the tunnel.',
        config: {
          fortigate:
            'config router static\n    edit 0\n        set dst 172.16.1.0 255.255.255.0\n        set device "<phase1-name>"\n    next\nend',
          'juniper-srx': 'set routing-options static route 172.16.1.0/24 next-hop st0.0',
          'cisco-ios': 'ip route 172.16.1.0 255.255.255.0 Tunnel0',
        },
      },
      {
        text: 'Send the traffic again and check that an IKE SA for the peer now appears (in any state). If it does, continue with the IP connectivity questions from the start.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto isakmp sa', 'show crypto ikev2 sa'],
      'cisco-asa': ['show crypto isakmp sa'],
      fortigate: ['diagnose vpn ike gateway list name <phase1-name>'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations'],
      paloalto: ['show vpn ike-sa'],
    },
    lookAlikes: [
      {
        id: id('ip.crypto-map-wrong-interface'),
        howToTell:
          'Also no SA at all. But there the crypto map is attached to an interface the traffic does not leave by (`show crypto map` → "Interfaces using crypto map"), and the peer logs the clear packets with `%CRYPTO-4-RECVD_PKT_NOT_IPSEC`.',
      },
      {
        id: id('routing.nat-exemption'),
        howToTell:
          'The traffic is there but is translated before the crypto check: translation hits for the VPN flow (`show xlate`, `show ip nat translations`), and ASA packet-tracer shows a NAT phase for it before any VPN phase.',
      },
      {
        id: id('routing.missing-route'),
        howToTell:
          'The traffic leaves by another interface or never reaches the firewall: the route lookup for the remote network does not point out of the outside / tunnel interface.',
      },
      {
        id: id('ipsec.proxy-id-mismatch'),
        howToTell:
          'FortiGate `sa=0` in `diagnose vpn tunnel list` means either "no traffic" or "selectors do not match". If phase 1 is up and phase 2 is refused, it is the selectors; if no IKE SA exists at all, it is the trigger.',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.asaDeletePfkey, SOURCES.multipleKeyrings],
  },
  {
    kind: 'diagnosis',
    id: id('ip.crypto-map-wrong-interface'),
    stage: 'ip',
    title: 'The crypto map is applied to the inside interface, not the one facing the peer',
    explanation:
      'A crypto map acts only on packets leaving the interface it is attached to. Attached to the inside interface, it never sees the traffic heading for the peer, which therefore leaves the outside interface unencrypted. ' +
      'Nothing starts IKE on this side, so no SA appears, and the far end, whose crypto map expects that traffic protected, receives it in clear and reports it as not an IPsec packet. ' +
      'The message is logged on the peer, not on the misconfigured device.',
    confirm: {
      'cisco-ios': [
        'show crypto map',
        'show ip route <remote-network>',
        'show running-config interface <inside-interface>',
      ],
      'cisco-asa': [
        'show running-config crypto map | include interface',
        'show route <remote-host>',
      ],
      fortigate: ['show vpn ipsec phase1-interface <phase1-name>'],
      strongswan: ['swanctl --list-conns', 'ip route get <peer-ip>'],
      'juniper-srx': ['show configuration security ike gateway <gateway-name>'],
      paloalto: ['show vpn gateway name <gateway-name>'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: "*Mar 1 00:21:42.811: %CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC packet. (ip) vrf/dest_addr= /192.168.2.3, src_addr= 192.168.1.2, prot= 1",
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Logged by the PEER each time this side tries to bring the tunnel up: a clear ICMP packet (prot= 1) between the protected networks arrived on its crypto-map interface.',
      },
    ],
    fix: [
      {
        text: 'Remove the crypto map from the inside interface and apply it to the interface that faces the peer (the one the route to the peer and to the remote network leaves by).',
        config: {
          'cisco-ios':
            'interface <inside-interface>\n no crypto map <map-name>\ninterface <outside-interface>\n crypto map <map-name>',
          'cisco-asa':
            'no crypto map <map-name> interface inside\ncrypto map <map-name> interface outside',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "<phase1-name>"\n        set interface "<wan-port>"\n    next\nend',
          strongswan: 'connections {\n  site-b {\n    local_addrs = <outside-ip>\n  }\n}',
          'juniper-srx':
            'set security ike gateway <gateway-name> external-interface <outside-interface>',
          paloalto:
            'set network ike gateway <gateway-name> local-address interface <outside-interface>',
        },
      },
      {
        text: 'On an ASA, enable IKE on the same outside interface, or the peer’s replies are ignored.',
        config: { 'cisco-asa': 'crypto ikev1 enable outside\ncrypto ikev2 enable outside' },
      },
      {
        text: 'Send matching traffic again: this side should now create an IKE SA for the peer, and the peer should stop logging RECVD_PKT_NOT_IPSEC.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto map', 'show crypto isakmp sa', 'show crypto session'],
      'cisco-asa': ['show running-config crypto map | include interface', 'show crypto isakmp sa'],
      fortigate: ['diagnose vpn ike gateway list name <phase1-name>'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations'],
      paloalto: ['show vpn ike-sa gateway <gateway-name>'],
    },
    lookAlikes: [
      {
        id: id('ipsec.tunnel-protection-missing'),
        howToTell:
          'The same RECVD_PKT_NOT_IPSEC message, but with `prot= 47`: clear GRE from a tunnel interface that has no `tunnel protection`. With `prot= 1`, 6 or 17 between the protected networks, it is the crypto map placement.',
      },
      {
        id: id('ip.no-interesting-traffic'),
        howToTell:
          'Also no SA on this side, but the map is on the right interface and nothing matching is sent; the peer logs nothing.',
      },
      {
        id: id('routing.missing-route'),
        howToTell:
          'The map is on the outside interface, but the route to the remote network sends the traffic out of another interface.',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
];
