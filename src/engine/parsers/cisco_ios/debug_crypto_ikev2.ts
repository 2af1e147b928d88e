/**
 * Cisco IOS / IOS-XE `debug crypto ikev2` (with and without `packet`).
 * Source of the sample lines: Troubleshooting IPsec VPNs (Cisco Press), chapter 14.
 */
import { signal, tableParser, type FactDraft, type LineRule } from '../../parse/table.ts';
import { echoRule, withWrappedTails } from './debug_common.ts';
import { ikev2AuthRules } from './debug_crypto_ikev2_auth.ts';
import { dumpRules, packetRules } from './debug_crypto_ikev2_packets.ts';
import { withPayloadLists } from './debug_crypto_ikev2_payloads.ts';
import { IKEV2, TAG } from './debug_crypto_ikev2_tag.ts';

/** No proposal matched: IKE_SA_INIT proposals are phase 1, ESP proposals (IKE_AUTH, CREATE_CHILD_SA) phase 2. */
function policyNoMatch(memory: Map<string, string>): FactDraft {
  const kind =
    memory.get('policyKind') ??
    (memory.get('exchange') === 'IKE_SA_INIT' || memory.get('exchange') === undefined
      ? 'ike'
      : 'ipsec');
  return signal({
    signal: kind === 'ipsec' ? 'ipsec.proposal-no-match' : 'ike.policy-no-match',
    ...IKEV2,
  });
}

const rules: readonly LineRule[] = [
  echoRule(String.raw`ikev2`, 'Router#debug crypto ikev2'),
  ...packetRules,
  // ---- Proposals (IKE_SA_INIT: IKE proposals; IKE_AUTH / CREATE_CHILD_SA: ESP proposals)
  {
    name: 'processing-message',
    sample: 'IKEv2:(SESSION ID = 9,SA ID = 1):Processing IKE_SA_INIT message',
    re: new RegExp(
      String.raw`${TAG}Processing (IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL) message`,
    ),
    emit: (m, { memory }) => {
      memory.set('exchange', m[1] ?? '');
      return null;
    },
  },
  {
    // "Received Policies: : Failed to find a matching policyESP: Proposal 1:  3DES SHA256 Don't use ESN"
    name: 'received-policies',
    sample:
      "IKEv2:(SESSION ID = 473,SA ID = 1):Received Policies: : Failed to find a matching policyESP: Proposal 1:  3DES SHA256 Don't use ESN",
    re: new RegExp(
      String.raw`${TAG}Received Policies: ?: ?Failed to find a matching\s?policy\s?(ESP: ?|AH: ?)?Proposal \d+: {0,4}([^\n]{0,200})`,
    ),
    emit: (m, { memory }) => {
      const esp = m[1] !== undefined;
      memory.set('policyKind', esp ? 'ipsec' : 'ike');
      return signal({
        signal: esp ? 'ipsec.proposal-no-match' : 'ike.policy-no-match',
        ...IKEV2,
        value: (m[2] ?? '').trim(),
      });
    },
  },
  {
    name: 'expected-policies',
    sample:
      'IKEv2:(SESSION ID = 9,SA ID = 1):Expected Policies: : Failed to find a matching policyProposal 1:  AES-CBC-128 SHA256 SHA256 DH_GROUP_2048_MODP/Group 14',
    re: new RegExp(
      String.raw`${TAG}Expected Policies: ?: ?Failed to find a matching\s?policy(?=\s?(?:ESP: ?|AH: ?)?Proposal|\s*$)`,
    ),
  },
  {
    name: 'no-matching-policy',
    sample: 'IKEv2:(SESSION ID = 9,SA ID = 1):: Failed to find a matching policy',
    re: new RegExp(String.raw`${TAG}:? ?Failed to find a matching\s?policy\s*$`),
    emit: (_m, { memory }) => policyNoMatch(memory),
  },
  {
    name: 'proposal-line',
    sample: 'Proposal 2:  AES-CBC-128 SHA256 SHA256 DH_GROUP_2048_MODP/Group 14',
    re: /^\s*(?:ESP: |AH: )?Proposal \d+: {1,4}[A-Z0-9]/,
  },
  {
    name: 'no-proposal-chosen-sent',
    sample: 'IKEv2:(SESSION ID = 9,SA ID = 1):Sending no proposal chosen notify',
    re: new RegExp(String.raw`${TAG}Sending no proposal chosen notify`),
    emit: (_m, { memory }) => [
      signal({ signal: 'ike.notify', ...IKEV2, notify: 'NO_PROPOSAL_CHOSEN', direction: 'sent' }),
      ...[policyNoMatch(memory)],
    ],
  },
  {
    name: 'validate-callback',
    sample:
      'IKEv2:(SA ID = 1):[IPsec -> IKEv2] Callback received for the validate proposal - FAILED.',
    re: new RegExp(
      String.raw`${TAG}\[IPsec -> IKEv2\] Callback received for the validate proposal -\s?(FAILED|PASSED)`,
    ),
    emit: (m, { memory }) => {
      if (m[1] === 'FAILED') memory.set('policyKind', 'ipsec');
      return null;
    },
  },
  {
    name: 'ipsec-validate-request',
    sample: 'IKEv2:IPSec policy validate request sent for profile default with psh index 1.',
    re: /IPSec policy validate request sent for profile/,
    emit: (_m, { memory }) => {
      memory.set('exchange', 'IKE_AUTH');
      return null;
    },
  },
  // ---- Traffic selectors
  {
    name: 'no-policy-for-ts',
    sample: 'IKEv2:(SESSION ID = 1067,SA ID = 1):: There was no IPSEC policy found for received TS',
    re: /There was no IPSEC policy found for\s?received TS/,
    emit: () => signal({ signal: 'ipsec.no-policy-for-ts', ...IKEV2 }),
  },
  {
    name: 'ts-unacceptable-sent',
    sample: 'IKEv2:(SESSION ID = 1067,SA ID = 1):Sending TS unacceptable notify',
    re: /Sending TS unacceptable notify/,
    emit: () => [
      signal({ signal: 'ike.notify', ...IKEV2, notify: 'TS_UNACCEPTABLE', direction: 'sent' }),
      signal({ signal: 'ipsec.ts-unacceptable', ...IKEV2, direction: 'sent' }),
    ],
  },
  ...ikev2AuthRules,
  // ---- Notifies in the payload list and success
  {
    name: 'building-packet',
    sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):Building packet for encryption.',
    re: new RegExp(String.raw`${TAG}Building packet for encryption`),
    emit: (_m, { memory }) => {
      memory.set('direction', 'sent');
      memory.delete('packetExchange');
      return null;
    },
  },
  {
    name: 'sa-up',
    sample:
      'IKEv2:(SESSION ID = 1,SA ID = 1):Session with IKE ID PAIR (hostname=R1.cisco.com, hostname=R5.cisco.com,cn=r5,o=cisco,ou=service1) is UP',
    re: /Session with IKE ID PAIR \(([^)]{0,400})\) is UP/,
    emit: () => signal({ signal: 'phase1.complete', ...IKEV2 }),
  },
  {
    // IOS-XE state machine trace (debug crypto ikev2 internal): "(I)" / "(R)" is this device's role.
    name: 'sm-trace',
    sample:
      'IKEv2-INTERNAL:(SESSION ID = 1,SA ID = 1):SM Trace-> SA: I_SPI=4A2B5C6D7E8F9011 R_SPI=1122334455667788 (I) MsgID = 1 CurState: READY Event: EV_CHK_IKE_ONLY',
    re: /SM Trace-> SA: I_SPI=[0-9A-F]+ R_SPI=[0-9A-F]+ \((I|R)\) MsgID = \d+ CurState: ([A-Z][A-Z0-9_]{1,40}) Event: ([A-Z][A-Z0-9_]{1,40})/,
    emit: (m) => {
      const role = m[1] === 'I' ? 'initiator' : 'responder';
      const state = m[2] ?? '';
      return state === 'READY'
        ? [
            signal({ signal: 'ike.state', ...IKEV2, state, role }),
            signal({ signal: 'phase1.complete', ...IKEV2, state, role }),
          ]
        : signal({ signal: 'ike.state', ...IKEV2, state, role, value: m[3] ?? '' });
    },
  },
  {
    // IKE installed the child SA in the IPsec database: phase 2 is complete.
    name: 'ipsec-sa-created',
    sample: 'IKEv2:(SA ID = 1):[IKEv2 -> IPsec] Create IPsec SA into IPsec database PASSED',
    re: /\[IKEv2 -> IPsec\] Create IPsec SA into IPsec database (PASSED|FAILED)/,
    emit: (m) => (m[1] === 'PASSED' ? signal({ signal: 'phase2.complete', ...IKEV2 }) : null),
  },
  {
    name: 'sa-established',
    sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):IKEv2 SA ESTABLISHED',
    re: /\bSA ESTABLISHED\b/,
    emit: () => signal({ signal: 'phase1.complete', ...IKEV2, state: 'ESTABLISHED' }),
  },
  {
    name: 'delete-ipsec-sa',
    sample:
      'IKEv2:(SESSION ID = 1,SA ID = 1):Sending DELETE INFO message for IPsec SA [SPI: 0xAEF5E4BE]',
    re: /Sending DELETE INFO message for (?:IPsec|IKEv2) SA(?:\s?\[SPI:\s?0x[0-9A-F]+\])?/,
  },
  ...dumpRules,
  {
    name: 'proposal',
    sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):IKE Proposal: 1, SPI size: 0 (initial negotiation),',
    re: new RegExp(String.raw`${TAG}IKE Proposal: \d+`),
  },
  { name: 'transforms', sample: 'Num. transforms: 15', re: /^\s*Num\. transforms: \d+/ },
  {
    name: 'transform-list',
    sample: '   AES-CBC   AES-CBC   AES-CBC   SHA512',
    // Tokens separated by at least one space (an optional separator would let the tokens split a
    // word in many ways and backtrack exponentially).
    re: /^\s*(?:AES-CBC|AES-GCM|3DES|DES|SHA\d*|MD5\d*|DH_GROUP_\d+_[A-Z]+(?:\/Group \d+)?|Group \d+|negotiation\),?)(?:\s+(?:AES-CBC|AES-GCM|3DES|DES|SHA\d*|MD5\d*|DH_GROUP_\d+_[A-Z]+(?:\/Group \d+)?|Group \d+|negotiation\),?))*\s*$/,
  },
  {
    name: 'lifetime',
    sample: 'SA lifetime timer (86400 sec) started',
    re: /SA lifetime timer \((\d+) sec\) started/,
    emit: (m) => signal({ signal: 'ike.lifetime', ...IKEV2, value: m[1] ?? '' }),
  },
  {
    name: 'empty-tag',
    sample: 'IKEv2:(SESSION ID = 8,SA ID = 1):',
    re: /^IKEv2(?:-[A-Z]+)?:\((?:SESSION ID = \d+,)?\s?SA ID = \d+\):\s*$/,
    weak: true,
  },
  {
    name: 'generic',
    sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):Insert SA',
    re: new RegExp(String.raw`^${TAG}\S`),
    weak: true,
  },
];

/** `debug crypto ikev2` on IOS / IOS-XE. */
export const debugCryptoIkev2 = withPayloadLists(
  withWrappedTails(
    tableParser({
      id: 'cisco-ios-debug-crypto-ikev2',
      platform: 'cisco-ios',
      command: 'debug crypto ikev2',
      marker:
        /IKEv2(?:-[A-Z]+)?:{1,2} ?(?:\((?:SESSION ID|SA ID|\d)|%|[A-Z])|IKEv2 (?:IKE_SA_INIT|IKE_AUTH) Exchange/,
      rules,
    }),
  ),
);
