/**
 * PAN-OS system log VPN events (`show log system subtype equal vpn`, the System log in the web UI,
 * syslog exports): `ike-nego-p1-fail`, `ike-nego-p2-fail`, `ike-nego-p1-succ`, `ike-generic-event`,
 * the IKEv2 `ikev2-nego-*` events and their descriptions. Written from the PAN-OS system log
 * reference (VPN event IDs) and Palo Alto Networks knowledge base examples.
 * The descriptions are matched by their PAN-OS wording ("negotiation is failed as initiator"), so
 * ikemgr.log lines (read by `paloalto-ikemgr-log`) are not read twice.
 */
import type { SignalFact } from '../../../knowledge/facts.ts';
import type { Role } from '../../../knowledge/schema.ts';
import { signal, tableParser, type FactDraft, type LineRule } from '../../parse/table.ts';
import { defined, PLATFORM } from './common.ts';

type Extra = {
  [K in keyof Omit<SignalFact, 'kind' | 'format' | 'lines' | 'signal' | 'platform'>]?:
    SignalFact[K] | undefined;
};

const sig = (name: SignalFact['signal'], extra: Extra = {}): FactDraft =>
  signal({ signal: name, platform: PLATFORM, ...defined(extra) });
const roleOf = (s: string | undefined): Role | undefined =>
  s === undefined
    ? undefined
    : /^init/i.test(s)
      ? 'initiator'
      : /^resp/i.test(s)
        ? 'responder'
        : undefined;
// "Failed SA: 203.0.113.1[500]-198.51.100.2[500]" gives local and peer.
const SA_ADDRS = /SA: ([\w.:]{2,45})\[\d{1,5}\]-([\w.:]{2,45})\[\d{1,5}\]/;
const addrs = (text: string): Extra => {
  const m = SA_ADDRS.exec(text);
  return m ? { local: m[1], peer: m[2] } : {};
};

/** The system log rules (exported for the sample tests). */
export const systemLogRules: readonly LineRule[] = [
  {
    name: 'header',
    sample:
      'Time                Severity Subtype Object           EventID          ID                   Description',
    re: /^\s*Time\s+Severity\s+Subtype\s+Object\s+EventID\s+ID\s+Description\s*$/,
  },
  {
    name: 'p1-succeeded',
    sample:
      '2021/03/12 10:15:03 info     vpn     GW-Branch        ike-nego-p1-succ 0  IKE phase-1 negotiation is succeeded as initiator, main mode. Established SA: 203.0.113.1[500]-198.51.100.2[500] cookie:2a5b3c4d5e6f7a8b:9c8d7e6f5a4b3c2d lifetime 28800 Sec.',
    re: /IKE phase-1 negotiation is succeeded as (initiator|responder), (main|aggressive) mode\.([^\n]{0,200})/i,
    emit: (m) =>
      sig('phase1.complete', { role: roleOf(m[1]), ikeVersion: 'ikev1', ...addrs(m[3] ?? '') }),
  },
  {
    name: 'p2-succeeded',
    sample:
      '2021/03/12 10:15:04 info     vpn     tunnel-Branch    ike-nego-p2-succ 0  IKE phase-2 negotiation is succeeded as initiator, quick mode. Established SA: 203.0.113.1[500]-198.51.100.2[500] message id:0xA1B2C3D4, SPI:0xC1F3A2B4/0x9E8D7C6B.',
    re: /IKE phase-2 negotiation is succeeded as (initiator|responder), quick mode\.([^\n]{0,200})/i,
    emit: (m) =>
      sig('phase2.complete', { role: roleOf(m[1]), ikeVersion: 'ikev1', ...addrs(m[2] ?? '') }),
  },
  {
    name: 'negotiation-started',
    sample:
      '2021/03/12 10:15:02 info     vpn     GW-Branch        ike-nego-p1-start 0  IKE phase-1 negotiation is started as initiator, main mode. Initiated SA: 203.0.113.1[500]-198.51.100.2[500] cookie:2a5b3c4d5e6f7a8b:0000000000000000.',
    re: /IKE phase-([12]) negotiation is started as (initiator|responder), (main|aggressive|quick) mode\.([^\n]{0,200})/i,
    emit: (m) => {
      const extra: Extra = { role: roleOf(m[2]), ikeVersion: 'ikev1', ...addrs(m[4] ?? '') };
      const state = sig('ike.state', { ...extra, state: `phase-${m[1] ?? ''} started` });
      return /aggressive/i.test(m[3] ?? '') ? [state, sig('ike.aggressive-mode', extra)] : state;
    },
  },
  {
    name: 'negotiation-failed',
    sample:
      '2021/03/12 10:20:05 info     vpn     GW-Branch        ike-nego-p1-fail 0  IKE phase-1 negotiation is failed as initiator, main mode. Failed SA: 203.0.113.1[500]-198.51.100.2[500] cookie:2a5b3c4d5e6f7a8b:0000000000000000. Due to timeout.',
    re: /IKE phase-([12]) negotiation is failed as (initiator|responder), (main|aggressive|quick) mode\.([^\n]{0,300})/i,
    emit: (m) => {
      const rest = m[4] ?? '';
      const extra: Extra = { role: roleOf(m[2]), ikeVersion: 'ikev1', ...addrs(rest) };
      if (/due to (?:negotiation )?timeout|time ?up/i.test(rest))
        return sig('ike.gave-up', {
          ...extra,
          exchange: m[1] === '2' ? 'QM' : /aggr/i.test(m[3] ?? '') ? 'AM' : 'MM',
        });
      if (/no[ -_]proposal[ -_]chosen|no suitable proposal/i.test(rest)) {
        return sig(m[1] === '2' ? 'ipsec.proposal-no-match' : 'ike.policy-no-match', {
          ...extra,
          notify: 'NO_PROPOSAL_CHOSEN',
        });
      }
      if (/authentication fail/i.test(rest)) return sig('auth.failed', extra);
      return sig('ike.state', { ...extra, state: `phase-${m[1] ?? ''} failed` });
    },
  },
  {
    name: 'no-suitable-proposal',
    sample:
      "2021/03/12 10:20:05 info     vpn     GW-Branch        ike-nego-p1-fail 0  IKE phase-1 negotiation is failed when processing SA payload. No suitable proposal found in peer's SA payload.",
    re: /IKE phase-([12]) negotiation (?:is )?failed when processing SA payload\.?\s*No suitable proposal found/i,
    emit: (m) =>
      sig(m[1] === '2' ? 'ipsec.proposal-no-match' : 'ike.policy-no-match', {
        ikeVersion: 'ikev1',
        notify: 'NO_PROPOSAL_CHOSEN',
      }),
  },
  {
    name: 'proxy-id',
    sample:
      '2021/03/12 11:05:42 info     vpn     tunnel-Branch    ike-nego-p2-fail 0  IKE phase-2 negotiation failed when processing Proxy ID. Received local id 10.2.0.0/24 type IPv4 subnet protocol 0 port 0, received remote id 10.1.0.0/24 type IPv4 subnet protocol 0 port 0.',
    re: /IKE phase-2 negotiation (?:is )?failed when processing Proxy ID\.?(?:\s*Received local id (\S{1,64}) type [^,]{0,40}, received remote id (\S{1,64}))?/i,
    emit: (m) =>
      sig('ipsec.ts-unacceptable', {
        ikeVersion: 'ikev1',
        value:
          m[1] !== undefined ? `received local id ${m[1]}, remote id ${m[2] ?? ''}` : 'Proxy ID',
      }),
  },
  {
    name: 'no-gateway-config',
    sample:
      "2021/03/12 09:58:11 info     vpn                      ike-nego-p1-fail 0  IKE phase-1 negotiation is failed. Couldn't find configuration for IKE phase-1 request for peer IP 198.51.100.9[500].",
    re: /Couldn'?t find configuration for IKE phase-1 request for peer IP ((?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f:]{2,45}|[xX.]{7})(?:\[\d{1,5}\])?/i,
    // No IKE gateway on this firewall has the peer's address.
    emit: (m) =>
      sig('ike.policy-no-match', {
        peer: m[1],
        role: 'responder',
        value: 'no IKE gateway configured for peer',
      }),
  },
  {
    name: 'notification',
    sample:
      '2021/03/12 10:40:02 info     vpn     GW-Branch        ike-generic-event 0  IKE protocol notification message received: INVALID-ID-INFORMATION (18).',
    re: /IKE protocol notification message (received|sent): ([A-Z][A-Z0-9-]{2,40})(?: \((\d{1,5})\))?/,
    emit: (m) => {
      const notify = (m[2] ?? '').replace(/-/g, '_');
      const direction = m[1] === 'received' ? ('received' as const) : ('sent' as const);
      const out: FactDraft[] = [sig('ike.notify', { notify, direction, value: m[3] })];
      if (notify === 'AUTHENTICATION_FAILED') out.push(sig('auth.failed', { notify, direction }));
      if (notify === 'PAYLOAD_MALFORMED') out.push(sig('psk.malformed', { notify, direction }));
      if (notify === 'TS_UNACCEPTABLE')
        out.push(sig('ipsec.ts-unacceptable', { notify, direction }));
      return out;
    },
  },
  {
    name: 'ikev2-result',
    sample:
      '2021/03/12 10:52:10 error    vpn     GW-AWS           ikev2-nego-ike-fail 0  IKEv2 IKE SA negotiation is failed as initiator, non-rekey. Failed SA: 203.0.113.1[500]-203.0.113.10[500] SPI:a1b2c3d4e5f60718:0000000000000000. due to authentication failure.',
    re: /IKEv2 (IKE|child) SA negotiation is (succeeded|failed|started) as (initiator|responder)(?:, ([\w-]{1,20}))?\.([^\n]{0,300})/i,
    emit: (m) => {
      const child = /child/i.test(m[1] ?? '');
      const rest = m[5] ?? '';
      const extra: Extra = { role: roleOf(m[3]), ikeVersion: 'ikev2', ...addrs(rest) };
      const what = (m[2] ?? '').toLowerCase();
      if (what === 'succeeded') return sig(child ? 'phase2.complete' : 'phase1.complete', extra);
      if (what === 'started')
        return sig('ike.state', { ...extra, state: `IKEv2 ${child ? 'child' : 'IKE'} SA started` });
      if (/timeout|time ?up/i.test(rest))
        return sig('ike.gave-up', {
          ...extra,
          exchange: child ? 'CREATE_CHILD_SA' : 'IKE_SA_INIT',
        });
      if (/authentication fail/i.test(rest)) return sig('auth.failed', extra);
      if (/TS[_ -]UNACCEPTABLE|traffic selector/i.test(rest))
        return sig('ipsec.ts-unacceptable', { ...extra, notify: 'TS_UNACCEPTABLE' });
      if (/no[ _-]proposal[ _-]chosen|no suitable proposal/i.test(rest)) {
        return sig(child ? 'ipsec.proposal-no-match' : 'ike.policy-no-match', {
          ...extra,
          notify: 'NO_PROPOSAL_CHOSEN',
        });
      }
      return sig('ike.state', { ...extra, state: `IKEv2 ${child ? 'child' : 'IKE'} SA failed` });
    },
  },
  {
    name: 'vpn-event-generic',
    sample:
      '2021/03/12 10:15:02 info     vpn     GW-Branch        ike-send-p1-delete 0  IKE protocol IKE SA delete message sent to peer.',
    re: /\bvpn\s+\S{0,63}\s{1,40}(?:ike|ikev2|tunnel|vpn|keymgr|ipsec)-[\w-]{2,40}\s+\d{1,9}\s/,
    weak: true,
  },
];

/** PAN-OS `show log system subtype equal vpn`. */
export const systemLog = tableParser({
  id: 'paloalto-show-log-system',
  platform: PLATFORM,
  command: 'show log system subtype equal vpn',
  marker:
    /\b(?:ike-nego-p[12]-\w+|ike-generic-event|ikev2-nego-\w+)\b|IKE phase-[12] negotiation is|IKE protocol notification message|Couldn'?t find configuration for IKE phase-1|IKEv2 (?:IKE|child) SA negotiation is/i,
  rules: systemLogRules,
});
