/**
 * Setup: the four things every later step depends on. Asked first so each
 * later step shows the commands for the user's platform and reads IKE states
 * for the user's role (MM_WAIT_MSG2 means one thing on the initiator, another
 * on the responder).
 */
import { id } from '../ids.ts';
import type { Answer, KnowledgeNode, Platform } from '../schema.ts';
import { PLATFORM_NAMES, PLATFORMS } from '../schema.ts';
import { SOURCES } from '../sources.ts';

const platformAnswers = (field: 'platform' | 'peerPlatform', next: string): Answer[] =>
  PLATFORMS.map((p: Platform): Answer => ({
    label: PLATFORM_NAMES[p],
    next: id(next),
    sets: { [field]: p },
  }));

/** The setup questions, root first. */
export const setupNodes: readonly KnowledgeNode[] = [
  {
    kind: 'question',
    id: id('setup.q.platform'),
    stage: 'setup',
    title: 'Which device are you troubleshooting from?',
    help: 'Every later step shows the commands and configuration for this platform. Pick the device whose CLI you have open.',
    commands: {
      'cisco-ios': ['show version'],
      'cisco-asa': ['show version'],
      fortigate: ['get system status'],
      strongswan: ['ipsec version', 'swanctl --version'],
      'juniper-srx': ['show version'],
      paloalto: ['show system info'],
    },
    answers: platformAnswers('platform', 'setup.q.peer-platform'),
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'question',
    id: id('setup.q.peer-platform'),
    stage: 'setup',
    title: 'What is the peer at the other end?',
    help: 'Interoperability problems (GCM against GMAC, PFS defaults, identity types) depend on the pair. If you do not know, pick the closest guess; nothing later depends on it alone.',
    commands: {
      'cisco-ios': ['show crypto isakmp sa detail', 'show crypto ikev2 sa detail'],
      'cisco-asa': ['show crypto isakmp sa detail'],
      fortigate: ['diagnose vpn ike gateway list'],
      strongswan: ['swanctl --list-sas', 'ipsec statusall'],
      'juniper-srx': ['show security ike security-associations detail'],
      paloalto: ['show vpn ike-sa detail gateway <name>'],
    },
    answers: platformAnswers('peerPlatform', 'setup.q.ike-version'),
    sources: [SOURCES.asaDeletePfkey, SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'question',
    id: id('setup.q.ike-version'),
    stage: 'setup',
    title: 'Which IKE version should this tunnel use?',
    help: 'IKEv1 negotiates in main mode (six messages) then quick mode (three); IKEv2 in IKE_SA_INIT then IKE_AUTH (two exchanges). States, debug output and failure messages differ completely between the two.',
    commands: {
      'cisco-ios': [
        'show running-config | section crypto',
        'show crypto isakmp sa',
        'show crypto ikev2 sa',
      ],
      'cisco-asa': [
        'show running-config crypto map',
        'show crypto ikev1 sa',
        'show crypto ikev2 sa',
      ],
      fortigate: ['show vpn ipsec phase1-interface'],
      strongswan: ['swanctl --list-conns', 'ipsec statusall'],
      'juniper-srx': ['show configuration security ike'],
      paloalto: ['show vpn ike-sa'],
    },
    answers: [
      { label: 'IKEv1', next: id('setup.q.role'), sets: { ikeVersion: 'ikev1' } },
      { label: 'IKEv2', next: id('setup.q.role'), sets: { ikeVersion: 'ikev2' } },
      { label: 'Not sure', next: id('setup.q.role'), hint: 'Later steps show both versions.' },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'question',
    id: id('setup.q.role'),
    stage: 'setup',
    title: 'Does this device start the tunnel, or wait for the peer?',
    help: 'The initiator sends the first IKE message when interesting traffic arrives; the responder answers. The same state reads differently on each side: an initiator in MM_WAIT_MSG2 got no reply to its first message, a responder in MM_WAIT_MSG3 sent its reply and heard nothing back. If traffic from your side brings the tunnel up, you are the initiator.',
    commands: {
      'cisco-ios': ['show crypto isakmp sa detail', 'debug crypto isakmp'],
      'cisco-asa': ['show crypto isakmp sa'],
      fortigate: ['diagnose vpn ike gateway list'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations detail'],
      paloalto: ['show vpn ike-sa detail gateway <name>'],
    },
    answers: [
      { label: 'This device initiates', next: id('ip.q.start'), sets: { role: 'initiator' } },
      { label: 'This device responds', next: id('ip.q.start'), sets: { role: 'responder' } },
      {
        label: 'Not sure',
        next: id('ip.q.start'),
        hint: 'Later steps explain states for both roles.',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.multipleKeyrings],
  },
];
