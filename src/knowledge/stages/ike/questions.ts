/**
 * IKE negotiation, the questions. The engineer reads the state the device
 * shows for the peer and we interpret it for the role: the ASA waits in
 * MM_WAIT_MSG2/4/6 only as initiator and in MM_WAIT_MSG3/5 only as responder;
 * IOS shows MM_NO_STATE, MM_SA_SETUP, MM_KEY_EXCH for both roles.
 * Authentication failures go to `auth.q.start`.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode, PlatformCommands } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** Debugging of IKE for one peer, per platform. */
const IKE_DEBUG: PlatformCommands = {
  'cisco-ios': [
    'debug crypto condition peer ipv4 <peer-ip>',
    'debug crypto isakmp',
    'debug crypto ikev2',
  ],
  'cisco-asa': [
    'debug crypto condition peer <peer-ip>',
    'debug crypto ikev1 127',
    'debug crypto ikev2 protocol 127',
  ],
  fortigate: [
    'diagnose vpn ike log filter rem-addr4 <peer-ip>',
    'diagnose debug application ike -1',
    'diagnose debug enable',
  ],
  strongswan: ['journalctl -f -u strongswan', 'swanctl --initiate --child <child-name>'],
  'juniper-srx': [
    'request security ike debug-enable local <local-ip> remote <peer-ip>',
    'show log kmd',
  ],
  paloalto: [
    'debug ike global on debug',
    'test vpn ike-sa gateway <gateway-name>',
    'less mp-log ikemgr.log',
  ],
};

/** The questions of the ike stage, entry first. */
export const ikeQuestions: readonly KnowledgeNode[] = [
  {
    kind: 'question',
    id: id('ike.q.start'),
    stage: 'ike',
    title: 'Which state does the IKE SA for this peer show?',
    help:
      'Trigger the tunnel and read the IKE SA table a few times. ' +
      'ASA: each peer has a Role (initiator or responder) and a State; MM_WAIT_MSGn means "waiting for main mode message n". ' +
      'IOS: the state column shows how far main mode got (MM_NO_STATE → MM_SA_SETUP → MM_KEY_EXCH → QM_IDLE) and the status column ACTIVE or DELETED. QM_IDLE means phase 1 is COMPLETE and idle, ready for quick mode; it is not a phase 2 state. ' +
      'IKEv2 (IOS, ASA): READY means the IKE SA is up. FortiGate: `established 1/1` in the gateway list. strongSwan: ESTABLISHED versus CONNECTING. ' +
      'A state that keeps coming back at the same step is where the negotiation stops.',
    byRole: {
      initiator:
        'As initiator the ASA waits for the even-numbered messages: MM_WAIT_MSG2 (the peer has not accepted a policy), MM_WAIT_MSG4 (the peer’s key exchange is missing), MM_WAIT_MSG6 (the peer has not authenticated).',
      responder:
        'As responder the ASA waits for the odd-numbered messages: MM_WAIT_MSG3 (the initiator’s key exchange is missing), MM_WAIT_MSG5 (the initiator’s identity and hash are missing or cannot be read).',
    },
    commands: {
      'cisco-ios': [
        'show crypto isakmp sa',
        'show crypto isakmp sa detail',
        'show crypto ikev2 sa',
      ],
      'cisco-asa': ['show crypto isakmp sa', 'show crypto isakmp sa detail'],
      fortigate: [
        'diagnose vpn ike gateway list name <phase1-name>',
        'get vpn ipsec tunnel summary',
      ],
      strongswan: ['swanctl --list-sas', 'ipsec statusall'],
      'juniper-srx': [
        'show security ike security-associations',
        'show security ike security-associations detail',
      ],
      paloalto: ['show vpn ike-sa gateway <gateway-name>'],
    },
    answers: [
      {
        label: 'Phase 1 is up',
        next: id('healthy.phase1-up'),
        hint: 'IOS `QM_IDLE` with status `ACTIVE`; ASA `MM_ACTIVE`; IKEv2 `READY`; strongSwan `ESTABLISHED`; debug `IKE_P1_COMPLETE` / `PHASE 1 COMPLETED`',
      },
      {
        label:
          'Phase 1 comes up, but is torn down or renegotiated at odd moments (around a lifetime expiry)',
        next: id('ike.lifetime-mismatch'),
        hint: 'SA up for hours, then down until renegotiated; one side rekeys, the other does not',
      },
      {
        label: 'An aggressive-mode state',
        next: id('ike.aggressive-mode'),
        hint: 'ASA `AG_INIT_EXCH`, `AG_WAIT_MSG2`, `AG_WAIT_MSG3`; IOS `AG_NO_STATE`, `AG_INIT_EXCH`, `AG_AUTH`',
        when: { ikeVersion: 'ikev1' },
      },
      {
        label: 'Stuck at the very first exchange: no policy agreed yet',
        next: id('ike.q.first-reply'),
        hint: 'ASA `MM_WAIT_MSG2` (Role: initiator); IOS `MM_NO_STATE`; IKEv2 SA never gets past IKE_SA_INIT',
      },
      {
        label: 'Initiator: policy agreed, but the peer’s key exchange (message 4) never comes',
        next: id('ike.keying-stalled'),
        hint: 'ASA `MM_WAIT_MSG4`; IOS `MM_SA_SETUP`',
        when: { role: 'initiator', ikeVersion: 'ikev1' },
      },
      {
        label: 'Responder: policy agreed, but the initiator’s key exchange (message 3) never comes',
        next: id('ike.q.responder-msg3'),
        hint: 'ASA `MM_WAIT_MSG3` (Role: responder); IOS `MM_SA_SETUP`',
        when: { role: 'responder', ikeVersion: 'ikev1' },
      },
      {
        label: 'Keys exchanged, stuck at the identity / authentication messages',
        next: id('ike.q.after-msg5'),
        hint: 'ASA initiator `MM_WAIT_MSG6`, responder `MM_WAIT_MSG5`; IOS `MM_KEY_EXCH`; IKEv2 IKE_SA_INIT done, IKE_AUTH fails',
      },
      {
        label: 'No IKE SA at all, or the peer never answers',
        next: id('ip.q.start'),
        hint: 'Back to IP connectivity: nothing is exchanged yet.',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.phase1Success,
      SOURCES.multipleKeyrings,
      SOURCES.troubleshootingIpsecVpns,
    ],
  },
  {
    kind: 'question',
    id: id('ike.q.first-reply'),
    stage: 'ike',
    title: 'What comes back from the peer after our first message?',
    help:
      'The first message carries this side’s phase 1 proposals (IKEv1 main mode message 1, IKEv2 IKE_SA_INIT request). ' +
      'The responder either accepts one of them (IKEv1 message 2; IOS logs "atts are acceptable"), or answers with an unencrypted NO_PROPOSAL_CHOSEN notify, or stays silent. ' +
      'On the responder, the debug names the proposals it received and the ones it expected.',
    byRole: {
      responder:
        'Responder: look for `Failed to find a matching policy` (IKEv2, with `Received Policies` and `Expected Policies`) or IOS IKEv1 checking each transform against each policy without ever printing "atts are acceptable".',
    },
    commands: IKE_DEBUG,
    answers: [
      {
        label: 'A NO_PROPOSAL_CHOSEN notify, or the responder says no policy matched',
        next: id('ike.proposal-mismatch'),
        hint: 'ASA `Received an un-encrypted NO_PROPOSAL_CHOSEN notify message, dropping`; IKEv2 `NOTIFY(NO_PROPOSAL_CHOSEN)` in the IKE_SA_INIT RESPONSE; responder `Failed to find a matching policy`',
      },
      {
        label: 'Nothing at all comes back',
        next: id('ike.q.version'),
        hint: 'the first message is retransmitted; the peer logs nothing',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.phase1Success,
    ],
  },
  {
    kind: 'question',
    id: id('ike.q.version'),
    stage: 'ike',
    title: 'Do both peers use the same IKE version for this tunnel?',
    help:
      'IKEv1 and IKEv2 share UDP 500 but are different protocols: a peer configured for the other version only does not answer. ' +
      'Compare the configuration of both sides, and the debug: ASA lines are tagged `[IKEv1]`, IOS IKEv2 lines start with `IKEv2:`. ' +
      'On an ASA each version must also be enabled on the outside interface.',
    commands: {
      'cisco-ios': [
        'show running-config | section crypto map|crypto ikev2 profile|crypto isakmp',
        'show crypto isakmp sa',
        'show crypto ikev2 sa',
      ],
      'cisco-asa': [
        'show running-config crypto map',
        'show running-config crypto ikev1 | include enable',
        'show running-config crypto ikev2 | include enable',
      ],
      fortigate: ['show vpn ipsec phase1-interface <phase1-name>'],
      strongswan: ['swanctl --list-conns'],
      'juniper-srx': ['show configuration security ike gateway <gateway-name>'],
      paloalto: ['show vpn gateway name <gateway-name>'],
    },
    answers: [
      {
        label: 'They differ: one side only speaks IKEv1, the other only IKEv2',
        next: id('ike.version-mismatch'),
      },
      {
        label: 'Same version on both sides',
        next: id('ip.q.start'),
        hint: 'Then the silence is an IP connectivity problem after all.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'question',
    id: id('ike.q.responder-msg3'),
    stage: 'ike',
    title: 'What does the initiator show for this tunnel?',
    help:
      'A responder in MM_WAIT_MSG3 has accepted a policy and sent message 2, and now waits for message 3 (the initiator’s Diffie-Hellman value and nonce). ' +
      'That can mean two different things, and only the initiator can tell: either message 2 never reached it, or it did and the key exchange itself stalls.',
    commands: {
      'cisco-ios': ['show crypto isakmp sa', 'debug crypto isakmp'],
      'cisco-asa': ['show crypto isakmp sa', 'debug crypto ikev1 127'],
      fortigate: ['diagnose vpn ike gateway list name <phase1-name>'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations detail'],
      paloalto: ['show vpn ike-sa gateway <gateway-name>'],
    },
    answers: [
      {
        label: 'The initiator is still waiting for message 2: our replies do not reach it',
        next: id('ip.q.start'),
        hint: 'initiator ASA `MM_WAIT_MSG2`, IOS `MM_NO_STATE`: the return path drops UDP 500/4500',
      },
      {
        label: 'The initiator got message 2 and waits for message 4, or I cannot see the initiator',
        next: id('ike.keying-stalled'),
        hint: 'initiator ASA `MM_WAIT_MSG4`, IOS `MM_SA_SETUP`',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'question',
    id: id('ike.q.after-msg5'),
    stage: 'ike',
    title: 'What does the debug show once the identity and authentication messages are sent?',
    help:
      'From main mode message 5 on (IKEv2: the IKE_AUTH exchange), messages are encrypted with keys derived from the Diffie-Hellman exchange and, with pre-shared keys, from the key itself. ' +
      'Most failures here are authentication problems. One is not: an INVALID_COOKIE notify means the peer does not accept the SA this message belongs to. ' +
      'And if NAT-T was detected, these are the first messages sent to UDP 4500: if that port is filtered, they simply vanish.',
    commands: IKE_DEBUG,
    answers: [
      {
        label: 'The peer sends an INVALID_COOKIE notify',
        next: id('ike.invalid-cookie'),
        hint: '`Received an un-encrypted INVALID_COOKIE notify message, dropping`',
      },
      {
        label:
          'Our messages go to UDP 4500 (NAT detected) and nothing comes back, or IKEv2 IKE_AUTH is retransmitted without answer',
        next: id('ip.q.start'),
        hint: 'UDP 4500 filtered or IKE_AUTH fragments lost: an IP connectivity problem',
      },
      {
        label:
          'Anything else: PAYLOAD_MALFORMED, decryption errors, AUTHENTICATION_FAILED, certificate or identity errors',
        next: id('auth.q.start'),
        hint: '`Received an un-encrypted PAYLOAD_MALFORMED notify message`; `had problems decrypting packet`; `AUTHENTICATION_FAILED`',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.multipleKeyrings,
      SOURCES.troubleshootingIpsecVpns,
    ],
  },
];
