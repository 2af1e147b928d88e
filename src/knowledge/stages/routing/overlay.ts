/**
 * Routing stage, the leaves of the tunnel overlay itself: MTU, GRE keys and
 * DMVPN's NHRP registration. In all three the crypto can be fine.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** The overlay leaves of the routing stage. */
export const routingOverlayNodes: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('routing.mtu'),
    stage: 'routing',
    title: 'Large packets over the tunnel are fragmented and lost (MTU)',
    explanation:
      'ESP, and GRE if used, add headers to every packet, so the largest packet that fits through the tunnel is smaller than the physical MTU. Small packets pass, which is why pings and routing hellos work and the neighbour forms. ' +
      'When the routers then exchange many prefixes, the update packets grow past what the path carries; they must be fragmented and the fragments are lost (or dropped because DF is set and the ICMP "fragmentation needed" never comes back). ' +
      'The updates never arrive, the neighbour times out and drops, forms again with small hellos, and the cycle repeats. The same cause makes TCP sessions stall on large transfers.',
    confirm: {
      'cisco-ios': [
        'show ip eigrp neighbors',
        'show ip ospf neighbor',
        'show interfaces tunnel <n> | include MTU',
        'ping <peer tunnel address> source tunnel <n> size 1400 df-bit',
      ],
      'cisco-asa': ['show crypto ipsec sa | include mtu', 'show interface Tunnel<n>'],
      fortigate: [
        'diagnose vpn tunnel list name <phase1 name>',
        'execute ping-options df-bit yes',
        'execute ping-options data-size 1400',
        'execute ping <remote host>',
      ],
      strongswan: ['ip link show', 'ping -M do -s 1372 <remote host>', 'tracepath <remote host>'],
      'juniper-srx': [
        'show interfaces st0.0 extensive | match MTU',
        'ping <remote host> size 1400 do-not-fragment',
      ],
      paloalto: ['show interface tunnel.<n>', 'ping host <remote host>'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'Router#ping 192.168.1.1 source tunnel 1\nType escape sequence to abort.\nSending 5, 100-byte ICMP Echos to 192.168.1.1, timeout is 2 seconds:',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'A default ping is 100 bytes: success proves only that small packets pass. Repeat with `size 1400 df-bit` to test what the updates need.',
      },
      {
        platform: 'fortigate',
        text: 'name=Tunnel-To-SiteB ver=2 serial=1 192.168.100.100:0->192.168.100.111:0 dst_mtu=1500',
        source: SOURCES.asaDeletePfkey,
        note: '`dst_mtu` is the path MTU the FortiGate uses towards the peer, before IPsec overhead.',
      },
      {
        platform: 'cisco-ios',
        text: 'VT[Vi1]:default ip mtu 1420',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'A tunnel interface carrying a reduced IP MTU (here applied to a FlexVPN virtual-access): what the fix looks like.',
      },
    ],
    fix: [
      {
        text: 'Find the largest packet that crosses the tunnel: ping across it with DF set, lowering the size until it passes.',
      },
      {
        text: 'Lower the tunnel IP MTU below that value (1400 is a common safe choice) and clamp TCP MSS 40 bytes lower; or let the tunnel follow the path MTU.',
        config: {
          'cisco-ios':
            'interface Tunnel1\n ip mtu 1400\n ip tcp adjust-mss 1360\n! or\ninterface Tunnel1\n tunnel path-mtu-discovery',
          'cisco-asa': 'mtu vti-peer 1400\nsysopt connection tcpmss 1360',
          fortigate:
            'config system interface\n edit "Tunnel-To-SiteB"\n  set mtu-override enable\n  set mtu 1400\n next\nend\nconfig firewall policy\n edit <policy id>\n  set tcp-mss-sender 1360\n  set tcp-mss-receiver 1360\n next\nend',
          strongswan:
            'ip link set dev xfrm0 mtu 1400\niptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu',
          'juniper-srx':
            'set interfaces st0 unit 0 family inet mtu 1400\nset security flow tcp-mss ipsec-vpn mss 1360',
          paloalto: 'set network interface tunnel units tunnel.1 mtu 1400',
        },
      },
      {
        text: 'Watch the neighbour for several minutes after a full exchange of prefixes: its uptime must keep growing, and a DF ping at the new MTU must pass.',
      },
    ],
    verify: {
      'cisco-ios': [
        'show ip eigrp neighbors',
        'show ip ospf neighbor',
        'ping <peer tunnel address> source tunnel <n> size 1400 df-bit',
      ],
      'cisco-asa': ['show crypto ipsec sa | include mtu'],
      fortigate: ['execute ping <remote host>', 'get router info bgp summary'],
      strongswan: ['ping -M do -s 1372 <remote host>'],
      'juniper-srx': ['ping <remote host> size 1372 do-not-fragment'],
      paloalto: ['ping host <remote host>'],
    },
    lookAlikes: [
      {
        id: id('routing.recursive'),
        howToTell:
          'Recursive routing flaps the tunnel interface itself with `%TUN-5-RECURDOWN`; an MTU problem leaves the tunnel up and only the neighbour drops.',
      },
      {
        id: id('ip.fragmentation'),
        howToTell:
          'That is fragmentation of IKE packets (large certificates in IKE_AUTH), so the tunnel never comes up. Here the tunnel is up and the lost fragments are user or routing traffic inside it.',
      },
      {
        id: id('ipsec.anti-replay'),
        howToTell:
          'Large packets reassembled before decryption can also trip the replay check; look for replay messages alongside the drops.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.asaDeletePfkey],
  },
  {
    kind: 'diagnosis',
    id: id('routing.gre-key-mismatch'),
    stage: 'routing',
    title: 'GRE tunnel keys differ between the peers',
    explanation:
      'A GRE tunnel key is not negotiated: each router writes its own configured key into the GRE header of what it sends, and discards received GRE packets whose key is not its own. IPsec knows nothing of it, so the SAs form normally. ' +
      'Each side encrypts (encaps rise) and the other decrypts (decaps rise); only after decryption, when the GRE header is read, is every packet dropped. ' +
      'That makes it tricky: the IPsec counters look healthy, yet nothing gets across the tunnel interface. A key on one side and none on the other is a mismatch too.',
    confirm: {
      'cisco-ios': [
        'show interfaces tunnel <n> | include protocol/transport|Key',
        'show running-config interface Tunnel<n>',
        'show crypto ipsec sa | include pkts',
      ],
      'cisco-asa': {
        none: 'The ASA does not terminate GRE tunnels; its tunnel interfaces are VTIs, which have no key.',
      },
      fortigate: {
        none: 'FortiGate route-based IPsec interfaces are not GRE and have no key; for a FortiGate GRE tunnel compare its `config system gre-tunnel` entry with the peer.',
      },
      strongswan: ['ip -d link show <gre interface>'],
      'juniper-srx': ['show configuration interfaces gr-0/0/0 | display set'],
      paloalto: ['show interface tunnel'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'Tunnel1 is up, line protocol is down',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`show interface tunnel 1`; further down the same output shows the configured key.',
      },
      {
        platform: 'cisco-ios',
        text: 'Key 0x2, sequencing disabled',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'Compare this line on both peers: the values must be equal (or absent on both).',
      },
    ],
    fix: [
      {
        text: 'Read the key on both tunnel interfaces.',
      },
      {
        text: 'Set the same key on both ends, or remove it from both.',
        config: {
          'cisco-ios':
            'interface Tunnel1\n tunnel key 2\n! or, on both ends:\ninterface Tunnel1\n no tunnel key',
          strongswan: 'ip tunnel change gre1 ikey 2 okey 2',
          'juniper-srx': 'set interfaces gr-0/0/0 unit 0 tunnel key 2',
        },
      },
      {
        text: 'Ping the peer’s tunnel address sourced from the tunnel: it must answer, and the tunnel line protocol must be up.',
        config: {
          'cisco-ios': 'ping <peer tunnel address> source tunnel 1',
        },
      },
    ],
    verify: {
      'cisco-ios': [
        'show interfaces tunnel <n> | include line protocol|Key',
        'ping <peer tunnel address> source tunnel <n>',
      ],
      'cisco-asa': { none: 'Not applicable: no GRE on the ASA.' },
      fortigate: ['execute ping <peer tunnel address>'],
      strongswan: ['ip -d link show <gre interface>', 'ping <peer tunnel address>'],
      'juniper-srx': ['ping <peer tunnel address>'],
      paloalto: ['ping host <peer tunnel address>'],
    },
    lookAlikes: [
      {
        id: id('healthy.tunnel-up'),
        howToTell:
          'The IPsec counters look exactly like a healthy tunnel. The difference is that nothing answers across the tunnel interface.',
      },
      {
        id: id('ipsec.encapsulation-mismatch'),
        howToTell:
          'GRE on one side and VTI on the other never forms the SAs (TS unacceptable). Different keys need both sides on GRE and SAs that count traffic.',
      },
      {
        id: id('routing.nhrp-mismatch'),
        howToTell:
          'On DMVPN a key mismatch also stops NHRP registration. Compare keys first: it is one line on each router.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'diagnosis',
    id: id('routing.nhrp-mismatch'),
    stage: 'routing',
    title: 'DMVPN: NHRP registration with the hub fails',
    explanation:
      'In DMVPN the spoke tells the hub (its next hop server) which public NBMA address belongs to its tunnel address by sending an NHRP registration over the mGRE tunnel. ' +
      'For that the spoke needs the hub’s tunnel address as NHS and a static mapping of that address to the hub’s public address, and both must share the NHRP authentication string (and the GRE tunnel key, if one is used). ' +
      'If any of these is wrong, the crypto between spoke and hub can still be up, yet the hub never learns the spoke: `show dmvpn` lists it not in state UP, or not at all, and traffic and routing adjacencies to that spoke fail. ' +
      'The `ip nhrp network-id` is only significant on each router, so differing IDs alone do not break registration; check it last.',
    confirm: {
      'cisco-ios': [
        'show dmvpn',
        'show ip nhrp nhs detail',
        'show ip nhrp',
        'show running-config interface Tunnel<n>',
        'debug nhrp packet',
      ],
      'cisco-asa': { none: 'The ASA does not run DMVPN or NHRP.' },
      fortigate: { none: 'FortiGate builds hub-and-spoke shortcuts with ADVPN (IKE), not NHRP.' },
      strongswan: ['vtysh -c "show ip nhrp nhs"', 'vtysh -c "show ip nhrp cache"'],
      'juniper-srx': { none: 'Junos uses AutoVPN / ADVPN, not NHRP.' },
      paloalto: { none: 'PAN-OS has no NHRP; its hub-and-spoke is GlobalProtect large-scale VPN.' },
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'ip nhrp map 192.168.0.1 1.1.1.1\nip nhrp map multicast 1.1.1.1\nip nhrp network-id 1',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'A spoke’s Tunnel0: the hub’s tunnel address 192.168.0.1 mapped to its public address 1.1.1.1. These must be the hub’s real addresses (the hub has `ip nhrp map multicast dynamic`).',
      },
    ],
    fix: [
      {
        text: 'On the spoke, compare the NHS address and the static `ip nhrp map` with the hub’s tunnel and public addresses, and compare the authentication string and tunnel key with the hub.',
      },
      {
        text: 'Correct the spoke (or the hub) so they agree.',
        config: {
          'cisco-ios':
            '! spoke\ninterface Tunnel0\n ip nhrp authentication <string>\n ip nhrp network-id 1\n ip nhrp nhs 192.168.0.1\n ip nhrp map 192.168.0.1 1.1.1.1\n ip nhrp map multicast 1.1.1.1\n! hub\ninterface Tunnel0\n ip nhrp authentication <string>\n ip nhrp network-id 1\n ip nhrp map multicast dynamic',
          strongswan:
            '# FRR nhrpd, spoke\ninterface gre1\n ip nhrp network-id 1\n ip nhrp nhs dynamic nbma 1.1.1.1\n ip nhrp registration no-unique',
        },
      },
      {
        text: 'Check on the hub that the spoke appears in state UP and that the spoke sees its NHS as responding.',
      },
    ],
    verify: {
      'cisco-ios': ['show dmvpn', 'show ip nhrp nhs detail'],
      'cisco-asa': { none: 'Not applicable: no NHRP on the ASA.' },
      fortigate: { none: 'Not applicable: FortiGate uses ADVPN.' },
      strongswan: ['vtysh -c "show ip nhrp nhs"'],
      'juniper-srx': { none: 'Not applicable.' },
      paloalto: { none: 'Not applicable.' },
    },
    lookAlikes: [
      {
        id: id('ipsec.tunnel-protection-missing'),
        howToTell:
          'If the spoke’s tunnel has no `tunnel protection`, its NHRP registration arrives in clear GRE and the hub logs RECVD_PKT_NOT_IPSEC; with an NHRP mismatch the crypto is up and the registration itself is refused or misaddressed.',
      },
      {
        id: id('routing.gre-key-mismatch'),
        howToTell:
          'A different tunnel key drops the registration silently after decryption; compare `Key` in `show interfaces tunnel` first.',
      },
      {
        id: id('ip.peer-unreachable'),
        howToTell:
          'If the spoke has no ISAKMP SA with the hub at all, the problem is earlier: the hub’s public address is not reachable.',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.troubleshootingIpsecVpns],
  },
];
