/**
 * IP connectivity, diagnoses where part of the traffic gets through and part
 * does not: fragmented IKE_AUTH messages, ESP / UDP 4500 filtered.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';
import { IKE_SA_TABLE } from './path.ts';

/** Diagnoses for "small IKE passes, big IKE or ESP does not". */
export const ipTransportDiagnoses: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('ip.fragmentation'),
    stage: 'ip',
    title: 'Large IKE messages are fragmented and the fragments are lost',
    explanation:
      'IKE_SA_INIT messages are small and pass; IKE_AUTH carries the identities, AUTH payload and, with certificate authentication, whole certificates, so it easily exceeds the path MTU and is split into IP fragments. ' +
      'If a firewall, NAT device or provider in the path drops fragments (often the non-first ones), the peer never reassembles the datagram, so IKE on the peer never even sees it and its debug stays silent. ' +
      'The initiator retransmits IKE_AUTH until it gives up. IKEv2 fragmentation (RFC 7383) avoids this by splitting the message inside IKE, before encryption. IKEv1 with certificates can fail the same way in main mode messages 5 and 6.',
    confirm: {
      'cisco-ios': [
        'debug crypto ikev2',
        'debug crypto ikev2 packet',
        'monitor capture CAP interface <outside-interface> both match ipv4 host <peer-ip> any',
        'monitor capture CAP start',
        'show monitor capture CAP buffer detailed',
        'ping <peer-ip> size 1500 df-bit',
      ],
      'cisco-asa': [
        'debug crypto ikev2 protocol 127',
        'capture CAP-IKE interface outside match udp host <local-ip> host <peer-ip>',
        'show capture CAP-IKE',
        'show asp drop',
      ],
      fortigate: [
        'diagnose debug application ike -1',
        'diagnose debug enable',
        "diagnose sniffer packet any 'host <peer-ip> and (udp port 500 or udp port 4500 or ip[6:2] & 0x1fff != 0)' 4",
      ],
      strongswan: [
        "tcpdump -ni any 'host <peer-ip> and (udp port 500 or udp port 4500 or ip[6:2] & 0x1fff != 0)'",
        'journalctl -u strongswan | grep -i fragment',
      ],
      'juniper-srx': ['show log kmd', 'show security ike security-associations detail'],
      paloalto: ['less mp-log ikemgr.log', 'show counter global filter delta yes | match frag'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet [To 10.10.10.1:500/From\n10.10.50.5:500/VRF i0:f0]\nInitiator SPI : DB0340BE40E55EE9 - Responder SPI : 756425ADB92B135A Message id: 1\nIKEv2 IKE_AUTH Exchange REQUEST',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The Responder SPI is filled in, so IKE_SA_INIT was answered; message id 1 is the IKE_AUTH request. It is sent to port 500: no NAT was detected.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 1,SA ID = 1):Retransmitting packet',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'Repeated after the IKE_AUTH request above until the initiator gives up.',
      },
    ],
    fix: [
      {
        text: 'Confirm with a capture on the peer: the IKE_AUTH fragments (or only the first of them) arrive, the reassembled datagram never does.',
      },
      {
        text: 'Enable IKEv2 fragmentation on both peers so IKE splits its own messages below the path MTU.',
        config: {
          'cisco-ios': 'crypto ikev2 fragmentation mtu 1360',
          'cisco-asa':
            'crypto ikev2 fragmentation mtu 1360\ncrypto ikev2 fragmentation preferred-method ietf',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "<phase1-name>"\n        set fragmentation enable\n        set fragmentation-mtu 1200\n    next\nend',
          strongswan: 'connections {\n  site-b {\n    fragmentation = yes\n  }\n}',
          'juniper-srx': 'set security ike gateway <gateway-name> fragmentation size 1200',
        },
      },
      {
        text: 'Where the peer cannot fragment IKE itself, let IP fragments of UDP 500/4500 between the two peers pass the firewalls in the path, or send a smaller certificate chain (no intermediate CA certificates if the peer already has them).',
      },
      {
        text: 'Trigger the tunnel again: the IKE_AUTH response must arrive and the IKE SA must reach READY.',
      },
    ],
    verify: IKE_SA_TABLE,
    lookAlikes: [
      {
        id: id('ip.peer-unreachable'),
        howToTell:
          'If NAT was detected, IKE_AUTH goes to UDP 4500 (`Sending Packet [To <peer>:4500`) and its loss may simply be UDP 4500 being blocked. Here IKE_AUTH goes to the same port 500 that IKE_SA_INIT used successfully.',
      },
      {
        id: id('auth.cert-untrusted'),
        howToTell:
          'A certificate problem makes the peer ANSWER IKE_AUTH with an error (AUTHENTICATION_FAILED) or log a validation failure. Fragment loss gives no answer at all and nothing in the peer’s IKE debug.',
      },
      {
        id: id('routing.mtu'),
        howToTell:
          'That one is about data or routing-protocol packets inside an established tunnel; this one stops the tunnel from ever coming up.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.rfc7383],
  },
  {
    kind: 'diagnosis',
    id: id('ip.esp-blocked'),
    stage: 'ip',
    title: 'IKE gets through but ESP (IP 50) or NAT-T UDP 4500 is dropped',
    explanation:
      'IKE and the data travel differently: IKE uses UDP 500 (4500 after NAT detection), the encrypted data uses ESP, IP protocol 50, or ESP inside UDP 4500 when NAT-T is active. ' +
      'A filter that permits IKE but not ESP (or not UDP 4500) lets both phases complete, so the SAs look perfect, while every data packet is dropped on the way: the sender’s encapsulation counter rises and the receiver’s decapsulation counter stays at zero. ' +
      'Connectivity must be tested again each time the protocol changes during the negotiation.',
    confirm: {
      'cisco-ios': [
        'show crypto ipsec sa peer <peer-ip>',
        'show crypto session detail',
        'show access-lists',
      ],
      'cisco-asa': [
        'show crypto ipsec sa peer <peer-ip>',
        'capture CAP-ESP interface outside match esp host <local-ip> host <peer-ip>',
        'show capture CAP-ESP',
      ],
      fortigate: [
        'diagnose vpn tunnel list name <phase1-name>',
        "diagnose sniffer packet any 'host <peer-ip> and (esp or udp port 4500)' 4",
      ],
      strongswan: [
        'swanctl --list-sas',
        'ip -s xfrm state',
        "tcpdump -ni any 'host <peer-ip> and (esp or udp port 4500)'",
      ],
      'juniper-srx': [
        'show security ipsec statistics',
        'show security ipsec security-associations detail',
      ],
      paloalto: [
        'show vpn flow tunnel-id <tunnel-id>',
        'show counter global filter delta yes | match esp',
      ],
    },
    evidence: [
      {
        platform: 'fortigate',
        text: 'stat: rxp=0 txp=0 rxb=0 txb=0',
        source: SOURCES.asaDeletePfkey,
        note: 'From `diagnose vpn tunnel list`: txp/txb are packets/bytes sent into the tunnel, rxp/rxb those received. With ESP blocked, txp rises on the sender while rxp stays 0 on the receiving FortiGate.',
      },
      {
        platform: 'fortigate',
        text: 'natt: mode=none draft=0 interval=0 remote_port=0',
        source: SOURCES.asaDeletePfkey,
        note: 'NAT-T not in use: the data travels as plain ESP (IP protocol 50), so that is what the path must allow. With NAT-T active, it is UDP 4500.',
      },
    ],
    fix: [
      {
        text: 'Capture on the outside interface of both peers while sending traffic: ESP (or UDP 4500) leaving one side but never arriving at the other locates the filter.',
      },
      {
        text: 'Permit ESP (IP protocol 50) and UDP 4500 between the two peer addresses on every firewall in the path (the ASA line below is for an ASA sitting between the peers) and on the peers’ own outside filters.',
        config: {
          'cisco-ios':
            'ip access-list extended OUTSIDE-IN\n permit esp host <peer-ip> host <local-ip>\n permit udp host <peer-ip> host <local-ip> eq non500-isakmp',
          'cisco-asa':
            'access-list OUTSIDE-IN extended permit esp host <peer-ip> host <local-ip>\naccess-list OUTSIDE-IN extended permit udp host <peer-ip> host <local-ip> eq 4500',
          strongswan:
            'iptables -A INPUT -p esp -s <peer-ip> -j ACCEPT\niptables -A INPUT -p udp -s <peer-ip> --dport 4500 -j ACCEPT',
          paloalto:
            'set rulebase security rules allow-esp from untrust to untrust source <peer-ip> destination <local-gateway-ip> application [ ipsec-esp ipsec-esp-udp ] service application-default action allow',
        },
      },
      {
        text: 'If the path cannot be opened for ESP (some NAT devices and providers drop it), force NAT-T so the data travels in UDP 4500 like IKE.',
        config: {
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "<phase1-name>"\n        set nattraversal forced\n    next\nend',
          strongswan: 'connections {\n  site-b {\n    encap = yes\n  }\n}',
        },
      },
      {
        text: 'Send traffic again: the peer’s decapsulation counter must now rise at the same pace as this side’s encapsulation counter, in both directions.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto ipsec sa peer <peer-ip>'],
      'cisco-asa': ['show crypto ipsec sa peer <peer-ip>'],
      fortigate: ['diagnose vpn tunnel list name <phase1-name>'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec statistics'],
      paloalto: ['show vpn flow tunnel-id <tunnel-id>'],
    },
    lookAlikes: [
      {
        id: id('ipsec.one-way-traffic'),
        howToTell:
          'There, the peer DOES decrypt our packets (its decaps rise) but sends nothing back (PFS on one side only, a rogue NAT entry, an inside route swallowing the return traffic). Here the packets never reach the peer: its decaps stay at 0.',
      },
      {
        id: id('routing.gre-key-mismatch'),
        howToTell:
          'With mismatched GRE keys both encaps and decaps rise, yet traffic still fails. Here decaps do not rise at all.',
      },
      {
        id: id('ipsec.integrity-errors'),
        howToTell:
          'Packets arrive but fail the check: `#pkts verify failed` / `#recv errors` rise on the receiver and `%CRYPTO-4-RECVD_PKT_MAC_ERR` is logged. Here nothing arrives, so no error counter moves.',
      },
    ],
    sources: [
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.asaDeletePfkey,
      SOURCES.rfc3948,
      SOURCES.rfc4303,
    ],
  },
];
