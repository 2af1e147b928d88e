/**
 * IPsec SA stage, the leaves where the SAs exist (or should exist on a tunnel
 * interface) but the protected traffic does not get through: missing tunnel
 * protection, integrity or replay drops, traffic in one direction only.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** The data-plane leaves of the IPsec stage. */
export const ipsecDataPlaneNodes: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('ipsec.tunnel-protection-missing'),
    stage: 'ipsec',
    title: 'A GRE/DMVPN or VTI tunnel has no tunnel protection on one side',
    explanation:
      'On a tunnel interface, encryption happens only because `tunnel protection ipsec profile` is configured on it. If one side lacks it, that side sends its GRE packets (IP protocol 47) to the peer in clear and never starts IKE for them. ' +
      'The protected side expects that flow to arrive inside ESP, drops the clear packets and logs `%CRYPTO-4-RECVD_PKT_NOT_IPSEC` naming protocol 47; the unprotected side shows no ISAKMP and no IPsec SA for the peer. ' +
      'If the unprotected router has no crypto configuration left at all, IKE is not even running there (`show crypto isakmp` reports ISAKMP is OFF), so the protected side’s IKE packets go unanswered and it looks like an unreachable peer.',
    confirm: {
      'cisco-ios': [
        'show running-config interface Tunnel<n>',
        'show crypto session interface Tunnel<n>',
        'show logging | include RECVD_PKT_NOT_IPSEC',
        'show crypto isakmp',
      ],
      'cisco-asa': ['show running-config interface Tunnel<n>', 'show crypto ipsec sa'],
      fortigate: [
        'show system gre-tunnel',
        'show vpn ipsec phase2-interface',
        'diagnose vpn tunnel list',
      ],
      strongswan: ['ip -d link show', 'swanctl --list-sas', 'ip xfrm policy'],
      'juniper-srx': [
        'show configuration interfaces gr-0/0/0 | display set',
        'show security ipsec security-associations',
      ],
      paloalto: ['show interface tunnel', 'show vpn ipsec-sa'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: "*Mar 1 00:21:42.811: %CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC packet. (ip) vrf/dest_addr= /192.168.2.3, src_addr= 192.168.1.2, prot= 1",
        source: SOURCES.asaS2sTroubleshooting,
        note: 'The message a protected router logs when clear traffic arrives for a flow it expects encrypted. Here `prot= 1` (ICMP) came from a crypto map on the wrong interface; with tunnel protection missing on the peer it names `prot= 47` (GRE) and the peer’s tunnel endpoint.',
      },
      {
        platform: 'cisco-ios',
        text: 'tunnel protection ipsec profile profile1',
        source: SOURCES.multipleKeyrings,
        note: 'The line that must be under the tunnel interface on both routers.',
      },
    ],
    fix: [
      {
        text: 'Compare the tunnel interfaces of both peers and find the one without `tunnel protection`.',
      },
      {
        text: 'Add the same IPsec profile to that tunnel (for DMVPN hubs and spokes that share a tunnel source across several tunnels, add `shared`).',
        config: {
          'cisco-ios':
            'crypto ipsec profile VPN-PROFILE\n set transform-set TS\ninterface Tunnel1\n tunnel protection ipsec profile VPN-PROFILE',
          'cisco-asa': 'interface Tunnel1\n tunnel protection ipsec profile VPN-PROFILE',
          strongswan:
            '# GRE over IPsec: a transport-mode child protecting GRE\nlocal_ts = dynamic[gre]\nremote_ts = dynamic[gre]\nmode = transport\nstart_action = trap',
          'juniper-srx':
            '# GRE over IPsec: send the gr- tunnel out through the st0 VPN\nset security ipsec vpn VPN-PEER bind-interface st0.0',
        },
      },
      {
        text: 'Check that both sides now have IKE and IPsec SAs for the tunnel, that RECVD_PKT_NOT_IPSEC stops, and that encaps and decaps rise.',
      },
    ],
    verify: {
      'cisco-ios': [
        'show crypto session interface Tunnel<n>',
        'show crypto ipsec sa | include pkts',
      ],
      'cisco-asa': ['show crypto ipsec sa | include pkts'],
      fortigate: ['diagnose vpn tunnel list'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec security-associations'],
      paloalto: ['show vpn ipsec-sa'],
    },
    lookAlikes: [
      {
        id: id('ip.crypto-map-wrong-interface'),
        howToTell:
          'The same syslog message. With a crypto map on the inside interface it names the user traffic’s protocol between the LAN addresses; with missing tunnel protection it names protocol 47 between the tunnel endpoints.',
      },
      {
        id: id('ip.peer-unreachable'),
        howToTell:
          'An unprotected peer with no crypto at all does not answer IKE either. `show crypto isakmp` on it saying ISAKMP is OFF, while it does answer ping, points here.',
      },
      {
        id: id('ipsec.encapsulation-mismatch'),
        howToTell:
          'When both sides are protected but one is GRE and the other VTI, IKE runs and the child SA is refused with TS unacceptable; no clear GRE arrives.',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.multipleKeyrings,
      SOURCES.troubleshootingIpsecVpns,
    ],
  },
  {
    kind: 'diagnosis',
    id: id('ipsec.integrity-errors'),
    stage: 'ipsec',
    title: 'ESP packets fail the integrity check',
    explanation:
      'Every ESP packet carries an integrity check value computed with the SA’s key (RFC 4303). The receiver recomputes it and drops the packet if it differs. The SAs are up, but part or all of the traffic is discarded on arrival and counted as a verification failure. ' +
      'Two families of cause: the packets are altered on the way (a faulty link or a device in the path that rewrites them), or the two sides no longer use the same keys for that SPI, typically just after a rekey that one side did not complete. ' +
      'IOS logs `%CRYPTO-4-RECVD_PKT_MAC_ERR` (`mac verify failed`); the ASA counts `#pkts verify failed`; Linux counts XfrmInStateProtoError.',
    confirm: {
      'cisco-ios': [
        'show crypto ipsec sa | include peer|conn id|errors',
        'show logging | include MAC_ERR',
      ],
      'cisco-asa': ['show crypto ipsec sa | include verify|errors', 'show asp drop'],
      fortigate: [
        'diagnose vpn tunnel list name <phase1 name>',
        'diagnose debug flow trace start 20',
      ],
      strongswan: ['ip -s xfrm state', 'cat /proc/net/xfrm_stat'],
      'juniper-srx': ['show security ipsec statistics'],
      paloalto: ['show counter global filter delta yes | match ipsec'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'Router#show crypto ipsec sa | in peer|conn id',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'Crypto error messages give a connection id; this ties it to its SA and peer. The seed documents show no integrity-failure output itself.',
      },
    ],
    fix: [
      {
        text: 'Identify the SA and peer the failures belong to, and note when they started: right after a rekey, or all the time.',
      },
      {
        text: 'Force fresh keys by clearing the SAs for that peer. If the errors stop, the sides had fallen out of step on a rekey; look for rekey timing or lifetime differences.',
        config: {
          'cisco-ios': 'clear crypto sa peer <peer>',
          'cisco-asa': 'clear crypto ipsec sa peer <peer>',
          fortigate: 'diagnose vpn tunnel flush <phase1 name>',
          strongswan: 'swanctl --rekey --child <child name>',
        },
      },
      {
        text: 'If failures continue with fresh keys, the packets are being changed in transit: check interface errors on the WAN links, capture ESP on both sides and compare the same packet, and try another path.',
        config: {
          'cisco-ios': 'show interfaces <wan> | include errors|CRC',
          'cisco-asa':
            'capture CAP-ESP interface outside match esp host <local public> host <peer>',
          strongswan: 'tcpdump -ni eth0 esp and host <peer>',
        },
      },
      {
        text: 'Watch the error counters for a few minutes under traffic: they must stay still while encaps and decaps rise.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto ipsec sa | include pkts|errors'],
      'cisco-asa': ['show crypto ipsec sa | include pkts|verify'],
      fortigate: ['diagnose vpn tunnel list name <phase1 name>'],
      strongswan: ['ip -s xfrm state'],
      'juniper-srx': ['show security ipsec statistics'],
      paloalto: ['show vpn flow tunnel-id <id>'],
    },
    lookAlikes: [
      {
        id: id('ipsec.anti-replay'),
        howToTell:
          'Replay drops are packets that verify correctly but arrive out of the sequence window: `replay check failed`, not `mac verify failed`.',
      },
      {
        id: id('ip.esp-blocked'),
        howToTell:
          'If the packets never arrive, the receiver’s decaps stay at 0 and nothing is counted as an error. Integrity failures need the packets to arrive.',
      },
      {
        id: id('routing.gre-key-mismatch'),
        howToTell:
          'A GRE key mismatch drops packets after successful decryption: decaps rise with no error counters.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.rfc4303],
  },
  {
    kind: 'diagnosis',
    id: id('ipsec.anti-replay'),
    stage: 'ipsec',
    title: 'Packets dropped by the anti-replay check',
    explanation:
      'The sender numbers every ESP packet with an increasing sequence number; the receiver accepts only numbers inside a sliding window (64 packets by default on IOS) that it has not seen yet. A packet that arrives too late, behind the window, or twice, is dropped. ' +
      'That happens with real replay attacks, but much more often with harmless reordering: QoS queues that let some packets overtake others after encryption, parallel or load-shared paths in the transport network, or large packets delayed by reassembly before decryption while small ones go ahead. ' +
      'The tunnel works, but some packets are lost, often voice or bursts of bulk traffic.',
    confirm: {
      'cisco-ios': ['show logging | include REPLAY', 'show crypto ipsec sa | include peer|conn id'],
      'cisco-asa': ['show crypto ipsec sa | include replay', 'show asp drop'],
      fortigate: [
        'show vpn ipsec phase2-interface <name>',
        'diagnose vpn tunnel list name <phase1 name>',
      ],
      strongswan: ['ip -s xfrm state', 'cat /proc/net/xfrm_stat'],
      'juniper-srx': ['show security ipsec statistics'],
      paloalto: ['show counter global filter delta yes | match replay'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: '%CRYPTO-4-PKT_REPLAY_ERR: decrypt: replay check failed connection id=#, sequence\nnumber=#',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'IOS: the connection id leads to the SA (`show crypto ipsec sa | in peer|conn id`).',
      },
      {
        platform: 'cisco-ios',
        text: '%IPSEC-3-REPLAY_ERROR: IPSec SA receives anti-replay error, DP Handle 6,',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'IOS-XE form (since 3.7 / 15.2(4)S): names the SA addresses and SPI, not the sequence number.',
      },
      {
        platform: 'cisco-ios',
        text: 'CD_IN_ANTI_REPLAY_FAIL',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'ASR/IOS-XE packet trace drop sub-code for a replayed ESP packet.',
      },
    ],
    fix: [
      {
        text: 'Find the SA and the peer, and look for what reorders packets between the two: QoS applied after encryption, several transport paths, a load-sharing ISP link.',
      },
      {
        text: 'Widen the replay window to the largest value (1024 on IOS). This keeps the protection while absorbing ordinary reordering.',
        config: {
          'cisco-ios':
            'crypto ipsec security-association replay window-size 1024\n! or per tunnel:\ncrypto ipsec profile VPN-PROFILE\n set security-association replay window-size 1024',
          'cisco-asa': 'crypto ipsec security-association replay window-size 1024',
          strongswan: '# swanctl.conf child section\nreplay_window = 1024',
        },
      },
      {
        text: 'Only if drops continue and the reordering cannot be removed, disable the check for that tunnel, knowing it removes replay protection. Before that, capture on both ends to see which packets arrive out of order.',
        config: {
          'cisco-ios':
            'crypto ipsec profile VPN-PROFILE\n set security-association replay window-size disable',
          fortigate:
            'config vpn ipsec phase2-interface\n edit "Tunnel-To-SiteB"\n  set replay disable\n next\nend',
        },
      },
      {
        text: 'Run traffic through the tunnel and check no new replay messages appear and the replay counters stay still.',
      },
    ],
    verify: {
      'cisco-ios': ['show logging | include REPLAY', 'show crypto ipsec sa | include pkts'],
      'cisco-asa': ['show crypto ipsec sa | include replay|pkts'],
      fortigate: ['diagnose vpn tunnel list name <phase1 name>'],
      strongswan: ['ip -s xfrm state'],
      'juniper-srx': ['show security ipsec statistics'],
      paloalto: ['show counter global filter delta yes | match replay'],
    },
    lookAlikes: [
      {
        id: id('ipsec.integrity-errors'),
        howToTell:
          'Integrity failures are packets that do not verify (`mac verify failed`); replay drops verify fine and fail only on their sequence number.',
      },
      {
        id: id('routing.mtu'),
        howToTell:
          'Large packets that need reassembly before decryption can fall behind small ones and trip the replay check. If the drops follow large packets, lowering the tunnel MTU may cure both.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.rfc4303],
  },
  {
    kind: 'diagnosis',
    id: id('ipsec.one-way-traffic'),
    stage: 'ipsec',
    title: 'SAs are up but traffic flows in one direction only',
    explanation:
      'Both phases are established, yet only one counter moves: one side encrypts and sends, the other decrypts and never answers into the tunnel. The side whose encaps stay at 0 is where the replies go astray. ' +
      'Usual causes there: a route that sends the replies somewhere else (for example a static route for 10.0.0.0/8 pointing into the LAN while the remote subnet is 10.4.0.0/24, so the replies go back inside and die); ' +
      'a NAT rule that translates the replies before the crypto ACL is checked (a stale "rogue" NAT entry left by an upgrade has done exactly this); hosts whose default gateway is not the VPN device; or a host firewall. ' +
      'A device that can ping the remote side from its own inside interface while the clients behind it cannot points at NAT or routing for the clients’ traffic. ' +
      'Where the tunnel "establishes from one side only", PFS configured at one end is the first thing to check.',
    confirm: {
      'cisco-ios': [
        'show crypto ipsec sa | include peer|pkts',
        'show ip route <remote host>',
        'show ip nat translations',
      ],
      'cisco-asa': [
        'show crypto ipsec sa | include peer|pkts',
        'packet-tracer input inside icmp <local host> 8 0 <remote host> detail',
        'show nat detail',
      ],
      fortigate: [
        'diagnose vpn tunnel list name <phase1 name>',
        'diagnose debug flow filter addr <remote host>',
        'diagnose debug flow trace start 20',
      ],
      strongswan: ['swanctl --list-sas', 'ip -s xfrm state', 'tcpdump -ni any host <remote host>'],
      'juniper-srx': [
        'show security ipsec statistics',
        'show security flow session destination-prefix <remote host>',
      ],
      paloalto: [
        'show vpn flow tunnel-id <id>',
        'show session all filter destination <remote host>',
      ],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'crypto map outside_map 1 set pfs',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Check both ends: PFS on one end only is the usual reason a tunnel establishes from one side only. In the same article the other cases were a rogue NAT entry and an internal route.',
      },
    ],
    fix: [
      {
        text: 'Find the side whose encaps stay at 0 while its decaps rise: that device receives the traffic and its answers do not go back into the tunnel. Work there.',
      },
      {
        text: 'Trace a reply packet on that device (from a local host to the remote host) and read which route and which NAT rule it hits.',
        config: {
          'cisco-ios':
            'show ip route <remote host>\nshow ip nat translations | include <remote host>',
          'cisco-asa': 'packet-tracer input inside icmp <local host> 8 0 <remote host> detail',
          fortigate:
            'diagnose debug flow filter addr <remote host>\ndiagnose debug flow trace start 20\ndiagnose debug enable',
          strongswan: 'ip route get <remote host> from <local host>',
        },
      },
      {
        text: 'If the route points back inside, add a more specific route for the remote subnet towards the outside (or the tunnel interface).',
        config: {
          'cisco-ios': 'ip route 10.4.0.0 255.255.255.0 <ISP next hop>',
          'cisco-asa': 'route outside 10.4.0.0 255.255.255.0 <ISP next hop>',
          fortigate:
            'config router static\n edit 0\n  set dst 10.4.0.0 255.255.255.0\n  set device "Tunnel-To-SiteB"\n next\nend',
          strongswan: 'ip route add 10.4.0.0/24 via <ISP next hop> dev eth0',
        },
      },
      {
        text: 'If the replies are translated, remove the stray NAT rule or add a NAT exemption for local ↔ remote networks, then clear the translations.',
        config: {
          'cisco-ios':
            'ip access-list extended NAT-OUT\n deny ip 192.168.1.0 0.0.0.255 10.4.0.0 0.0.0.255\n permit ip 192.168.1.0 0.0.0.255 any\nclear ip nat translation *',
          'cisco-asa':
            'nat (inside,outside) 1 source static LOCAL-NET LOCAL-NET destination static REMOTE-NET REMOTE-NET no-proxy-arp route-lookup\nclear xlate local <local host>',
          fortigate: 'config firewall policy\n edit <policy id>\n  set nat disable\n next\nend',
          strongswan: 'iptables -t nat -I POSTROUTING -s 192.168.1.0/24 -d 10.4.0.0/24 -j ACCEPT',
        },
      },
      {
        text: 'Compare PFS on both ends (`set pfs`) and make it the same.',
      },
      {
        text: 'Ping across in both directions and check encaps and decaps rise on both peers.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto ipsec sa | include peer|pkts'],
      'cisco-asa': ['show crypto ipsec sa | include peer|pkts'],
      fortigate: ['diagnose vpn tunnel list name <phase1 name>'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec statistics'],
      paloalto: ['show vpn flow tunnel-id <id>'],
    },
    lookAlikes: [
      {
        id: id('ip.esp-blocked'),
        howToTell:
          'If the receiving side’s decaps stay at 0 while the sender’s encaps rise, the ESP packets are lost on the way (IP 50 or UDP 4500 blocked), not on the far device.',
      },
      {
        id: id('routing.nat-exemption'),
        howToTell:
          'When both sides’ encaps stay at 0 for traffic from clients, NAT is catching all VPN traffic, not only replies; see the routing stage.',
      },
      {
        id: id('routing.missing-route'),
        howToTell:
          'A route problem on the initiating side keeps the tunnel’s encaps at 0 there too; one-way traffic is the same fault on the answering side.',
      },
      {
        id: id('ipsec.pfs-mismatch'),
        howToTell:
          'A PFS mismatch affects who can establish the tunnel; once established the traffic flows both ways. Counters moving in one direction only are a routing or NAT matter.',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.troubleshootingIpsecVpns],
  },
];
