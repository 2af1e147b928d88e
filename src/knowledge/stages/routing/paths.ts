/**
 * Routing stage, the leaves where packets take the wrong way: no route to
 * the remote subnet, NAT before encryption, and a tunnel destination learned
 * through the tunnel itself.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** The path leaves of the routing stage. */
export const routingPathNodes: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('routing.missing-route'),
    stage: 'routing',
    title: 'No route sends the remote subnet towards the tunnel',
    explanation:
      'Once the IPsec SAs exist, the routing table decides whether traffic reaches them. A policy-based tunnel needs the remote subnet routed out of the interface holding the crypto map (usually the default route to the ISP does this); a tunnel interface (VTI, GRE) needs the remote subnet routed into the tunnel. ' +
      'If no route exists, or a broader internal route (say 10.0.0.0/8 towards the LAN) covers the remote subnet, the packets never meet the SA: encaps stay at 0 and the far side sees nothing. ' +
      'With IKEv2 routing the prefixes arrive in the configuration payload and are installed only for the life of the IKE SA; if a peer does not advertise its address (`route set interface` missing) the prefix never appears. ' +
      'A static route via a tunnel interface is installed only while the tunnel is up/up, and without DPD the tunnel can stay up after the peer has gone.',
    confirm: {
      'cisco-ios': [
        'show ip route <remote host>',
        'show ip cef <remote host>',
        'show crypto ikev2 sa detailed',
        'show crypto route',
      ],
      'cisco-asa': [
        'show route <remote host>',
        'packet-tracer input inside icmp <local host> 8 0 <remote host> detail',
      ],
      fortigate: [
        'get router info routing-table details <remote host>',
        'diagnose debug flow filter addr <remote host>',
        'diagnose debug flow trace start 20',
      ],
      strongswan: ['ip route get <remote host>', 'ip xfrm policy', 'swanctl --list-sas'],
      'juniper-srx': ['show route <remote host>'],
      paloalto: ['test routing fib-lookup virtual-router default ip <remote host>'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'Router#show ip route 192.168.1.14\n% Subnet not in table',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'FlexVPN server: the address assigned to a client through IKEv2 was never installed, because the client did not send it back (`route set interface` missing).',
      },
    ],
    fix: [
      {
        text: 'Look up the route for a host in the remote subnet on the device whose encaps counter stays at 0. It must point to the outside (crypto map) or into the tunnel interface.',
      },
      {
        text: 'Add the missing route, or one more specific than the internal route that swallows the traffic.',
        config: {
          'cisco-ios':
            '! tunnel interface (VTI / GRE):\nip route 192.168.200.0 255.255.255.0 Tunnel1\n! crypto map (policy-based):\nip route 10.4.0.0 255.255.255.0 <ISP next hop>',
          'cisco-asa':
            '! policy-based:\nroute outside 10.4.0.0 255.255.255.0 <ISP next hop>\n! VTI:\nroute vti-peer 10.4.0.0 255.255.255.0 <peer tunnel address>',
          fortigate:
            'config router static\n edit 0\n  set dst 10.4.0.0 255.255.255.0\n  set device "Tunnel-To-SiteB"\n next\nend',
          strongswan:
            '# route-based (XFRM interface):\nip route add 10.4.0.0/24 dev xfrm0\n# policy-based: the route must leave via the outside interface\nip route add 10.4.0.0/24 via <ISP next hop> dev eth0',
          'juniper-srx': 'set routing-options static route 10.4.0.0/24 next-hop st0.0',
          paloalto:
            'set network virtual-router default routing-table ip static-route VPN-SITEB destination 10.4.0.0/24 interface tunnel.1',
        },
      },
      {
        text: 'With IKEv2 routing, make both ends advertise their tunnel address and accept the peer’s prefixes, then bring up a new IKE SA (prefixes change only with a new SA).',
        config: {
          'cisco-ios':
            'crypto ikev2 authorization policy default\n route set interface\n route accept any\n! then\nclear crypto ikev2 sa remote <peer>',
        },
      },
      {
        text: 'Send traffic again: the route lookup now points the right way and encaps rise on this side, decaps on the other.',
      },
    ],
    verify: {
      'cisco-ios': ['show ip route <remote host>', 'show crypto ipsec sa | include pkts'],
      'cisco-asa': [
        'packet-tracer input inside icmp <local host> 8 0 <remote host>',
        'show crypto ipsec sa | include pkts',
      ],
      fortigate: [
        'get router info routing-table details <remote host>',
        'diagnose vpn tunnel list',
      ],
      strongswan: ['ip route get <remote host>', 'swanctl --list-sas'],
      'juniper-srx': ['show route <remote host>', 'show security ipsec statistics'],
      paloalto: [
        'test routing fib-lookup virtual-router default ip <remote host>',
        'show vpn flow',
      ],
    },
    lookAlikes: [
      {
        id: id('routing.nat-exemption'),
        howToTell:
          'Both keep encaps at 0. packet-tracer (or debug flow) tells them apart: a wrong egress interface is a route problem; the right interface with a translation applied is NAT.',
      },
      {
        id: id('ipsec.one-way-traffic'),
        howToTell:
          'If this side decrypts the peer’s traffic (decaps rising) but sends nothing back, the missing or wrong route is for the replies on this side: the same fix, seen as one-way traffic.',
      },
      {
        id: id('ipsec.proxy-id-mismatch'),
        howToTell:
          'If the route and NAT are right but the packet still does not match the crypto ACL, the selectors leave that host out.',
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
    id: id('routing.nat-exemption'),
    stage: 'routing',
    title: 'VPN traffic is NATed before it can match the crypto ACL',
    explanation:
      'A site that reaches the Internet through PAT translates its private addresses on the way out. The crypto ACL names the private networks, and on an ASA or an IOS router the translation happens before the packet is checked against it. ' +
      'Without an exemption for local → remote traffic, VPN packets leave with the public source address, no longer match the crypto ACL, and go out unencrypted (and die) instead of into the SA: encaps stay at 0 and the NAT rule counts hits. ' +
      'The same happens with a stale or "rogue" NAT rule that also catches VPN traffic (one appeared after an OS upgrade), and with a static NAT for a server that overrides the exemption. ' +
      'A telling pattern: the device can ping the remote side sourced from its own inside interface, because its own traffic is not translated, while the clients behind it cannot.',
    confirm: {
      'cisco-ios': [
        'show ip nat translations | include <remote subnet prefix>',
        'show ip nat statistics',
        'show access-lists <NAT ACL>',
      ],
      'cisco-asa': [
        'packet-tracer input inside icmp <local host> 8 0 <remote host> detail',
        'show nat detail',
        'show xlate',
      ],
      fortigate: [
        'diagnose debug flow filter addr <remote host>',
        'diagnose debug flow trace start 20',
        'show firewall policy',
      ],
      strongswan: ['iptables -t nat -L POSTROUTING -n -v', 'nft list ruleset'],
      'juniper-srx': [
        'show security nat source rule all',
        'show security flow session destination-prefix <remote host>',
      ],
      paloalto: [
        'test nat-policy-match from trust to untrust source <local host> destination <remote host> protocol 1',
        'show running nat-policy',
      ],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'PetesPIX(config)# access-list VPN_CRYPTO_ACL permit ip 192.168.124.0 255.255.255.0 192.168.123.0 255.255.255.0\nPetesPIX(config)# access-list VPN_NO_NAT line 1 permit ip 192.168.124.0 255.255.255.0 192.168.123.0 255.255.255.0',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Two ACLs naming the same networks: one selects what to encrypt, the other exempts the same traffic from NAT (`nat 0` on older PIX/ASA). If the second is missing or differs, VPN traffic is translated.',
      },
    ],
    fix: [
      {
        text: 'Trace a packet from a local host to a remote host and note any NAT rule it hits. Also list all NAT rules that could match the local networks, including old or unexpected ones.',
      },
      {
        text: 'Add a NAT exemption (identity NAT) for local ↔ remote networks, placed before the Internet PAT rule; on IOS exclude the VPN traffic from the NAT ACL.',
        config: {
          'cisco-asa':
            'object network LOCAL-NET\n subnet 192.168.1.0 255.255.255.0\nobject network REMOTE-NET\n subnet 172.16.1.0 255.255.255.0\nnat (inside,outside) 1 source static LOCAL-NET LOCAL-NET destination static REMOTE-NET REMOTE-NET no-proxy-arp route-lookup\n! PIX / ASA before 8.3:\naccess-list VPN_NO_NAT permit ip 192.168.124.0 255.255.255.0 192.168.123.0 255.255.255.0\nnat (inside) 0 access-list VPN_NO_NAT',
          'cisco-ios':
            'ip access-list extended NAT-OUT\n deny ip 192.168.1.0 0.0.0.255 172.16.1.0 0.0.0.255\n permit ip 192.168.1.0 0.0.0.255 any\nip nat inside source list NAT-OUT interface GigabitEthernet0/0 overload',
          fortigate:
            'config firewall policy\n edit <policy id of LAN -> tunnel>\n  set nat disable\n next\nend',
          strongswan:
            'iptables -t nat -I POSTROUTING -s 192.168.1.0/24 -d 172.16.1.0/24 -j ACCEPT\n# or exempt everything IPsec will protect:\niptables -t nat -I POSTROUTING -m policy --dir out --pol ipsec -j ACCEPT',
          'juniper-srx':
            'set security nat source rule-set TRUST-TO-UNTRUST rule NO-NAT-VPN match source-address 192.168.1.0/24\nset security nat source rule-set TRUST-TO-UNTRUST rule NO-NAT-VPN match destination-address 172.16.1.0/24\nset security nat source rule-set TRUST-TO-UNTRUST rule NO-NAT-VPN then source-nat off\ninsert security nat source rule-set TRUST-TO-UNTRUST rule NO-NAT-VPN before rule <PAT rule>',
        },
      },
      {
        text: 'Remove any rogue NAT rule that overlaps the VPN traffic, then clear the existing translations so no old entry is reused.',
        config: {
          'cisco-asa':
            'show running-config nat\nno nat (inside,outside) <rogue rule>\nclear xlate local <local host>',
          'cisco-ios': 'clear ip nat translation *',
        },
      },
      {
        text: 'Trace the packet again: no translation, the VPN phase encrypts it, and encaps rise.',
      },
    ],
    verify: {
      'cisco-ios': [
        'show ip nat translations | include <remote subnet prefix>',
        'show crypto ipsec sa | include pkts',
      ],
      'cisco-asa': [
        'packet-tracer input inside icmp <local host> 8 0 <remote host> detail',
        'show crypto ipsec sa | include pkts',
      ],
      fortigate: ['diagnose debug flow trace start 10', 'diagnose vpn tunnel list'],
      strongswan: ['iptables -t nat -L POSTROUTING -n -v', 'swanctl --list-sas'],
      'juniper-srx': ['show security ipsec statistics'],
      paloalto: ['show vpn flow'],
    },
    lookAlikes: [
      {
        id: id('routing.missing-route'),
        howToTell:
          'In the same one-way-traffic article a route (10.0.0.0/8 pointing inside) swallowed the VPN traffic. There no NAT rule is hit; the route lookup sends the packet to the wrong interface.',
      },
      {
        id: id('ipsec.proxy-id-mismatch'),
        howToTell:
          'On an ASA the NAT exemption and the crypto ACL must name the same networks; if the packet is not translated and still not encrypted, the crypto ACL is the one that is wrong.',
      },
      {
        id: id('ip.no-interesting-traffic'),
        howToTell:
          'If NAT translates all VPN traffic, phase 1 may never even start (no packet matches the crypto ACL). Translation hits for the remote subnet point here rather than to "no traffic".',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'diagnosis',
    id: id('routing.recursive'),
    stage: 'routing',
    title: 'Recursive routing: the tunnel destination is learned through the tunnel',
    explanation:
      'A tunnel interface reaches its destination (the peer’s public address) through the underlay. If a routing protocol running over the tunnel advertises a prefix that covers that address, the best route to the tunnel destination now points into the tunnel itself. ' +
      'The router would have to encapsulate the tunnel’s packets into the tunnel again, so IOS disables the interface (`%TUN-5-RECURDOWN`). The adjacency drops, the advertised route disappears, the tunnel comes back, learns the prefix again, and the cycle repeats.',
    confirm: {
      'cisco-ios': [
        'show logging | include RECURDOWN',
        'show ip route <tunnel destination>',
        'show interfaces tunnel <n>',
      ],
      'cisco-asa': ['show route <peer public address>', 'show interface Tunnel<n>'],
      fortigate: ['get router info routing-table details <peer public address>'],
      strongswan: ['ip route get <peer public address>'],
      'juniper-srx': ['show route <peer public address>'],
      paloalto: ['test routing fib-lookup virtual-router default ip <peer public address>'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: '%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up\n%TUN-5-RECURDOWN: Tunnel0 temporarily disabled due to recursive routing\n%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The tunnel comes up, learns its own destination through itself, and is shut down.',
      },
    ],
    fix: [
      {
        text: 'Find the prefix that covers the tunnel destination and is learned over the tunnel (`show ip route <tunnel destination>` while the tunnel is up).',
      },
      {
        text: 'Stop advertising it over the tunnel, and pin the tunnel destination to the underlay with a host route so no tunnel-learned route can be better.',
        config: {
          'cisco-ios':
            'ip route 203.0.113.2 255.255.255.255 <ISP next hop>\nip prefix-list NO-UNDERLAY deny 203.0.0.0/16 le 32\nip prefix-list NO-UNDERLAY permit 0.0.0.0/0 le 32\nrouter eigrp 20\n distribute-list prefix NO-UNDERLAY in Tunnel0',
          'cisco-asa': 'route outside 203.0.113.2 255.255.255.255 <ISP next hop>',
          fortigate:
            'config router static\n edit 0\n  set dst 203.0.113.2 255.255.255.255\n  set gateway <ISP next hop>\n  set device "wan1"\n next\nend',
          strongswan: 'ip route add 203.0.113.2/32 via <ISP next hop> dev eth0',
          'juniper-srx': 'set routing-options static route 203.0.113.2/32 next-hop <ISP next hop>',
        },
      },
      {
        text: 'Check the tunnel stays up, no further RECURDOWN is logged, and the route to the tunnel destination points to the underlay interface.',
      },
    ],
    verify: {
      'cisco-ios': [
        'show ip route <tunnel destination>',
        'show interfaces tunnel <n> | include line protocol',
        'show logging | include RECURDOWN',
      ],
      'cisco-asa': ['show route <peer public address>'],
      fortigate: ['get router info routing-table details <peer public address>'],
      strongswan: ['ip route get <peer public address>'],
      'juniper-srx': ['show route <peer public address>'],
      paloalto: ['test routing fib-lookup virtual-router default ip <peer public address>'],
    },
    lookAlikes: [
      {
        id: id('routing.mtu'),
        howToTell:
          'An MTU problem also makes the neighbour flap, but the tunnel interface stays up and no RECURDOWN is logged.',
      },
      {
        id: id('ip.peer-unreachable'),
        howToTell:
          'While the tunnel is disabled the peer looks unreachable through it; the underlay itself still reaches it (ping the peer’s public address sourced from the outside interface).',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
];
