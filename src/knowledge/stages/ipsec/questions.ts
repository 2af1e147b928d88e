/**
 * IPsec SA stage, the questions about forming phase 2. Entered once phase 1
 * is up (`healthy.phase1-up`). Order follows the documents: does phase 2 form
 * at all → if not, what the responder says → what differs between the peers.
 * Once the SAs exist, `counters.ts` takes over.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';
import { PHASE2_CONFIG, SA_COMMANDS } from './commands.ts';

/** The questions that find out whether and why phase 2 fails to form, entry first. */
export const ipsecQuestions: readonly KnowledgeNode[] = [
  {
    kind: 'question',
    id: id('ipsec.q.start'),
    stage: 'ipsec',
    title: 'Does phase 2 (the IPsec SA pair) come up at all?',
    help:
      'First make traffic that should cross the tunnel: a continuous ping from a host behind this device to a host behind the peer. Then look at the IPsec SAs. ' +
      'An established phase 2 is a pair of SAs, one inbound and one outbound, each with a non-zero SPI: IOS/ASA list `inbound esp sas` and `outbound esp sas`, FortiGate shows `sa=1` on the proxy ID, strongSwan shows the CHILD_SA as INSTALLED. ' +
      'If there is no pair, phase 2 was either refused by the peer or never started. On an ASA a refused phase 2 shows in `debug crypto ipsec` as an inbound SA created in state embryonic and then destroyed after `Received a DELETE PFKey message from IKE`. ' +
      'On a FortiGate `sa=0` means either that the selectors do not match or simply that no traffic has been sent.',
    commands: {
      ...SA_COMMANDS,
      'cisco-asa': [
        'show crypto ipsec sa',
        'show vpn-sessiondb detail l2l',
        'debug crypto ipsec 127',
      ],
    },
    answers: [
      {
        label: 'Yes: there are IPsec SAs in both directions',
        next: id('ipsec.q.counters'),
        hint: 'IOS/ASA: `inbound esp sas:` and `outbound esp sas:` with an SPI; FortiGate `sa=1`; strongSwan `INSTALLED`',
      },
      {
        label: 'No: phase 2 is attempted and refused',
        next: id('ipsec.q.failure-message'),
        hint: 'ASA: `Received a DELETE PFKey message from IKE for an inbound SA` after `state change from inactive to embryonic`; IOS `phase 2 SA policy not acceptable!`; the IKE SA disappears soon after it came up',
      },
      {
        label: 'FortiGate shows `sa=0` on the proxy ID',
        next: id('ipsec.q.traffic-sent'),
        hint: '`proxyid=… proto=0 sa=0` in `diagnose vpn tunnel list`; `stat: rxp=0 txp=0`',
      },
      {
        label: 'No SA, and nothing happens when traffic is sent',
        next: id('ipsec.q.traffic-sent'),
        hint: 'no quick mode / CREATE_CHILD_SA lines in the debug, no inbound or outbound SA',
      },
      {
        label: 'It comes up only when one particular peer starts it',
        next: id('ipsec.q.one-side'),
        hint: 'works when site A initiates, fails when site B initiates (or the reverse)',
      },
      {
        label:
          'GRE/VTI tunnel: this side logs RECVD_PKT_NOT_IPSEC for GRE, or the peer has no SA for us at all',
        next: id('ipsec.tunnel-protection-missing'),
        hint: '`%CRYPTO-4-RECVD_PKT_NOT_IPSEC` with `prot= 47`; peer: no ISAKMP SA, or `ISAKMP is OFF`',
      },
    ],
    sources: [
      SOURCES.asaDeletePfkey,
      SOURCES.asaS2sTroubleshooting,
      SOURCES.troubleshootingIpsecVpns,
    ],
  },
  {
    kind: 'question',
    id: id('ipsec.q.traffic-sent'),
    stage: 'ipsec',
    title:
      'Is traffic that matches the tunnel actually reaching this device and being sent to the tunnel?',
    help:
      'Phase 2 on a policy-based tunnel is started by a packet that matches the crypto ACL / phase 2 selectors. No packet, no phase 2; and a FortiGate shows `sa=0` both for that and for mismatched selectors. ' +
      'Send a continuous ping from a host behind this device (a ping from the firewall itself is sourced from its outside address and matches nothing unless you source it from the inside interface). ' +
      'Then trace one packet: the ASA packet-tracer shows the route, the NAT and the VPN (encrypt) phases; FortiGate debug flow shows which route and policy it hit; on IOS the crypto ACL hit counters show whether anything matched.',
    commands: {
      'cisco-ios': [
        'show access-lists <crypto ACL>',
        'show crypto map',
        'show ip route <remote host>',
      ],
      'cisco-asa': ['packet-tracer input inside icmp <local host> 8 0 <remote host> detail'],
      fortigate: [
        'diagnose debug flow filter addr <remote host>',
        'diagnose debug flow trace start 20',
        'diagnose debug enable',
      ],
      strongswan: ['ip xfrm policy', 'tcpdump -ni any host <remote host>'],
      'juniper-srx': ['show security flow session destination-prefix <remote host>'],
      paloalto: ['show session all filter destination <remote host>'],
    },
    answers: [
      {
        label: 'No traffic had been sent; with a ping running the SAs now come up',
        next: id('ipsec.q.counters'),
        hint: 'FortiGate `sa=0` becomes `sa=1`; IOS/ASA now list inbound and outbound SAs',
      },
      {
        label: 'Traffic matches, phase 2 starts, and the peer refuses it',
        next: id('ipsec.q.failure-message'),
        hint: 'quick mode / CREATE_CHILD_SA lines appear in the debug, then an error or a DELETE',
      },
      {
        label: 'Traffic arrives but is routed elsewhere or NATed before it reaches the crypto',
        next: id('routing.q.start'),
        hint: 'packet-tracer: route lookup points inside, or a NAT phase translates it; crypto ACL hit count stays 0',
      },
      {
        label:
          'Traffic is routed towards the peer, but the crypto ACL / selectors do not include it',
        next: id('ipsec.proxy-id-mismatch'),
        hint: 'packet-tracer shows no VPN phase; the host’s subnet is missing from the crypto ACL or `local_ts`/`src-subnet`',
      },
    ],
    sources: [SOURCES.asaDeletePfkey, SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'question',
    id: id('ipsec.q.failure-message'),
    stage: 'ipsec',
    title: 'Which message does the responder log when phase 2 is refused?',
    help:
      'The responder is the side that decides, so the reason for the refusal is printed in its debug right after the initiator’s quick mode (IKEv1) or IKE_AUTH / CREATE_CHILD_SA (IKEv2) proposal arrives. ' +
      'The initiator usually learns only that the answer was no: a PROPOSAL_NOT_CHOSEN / NO_PROPOSAL_CHOSEN or TS_UNACCEPTABLE notify, a DELETE, or on an ASA an embryonic SA torn down. ' +
      'Run the debug on the responder while the initiator retries; on a busy box limit it to the peer first (IOS/ASA `debug crypto condition peer <peer>`).',
    byRole: {
      initiator:
        'You are the initiator: your own debug mostly shows the refusal arriving. For an IKEv2 tunnel an IKE_AUTH response carrying NOTIFY(NO_PROPOSAL_CHOSEN) is followed by your side deleting the brand-new IKE SA. Get the peer’s debug if you can; otherwise compare both configurations.',
      responder:
        'You are the responder: the reason is in your own debug, just after the proposal is checked against your crypto map or IPsec profile.',
    },
    commands: {
      'cisco-ios': [
        'debug crypto condition peer ipv4 <peer>',
        'debug crypto isakmp',
        'debug crypto ipsec',
        'debug crypto ikev2',
      ],
      'cisco-asa': [
        'debug crypto condition peer <peer>',
        'debug crypto ikev1 127',
        'debug crypto ikev2 protocol 127',
        'debug crypto ipsec 127',
      ],
      fortigate: [
        'diagnose vpn ike log-filter dst-addr4 <peer>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
      ],
      strongswan: ['journalctl -f -u strongswan', 'swanctl --log'],
      'juniper-srx': [
        'show log kmd',
        'request security ike debug-enable local <local> remote <peer>',
      ],
      paloalto: ['less mp-log ikemgr.log'],
    },
    answers: [
      {
        label: '`map_db_check_isakmp_profile profile did not match` before the refusal',
        next: id('ipsec.profile-mismatch'),
        hint: 'then `proxy identities not supported`, `IPSec policy invalidated proposal with error 32`, `phase 2 SA policy not acceptable!`',
      },
      {
        label: 'No matching ESP proposal / transform set',
        next: id('ipsec.q.compare'),
        hint: '`Failed to find a matching policy` with `policyESP: Proposal …`; `Sending no proposal chosen notify`; IKEv1 `phase 2 SA policy not acceptable!` and `Sending NOTIFY PROPOSAL_NOT_CHOSEN` (no profile line before them)',
      },
      {
        label: 'The traffic selectors / proxy identities are refused',
        next: id('ipsec.q.ts-cause'),
        hint: '`proxy identities not supported`; `There was no IPSEC policy found for received TS`; `Sending TS unacceptable notify`; TS_UNACCEPTABLE',
      },
      {
        label:
          'ASA: `QM FSM error`, then `Session is being torn down. Reason: crypto map policy not found`',
        next: id('ipsec.q.compare'),
        hint: 'the ASA found no crypto map entry whose ACL and transform set fit the proposal',
      },
      {
        label: 'ASA: an embryonic inbound SA is created and deleted by IKE',
        next: id('ipsec.q.compare'),
        hint: '`Inbound SA (SPI 0x…) state change from inactive to embryonic`, then `Received a DELETE PFKey message from IKE for an inbound SA`',
      },
      {
        label: '`Attribute not supported` during quick mode',
        next: id('ipsec.pfs-mismatch'),
        hint: 'PFS configured at one end only',
        when: { ikeVersion: 'ikev1' },
      },
      {
        label:
          '"mismatched pre-shared key" errors and repeated teardown, although the keys are identical',
        next: id('ipsec.pfs-mismatch'),
        hint: '`had problems decrypting packet, probably due to mismatched pre-shared key`, appearing and disappearing',
      },
      {
        label: 'Nothing readable, or the responder is not yours',
        next: id('ipsec.q.compare'),
        hint: 'compare both configurations instead',
      },
    ],
    sources: [
      SOURCES.asaDeletePfkey,
      SOURCES.asaS2sTroubleshooting,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.multipleKeyrings,
    ],
  },
  {
    kind: 'question',
    id: id('ipsec.q.ts-cause'),
    stage: 'ipsec',
    title: 'Why did the responder refuse the traffic selectors?',
    help:
      'TS_UNACCEPTABLE (IKEv2) and `proxy identities not supported` (IKEv1) both mean that the responder has no crypto map entry or IPsec policy for the networks and protocol the initiator proposed. ' +
      'Read the proposed proxies in the debug: `local_proxy=` / `remote_proxy=` (IOS, with the protocol after the mask: `/47/` is GRE), or TSi/TSr in `debug crypto ikev2 packet` (`proto id: 0` means all IP, as a VTI proposes). Then compare with the responder’s own definition.',
    commands: {
      'cisco-ios': [
        'show crypto map',
        'show running-config interface Tunnel<n>',
        'show crypto isakmp profile',
        'debug crypto ikev2 packet',
      ],
      'cisco-asa': [
        'show running-config crypto map',
        'show running-config access-list <crypto ACL>',
      ],
      fortigate: ['show vpn ipsec phase2-interface', 'diagnose vpn tunnel list'],
      strongswan: ['swanctl --list-conns', 'ipsec statusall'],
      'juniper-srx': ['show configuration security ipsec vpn <name> | display set'],
      paloalto: ['show config running | match proxy-id'],
    },
    answers: [
      {
        label:
          'Policy-based tunnel: the local and remote networks are not exact mirror images of the peer’s',
        next: id('ipsec.proxy-id-mismatch'),
        hint: 'source and destination swapped, a different mask, or a subnet present on one side only',
      },
      {
        label: 'Tunnel interfaces: one side is GRE over IPsec, the other a VTI',
        next: id('ipsec.encapsulation-mismatch'),
        hint: '`Tunnel protocol/transport GRE/IP` on one peer, `IPSEC/IP` on the other; proxies `/47/` against `proto id: 0`',
      },
      {
        label:
          'The responder selected a different ISAKMP / IKEv2 profile from the one on the tunnel',
        next: id('ipsec.profile-mismatch'),
        hint: '`map_db_check_isakmp_profile profile did not match` just before `proxy identities not supported`',
      },
      {
        label:
          'The selectors are right, but a dynamic or earlier crypto map entry catches the peer',
        next: id('ipsec.crypto-map-order'),
        hint: '`crypto map … 10 ipsec-isakmp dynamic …` numbered below the static entry for this peer',
      },
    ],
    sources: [
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.multipleKeyrings,
      SOURCES.asaS2sTroubleshooting,
    ],
  },
  {
    kind: 'question',
    id: id('ipsec.q.compare'),
    stage: 'ipsec',
    title: 'Compare phase 2 on both peers: what differs?',
    help:
      'Put the two phase 2 definitions side by side and check, in this order: encryption and integrity (an authenticated cipher such as AES-GCM ignores the integrity setting, and AES-GMAC is a different algorithm from AES-GCM), ' +
      'PFS on or off and its DH group, the local and remote networks (each side’s local must be the other’s remote), the tunnel type (GRE or VTI), which crypto map entry the peer lands on, and lifetimes.',
    commands: PHASE2_CONFIG,
    answers: [
      {
        label:
          'Encryption or integrity differs (including AES-GMAC on one side, AES-GCM on the other)',
        next: id('ipsec.transform-mismatch'),
        hint: 'ASA `protocol esp encryption aes-gmac-256` against FortiGate `aes256gcm`',
      },
      {
        label: 'PFS is set on one side only, or the PFS groups differ',
        next: id('ipsec.pfs-mismatch'),
        hint: '`set pfs` in only one crypto map; `PFS (Y/N): Y` on one side only',
      },
      {
        label: 'The networks are not mirror images (or are the wrong way round)',
        next: id('ipsec.proxy-id-mismatch'),
        hint: 'ACL source/destination reversed on one side',
      },
      {
        label: 'One side is GRE over IPsec, the other a VTI',
        next: id('ipsec.encapsulation-mismatch'),
      },
      {
        label:
          'The peer lands on the wrong crypto map entry (a dynamic entry numbered below its static one)',
        next: id('ipsec.crypto-map-order'),
      },
      {
        label: 'Several ISAKMP / IKEv2 profiles on the responder match the peer’s identity',
        next: id('ipsec.profile-mismatch'),
      },
      {
        label: 'Only the lifetimes differ',
        next: id('ike.lifetime-mismatch'),
      },
      {
        label: 'Everything matches, but it fails only when one particular side initiates',
        next: id('ipsec.q.one-side'),
      },
    ],
    sources: [
      SOURCES.asaDeletePfkey,
      SOURCES.asaS2sTroubleshooting,
      SOURCES.troubleshootingIpsecVpns,
    ],
  },
  {
    kind: 'question',
    id: id('ipsec.q.one-side'),
    stage: 'ipsec',
    title: 'When the "wrong" side initiates, how far does it get?',
    help:
      'A tunnel that comes up from one side only points at something the responder decides by itself: whether it demands PFS, which ISAKMP profile or keyring it selects for the peer, and which crypto map entry the peer lands on. ' +
      'Clear the SAs, start the tunnel from the failing side, and watch the responder’s debug.',
    commands: {
      'cisco-ios': [
        'clear crypto session remote <peer>',
        'debug crypto isakmp',
        'debug crypto ipsec',
        'show crypto isakmp sa',
      ],
      'cisco-asa': [
        'clear crypto ipsec sa peer <peer>',
        'debug crypto ikev1 127',
        'show running-config crypto map',
      ],
      fortigate: [
        'diagnose vpn tunnel flush <phase1 name>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
      ],
      strongswan: [
        'swanctl --terminate --ike <name>',
        'swanctl --initiate --child <name>',
        'journalctl -f -u strongswan',
      ],
      'juniper-srx': ['clear security ike security-associations <peer>', 'show log kmd'],
      paloalto: ['clear vpn ike-sa gateway <name>', 'less mp-log ikemgr.log'],
    },
    answers: [
      {
        label: 'Phase 1 itself fails from that side',
        next: id('auth.keyring-selection'),
        hint: 'initiator stuck in `MM_WAIT_MSG6`; responder `Key not found in keyrings of profile , aborting exchange`',
        when: { ikeVersion: 'ikev1' },
      },
      {
        label: 'Phase 1 completes, then the responder rejects phase 2 because of the profile',
        next: id('ipsec.profile-mismatch'),
        hint: '`map_db_check_isakmp_profile profile did not match` … `error 32`',
      },
      {
        label: 'PFS appears in only one peer’s phase 2 configuration',
        next: id('ipsec.pfs-mismatch'),
        hint: '`crypto map outside_map 1 set pfs` on one side, nothing on the other',
      },
      {
        label:
          'The responder is an ASA/IOS crypto map whose dynamic entry comes before the static one',
        next: id('ipsec.crypto-map-order'),
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.multipleKeyrings],
  },
];
