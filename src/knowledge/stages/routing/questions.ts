/**
 * Routing stage, the questions. Reached when the SAs are up but traffic does
 * not use them (encaps stay 0), or when the tunnel is healthy and some hosts
 * still fail. The documents put routing last: once the IPsec SA exists, the
 * routing must send traffic into it on both sides.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** The questions of the routing stage, entry first. */
export const routingQuestions: readonly KnowledgeNode[] = [
  {
    kind: 'question',
    id: id('routing.q.start'),
    stage: 'routing',
    title: 'What goes wrong around the tunnel?',
    help:
      'The crypto is established; now the packets have to be sent into it and taken out of it. Pick the symptom that fits. ' +
      'Tunnel interfaces (GRE, VTI, DMVPN) have their own failure modes: a tunnel destination learned through the tunnel itself, GRE keys, NHRP registration, and MTU. ' +
      'Policy-based tunnels mostly fail on the route to the remote subnet and on NAT applied before encryption.',
    commands: {
      'cisco-ios': [
        'show logging | include TUN-5|NHRP|DUAL|OSPF',
        'show interfaces tunnel <n>',
        'show dmvpn',
        'show crypto ipsec sa | include peer|pkts',
      ],
      'cisco-asa': ['show crypto ipsec sa | include peer|pkts', 'show route', 'show nat detail'],
      fortigate: ['diagnose vpn tunnel list', 'get router info routing-table all'],
      strongswan: ['swanctl --list-sas', 'ip route', 'ip -d link show'],
      'juniper-srx': ['show security ipsec statistics', 'show route'],
      paloalto: ['show vpn flow', 'show routing route'],
    },
    answers: [
      {
        label: 'Traffic from some or all hosts never enters the tunnel, or replies never come back',
        next: id('routing.q.path'),
        hint: '`#pkts encaps: 0` while hosts send; or the remote side never sees the traffic',
      },
      {
        label: 'The tunnel interface goes up and down with a recursive-routing message',
        next: id('routing.recursive'),
        hint: '`%TUN-5-RECURDOWN: Tunnel0 temporarily disabled due to recursive routing`',
      },
      {
        label: 'A routing neighbour over the tunnel comes up, then drops, again and again',
        next: id('routing.q.flap'),
        hint: 'EIGRP / OSPF / BGP adjacency flapping over the tunnel',
      },
      {
        label: 'Small packets get through, large transfers hang',
        next: id('routing.mtu'),
        hint: 'ping works, file copies or web pages stall',
      },
      {
        label:
          'GRE tunnel: SAs count encaps and decaps on both peers, but nothing answers across it',
        next: id('routing.q.gre-key'),
        hint: '`Tunnel protocol/transport GRE/IP`, counters rising on both sides, ping over the tunnel fails',
      },
      {
        label: 'DMVPN: the spoke does not appear as UP on the hub',
        next: id('routing.nhrp-mismatch'),
        hint: '`show dmvpn` on the hub lists no entry for the spoke, or one not in state UP',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'question',
    id: id('routing.q.path'),
    stage: 'routing',
    title: 'Where does a packet for the remote subnet go?',
    help:
      'Follow one packet from a host behind this device to a host behind the peer. It must be routed towards the tunnel (out of the interface holding the crypto map, or into the tunnel interface) and must reach the crypto without being translated. ' +
      'The ASA packet-tracer shows the route lookup, the NAT rules hit and whether the VPN phase encrypts it; FortiGate debug flow shows the route and the policy (and any SNAT); on IOS read the route, then the NAT translations. ' +
      'Do it on the side whose encaps counter stays at 0.',
    commands: {
      'cisco-ios': [
        'show ip route <remote host>',
        'show ip nat translations | include <remote host>',
        'show crypto ikev2 sa detailed',
      ],
      'cisco-asa': [
        'packet-tracer input inside icmp <local host> 8 0 <remote host> detail',
        'show route <remote host>',
        'show nat detail',
      ],
      fortigate: [
        'get router info routing-table details <remote host>',
        'diagnose debug flow filter addr <remote host>',
        'diagnose debug flow trace start 20',
        'diagnose debug enable',
      ],
      strongswan: [
        'ip route get <remote host> from <local host>',
        'ip xfrm policy',
        'iptables -t nat -L POSTROUTING -n -v',
      ],
      'juniper-srx': ['show route <remote host>', 'show security nat source rule all'],
      paloalto: [
        'test routing fib-lookup virtual-router default ip <remote host>',
        'show running nat-policy',
      ],
    },
    answers: [
      {
        label: 'There is no route, or the expected prefix was never installed',
        next: id('routing.missing-route'),
        hint: '`% Subnet not in table`; IKEv2: the peer’s address missing from `Remote subnets`',
      },
      {
        label:
          'A route sends it back into the LAN (a summary or internal route covers the remote subnet)',
        next: id('routing.missing-route'),
        hint: 'e.g. 10.0.0.0/8 pointing inside while the remote subnet is 10.4.0.0/24',
      },
      {
        label: 'It is routed correctly, but NAT translates it first',
        next: id('routing.nat-exemption'),
        hint: 'packet-tracer shows a NAT phase translating the source; translation hits for VPN traffic',
      },
      {
        label:
          'The device itself reaches the remote side (sourced from inside), the clients behind it do not',
        next: id('routing.nat-exemption'),
        hint: 'ASA `ping inside <remote host>` works, client traffic does not',
      },
      {
        label:
          'Routed correctly and not translated, but it does not match the crypto ACL / selectors',
        next: id('ipsec.proxy-id-mismatch'),
        hint: 'packet-tracer shows no VPN encrypt phase; the host’s subnet is missing from the crypto ACL',
      },
      {
        label:
          'The tunnel destination (the peer’s public address) itself is routed into the tunnel',
        next: id('routing.recursive'),
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'question',
    id: id('routing.q.flap'),
    stage: 'routing',
    title: 'Is a recursive-routing message logged when the neighbour drops?',
    help:
      'Two things make a routing adjacency over a tunnel come and go. If the tunnel destination gets learned through the tunnel, the tunnel interface itself is shut down for a while (`%TUN-5-RECURDOWN`), taking the neighbour with it. ' +
      'If the tunnel stays up but the neighbour drops after forming, the small hello packets pass while the larger update packets are lost, which is an MTU problem.',
    commands: {
      'cisco-ios': [
        'show logging | include RECURDOWN|LINEPROTO|DUAL|OSPF|BGP',
        'show ip route <tunnel destination>',
      ],
      'cisco-asa': ['show logging | include Tunnel|neighbor', 'show route <peer public address>'],
      fortigate: [
        'get router info routing-table details <peer public address>',
        'get router info bgp summary',
      ],
      strongswan: ['ip route get <peer public address>', 'vtysh -c "show ip bgp summary"'],
      'juniper-srx': ['show route <peer public address>', 'show log messages | match st0'],
      paloalto: ['show routing route destination <peer public address>'],
    },
    answers: [
      {
        label: 'Yes: the tunnel goes down with `%TUN-5-RECURDOWN`',
        next: id('routing.recursive'),
        hint: '`Tunnel0 temporarily disabled due to recursive routing`',
      },
      {
        label: 'No: the tunnel stays up, only the neighbour drops after forming',
        next: id('routing.mtu'),
        hint: 'neighbour uptime keeps resetting; the hold timer or retry limit expires',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'question',
    id: id('routing.q.gre-key'),
    stage: 'routing',
    title: 'Do the GRE tunnel keys match on both peers?',
    help:
      'A GRE tunnel key is not negotiated: each router simply writes its own key into the GRE header and drops GRE packets whose key is not its own. The IPsec SAs therefore count packets both ways while every packet is discarded after decryption. ' +
      'Compare the `Key` line of the tunnel interface on both peers; a key on one side and none on the other is also a mismatch.',
    commands: {
      'cisco-ios': [
        'show interfaces tunnel <n> | include protocol/transport|Key',
        'show running-config interface Tunnel<n>',
      ],
      'cisco-asa': {
        none: 'The ASA does not terminate GRE tunnels; its tunnel interfaces are VTIs, which have no key.',
      },
      fortigate: {
        none: 'Compare the peer’s key with the FortiGate GRE tunnel configuration (`show system gre-tunnel`); FortiGate route-based IPsec interfaces are not GRE.',
      },
      strongswan: ['ip -d link show <gre interface>'],
      'juniper-srx': ['show configuration interfaces gr-0/0/0 | display set'],
      paloalto: ['show interface tunnel'],
    },
    answers: [
      {
        label: 'The keys differ, or only one side has a key',
        next: id('routing.gre-key-mismatch'),
        hint: '`Key 0x2` on one peer, another value or no Key line on the other',
      },
      {
        label: 'The keys are identical (or neither side uses one)',
        next: id('routing.q.path'),
        hint: 'look at routing and NAT instead',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
];
