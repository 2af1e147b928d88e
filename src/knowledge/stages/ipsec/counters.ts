/**
 * IPsec SA stage, the questions asked once the SAs exist: do the encaps and
 * decaps counters both move, on which side do packets die, which errors rise.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';
import { SA_COMMANDS } from './commands.ts';

/** The counter and error questions of the IPsec stage. */
export const ipsecCounterQuestions: readonly KnowledgeNode[] = [
  {
    kind: 'question',
    id: id('ipsec.q.counters'),
    stage: 'ipsec',
    title: 'The SAs are up: do encaps and decaps both rise?',
    help:
      'Keep a continuous ping running and read the counters twice, a few seconds apart. Encaps (IOS/ASA `#pkts encaps`, FortiGate `txp`, strongSwan `packets_o`) counts packets this device put into the tunnel; decaps (`#pkts decaps`, `rxp`, `packets_i`) counts packets it took out. ' +
      'A healthy tunnel moves both, on both peers, with the error counters standing still. One counter stuck at 0 tells you on which side and in which direction the traffic dies.',
    commands: {
      'cisco-ios': ['show crypto ipsec sa | include peer|pkts|errors'],
      'cisco-asa': ['show crypto ipsec sa | include peer|pkts'],
      fortigate: ['diagnose vpn tunnel list name <phase1 name>'],
      strongswan: ['swanctl --list-sas', 'ip -s xfrm state'],
      'juniper-srx': ['show security ipsec statistics'],
      paloalto: ['show vpn flow tunnel-id <id>'],
    },
    answers: [
      {
        label: 'Both rise, and no error counter moves',
        next: id('healthy.tunnel-up'),
        hint: '`#pkts encaps` and `#pkts decaps` both growing; `#recv errors 0`',
      },
      {
        label: 'Both rise, but errors rise too or replay / MAC errors are logged',
        next: id('ipsec.q.errors'),
        hint: '`#pkts verify failed`, `#recv errors`, `%CRYPTO-4-PKT_REPLAY_ERR`',
      },
      {
        label: 'Encaps rise, decaps stay at 0',
        next: id('ipsec.q.peer-counters'),
        hint: '`#pkts encaps` growing, `#pkts decaps: 0`',
      },
      {
        label: 'Decaps rise, encaps stay at 0',
        next: id('ipsec.one-way-traffic'),
        hint: 'the peer’s traffic arrives, the replies never enter the tunnel',
      },
      {
        label: 'Both stay at 0 although hosts are sending',
        next: id('routing.q.start'),
        hint: '`#pkts encaps: 0` on both peers: the traffic never reaches the SA (route or NAT)',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.asaDeletePfkey,
    ],
  },
  {
    kind: 'question',
    id: id('ipsec.q.peer-counters'),
    stage: 'ipsec',
    title: 'On the peer, do the decaps for this SA rise?',
    help:
      'This side encrypts and sends, but receives nothing. The peer’s counters show where the packets die. ' +
      'Peer decaps stuck at 0 with no errors: the ESP packets never arrive, so something in the path drops IP protocol 50 (or UDP 4500 with NAT-T) even though IKE on UDP 500 passes. ' +
      'Peer decaps rising but its encaps at 0: the peer receives and its replies never enter the tunnel. Peer counting verification failures: the packets arrive damaged or with the wrong keys.',
    commands: SA_COMMANDS,
    answers: [
      {
        label: 'The peer’s decaps stay at 0 and it counts no errors',
        next: id('ip.esp-blocked'),
        hint: 'here `#pkts encaps` rising; on the peer `#pkts decaps: 0`',
      },
      {
        label: 'The peer counts verification or decrypt failures',
        next: id('ipsec.integrity-errors'),
        hint: '`#pkts verify failed`, `#recv errors`, `mac verify failed` on the peer',
      },
      {
        label: 'The peer’s decaps rise, but its encaps stay at 0',
        next: id('ipsec.one-way-traffic'),
        hint: 'the peer receives our packets and sends nothing back into the tunnel',
      },
      {
        label: 'The peer’s decaps and encaps both rise, yet our decaps stay at 0',
        next: id('ip.esp-blocked'),
        hint: 'the return ESP is lost in the path',
      },
      {
        label: 'I cannot see the peer',
        next: id('ipsec.one-way-traffic'),
        hint: 'the diagnosis page explains how to split the two directions with a capture',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'question',
    id: id('ipsec.q.errors'),
    stage: 'ipsec',
    title: 'Which error rises, or which message is logged?',
    help: 'Integrity failures mean a packet’s check value did not verify: it was altered on the way or the two sides use different keys. Replay failures mean the packet was valid but its sequence number fell outside the receive window: duplicated or badly reordered. The syslog message names which one.',
    commands: {
      'cisco-ios': [
        'show logging | include CRYPTO-4|IPSEC-3',
        'show crypto ipsec sa | include peer|conn id|errors',
      ],
      'cisco-asa': ['show crypto ipsec sa | include verify|replay|errors', 'show asp drop'],
      fortigate: [
        'diagnose vpn tunnel list name <phase1 name>',
        'diagnose debug flow trace start 20',
      ],
      strongswan: ['ip -s xfrm state', 'cat /proc/net/xfrm_stat'],
      'juniper-srx': ['show security ipsec statistics'],
      paloalto: [
        'show vpn flow tunnel-id <id>',
        'show counter global filter delta yes | match ipsec',
      ],
    },
    answers: [
      {
        label: 'Integrity / MAC verification failures',
        next: id('ipsec.integrity-errors'),
        hint: '`mac verify failed`; ASA `#pkts verify failed` rising; strongSwan `XfrmInStateProtoError`',
      },
      {
        label: 'Replay check failures',
        next: id('ipsec.anti-replay'),
        hint: '`%CRYPTO-4-PKT_REPLAY_ERR: decrypt: replay check failed`; `%IPSEC-3-REPLAY_ERROR`; strongSwan `XfrmInStateSeqError`',
      },
      {
        label: 'No errors after all: counters rise on both peers, but hosts still cannot talk',
        next: id('routing.q.start'),
        hint: 'typical of GRE key or routing problems on the overlay',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
];
