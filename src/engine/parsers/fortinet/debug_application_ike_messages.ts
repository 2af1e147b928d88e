/**
 * The message lines of FortiGate `diagnose debug application ike -1`: IKE messages sent
 * (`sent IKE msg (ident_i1send)`), packets arriving (`comes …`, `IKEv2 exchange=…`) and the main /
 * aggressive mode progress lines, each named as the IKE message it is, with SPIs and message ID.
 * Sources: Fortinet Document Library, "IPsec VPN troubleshooting" and "Understanding VPN related
 * logs" (FortiOS 6.x / 7.x).
 */
import type { Role } from '../../../knowledge/schema.ts';
import type { FactDraft } from '../../parse/table.ts';
import { signal, type LineRule, type TableContext } from '../../parse/table.ts';
import { normaliseNotify } from '../strongswan/notify.ts';

// "ike 0:HQ-to-Branch:12: " / "ike 0:HQ-to-Branch:12:HQ-p2:4354: " / "ike 0: " — each segment holds no colon.
export const TAG = String.raw`\bike \d+(?::[^\s:]+)*:\s?`;
// An address and port: "10.0.0.1:500", "2001:db8::1:500" (the port follows the last colon).
export const ADDR_PORT = String.raw`([0-9A-Fa-f.:]+?):(\d+)`;
export const PLATFORM = 'fortigate' as const;

/** Which phase a line speaks of, from its own words (2 = quick mode / child SA). */
export function phaseOf(text: string, ctx: TableContext): 1 | 2 | undefined {
  if (/Negotiate IPsec SA|quick-mode|quick mode|\bIPsec SA\b|phase ?2|CREATE_CHILD/i.test(text))
    return 2;
  if (/Negotiate ISAKMP SA|ISAKMP SA\b|main mode|aggressive mode|phase ?1|SA_INIT/i.test(text))
    return 1;
  const remembered = ctx.memory.get('phase');
  return remembered === '2' ? 2 : remembered === '1' ? 1 : undefined;
}

/** The exchange and role a FortiOS message name (`ident_i1send`, `quick_r1send`, `SA_INIT`, `AUTH_RESPONSE` …) stands for. */
export function exchangeOf(name: string): {
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

export const ORD = String.raw`(\d)(?:st|nd|rd|th)`;

// "id=9b6c9f7a8e0d1c2b/1e2f3a4b5c6d7e8f:a1b2c3d4": initiator and responder SPI (cookies), message ID.
export const ID_FIELD = /\bid=([0-9a-fA-F]{16})\/([0-9a-fA-F]{16})(?::([0-9a-fA-F]{8}))?/;

/** SPIs and message ID a line prints after `id=`. */
export function idsOf(text: string): { spi?: string; messageId?: string } {
  const m = ID_FIELD.exec(text);
  if (!m) return {};
  return { spi: `${m[1] ?? ''}/${m[2] ?? ''}`, ...(m[3] ? { messageId: m[3] } : {}) };
}

// "INVALID-ID-INFORMATION", "NO-PROPOSAL-CHOSEN": FortiOS names a notify message by its notify.
export const NOTIFY_MESSAGE = /^(?:INVALID|NO|AUTHENTICATION|PAYLOAD|TS)-[A-Z-]{3,40}$/;

/** Messages sent and received. */
export const messageRules: readonly LineRule[] = [
  {
    name: 'sent-ike-msg',
    sample:
      'ike 0:HQ-to-Branch:1: sent IKE msg (ident_i1send): 10.0.0.1:500->10.0.0.2:500, len=552, id=9b6c9f7a8e0d1c2b/0000000000000000',
    re: new RegExp(String.raw`${TAG}sent IKE msg \(([\w-]{1,60})\): ${ADDR_PORT}->${ADDR_PORT}`),
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
          ...idsOf(m.input),
        });
      }
      if (NOTIFY_MESSAGE.test(name))
        // A notify of its own (an informational message), e.g. refusing quick mode.
        return signal({
          signal: 'ike.sent',
          platform: PLATFORM,
          exchange: name,
          notify: normaliseNotify(name),
          peer,
          local,
          ...idsOf(m.input),
        });
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
        ...idsOf(m.input),
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
          ...idsOf(m.input),
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
        ...idsOf(m.input),
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
];
