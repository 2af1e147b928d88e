/**
 * PAN-OS IKE daemon log (`less mp-log ikemgr.log`, `tail follow yes mp-log ikemgr.log`). Written
 * from Palo Alto Networks knowledge base articles on IPsec troubleshooting and public examples.
 * Every rule needs the ikemgr level tag (`[PNTF]:`, `[PERR]:`, `[INFO]:` …) or the `====>` banner,
 * so messages that other daemons share are not read twice.
 */
import type { SignalFact } from '../../../knowledge/facts.ts';
import type { Role } from '../../../knowledge/schema.ts';
import {
  signal,
  tableParser,
  type FactDraft,
  type LineRule,
  type TableContext,
} from '../../parse/table.ts';
import { defined, PLATFORM } from './common.ts';

type Extra = {
  [K in keyof Omit<SignalFact, 'kind' | 'format' | 'lines' | 'signal' | 'platform'>]?:
    SignalFact[K] | undefined;
};

// The level tag and the optional "{ gateway: sa: }" context of every ikemgr line, then any text.
// Samples: "[PERR]: { 1:     }: ", "[INFO]: ", "[PNTF]: { 2:   5:  }: "
const TAG = String.raw`\[(?:PNTF|PERR|PWRN|INFO|DEBUG|DBG|WARN|ERR|NOTIFY|PROTO_ERR|PROTO_WARN|PROTO_NOTIFY|PROTO_DEBUG|INTERNAL_ERR|ERROR)\]:\s*(?:\{[\d: ]{0,40}\}:\s*)?`;
const AFTER_TAG = String.raw`${TAG}[^\n]{0,300}?`;

const roleOf = (s: string | undefined): Role | undefined =>
  s === undefined
    ? undefined
    : /^init/i.test(s)
      ? 'initiator'
      : /^resp/i.test(s)
        ? 'responder'
        : undefined;
const sig = (name: SignalFact['signal'], extra: Extra = {}): FactDraft =>
  signal({ signal: name, platform: PLATFORM, ...defined(extra) });
const phase = (ctx: TableContext): 1 | 2 => (ctx.memory.get('phase') === '2' ? 2 : 1);
const version = (ctx: TableContext) =>
  ctx.memory.get('version') === 'ikev2' ? ('ikev2' as const) : ('ikev1' as const);
const peer = (ctx: TableContext) => ctx.memory.get('peer');

/** The ikemgr rules (exported for the sample tests). */
export const ikemgrRules: readonly LineRule[] = [
  {
    name: 'ikev1-banner',
    sample:
      '2021-03-12 10:15:02.123 +0100 [PNTF]: { 1:     }: ====> PHASE-1 NEGOTIATION SUCCEEDED AS INITIATOR, MAIN MODE <====',
    re: /====> PHASE-([12]) NEGOTIATION (STARTED|SUCCEEDED|FAILED) AS (INITIATOR|RESPONDER)(?:, (MAIN|AGGRESSIVE|QUICK) MODE| \((QUICK) MODE\)|, \(QUICK MODE\))? <====/,
    emit: (m, ctx) => {
      const ph = m[1] ?? '1';
      ctx.memory.set('phase', ph);
      ctx.memory.set('version', 'ikev1');
      const role = roleOf(m[3]);
      const extra: Extra = { role, ikeVersion: 'ikev1', peer: peer(ctx) };
      if (m[2] === 'SUCCEEDED')
        return sig(ph === '1' ? 'phase1.complete' : 'phase2.complete', extra);
      if (m[2] === 'STARTED' && m[4] === 'AGGRESSIVE')
        return [
          sig('ike.aggressive-mode', extra),
          sig('ike.state', { ...extra, state: `PHASE-${ph} STARTED` }),
        ];
      return sig('ike.state', { ...extra, state: `PHASE-${ph} ${m[2] ?? ''}` });
    },
  },
  {
    name: 'ikev2-banner',
    sample:
      '2021-03-12 10:15:03.456 +0100 [PNTF]: { 2:   5:  }: ====> IKEv2 CHILD SA NEGOTIATION SUCCEEDED AS INITIATOR, non-rekey; gateway GW-AWS <====',
    re: /====> IKEv2 (IKE|CHILD) SA (?:REKEY )?NEGOTIATION (?:IS )?(STARTED|SUCCEEDED|FAILED) AS (INITIATOR|RESPONDER)(?:, ([\w-]+))?/i,
    emit: (m, ctx) => {
      const child = /CHILD/i.test(m[1] ?? '');
      ctx.memory.set('phase', child ? '2' : '1');
      ctx.memory.set('version', 'ikev2');
      const extra: Extra = { role: roleOf(m[3]), ikeVersion: 'ikev2', peer: peer(ctx) };
      const what = (m[2] ?? '').toUpperCase();
      if (what === 'SUCCEEDED') return sig(child ? 'phase2.complete' : 'phase1.complete', extra);
      return sig('ike.state', { ...extra, state: `IKEv2 ${child ? 'CHILD' : 'IKE'} SA ${what}` });
    },
  },
  {
    name: 'sa-line',
    sample:
      '====> Established SA: 203.0.113.1[500]-198.51.100.2[500] cookie:2a5b3c4d5e6f7a8b:9c8d7e6f5a4b3c2d lifetime 28800 Sec <====',
    re: /====> (?:Initiated|Established|Failed|Deleted|Expired|Rekeyed) SA: ([\w.:]{2,45})\[(\d{1,5})\]-([\w.:]{2,45})\[(\d{1,5})\]/,
    emit: (m, ctx) => {
      ctx.memory.set('local', m[1] ?? '');
      ctx.memory.set('peer', m[3] ?? '');
      return null;
    },
  },
  {
    name: 'no-suitable-proposal',
    sample:
      "2021-03-12 10:20:05.123 +0100 [PERR]: { 1:     }: no suitable proposal found in peer's SA payload.",
    re: new RegExp(
      String.raw`${AFTER_TAG}(?:no suitable proposal found|failed to get valid proposal|no proposal chosen|NO-PROPOSAL-CHOSEN|NO_PROPOSAL_CHOSEN)`,
      'i',
    ),
    emit: (_m, ctx) =>
      sig(phase(ctx) === 2 ? 'ipsec.proposal-no-match' : 'ike.policy-no-match', {
        ikeVersion: version(ctx),
        peer: peer(ctx),
        notify: 'NO_PROPOSAL_CHOSEN',
      }),
  },
  {
    name: 'phase-timeout',
    sample:
      '2021-03-12 10:31:44.010 +0100 [INFO]: { 1:     }: phase1 negotiation failed due to time up. 2a5b3c4d5e6f7a8b:0000000000000000',
    re: new RegExp(
      String.raw`${AFTER_TAG}phase[- ]?([12]) negotiation (?:is )?failed[^\n]{0,200}?due to (?:negotiation )?time ?(?:up|out)`,
      'i',
    ),
    emit: (m, ctx) =>
      sig('ike.gave-up', {
        ikeVersion: version(ctx),
        peer: peer(ctx),
        exchange: m[1] === '2' ? 'QM' : 'MM',
      }),
  },
  {
    name: 'resend',
    sample:
      '2021-03-12 10:31:14.002 +0100 [DEBUG]: { 1:     }: resend phase1 packet 2a5b3c4d5e6f7a8b:0000000000000000',
    re: new RegExp(
      String.raw`${AFTER_TAG}(?:resend phase([12]) packet(?: ([0-9a-f]{16}):([0-9a-f]{16}))?|retransmit(?:ting|ted)?\b)`,
      'i',
    ),
    // The cookies say which SA; a responder cookie of zeros means no answer to the first message yet.
    emit: (m, ctx) =>
      sig('ike.retransmit', {
        ikeVersion: version(ctx),
        peer: peer(ctx),
        exchange: m[1] === '2' ? 'QM' : m[1] === '1' ? 'MM' : undefined,
        spi: m[2] && m[3] ? `${m[2]}/${m[3]}` : undefined,
      }),
  },
  {
    name: 'psk-mismatch',
    sample:
      '2021-03-12 10:40:02.771 +0100 [PERR]: { 1:     }: 198.51.100.2[500] - 203.0.113.1[500]:0x7fd1c8e5a2b0 Pre-shared key mismatch: failed to decrypt',
    re: new RegExp(
      String.raw`${AFTER_TAG}(?:pre-?shared key mismatch|failed to decrypt|decryption failed|probably pre-shared key mismatch)`,
      'i',
    ),
    emit: (_m, ctx) => sig('psk.decrypt-failed', { ikeVersion: version(ctx), peer: peer(ctx) }),
  },
  {
    name: 'invalid-id-payload',
    sample: '2021-03-12 10:40:02.772 +0100 [PERR]: { 1:     }: invalid ID payload.',
    re: new RegExp(
      String.raw`${AFTER_TAG}(?:invalid ID payload|payload malformed|PAYLOAD-MALFORMED|PAYLOAD_MALFORMED)`,
      'i',
    ),
    emit: (_m, ctx) => sig('psk.malformed', { ikeVersion: version(ctx), peer: peer(ctx) }),
  },
  {
    name: 'psk-not-found',
    sample:
      "2021-03-12 10:40:02.772 +0100 [PERR]: { 1:     }: couldn't find the pskey for 198.51.100.2.",
    re: new RegExp(String.raw`${AFTER_TAG}couldn'?t find the pskey for ([\w.:]{2,45})`, 'i'),
    emit: (m) => sig('psk.not-found', { peer: m[1]?.replace(/\.$/, '') }),
  },
  {
    name: 'authentication-failed',
    sample:
      '2021-03-12 10:52:10.100 +0100 [PERR]: { 2:   5:  }: received notify type AUTHENTICATION_FAILED',
    re: new RegExp(
      String.raw`${AFTER_TAG}(?:authentication fail(?:ed|ure)|AUTHENTICATION[_-]FAILED)`,
      'i',
    ),
    emit: (_m, ctx) => sig('auth.failed', { ikeVersion: version(ctx), peer: peer(ctx) }),
  },
  {
    name: 'proxy-id-mismatch',
    sample:
      '2021-03-12 11:05:42.300 +0100 [PERR]: { 1:  1}: received ID_IPV4_ADDR_SUBNET 10.2.0.0/24 does not match any proxy-id of tunnel tunnel-Branch',
    re: new RegExp(
      String.raw`${AFTER_TAG}(?:proxy[- ]?id (?:mismatch|does not match)|received ID_IPV[46]_ADDR\w{0,10}\b[^\n]{0,200}?does not match|TS[_-]UNACCEPTABLE|no policy found)`,
      'i',
    ),
    emit: (_m, ctx) => sig('ipsec.ts-unacceptable', { ikeVersion: version(ctx), peer: peer(ctx) }),
  },
  {
    name: 'notify-type',
    sample:
      '2021-03-12 10:52:10.100 +0100 [PERR]: { 2:   5:  }: received notify type NO_PROPOSAL_CHOSEN',
    re: new RegExp(
      String.raw`${AFTER_TAG}(received|sending|sent|send) notify type ([A-Z][A-Z0-9_-]{2,40})`,
    ),
    emit: (m, ctx) =>
      sig('ike.notify', {
        notify: (m[2] ?? '').replace(/-/g, '_'),
        direction: m[1] === 'received' ? 'received' : 'sent',
        ikeVersion: version(ctx),
        peer: peer(ctx),
      }),
  },
  {
    name: 'unauthenticated-notify',
    sample:
      '2021-03-12 10:40:02.772 +0100 [PWRN]: { 1:     }: ignoring unauthenticated notify payload (INVALID-ID-INFORMATION)',
    re: new RegExp(
      String.raw`${AFTER_TAG}ignoring unauthenticated notify payload(?: \(([A-Z][A-Z0-9_-]{2,40})\))?`,
    ),
    emit: (m, ctx) =>
      sig('ike.notify', {
        notify: m[1]?.replace(/-/g, '_'),
        direction: 'received',
        value: 'unauthenticated, ignored',
        peer: peer(ctx),
      }),
  },
  {
    name: 'ikemgr-generic',
    sample: '2021-03-12 10:15:02.345 +0100 [INFO]: { 1:     }: received Vendor ID: RFC 3947',
    re: new RegExp(String.raw`${TAG}\S`),
    weak: true,
  },
  {
    name: 'banner-generic',
    sample: '====> Initiated SA: 203.0.113.1[500]-198.51.100.2[500] message id:0xA1B2C3D4 <====',
    re: /====> [^<]{1,300}<====/,
    weak: true,
  },
];

/** PAN-OS `ikemgr.log`. */
export const ikemgrLog = tableParser({
  id: 'paloalto-ikemgr-log',
  platform: PLATFORM,
  command: 'less mp-log ikemgr.log',
  marker:
    /====> (?:PHASE-[12]|IKEv2 \w+ SA|Initiated SA|Established SA|Failed SA)|\[(?:PNTF|PERR|PWRN)\]:/,
  rules: ikemgrRules,
});
