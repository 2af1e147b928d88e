/**
 * Juniper SRX key management daemon messages: syslog (`show log messages | match kmd`,
 * `KMD_*` tags), the kmd trace file (`show log kmd`, `/var/log/kmd`) and the tunnel events that
 * `show security ipsec security-associations detail` lists. Written from the Junos system log
 * reference (KMD_* messages), Juniper KB articles on IKE/IPsec troubleshooting and public examples.
 */
import { messageOf } from '../../parse/lines.ts';
import type { SignalFact } from '../../../knowledge/facts.ts';
import type { IkeVersion, Role } from '../../../knowledge/schema.ts';
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

// An address inside a kmd identity: "ipv4(udp:500,[0..3]=203.0.113.1)" gives "203.0.113.1".
const IDENT = String.raw`\w{2,16}\([^)=]{0,40}=([^)\s]{1,64})\)`;
const ERR = String.raw`([A-Za-z_' -]{3,80}?)`;
// A kmd syslog tag or a kmd trace timestamp earlier on the line, for messages other vendors share.
// Samples: "srx kmd[1427]: ...", "[Jun 22 10:26:42]ike_st_i_id: ..."
const KMD_CONTEXT = String.raw`(?:\bkmd\[\d{1,7}\]:|^\[[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}\])[^\n]{0,400}?`;

const roleOf = (s: string | undefined): Role | undefined =>
  s === undefined
    ? undefined
    : /^init/i.test(s)
      ? 'initiator'
      : /^resp/i.test(s)
        ? 'responder'
        : undefined;
const versionOf = (s: string | undefined): IkeVersion | undefined =>
  s === undefined ? undefined : /2$/.test(s) ? 'ikev2' : 'ikev1';

const sig = (name: SignalFact['signal'], extra: Extra = {}): FactDraft =>
  signal({ signal: name, platform: PLATFORM, ...defined(extra) });

/**
 * The signals an error text proves. `phase` is 1 or 2 when the message or its context says so.
 * Error texts as Junos prints them: "No proposal chosen", "Authentication failed", "TS unacceptable",
 * "Timed out", "Peer's IKE-ID validation failed", "Invalid SPI", …
 */
function errorSignals(error: string, phase: 1 | 2 | undefined, extra: Extra): FactDraft[] {
  const e = error.trim();
  const value = e;
  if (/no proposal chosen|NO_PROPOSAL_CHOSEN/i.test(e)) {
    return [
      sig(phase === 2 ? 'ipsec.proposal-no-match' : 'ike.policy-no-match', {
        ...extra,
        notify: 'NO_PROPOSAL_CHOSEN',
        value,
      }),
    ];
  }
  if (/authentication failed|AUTHENTICATION_FAILED/i.test(e))
    return [sig('auth.failed', { ...extra, value })];
  if (/TS[ _]unacceptable|traffic selectors? unacceptable/i.test(e)) {
    return [sig('ipsec.ts-unacceptable', { ...extra, notify: 'TS_UNACCEPTABLE', value })];
  }
  if (
    /IKE-ID validation failed|IKE-ID mismatch|INVALID_ID_INFORMATION|invalid id information/i.test(
      e,
    )
  ) {
    return [sig('peer-id.mismatch', { ...extra, value })];
  }
  if (/timed? ?out|no response from peer/i.test(e))
    return [sig('ike.gave-up', { ...extra, value })];
  if (/invalid[ _-]spi/i.test(e))
    return [sig('ike.notify', { ...extra, notify: 'INVALID_SPI', value })];
  if (/invalid[ _]ke[ _]payload/i.test(e))
    return [sig('ike.notify', { ...extra, notify: 'INVALID_KE_PAYLOAD', value })];
  if (/invalid payload|malformed/i.test(e)) return [sig('psk.malformed', { ...extra, value })];
  if (/decrypt/i.test(e)) return [sig('psk.decrypt-failed', { ...extra, value })];
  return [];
}

const phaseOf = (s: string | undefined): 1 | 2 | undefined =>
  s === '1' ? 1 : s === '2' ? 2 : undefined;

// The phase a bare error belongs to, from what the paste said last about this exchange.
const rememberedPhase = (ctx: TableContext): 1 | 2 | undefined => phaseOf(ctx.memory.get('phase'));

/** The kmd message rules (exported for the sample tests). */
export const kmdRules: readonly LineRule[] = [
  {
    name: 'p1-policy-lookup-failure',
    sample:
      'kmd[1534]: KMD_PM_P1_POLICY_LOOKUP_FAILURE: Policy lookup for Phase-1 [responder] failed for p1_local=ipv4(udp:500,[0..3]=203.0.113.1) p1_remote=ipv4(udp:500,[0..3]=198.51.100.9)',
    re: new RegExp(
      String.raw`Policy lookup for Phase-1 \[(initiator|responder)\] failed for p1_local=${IDENT} p1_remote=${IDENT}`,
    ),
    // No gateway is configured for this peer address (or the external interface differs).
    emit: (m) =>
      sig('ike.policy-no-match', {
        role: roleOf(m[1]),
        local: m[2],
        peer: m[3],
        value: 'Phase-1 policy lookup failed: peer not configured',
      }),
  },
  {
    name: 'p2-policy-lookup-failure',
    sample:
      'kmd[1534]: KMD_PM_P2_POLICY_LOOKUP_FAILURE: Policy lookup for Phase-2 [responder] failed for p1_local=ipv4(udp:500,[0..3]=203.0.113.1) p1_remote=ipv4(udp:500,[0..3]=198.51.100.2) p2_local=ipv4_subnet(any:0,[0..7]=10.1.0.0/24) p2_remote=ipv4_subnet(any:0,[0..7]=10.3.0.0/24)',
    re: new RegExp(
      String.raw`Policy lookup for Phase-2 \[(initiator|responder)\] failed for p1_local=${IDENT} p1_remote=${IDENT}(?: p2_local=${IDENT} p2_remote=${IDENT})?`,
    ),
    // The proposed proxy IDs / traffic selectors match no VPN on this device.
    emit: (m) =>
      sig('ipsec.ts-unacceptable', {
        role: roleOf(m[1]),
        local: m[2],
        peer: m[3],
        value:
          m[4] !== undefined
            ? `p2_local=${m[4]} p2_remote=${m[5] ?? ''}`
            : 'Phase-2 policy lookup failed',
      }),
  },
  {
    name: 'ike-negotiation-failed',
    sample:
      'kmd[1427]: IKE negotiation failed with error: No proposal chosen. IKE Version: 1, VPN: vpn-branch Gateway: gw-branch, Local: 203.0.113.1/500, Remote: 198.51.100.2/500, Local IKE-ID: 203.0.113.1, Remote IKE-ID: Not-Available, VR-ID: 0, Role: Responder',
    re: new RegExp(
      String.raw`IKE negotiation failed with error: ${ERR}(?:\.|$)(?:\s*IKE Version:\s*(\d))?(?:[^\n]{0,200}?Local:\s*([\w.:]+)\/\d+,\s*Remote:\s*([\w.:]+)\/\d+)?(?:[^\n]{0,200}?Remote IKE-ID:\s*([^,\s]+))?(?:[^\n]{0,200}?Role:\s*(Initiator|Responder))?`,
    ),
    emit: (m, ctx) => {
      // An IKEv1 peer identity is only known after MM5/MM6 (IKEv2: in IKE_AUTH, with the child SA):
      // a failure once the remote IKE-ID is known belongs to phase 2.
      const idKnown = m[5] !== undefined && !/^Not-Available$/i.test(m[5]);
      const phase = /Phase-?2|quick mode/i.test(m[1] ?? '')
        ? 2
        : idKnown
          ? 2
          : rememberedPhase(ctx) === 2
            ? 2
            : 1;
      const v = m[2] !== undefined ? versionOf(`v${m[2]}`) : undefined;
      return errorSignals(m[1] ?? '', phase, {
        ikeVersion: v,
        local: m[3],
        peer: m[4],
        role: roleOf(m[6]),
      });
    },
  },
  {
    name: 'ike-phase-failure',
    sample:
      'kmd[1534]: IKE Phase-1 Failure: No proposal chosen [spi=(null), src_ip=198.51.100.2, dst_ip=203.0.113.1]',
    re: new RegExp(
      String.raw`IKE Phase-([12]) Failure: ${ERR}(?:\s*\[|\.|$)(?:[^\n]{0,80}?src_ip=([\w.:]+))?`,
    ),
    emit: (m) => {
      const phase = phaseOf(m[1]);
      const out = errorSignals(m[2] ?? '', phase, { peer: m[3] });
      // "Quick mode negotiations failed" and the like: phase 2 failed for a reason not given here.
      if (out.length === 0 && phase === 2)
        return sig('ike.state', { state: 'Phase-2 failed', value: (m[2] ?? '').trim() });
      return out.length > 0
        ? out
        : sig('ike.state', { state: `Phase-${m[1] ?? ''} failed`, value: (m[2] ?? '').trim() });
    },
  },
  {
    name: 'phase-failed-with-error',
    sample:
      '[Jun 22 10:26:42]Phase-1 [responder] failed with error(No proposal chosen) for local=ipv4(udp:500,[0..3]=203.0.113.1) remote=ipv4(udp:500,[0..3]=198.51.100.2)',
    re: new RegExp(
      String.raw`Phase-([12]) \[(initiator|responder)\] failed with error\(${ERR}\)(?: for (?:p1_)?local=${IDENT} (?:p1_)?remote=${IDENT})?`,
    ),
    emit: (m, ctx) => {
      ctx.memory.set('phase', m[1] ?? '');
      return errorSignals(m[3] ?? '', phaseOf(m[1]), {
        role: roleOf(m[2]),
        local: m[4],
        peer: m[5],
      });
    },
  },
  {
    name: 'phase-done',
    sample:
      '[Jun 22 10:26:42]Phase-1 [responder] done for local=ipv4(udp:500,[0..3]=203.0.113.1) remote=ipv4(udp:500,[0..3]=198.51.100.2)',
    re: new RegExp(
      String.raw`Phase-([12]) \[(initiator|responder)\] done for (?:p1_)?local=${IDENT} (?:p1_)?remote=${IDENT}`,
    ),
    emit: (m, ctx) => {
      ctx.memory.set('phase', '2');
      return sig(m[1] === '1' ? 'phase1.complete' : 'phase2.complete', {
        role: roleOf(m[2]),
        local: m[3],
        peer: m[4],
      });
    },
  },
  {
    name: 'phase1-exchange-completed',
    sample:
      '[Jun 22 10:26:42]ike_st_o_done: Phase-1 [initiator] Main mode exchange with 198.51.100.2 completed',
    re: /Phase-1\b(?: \[(initiator|responder)\])?[^\n]{0,80}?\bexchange\b[^\n]{0,80}?\bcompleted\b/i,
    emit: (m, ctx) => {
      ctx.memory.set('phase', '2');
      return sig('phase1.complete', { role: roleOf(m[1]) });
    },
  },
  {
    name: 'ipsec-negotiation-done',
    sample:
      '[Jun 22 10:26:43]IPSec negotiation done successfully for SA-CFG vpn-branch for local:203.0.113.1, remote:198.51.100.2 IKEv1',
    re: /IPSec negotiation done successfully(?: for SA-CFG (\S+))?(?: for local:([\w.:]+), remote:([\w.:]+)(?: (IKEv[12]))?)?/,
    emit: (m) =>
      sig('phase2.complete', { value: m[1], local: m[2], peer: m[3], ikeVersion: versionOf(m[4]) }),
  },
  {
    name: 'ike-negotiation-done-status',
    sample:
      '[Jun 22 10:26:42]IKE negotiation done for local:203.0.113.1 remote:198.51.100.2 IKEv1 with status: Timed out',
    re: new RegExp(
      String.raw`IKE negotiation done for local:([\w.:]+) remote:([\w.:]+) (IKEv[12]) with status: ${ERR}(?:\.|,|\s*$)`,
    ),
    emit: (m, ctx) => {
      const status = (m[4] ?? '').trim();
      const extra: Extra = { local: m[1], peer: m[2], ikeVersion: versionOf(m[3]) };
      if (/^success/i.test(status)) return sig('phase1.complete', extra);
      return errorSignals(status, rememberedPhase(ctx), extra);
    },
  },
  {
    name: 'ssh-stack-error',
    sample:
      '[Jun 22 10:26:42]203.0.113.1:500 (Responder) <-> 198.51.100.2:500 { 2a5b3c4d 5e6f7a8b - 9c8d7e6f 5a4b3c2d [-1] / 0x00000000 } IP; Error = No proposal chosen (14)',
    re: /\((Initiator|Responder)\) <-> ([\w.:]{2,45}?):\d{1,5} \{[^}]{0,120}\} (\w{1,12}); Error = ([A-Za-z_' -]{3,80}?) \((\d{1,5})\)/,
    // The exchange tag: IP (main mode = identity protection), Aggr, QM (quick mode), Info.
    emit: (m) => {
      const phase = m[3] === 'QM' ? 2 : m[3] === 'IP' || m[3] === 'Aggr' ? 1 : undefined;
      const exchange = m[3] === 'QM' ? 'QM' : m[3] === 'IP' ? 'MM' : m[3] === 'Aggr' ? 'AM' : m[3];
      return errorSignals(m[4] ?? '', phase, {
        role: roleOf(m[1]),
        peer: m[2],
        exchange,
        ikeVersion: 'ikev1',
      });
    },
  },
  {
    name: 'notify-error-code',
    sample:
      'Tue Jun 22 2021 10:20:01 +0200: Negotiation failed with error code TS_UNACCEPTABLE received from peer (3 times)',
    re: /Negotiation failed with error code ([A-Z][A-Z0-9_]{2,40})( received from peer)?/,
    emit: (m, ctx) => {
      const notify = m[1] ?? '';
      const direction = m[2] !== undefined ? ('received' as const) : undefined;
      const out: FactDraft[] = [sig('ike.notify', { notify, direction })];
      // Tunnel events of an IPsec SA: a NO_PROPOSAL_CHOSEN there is about phase 2 only once phase 1 is up.
      out.push(...errorSignals(notify, rememberedPhase(ctx), { notify, direction }));
      return out;
    },
  },
  {
    name: 'ike-id-validation-failed',
    sample:
      "Tue Jun 22 2021 10:20:01 +0200: Peer's IKE-ID validation failed during negotiation (2 times)",
    re: /Peer's IKE-ID validation failed|IKE-ID mismatch/i,
    emit: () => sig('peer-id.mismatch', { value: "Peer's IKE-ID validation failed" }),
  },
  {
    name: 'no-response',
    sample: 'Tue Jun 22 2021 10:20:01 +0200: No response from peer. Negotiation failed (14 times)',
    re: /No response from peer\. Negotiation failed/,
    emit: () => sig('ike.gave-up', { value: 'No response from peer' }),
  },
  {
    name: 'ike-sa-completed',
    sample: 'Tue Jun 22 2021 10:26:58 +0200: IKE SA negotiation successfully completed (1 times)',
    re: /IKE SA (?:negotiation|rekey) successfully completed/,
    emit: (_m, ctx) => {
      ctx.memory.set('phase', '2');
      return sig('phase1.complete');
    },
  },
  {
    name: 'ipsec-sa-completed',
    sample: 'Tue Jun 22 2021 10:27:01 +0200: IPSec SA negotiation successfully completed (1 times)',
    re: /IPSec SA (?:negotiation|rekey) successfully completed/,
    emit: () => sig('phase2.complete'),
  },
  {
    name: 'initial-contact',
    sample:
      'Tue Jun 22 2021 10:27:01 +0200: Initial-Contact received from peer. Stale IKE/IPSec SAs cleared (1 times)',
    re: /Initial-Contact received from peer/,
    emit: () => sig('ike.notify', { notify: 'INITIAL_CONTACT', direction: 'received' }),
  },
  {
    name: 'invalid-spi',
    sample:
      'Jun 22 10:31:02  srx kmd[1427]: IKE negotiation: received notify INVALID_SPI (invalid-spi) from peer 198.51.100.2',
    re: new RegExp(String.raw`${KMD_CONTEXT}\binvalid[-_ ]spi\b`, 'i'),
    emit: () => sig('ike.notify', { notify: 'INVALID_SPI' }),
  },
  {
    name: 'tunnel-event-info',
    sample:
      'Tue Jun 22 2021 10:26:40 +0200: Tunnel is ready. Waiting for trigger event or peer to trigger negotiation (1 times)',
    re: /Tunnel is ready\. Waiting for trigger event|External interface's address received\. Information updated|Bind-interface's (?:zone|address) received\. Information updated|(?:IPSec SA|IKE SA)? ?[Dd]elete payload received from peer, corresponding (?:IPSec|IKE) SAs? cleared|Tunnel configuration changed\. Corresponding IKE\/IPSec SAs are deleted/,
  },
  {
    name: 'sa-established',
    sample:
      'kmd[1427]: KMD_PM_SA_ESTABLISHED: Local gateway: 203.0.113.1, Remote gateway: 198.51.100.2, Local ID: ipv4_subnet(any:0,[0..7]=10.1.0.0/16), Remote ID: ipv4_subnet(any:0,[0..7]=10.2.0.0/16), Direction: inbound, SPI: 0x3e2a1f10, AUX-SPI: 0, Mode: Tunnel, Type: dynamic, Traffic-selector:  FC Name:',
    re: /KMD_PM_SA_ESTABLISHED:\s*Local gateway:\s*([\w.:]+),\s*Remote gateway:\s*([\w.:]+)(?:[^\n]{0,300}?Direction:\s*(inbound|outbound))?/,
    emit: (m) => sig('phase2.complete', { local: m[1], peer: m[2], value: m[3] }),
  },
  {
    name: 'vpn-up',
    sample:
      'kmd[1427]: KMD_VPN_UP_ALARM_USER: VPN vpn-branch from 198.51.100.2 is up. Local-ip: 203.0.113.1, gateway name: gw-branch, vpn name: vpn-branch, tunnel-id: 131073, local tunnel-if: st0.0, remote tunnel-ip: Not-Available, Local IKE-ID: 203.0.113.1, Remote IKE-ID: 198.51.100.2, AAA username: Not-Applicable, VR id: 0, Traffic-selector: , Traffic-selector local ID: ipv4_subnet(any:0,[0..7]=10.1.0.0/16), Traffic-selector remote ID: ipv4_subnet(any:0,[0..7]=10.2.0.0/16), SA Type: Static',
    re: /KMD_VPN_UP_ALARM_USER:\s*VPN (\S+) from ([\w.:]+) is up(?:\.\s*Local-ip:\s*([\w.:]+))?/,
    emit: (m) => [
      sig('phase1.complete', { peer: m[2], local: m[3], value: m[1] }),
      sig('phase2.complete', { peer: m[2], local: m[3], value: m[1] }),
    ],
  },
  {
    name: 'vpn-down',
    sample:
      'kmd[1427]: KMD_VPN_DOWN_ALARM_USER: VPN vpn-branch from 198.51.100.2 is down. Local-ip: 203.0.113.1, gateway name: gw-branch, vpn name: vpn-branch, tunnel-id: 131073, local tunnel-if: st0.0, remote tunnel-ip: Not-Available, Local IKE-ID: 203.0.113.1, Remote IKE-ID: 198.51.100.2, AAA username: Not-Applicable, VR id: 0, Traffic-selector: , Traffic-selector local ID: ipv4_subnet(any:0,[0..7]=10.1.0.0/16), Traffic-selector remote ID: ipv4_subnet(any:0,[0..7]=10.2.0.0/16), SA Type: Static',
    re: /KMD_VPN_DOWN_ALARM_USER:\s*VPN (\S+) from ([\w.:]+) is down(?:\.\s*Local-ip:\s*([\w.:]+))?(?:[^\n]{0,200}?local tunnel-if:\s*([\w./-]+))?/,
    emit: (m) => sig('tunnel.down', { peer: m[2], local: m[3], value: m[4] ?? m[1] }),
  },
  {
    name: 'authentication-failed',
    sample: '[Jun 22 10:26:42]ike_st_i_id_auth: Authentication failed for peer 198.51.100.2',
    re: new RegExp(String.raw`${KMD_CONTEXT}\bAuthentication failed\b`),
    weak: true,
    emit: () => sig('auth.failed', { value: 'Authentication failed' }),
  },
  {
    // The tail of a long KMD_VPN_* message that a terminal wrapped onto the next line.
    name: 'kmd-vpn-continuation',
    sample:
      ' vpn-branch, tunnel-id: 131073, local tunnel-if: st0.0, remote tunnel-ip: Not-Available, Local IKE-ID: 203.0.113.1',
    re: /^\s*[\w.-]{0,64},?\s?(?:tunnel-id: \d+|local tunnel-if: |remote tunnel-ip: |Local IKE-ID: |Remote IKE-ID: |AAA username: |VR id: |Traffic-selector(?: local| remote)? ID: |SA Type: )/,
    weak: true,
  },
  {
    name: 'kmd-generic',
    sample: 'Jun 22 10:26:40  srx kmd[1427]: KMD_INTERNAL_ERROR: ...',
    re: /\bkmd\[\d{1,7}\]:|\bKMD_[A-Z0-9_]{3,40}\b/,
    weak: true,
  },
];

/** kmd syslog, `/var/log/kmd` trace lines and IPsec SA tunnel events on an SRX. */
export const kmdLog = tableParser({
  id: 'juniper-srx-kmd-log',
  platform: PLATFORM,
  command: 'show log kmd',
  marker:
    /\bkmd\[\d+\]|\bKMD_[A-Z_]+|IKE negotiation (?:failed|done)|Phase-[12] \[(?:initiator|responder)\]|IKE Phase-[12] Failure|IPSec negotiation done|(?:IKE|IPSec) SA (?:negotiation|rekey) successfully|Negotiation failed with error code|IKE-ID validation failed|No response from peer\. Negotiation failed|Policy lookup for Phase-[12]|\((?:Initiator|Responder)\) <-> /,
  rules: kmdRules,
});

/**
 * The signals one kmd message proves, for show parsers that print the same texts (the tunnel events
 * and down reasons of `show security ipsec security-associations detail` / `inactive-tunnels`).
 */
export function kmdEventSignals(text: string, no: number): FactDraft[] {
  const ctx: TableContext = {
    memory: new Map(),
    line: { no, raw: text, text, message: messageOf(text) },
  };
  const out: FactDraft[] = [];
  for (const rule of kmdRules) {
    if (rule.weak === true || rule.emit === undefined) continue;
    rule.re.lastIndex = 0;
    const m = rule.re.exec(text);
    if (!m) continue;
    const r = rule.emit(m, ctx);
    if (r === null) continue;
    if (Array.isArray(r)) out.push(...(r as readonly FactDraft[]));
    else out.push(r as FactDraft);
  }
  return out;
}
