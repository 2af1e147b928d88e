/**
 * IP connectivity, the questions. Asked in the order the documents walk the
 * layer: does anything trigger IKE; does the peer answer; is the crypto map on
 * the interface facing the peer; do the peers point at each other; is the peer
 * reachable in the table IKE uses (front-door VRF); and, once SAs are up, do the
 * ESP packets get through.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** The questions of the ip stage, entry first. */
export const ipQuestions: readonly KnowledgeNode[] = [
  {
    kind: 'question',
    id: id('ip.q.start'),
    stage: 'ip',
    title: 'Does traffic for the remote network make this device start IKE at all?',
    help:
      'Send steady traffic that should cross the tunnel (a continuous ping from a host on the inside network, or from the device sourced from its inside interface) and look at the IKE SA table several times while it runs. ' +
      'Any entry for the peer, whatever its state, means the tunnel is being attempted. ' +
      'An empty table while the traffic flows means nothing asked IKE for an SA. ' +
      'On an ASA the IKEv1 and the IKEv2 part of the output each say so when they are empty.',
    byRole: {
      initiator:
        'As the initiator your device creates the SA itself: an empty table means the traffic never reached the crypto map, or did not match its access list.',
      responder:
        'A responder creates nothing until the first message from the peer arrives. An empty table here means the peer is not sending (look at the peer) or its packets do not reach you.',
    },
    commands: {
      'cisco-ios': [
        'ping <remote-host> source <inside-interface> repeat 100',
        'show crypto isakmp sa',
        'show crypto ikev2 sa',
        'show crypto session',
      ],
      'cisco-asa': ['ping inside <remote-host>', 'show crypto isakmp sa'],
      fortigate: [
        'execute ping-options source <inside-ip>',
        'execute ping <remote-host>',
        'diagnose vpn ike gateway list name <phase1-name>',
        'diagnose vpn tunnel list name <phase1-name>',
      ],
      strongswan: ['ping -I <inside-ip> <remote-host>', 'swanctl --list-sas', 'ipsec statusall'],
      'juniper-srx': [
        'ping <remote-host> source <inside-ip> count 100',
        'show security ike security-associations',
        'show security ipsec security-associations',
      ],
      paloalto: [
        'ping source <inside-ip> host <remote-host>',
        'show vpn ike-sa',
        'show vpn ipsec-sa',
      ],
    },
    answers: [
      {
        label:
          'No IKE SA at all, although traffic that should be encrypted is flowing through this device',
        next: id('ip.q.crypto-map-interface'),
        hint: '`show crypto isakmp sa` empty; ASA `There are no IKEv2 SAs` and no IKEv1 SA either',
      },
      {
        label: 'No IKE SA: this device is the responder and waits for the peer to start',
        next: id('ip.q.peer-answers'),
        hint: 'Check on the peer that it tries: if it shows no SA either, troubleshoot from the peer.',
        when: { role: 'responder' },
      },
      {
        label: 'An IKE SA for the peer exists (any state), or the debug shows IKE packets for it',
        next: id('ip.q.peer-answers'),
        hint: 'e.g. ASA `MM_WAIT_MSG2`, IOS `MM_NO_STATE`, IKEv2 `IKE_SA_INIT Exchange REQUEST`',
      },
      {
        label: 'IKE and IPsec SAs are up, but the traffic still does not get through',
        next: id('ip.q.esp'),
        hint: 'IOS `QM_IDLE` / ASA `MM_ACTIVE` / IKEv2 `READY`, and an IPsec SA is listed for the peer',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'question',
    id: id('ip.q.peer-answers'),
    stage: 'ip',
    title: 'Does the peer answer our IKE messages?',
    help:
      'Enable IKE debugging limited to this peer (conditional debugging keeps a busy gateway usable) and trigger the tunnel. ' +
      'Every message this side sends should be followed by one received from the peer. ' +
      'The same first message sent again and again, with nothing received in between, means the packets are lost on the way to the peer or the answer is lost on the way back. ' +
      'A successful ping proves little: a filter may pass ICMP and still drop UDP 500, UDP 4500 or ESP. A packet capture on the outside interface settles it.',
    byRole: {
      initiator:
        'Initiator: ASA stuck in MM_WAIT_MSG2, IOS showing MM_NO_STATE with no "received packet from" line, or IKEv2 "Retransmitting packet" after the IKE_SA_INIT request all mean the first message got no reply.',
      responder:
        'Responder: if nothing from the peer appears in the debug or in a capture of UDP 500, its packets do not reach you. If you do reply (ASA MM_WAIT_MSG3, IOS MM_SA_SETUP) yet the peer keeps re-sending its first message, your replies are lost on the way back.',
    },
    commands: {
      'cisco-ios': [
        'debug crypto condition peer ipv4 <peer-ip>',
        'debug crypto isakmp',
        'debug crypto ikev2',
        'show crypto isakmp sa',
        'monitor capture CAP interface <outside-interface> both match ipv4 host <peer-ip> any',
        'monitor capture CAP start',
        'show monitor capture CAP buffer brief',
      ],
      'cisco-asa': [
        'debug crypto condition peer <peer-ip>',
        'debug crypto ikev1 127',
        'debug crypto ikev2 protocol 127',
        'show crypto isakmp sa',
        'capture CAP-IKE interface outside match udp host <local-ip> host <peer-ip>',
        'show capture CAP-IKE',
      ],
      fortigate: [
        'diagnose vpn ike log filter rem-addr4 <peer-ip>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
        "diagnose sniffer packet any 'host <peer-ip> and (udp port 500 or udp port 4500)' 4",
      ],
      strongswan: [
        "tcpdump -ni any 'host <peer-ip> and (udp port 500 or udp port 4500)'",
        'journalctl -f -u strongswan',
        'swanctl --list-sas',
      ],
      'juniper-srx': [
        'request security ike debug-enable local <local-ip> remote <peer-ip>',
        'show log kmd',
        'show security ike security-associations',
        'monitor traffic interface <outside-interface> matching "udp port 500 or udp port 4500"',
      ],
      paloalto: [
        'test vpn ike-sa gateway <gateway-name>',
        'show vpn ike-sa gateway <gateway-name>',
        'less mp-log ikemgr.log',
      ],
    },
    answers: [
      {
        label: 'No reply: our first IKE message is sent again and again',
        next: id('ip.q.peer-address'),
        hint: 'ASA `MM_WAIT_MSG2` (Role: initiator); IOS `MM_NO_STATE` and no `received packet from`; IKEv2 `Retransmitting packet` after `IKE_SA_INIT Exchange REQUEST`',
      },
      {
        label: 'Nothing from the peer ever arrives here (this device responds)',
        next: id('ip.q.peer-address'),
        hint: 'No IKE debug output and no UDP 500 packets from the peer in the capture',
        when: { role: 'responder' },
      },
      {
        label:
          'IKE_SA_INIT is answered, but the IKE_AUTH request (sent to UDP 500) is retransmitted until it fails',
        next: id('ip.fragmentation'),
        hint: '`IKEv2 IKE_AUTH Exchange REQUEST`, then `Retransmitting packet`; certificates in use',
        when: { ikeVersion: 'ikev2' },
      },
      {
        label: 'The first messages pass, but the exchange stops once NAT-T moves it to UDP 4500',
        next: id('ip.peer-unreachable'),
        hint: 'IKEv2 IKE_AUTH retransmitted to port 4500; IKEv1 initiator stuck in `MM_WAIT_MSG6` / responder `MM_WAIT_MSG5` with messages to port 4500 unanswered',
      },
      {
        label: 'The peer answers: its messages arrive, even if they carry an error',
        next: id('ike.q.start'),
        hint: '`received packet from <peer>`; ASA `IKE_DECODE RECEIVED Message`; `IKE_SA_INIT Exchange RESPONSE`; even `NO_PROPOSAL_CHOSEN` is an answer',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'question',
    id: id('ip.q.crypto-map-interface'),
    stage: 'ip',
    title: 'Is the crypto map applied to the interface that faces the peer?',
    help:
      'Traffic is encrypted only when it leaves through the interface that carries the crypto map (route-based tunnels: when it is routed into the tunnel interface). ' +
      'Look up the route to the remote network and compare its exit interface with the interfaces the crypto map is attached to. ' +
      'If the map sits on the inside interface, matching packets leave the outside interface in clear: IKE is never started, and the far end, which expects those packets encrypted, logs them as not IPsec.',
    commands: {
      'cisco-ios': [
        'show crypto map',
        'show ip route <remote-network>',
        'show running-config interface <outside-interface>',
      ],
      'cisco-asa': [
        'show running-config crypto map | include interface',
        'show route <remote-host>',
        'packet-tracer input inside icmp <inside-host> 8 0 <remote-host> detailed',
      ],
      fortigate: [
        'show vpn ipsec phase1-interface <phase1-name>',
        'get router info routing-table details <remote-host>',
        'diagnose debug flow filter addr <remote-host>',
        'diagnose debug flow trace start 10',
        'diagnose debug enable',
      ],
      strongswan: ['swanctl --list-conns', 'ip xfrm policy', 'ip route get <remote-host>'],
      'juniper-srx': [
        'show configuration security ike gateway <gateway-name>',
        'show route <remote-host>',
        'show interfaces st0.0',
      ],
      paloalto: [
        'test routing fib-lookup virtual-router default ip <remote-host>',
        'show vpn gateway name <gateway-name>',
      ],
    },
    answers: [
      {
        label:
          'No: the map is on the inside (or another) interface, or the peer logs our packets as arriving in clear',
        next: id('ip.crypto-map-wrong-interface'),
        hint: "peer: `%CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC packet`",
      },
      {
        label: 'Yes: the map is on the interface the traffic leaves by',
        next: id('ip.no-interesting-traffic'),
        hint: '`show crypto map` lists the outside interface under "Interfaces using crypto map"',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'question',
    id: id('ip.q.peer-address'),
    stage: 'ip',
    title: 'Do the two peers point at each other’s real addresses?',
    help:
      'Compare both configurations. The peer address on each side (crypto map "set peer", tunnel destination, ASA tunnel-group name, FortiGate remote-gw, strongSwan remote_addrs) must be the address the other side really sends IKE from: its public, NAT-translated address when a NAT device sits in front of it. ' +
      'Then check in the debug that IKE is sent to exactly that address ("sending packet to", "IKE Peer").',
    commands: {
      'cisco-ios': [
        'show running-config | include set peer|tunnel destination|crypto isakmp key|pre-shared-key',
        'show crypto map',
        'show crypto isakmp sa detail',
      ],
      'cisco-asa': [
        'show running-config crypto map | include peer',
        'show running-config tunnel-group',
        'show crypto isakmp sa detail',
      ],
      fortigate: [
        'show vpn ipsec phase1-interface <phase1-name>',
        'diagnose vpn ike gateway list name <phase1-name>',
      ],
      strongswan: ['swanctl --list-conns', 'ipsec statusall'],
      'juniper-srx': ['show configuration security ike gateway <gateway-name>'],
      paloalto: ['show vpn gateway name <gateway-name>'],
    },
    answers: [
      {
        label:
          'No: one side has a wrong or outdated peer address, or the private address of a peer behind NAT',
        next: id('ip.peer-address-mismatch'),
      },
      {
        label: 'Yes: each side points at the address the other side really uses',
        next: id('ip.q.fvrf'),
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'question',
    id: id('ip.q.fvrf'),
    stage: 'ip',
    title: 'Is the peer reachable in the routing table IKE actually uses?',
    help:
      'IKE looks the peer up in the routing table of the interface the tunnel is sourced from. ' +
      'With VRF-aware IPsec (the outside interface in a front-door VRF, the inside in another), that is the FVRF table, not the global one: a ping from the global table can succeed while IKE has no route at all. ' +
      'Without VRFs, check the ordinary table, and that the route to the peer leaves through the outside interface.',
    commands: {
      'cisco-ios': [
        'show running-config | include vrf forwarding|crypto keyring|crypto isakmp profile|crypto ikev2 profile',
        'show crypto ikev2 sa detailed',
        'show ip route vrf <fvrf> <peer-ip>',
        'ping vrf <fvrf> <peer-ip> source <outside-interface>',
      ],
      'cisco-asa': ['show route <peer-ip>', 'ping outside <peer-ip>'],
      fortigate: ['get router info routing-table details <peer-ip>', 'execute ping <peer-ip>'],
      strongswan: ['ip route get <peer-ip>', 'ip vrf show', 'ip route show vrf <vrf-name>'],
      'juniper-srx': [
        'show route <peer-ip>',
        'show route <peer-ip> table <routing-instance>.inet.0',
      ],
      paloalto: ['test routing fib-lookup virtual-router <virtual-router> ip <peer-ip>'],
    },
    answers: [
      {
        label:
          'A front-door VRF is used and the peer is missing from its table (though reachable in the global table)',
        next: id('ip.fvrf-unreachable'),
        hint: '`show ip route vrf <FVRF> <peer-ip>` finds nothing; `fvrf/ivrf` column of `show crypto ikev2 sa`',
      },
      {
        label: 'The route to the peer is there (or there is no route at all, VRF or not)',
        next: id('ip.peer-unreachable'),
        hint: 'Routing looks right, so something on the path or the peer itself drops or ignores IKE.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'question',
    id: id('ip.q.esp'),
    stage: 'ip',
    title: 'Do the encrypted packets arrive at the peer?',
    help:
      'With the IPsec SAs up, send traffic and read the counters on BOTH peers. What one side encapsulates, the other must decapsulate. ' +
      'If the counter of packets sent rises here while the peer’s counter of packets received stays at zero, the ESP packets (IP protocol 50, or UDP 4500 when NAT-T is in use) are dropped between the peers, although IKE on UDP 500 gets through. ' +
      'Check which encapsulation is in use: NAT-T moves ESP into UDP 4500.',
    commands: {
      'cisco-ios': ['show crypto ipsec sa peer <peer-ip>', 'show crypto session detail'],
      'cisco-asa': ['show crypto ipsec sa peer <peer-ip>'],
      fortigate: ['diagnose vpn tunnel list name <phase1-name>'],
      strongswan: ['swanctl --list-sas', 'ip -s xfrm state'],
      'juniper-srx': [
        'show security ipsec security-associations detail',
        'show security ipsec statistics',
      ],
      paloalto: ['show vpn flow tunnel-id <tunnel-id>'],
    },
    answers: [
      {
        label: 'Sent packets rise on one side, received packets stay at 0 on the other',
        next: id('ip.esp-blocked'),
        hint: '`#pkts encaps` rising here, `#pkts decaps: 0` on the peer; FortiGate `txp` rising here, `rxp=0` on the peer',
      },
      {
        label:
          'The peer decrypts our packets but sends nothing back, or this side encrypts nothing',
        next: id('ipsec.q.start'),
        hint: 'peer `#pkts decaps` rising but its `#pkts encaps: 0`; or `#pkts encaps: 0` here while traffic is sent',
      },
      {
        label: 'Both directions count up on both peers',
        next: id('healthy.tunnel-up'),
        hint: 'encaps and decaps rising on both sides: the tunnel carries traffic; look at routing if applications still fail',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.asaDeletePfkey],
  },
];
