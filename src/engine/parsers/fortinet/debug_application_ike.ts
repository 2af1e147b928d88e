/**
 * FortiGate `diagnose debug application ike -1` (with `diagnose debug enable`): lines of the form
 * `ike 0:<phase1>:<serial>: <message>` (phase 2 lines add `<phase2>:<msgid>:`), and a few untagged
 * lines (`ike 0: comes …`, `ike Negotiate ISAKMP SA Error: …`).
 * Sources: Fortinet Document Library, "IPsec VPN troubleshooting" and "Understanding VPN related
 * logs" (FortiOS 6.x / 7.x); Fortinet Community technical tips on phase 1 / phase 2 debugging.
 */
import type { Role } from '../../../knowledge/schema.ts';
import type { FactDraft } from '../../parse/table.ts';
import { signal, tableParser, type LineRule, type TableContext } from '../../parse/table.ts';
import { normaliseNotify, notifyMeaning } from '../strongswan/notify.ts';

// "ike 0:HQ-to-Branch:12: " / "ike 0:HQ-to-Branch:12:HQ-p2:4354: " / "ike 0: " — each segment holds no colon.
const TAG = String.raw`\bike \d+(?::[^\s:]+)*:\s?`;
// An address and port: "10.0.0.1:500", "2001:db8::1:500" (the port follows the last colon).
const ADDR_PORT = String.raw`([0-9A-Fa-f.:]+?):(\d+)`;
const PLATFORM = 'fortigate' as const;

/** Which phase a line speaks of, from its own words (2 = quick mode / child SA). */
function phaseOf(text: string, ctx: TableContext): 1 | 2 | undefined {
  if (/Negotiate IPsec SA|quick-mode|quick mode|\bIPsec SA\b|phase ?2|CREATE_CHILD/i.test(text))
    return 2;
  if (/Negotiate ISAKMP SA|ISAKMP SA\b|main mode|aggressive mode|phase ?1|SA_INIT/i.test(text))
    return 1;
  const remembered = ctx.memory.get('phase');
  return remembered === '2' ? 2 : remembered === '1' ? 1 : undefined;
}

/** The exchange and role a FortiOS message name (`ident_i1send`, `quick_r1send`, `SA_INIT`, `AUTH_RESPONSE` …) stands for. */
function exchangeOf(name: string): {
  exchange: string;
  role?: Role;
  phase?: 1 | 2;
  response?: boolean;
} {
  const v1 = /^(ident|agg|quick)_([ir])(\d)send$/.exec(name);
  if (v1) {
    const n = Number(v1[3]);
    const initiator = v1[2] === 'i';
    const role: Role = initiator ? 'initiator' : 'responder';
    // Initiator sends messages 1, 3, 5; responder sends 2, 4, 6 (quick mode: 1, 3 and 2).
    const num = initiator ? 2 * n - 1 : 2 * n;
    const prefix = v1[1] === 'ident' ? 'MM' : v1[1] === 'agg' ? 'AM' : 'QM';
    return { exchange: `${prefix}${num}`, role, phase: prefix === 'QM' ? 2 : 1 };
  }
  const response = /_?RESPONSE$/.test(name);
  const base = name.replace(/_?RESPONSE$/, '');
  if (base === 'SA_INIT')
    return {
      exchange: 'IKE_SA_INIT',
      role: response ? 'responder' : 'initiator',
      phase: 1,
      response,
    };
  if (base === 'AUTH') return { exchange: 'IKE_AUTH', phase: 2, response };
  if (base === 'CREATE_CHILD') return { exchange: 'CREATE_CHILD_SA', phase: 2, response };
  if (base === 'INFORMATIONAL' || base === 'INFO') return { exchange: 'INFORMATIONAL', response };
  return { exchange: name };
}

const ORD = String.raw`(\d)(?:st|nd|rd|th)`;

const rules: readonly LineRule[] = [
  {
    name: 'sent-ike-msg',
    sample:
      'ike 0:HQ-to-Branch:1: sent IKE msg (ident_i1send): 10.0.0.1:500->10.0.0.2:500, len=552, id=9b6c9f7a8e0d1c2b/0000000000000000',
    re: new RegExp(String.raw`${TAG}sent IKE msg \((\w+)\): ${ADDR_PORT}->${ADDR_PORT}`),
    emit: (m, { memory, line }) => {
      const name = m[1] ?? '';
      const peer = m[4] ?? '';
      const local = m[2] ?? '';
      memory.set('peer', peer);
      if (/RETRANSMIT/.test(name)) {
        // "P1_RETRANSMIT" / "P2_RETRANSMIT" repeat the last message of that phase; IKEv2 names the exchange.
        const v2 = /RETRANSMIT_(\w+)/.exec(name);
        const exchange = v2
          ? exchangeOf(v2[1] ?? '').exchange
          : memory.get(name.startsWith('P2') ? 'lastP2' : 'lastP1');
        const requestLine = Number(memory.get(`line:${exchange ?? ''}`));
        return signal({
          ...(requestLine > 0 ? { alsoLines: [requestLine] } : {}),
          signal: 'ike.retransmit',
          platform: PLATFORM,
          ...(v2 ? { ikeVersion: 'ikev2' as const } : {}),
          ...(exchange ? { exchange } : {}),
          peer,
          local,
        });
      }
      const x = exchangeOf(name);
      if (x.phase !== undefined) memory.set('phase', String(x.phase));
      memory.set(x.phase === 2 ? 'lastP2' : 'lastP1', x.exchange);
      memory.set('lastSent', x.exchange);
      memory.set(`line:${x.exchange}`, String(line.no));
      const ikev2 = /^(?:IKE_|CREATE_CHILD)/.test(x.exchange);
      return signal({
        signal: 'ike.sent',
        platform: PLATFORM,
        ...(ikev2
          ? { ikeVersion: 'ikev2' as const }
          : /^(?:MM|AM|QM)\d/.test(x.exchange)
            ? { ikeVersion: 'ikev1' as const }
            : {}),
        exchange: x.exchange,
        ...(x.role ? { role: x.role } : {}),
        ...(x.response !== undefined ? { value: x.response ? 'RESPONSE' : 'REQUEST' } : {}),
        peer,
        local,
      });
    },
  },
  {
    name: 'comes',
    sample: 'ike 0: comes 10.0.0.2:500->10.0.0.1:500,ifindex=3....',
    re: new RegExp(String.raw`${TAG}comes ${ADDR_PORT}->${ADDR_PORT},ifindex=\d+`),
    emit: (m, { memory, line }) => {
      memory.set('peer', m[1] ?? '');
      memory.set('comesLine', String(line.no));
      return signal({
        signal: 'ike.received',
        platform: PLATFORM,
        peer: m[1] ?? '',
        local: m[3] ?? '',
      });
    },
  },
  {
    name: 'exchange-received',
    sample: 'ike 0: IKEv2 exchange=SA_INIT_RESPONSE id=7c8b3c9a2a1f0b5d/4e2b1f6c9d8a7e3f len=432',
    re: /\bIKEv([12]) exchange=([A-Za-z_]+(?: [A-Za-z]+)?) id=/,
    emit: (m, { memory }) => {
      const name = m[2] ?? '';
      if (m[1] === '1') {
        memory.set(
          'phase',
          /Quick/i.test(name)
            ? '2'
            : /Identity|Aggressive/i.test(name)
              ? '1'
              : (memory.get('phase') ?? ''),
        );
        if (!/Quick/i.test(name)) return null; // main / aggressive mode: the "get Nth response" line names the message
        // Quick mode: the answer to our QM1 is QM2, to our QM2 is QM3; otherwise the peer started with QM1.
        const sent = memory.get('lastP2');
        const exchange = sent === 'QM1' ? 'QM2' : sent === 'QM2' ? 'QM3' : 'QM1';
        const qmPeer = memory.get('peer');
        return signal({
          signal: 'ike.received',
          platform: PLATFORM,
          ikeVersion: 'ikev1',
          exchange,
          ...(qmPeer ? { peer: qmPeer } : {}),
        });
      }
      const x = exchangeOf(name);
      if (x.phase !== undefined) memory.set('phase', String(x.phase));
      const peer = memory.get('peer');
      const comesLine = Number(memory.get('comesLine'));
      // Receiving the IKE_SA_INIT request makes this device the responder, its response the initiator.
      const role: Role | undefined =
        x.exchange === 'IKE_SA_INIT' ? (x.response ? 'initiator' : 'responder') : undefined;
      return signal({
        ...(comesLine > 0 ? { alsoLines: [comesLine] } : {}),
        signal: 'ike.received',
        platform: PLATFORM,
        ikeVersion: 'ikev2',
        exchange: x.exchange,
        value: x.response ? 'RESPONSE' : 'REQUEST',
        ...(role ? { role } : {}),
        ...(peer ? { peer } : {}),
      });
    },
  },
  {
    name: 'mode-progress',
    sample: 'ike 0:HQ-to-Branch:1: initiator: main mode is sending 1st message...',
    re: new RegExp(
      String.raw`${TAG}((initiator|responder): (main|aggressive) mode (is sending|get) ${ORD} (?:message|response))`,
    ),
    emit: (m, { memory }) => {
      const role: Role = m[2] === 'responder' ? 'responder' : 'initiator';
      const n = Number(m[5]);
      const sending = m[4] === 'is sending';
      // The initiator sends 1, 3, 5 and gets 2, 4, 6; the responder gets 1, 3, 5 and sends 2, 4, 6.
      const odd = (role === 'initiator') === sending;
      const prefix = m[3] === 'main' ? 'MM' : 'AM';
      const exchange = `${prefix}${odd ? 2 * n - 1 : 2 * n}`;
      memory.set('phase', '1');
      const state = signal({
        signal: 'ike.state',
        platform: PLATFORM,
        ikeVersion: 'ikev1',
        role,
        exchange,
        state: m[1] ?? '',
      });
      const out: FactDraft[] = [state];
      if (!sending) {
        const peer = memory.get('peer');
        out.push(
          signal({
            signal: 'ike.received',
            platform: PLATFORM,
            ikeVersion: 'ikev1',
            role,
            exchange,
            ...(peer ? { peer } : {}),
          }),
        );
      }
      if (m[3] === 'aggressive' && memory.get('aggressive') === undefined) {
        memory.set('aggressive', '1');
        out.push(
          signal({ signal: 'ike.aggressive-mode', platform: PLATFORM, ikeVersion: 'ikev1', role }),
        );
      }
      return out;
    },
  },
  {
    name: 'no-proposal-chosen',
    sample: 'ike Negotiate ISAKMP SA Error: ike 0:HQ-to-Branch:52: no SA proposal chosen',
    re: new RegExp(
      String.raw`${TAG}(?:no (?:SA )?proposal chosen|peer SA proposal not match local policy)`,
    ),
    emit: (m, ctx) => {
      const phase = phaseOf(m.input, ctx);
      return signal({
        signal: phase === 2 ? 'ipsec.proposal-no-match' : 'ike.policy-no-match',
        platform: PLATFORM,
        value: m.input.includes('peer SA proposal')
          ? 'peer SA proposal not match local policy'
          : 'no SA proposal chosen',
      });
    },
  },
  {
    name: 'negotiate-error',
    sample:
      'ike Negotiate IPsec SA Error: ike 0:HQ-to-Branch:52:HQ-p2:4354: no matching phase2 found',
    re: /\bike Negotiate (IPsec|ISAKMP) SA Error:/,
    emit: (m, { memory }) => {
      memory.set('phase', m[1] === 'IPsec' ? '2' : '1');
      return null;
    },
  },
  {
    name: 'psk-mismatch',
    sample: 'ike 0:to-FGT:2: probable pre-shared secret mismatch',
    re: new RegExp(
      String.raw`${TAG}(?:PSK auth failed: )?probable pre-shared (?:secret|key) mismatch`,
    ),
    emit: () => signal({ signal: 'psk.decrypt-failed', platform: PLATFORM }),
  },
  {
    name: 'auth-failed',
    sample: 'ike 0:to-HQ:82: PSK auth failed: probable pre-shared key mismatch',
    re: new RegExp(String.raw`${TAG}(?:PSK |certificate )?auth(?:entication)? (?:verify )?failed`),
    emit: () => signal({ signal: 'auth.failed', platform: PLATFORM, ikeVersion: 'ikev2' }),
  },
  {
    name: 'notify',
    // also "ike 0:HQ-to-Branch:1: sending INVALID-ID-INFORMATION notify"
    sample: 'ike 0:HQ-to-Branch:52: received notify type NO-PROPOSAL-CHOSEN',
    re: new RegExp(
      String.raw`${TAG}(?:(?:(send|sent|sending|received|recv)(?: IKEv[12])? notify(?: type| msg)?|notify msg (received|sent)):? ([A-Z][A-Z0-9_-]{2,40})\b|(sending|received) ([A-Z][A-Z0-9_-]{2,40}) notify\b)`,
    ),
    emit: (m, ctx) => {
      const verb = m[1] ?? m[2] ?? m[4] ?? '';
      const direction = /^sen/.test(verb) ? ('sent' as const) : ('received' as const);
      const notify = normaliseNotify(m[3] ?? m[5] ?? '');
      const peer = ctx.memory.get('peer');
      const base = { platform: PLATFORM, ...(peer ? { peer } : {}) };
      return [
        signal({ signal: 'ike.notify', ...base, notify, direction }),
        ...notifyMeaning(notify, phaseOf(m.input, ctx), base),
      ];
    },
  },
  {
    name: 'phase1-established',
    sample: 'ike 0:HQ-to-Branch:1: ISAKMP SA 9b6c9f7a8e0d1c2b/1e2f3a4b5c6d7e8f established',
    re: new RegExp(
      String.raw`${TAG}(?:(?:IKE|ISAKMP) SA \S{1,40} established\b|established (?:IKE|ISAKMP) SA\b)`,
    ),
    emit: (_m, { memory }) => {
      memory.set('phase', '2');
      const peer = memory.get('peer');
      return signal({ signal: 'phase1.complete', platform: PLATFORM, ...(peer ? { peer } : {}) });
    },
  },
  {
    name: 'phase2-added',
    sample: 'ike 0:HQ-to-Branch:1:HQ-to-Branch:1234: added IPsec SA: SPIs=a1b2c3d4/e5f6a7b8',
    re: new RegExp(
      String.raw`${TAG}(?:added|installed) IPsec SA(?:: SPIs=([0-9a-f]+\/[0-9a-f]+))?`,
    ),
    emit: (m, { memory }) => {
      const peer = memory.get('peer');
      return signal({
        signal: 'phase2.complete',
        platform: PLATFORM,
        ...(m[1] ? { value: m[1] } : {}),
        ...(peer ? { peer } : {}),
      });
    },
  },
  {
    name: 'negotiation-timeout',
    sample: 'ike 0:HQ-to-Branch:1224: negotiation timeout, deleting',
    re: new RegExp(
      String.raw`${TAG}(?:negotiation timeout, deleting|(quick-mode )?negotiation failed due to retry timeout)`,
    ),
    emit: (m, { memory }) => {
      const exchange = m[1] ? memory.get('lastP2') : memory.get('lastSent');
      const peer = memory.get('peer');
      return signal({
        signal: 'ike.gave-up',
        platform: PLATFORM,
        ...(exchange ? { exchange } : {}),
        ...(peer ? { peer } : {}),
      });
    },
  },
  {
    name: 'no-matching-gateway',
    sample: 'ike 0: no matching gateway for new request',
    re: new RegExp(
      String.raw`${TAG}(?:no matching gateway for new request|ignoring request from \S+, no matching gateway)`,
    ),
    // No vocabulary signal says "the peer address matches no configured gateway": the arrival is recorded.
    emit: (_m, { memory }) => {
      const peer = memory.get('peer');
      return signal({
        signal: 'ike.received',
        platform: PLATFORM,
        value: 'no matching gateway',
        ...(peer ? { peer } : {}),
      });
    },
  },
  {
    name: 'peer-id-mismatch',
    sample: 'ike 0:HQ-to-Branch:7: peer identifier does not match remote gateway',
    re: new RegExp(String.raw`${TAG}peer (?:identifier|id|ID) does not match`),
    emit: () => signal({ signal: 'peer-id.mismatch', platform: PLATFORM }),
  },
  {
    name: 'selectors-refused',
    sample: 'ike 0:HQ-to-Branch:52:4354: failed to match peer selectors',
    re: new RegExp(
      String.raw`${TAG}(?:failed to match peer selectors|no matching phase2 found|.{0,200}?\bTS_UNACCEPTABLE\b)`,
    ),
    emit: (m) =>
      /notify/i.test(m.input)
        ? null
        : signal({ signal: 'ipsec.ts-unacceptable', platform: PLATFORM }),
  },
  {
    name: 'peer-proposal',
    sample:
      'ike 0:HQ-to-Branch:52:4354: peer proposal is: peer:0:10.2.2.0-10.2.2.255:0, me:0:10.1.1.0-10.1.1.255:0',
    re: new RegExp(String.raw`${TAG}peer proposal is: peer:`),
    emit: (_m, { memory }) => {
      memory.set('phase', '2');
      return null;
    },
  },
  {
    name: 'negotiation-result',
    sample: 'ike 0:HQ-to-Branch:1: negotiation result',
    re: new RegExp(String.raw`${TAG}negotiation result`),
  },
  // Any other line of the IKE daemon: understood, no fact of its own.
  {
    name: 'generic',
    sample: 'ike 0:HQ-to-Branch:1: VID RFC 3947 4A131C81070358455C5728F20E95452F',
    re: new RegExp(TAG),
    weak: true,
  },
  {
    name: 'heap',
    sample: 'ike shrank heap by 159744 bytes',
    re: /\bike (?:shrank|grew) heap by \d+ bytes/,
    weak: true,
  },
];

/** `diagnose debug application ike -1` on FortiOS. */
export const debugApplicationIke = tableParser({
  id: 'fortigate-diagnose-debug-application-ike',
  platform: PLATFORM,
  command: 'diagnose debug application ike -1',
  marker: /\bike \d+:(?:[^\s:]+:)*\s?\S/,
  rules,
});
