/**
 * The two healthy gates. They are conclusions like any other leaf (proof,
 * look-alikes, sources), but their "fix" is the next check to run, and
 * `continueTo` carries the engineer on to the next stage:
 * phase 1 up → the IPsec SA stage; tunnel up → the routing stage.
 */
import { id } from '../ids.ts';
import type { KnowledgeNode } from '../schema.ts';
import { SOURCES } from '../sources.ts';

/** The healthy gates: phase 1 complete, and the whole tunnel passing traffic. */
export const healthyNodes: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('healthy.phase1-up'),
    stage: 'ike',
    title: 'Phase 1 is up: the IKE SA is established',
    explanation:
      'Both peers agreed a phase 1 policy, completed the Diffie-Hellman exchange and authenticated each other, so the IKE SA exists. ' +
      'Nothing before phase 2 is broken: IKE packets reach the peer, the proposals match and the key or certificate is accepted. ' +
      'Each platform names this state differently: IOS lists the IKEv1 SA as QM_IDLE with status ACTIVE (QM_IDLE means "phase 1 done, idle, ready for quick mode"), ' +
      'the ASA shows MM_ACTIVE (main mode finished) and logs PHASE 1 COMPLETED, IKEv2 shows READY, and the IOS debug moves to IKE_P1_COMPLETE. ' +
      'If the tunnel still does not pass traffic, the fault is in phase 2 (the IPsec SA) or after it. ' +
      'One caution: an IKE SA that appears and vanishes within seconds is not healthy; watch it for a minute, because a phase 2 failure often tears phase 1 down with it.',
    byRole: {
      initiator:
        'As initiator you sent main mode messages 1, 3 and 5 (or IKE_SA_INIT and IKE_AUTH) and got every reply; the next thing you send is the quick mode proposal (or the child SA inside IKE_AUTH).',
      responder:
        'As responder you answered every message and authenticated the initiator; the next thing you receive is its phase 2 proposal, and a phase 2 error will be logged on your side first.',
    },
    confirm: {
      'cisco-ios': ['show crypto isakmp sa', 'show crypto ikev2 sa', 'show crypto session detail'],
      'cisco-asa': [
        'show crypto isakmp sa',
        'show crypto ikev2 sa',
        'show vpn-sessiondb detail l2l',
      ],
      fortigate: ['diagnose vpn ike gateway list', 'get vpn ipsec tunnel summary'],
      strongswan: ['swanctl --list-sas', 'ipsec statusall'],
      'juniper-srx': ['show security ike security-associations detail'],
      paloalto: ['show vpn ike-sa gateway <name>'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Rekey : no State : MM_ACTIVE',
        source: SOURCES.asaS2sTroubleshooting,
        note: '`show crypto isakmp` on an ASA: main mode finished, phase 1 is active.',
      },
      {
        platform: 'cisco-asa',
        text: 'Apr 01 11:38:53 [IKEv1]: Group = 123.123.123.123, IP = 123.123.123.123, PHASE 1 COMPLETED',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'ASA `debug crypto isakmp` at the end of message 6, just after quick mode is started.',
      },
      {
        platform: 'cisco-ios',
        text: 'Old State = UNKNOWN\u00a0 New State = IKE_P1_COMPLETE',
        source: SOURCES.phase1Success,
        note: 'IOS `debug crypto isakmp` on the initiator: main mode negotiation has finished.',
      },
      {
        platform: 'cisco-ios',
        text: '*Jun 19 10:04:24.838: ISAKMP:(1011):Old State = IKE_R_MM5 New State =\nIKE_P1_COMPLETE',
        source: SOURCES.multipleKeyrings,
        note: 'The same transition seen on the responder (from IKE_R_MM5).',
      },
      {
        platform: 'cisco-ios',
        text: 'Status Description: Negotiation done',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`show crypto ikev2 sa detailed`: the IKEv2 SA in status READY has finished negotiating.',
      },
    ],
    fix: [
      {
        text: 'Nothing to fix in phase 1. Leave the IKE policy, keys and certificates alone: changing them now only restarts a working negotiation.',
      },
      {
        text: 'Check that the IKE SA stays up. Send traffic that should cross the tunnel and repeat the SA command a few times over a minute; an SA that keeps disappearing and reappearing means phase 2 is failing and tearing it down.',
      },
      {
        text: 'Next check: does phase 2 come up? Look for IPsec SAs with SPIs in both directions (IOS/ASA `show crypto ipsec sa`, FortiGate `sa=1` in `diagnose vpn tunnel list`, strongSwan a CHILD_SA in state INSTALLED).',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto isakmp sa', 'show crypto ipsec sa'],
      'cisco-asa': ['show crypto isakmp sa', 'show crypto ipsec sa'],
      fortigate: ['diagnose vpn tunnel list'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec security-associations'],
      paloalto: ['show vpn ipsec-sa tunnel <name>'],
    },
    lookAlikes: [
      {
        id: id('ipsec.transform-mismatch'),
        howToTell:
          'Phase 1 completes, then quick mode fails and the IKE SA is often deleted a moment later (IKEv2 sends NO_PROPOSAL_CHOSEN inside IKE_AUTH and then a DELETE). If the SA flickers rather than staying up, go on to phase 2: that is where the fault is.',
      },
      {
        id: id('ipsec.pfs-mismatch'),
        howToTell:
          'With PFS set on one side only the ASA may log "had problems decrypting packet, probably due to mismatched pre-shared key" and tear the session down repeatedly; phase 1 looks up between teardowns. A stable MM_ACTIVE / QM_IDLE that lasts minutes rules this pattern out.',
      },
      {
        id: id('auth.keyring-selection'),
        howToTell:
          'A keyring problem leaves phase 1 short of completion (MM_WAIT_MSG6 / no IKE_P1_COMPLETE) when one particular side initiates. If you see phase 1 complete from the failing direction too, keyring selection is not the cause.',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.phase1Success,
      SOURCES.multipleKeyrings,
      SOURCES.troubleshootingIpsecVpns,
    ],
    continueTo: { label: 'Look at phase 2', next: id('ipsec.q.start') },
  },
  {
    kind: 'diagnosis',
    id: id('healthy.tunnel-up'),
    stage: 'routing',
    title: 'The tunnel is up and passes traffic both ways',
    explanation:
      'Phase 1 and phase 2 are both established and the IPsec SAs carry traffic in both directions: the encapsulated (sent) and decapsulated (received) packet counters are both rising, ' +
      'and there are no integrity or replay errors. IOS summarises this as UP-ACTIVE in `show crypto session`; FortiGate shows `sa=1`; strongSwan shows the CHILD_SA INSTALLED with packets in and out. ' +
      'The crypto is therefore working. If some hosts still cannot talk, the cause is what happens around the tunnel: a route that sends their traffic elsewhere, NAT applied before encryption, ' +
      'GRE keys or NHRP on a GRE/DMVPN overlay, or an MTU problem that only hurts large packets.',
    confirm: {
      'cisco-ios': ['show crypto session detail', 'show crypto ipsec sa | include peer|pkts'],
      'cisco-asa': ['show crypto ipsec sa', 'show vpn-sessiondb detail l2l'],
      fortigate: ['diagnose vpn tunnel list', 'get vpn ipsec tunnel summary'],
      strongswan: ['swanctl --list-sas', 'ipsec statusall'],
      'juniper-srx': [
        'show security ipsec security-associations detail',
        'show security ipsec statistics',
      ],
      paloalto: ['show vpn ipsec-sa tunnel <name>', 'show vpn flow tunnel-id <id>'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'Session status: UP-ACTIVE\nPeer: port 848\nIKE SA: local 2.2.2.1/848 remote 5.5.5.2/848 Active\nIPSEC FLOW: permit 47 0.0.0.0/0.0.0.0 0.0.0.0/0.0.0.0\nActive SAs: 2, origin: crypto map',
        source: SOURCES.asaS2sTroubleshooting,
        note: '`show crypto session` on a GDOI group member: IKE SA active and two IPsec SAs (one per direction).',
      },
    ],
    fix: [
      {
        text: 'Nothing to fix in the crypto. Both SAs exist and both counters move, so IKE and IPsec are doing their job.',
      },
      {
        text: 'Prove it end to end: send a test from a host (or the device, sourced from its inside interface) behind each side, and run the counter command twice; encaps and decaps should both have grown on both peers.',
        config: {
          'cisco-ios':
            'ping <remote host> source <inside interface> repeat 100\nshow crypto ipsec sa | include peer|pkts',
          'cisco-asa': 'ping inside <remote host>\nshow crypto ipsec sa | include pkts',
          fortigate:
            'execute ping-options source <inside address>\nexecute ping <remote host>\ndiagnose vpn tunnel list name <phase1 name>',
          strongswan: 'ping -I <inside address> <remote host>\nswanctl --list-sas',
        },
      },
      {
        text: 'Next check, if some hosts or subnets still fail: the routing stage. Look at the route to the remote subnet, NAT exemption, GRE keys/NHRP on overlays, and MTU.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto session', 'show crypto ipsec sa | include pkts'],
      'cisco-asa': ['show crypto ipsec sa | include pkts', 'show vpn-sessiondb l2l'],
      fortigate: ['diagnose vpn tunnel list', 'get vpn ipsec tunnel summary'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ipsec statistics'],
      paloalto: ['show vpn flow tunnel-id <id>'],
    },
    lookAlikes: [
      {
        id: id('routing.gre-key-mismatch'),
        howToTell:
          'With different GRE keys the SAs also count encaps and decaps on both sides, yet nothing answers across the tunnel interface. If pings over a GRE tunnel fail while the counters rise, compare `Key 0x..` in `show interface tunnel` on both peers.',
      },
      {
        id: id('ipsec.one-way-traffic'),
        howToTell:
          'One-way traffic also shows UP-ACTIVE, but only one counter moves: encaps rising with decaps stuck at 0 (or the reverse). Both must rise on both peers for the tunnel to be healthy.',
      },
      {
        id: id('ipsec.anti-replay'),
        howToTell:
          'Replay drops happen on a working tunnel: counters rise, but `%CRYPTO-4-PKT_REPLAY_ERR` or `%IPSEC-3-REPLAY_ERROR` is logged and some packets (often voice or QoS-queued traffic) are lost.',
      },
    ],
    sources: [
      SOURCES.asaS2sTroubleshooting,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.asaDeletePfkey,
    ],
    continueTo: { label: 'Traffic still fails for some hosts', next: id('routing.q.start') },
  },
];
