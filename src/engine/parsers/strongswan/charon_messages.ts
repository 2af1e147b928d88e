/**
 * The message lines of the strongSwan charon log: IKE_SA initiation, every IKE message generated
 * and parsed (with its message ID and payload list), packets sent and received, retransmissions.
 * Sources: strongSwan documentation (docs.strongswan.org: "Logger configuration", "Expiry and
 * retransmission"); strongSwan source message texts (libcharon/sa/ikev2/tasks/*.c).
 */
import type { Role } from '../../../knowledge/schema.ts';
import type { FactDraft } from '../../parse/table.ts';
import { signal, type LineRule, type TableContext } from '../../parse/table.ts';
import { ERROR_SHORT_NAMES, normaliseNotify } from './notify.ts';

export const PLATFORM = 'strongswan' as const;
// "10.0.0.2", "2001:db8::2", "%any", "moon.example.com"
export const HOST = String.raw`([0-9A-Fa-f.:%]+|[\w.-]+)`;
// A payload list "[ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]" (bounded: no nested quantifiers).
export const PAYLOADS = String.raw`\[([^\]]{0,2000})\]`;

/**
 * One `generating …` / `parsed …` line: the exchange it names and the fields of its fact. The
 * first request of IKE_SA_INIT / main / aggressive mode comes from the initiator, so a device that
 * sends that request, or receives its response, is the initiator.
 */
function readMessage(m: RegExpExecArray, ctx: TableContext, direction: 'sent' | 'received') {
  const raw = m[1] ?? '';
  const response = m[2] === 'response';
  const ikev2 = /^(?:IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL)$/.test(raw);
  const exchange = ikev2 ? raw : v1Exchange(raw, response, ctx, direction === 'sent');
  ctx.memory.set('lastExchange', exchange);
  const opening = raw === 'IKE_SA_INIT' || raw === 'ID_PROT' || raw === 'AGGRESSIVE';
  const role: Role | undefined = opening
    ? response === (direction === 'sent')
      ? 'responder'
      : 'initiator'
    : undefined;
  return {
    exchange,
    response,
    fields: {
      platform: PLATFORM,
      ikeVersion: ikev2 ? ('ikev2' as const) : ('ikev1' as const),
      exchange,
      value: response ? 'RESPONSE' : 'REQUEST',
      ...(role ? { role } : {}),
      ...peerOf(ctx),
      messageId: m[3] ?? '',
      payloads: (m[4] ?? '').trim(),
    },
  };
}

/** IKEv2 exchanges keep their names; IKEv1 ones become the message they are. */
export function v1Exchange(
  name: string,
  response: boolean,
  ctx: TableContext,
  sent: boolean,
): string {
  const key = `${name}:${sent ? 'sent' : 'rcvd'}:${response ? 'resp' : 'req'}`;
  const n = Number(ctx.memory.get(key) ?? '0') + 1;
  ctx.memory.set(key, String(n));
  const prefix =
    name === 'ID_PROT' ? 'MM' : name === 'AGGRESSIVE' ? 'AM' : name === 'QUICK_MODE' ? 'QM' : '';
  if (prefix === '') return name;
  // Requests are messages 1, 3, 5 (quick mode 1, 3), responses 2, 4, 6.
  return `${prefix}${response ? 2 * n : 2 * n - 1}`;
}

/** The phase an exchange belongs to, for error notifies that mean different things in each. */
export const phaseOfExchange = (exchange: string | undefined): 1 | 2 | undefined =>
  exchange === undefined
    ? undefined
    : /^(?:IKE_SA_INIT|ID_PROT|AGGRESSIVE|MM\d|AM\d)$/.test(exchange)
      ? 1
      : /^(?:IKE_AUTH|CREATE_CHILD_SA|QUICK_MODE|QM\d)$/.test(exchange)
        ? 2
        : undefined;

export const peerOf = (ctx: TableContext): { peer?: string } => {
  const peer = ctx.memory.get('peer');
  return peer ? { peer } : {};
};

/** Initiation, messages, packets and retransmissions. */
export const messageRules: readonly LineRule[] = [
  {
    name: 'initiating',
    sample: 'Mar 14 10:28:49 moon charon: 09[IKE] initiating IKE_SA conn[1] to 10.0.0.2',
    re: new RegExp(
      String.raw`\binitiating (?:(Main|Aggressive) Mode )?IKE_SA ([^\s\[]+)\[(\d+)\] to ${HOST}`,
    ),
    emit: (m, { memory }) => {
      memory.set('peer', m[4] ?? '');
      const out: FactDraft[] = [
        signal({
          signal: 'ike.state',
          platform: PLATFORM,
          state: 'CONNECTING',
          role: 'initiator',
          peer: m[4] ?? '',
          value: m[2] ?? '',
          ...(m[1] ? { ikeVersion: 'ikev1' as const } : {}),
        }),
      ];
      if (m[1] === 'Aggressive')
        out.push(
          signal({
            signal: 'ike.aggressive-mode',
            platform: PLATFORM,
            ikeVersion: 'ikev1',
            role: 'initiator',
            peer: m[4] ?? '',
          }),
        );
      return out;
    },
  },
  {
    name: 'responding',
    sample: 'Mar 14 10:28:49 sun charon: 11[IKE] 10.0.0.1 is initiating an IKE_SA',
    re: /(?<![\w.:%-])([0-9A-Fa-f.:%]{1,64}|[\w.-]{1,253}) is initiating an? (Main Mode|Aggressive Mode)? ?IKE_SA/,
    emit: (m, { memory }) => {
      memory.set('peer', m[1] ?? '');
      const out: FactDraft[] = [
        signal({
          signal: 'ike.state',
          platform: PLATFORM,
          state: 'CONNECTING',
          role: 'responder',
          peer: m[1] ?? '',
        }),
      ];
      if (m[2] === 'Aggressive Mode')
        out.push(
          signal({
            signal: 'ike.aggressive-mode',
            platform: PLATFORM,
            ikeVersion: 'ikev1',
            role: 'responder',
            peer: m[1] ?? '',
          }),
        );
      return out;
    },
  },
  {
    name: 'generating',
    sample:
      'Mar 14 10:28:49 moon charon: 09[ENC] generating IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) N(FRAG_SUP) N(HASH_ALG) N(REDIR_SUP) ]',
    re: new RegExp(
      String.raw`\bgenerating (IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL|ID_PROT|AGGRESSIVE|QUICK_MODE|INFORMATIONAL_V1|TRANSACTION) (request|response) (\d+) ${PAYLOADS}`,
    ),
    emit: (m, ctx) => {
      const msg = readMessage(m, ctx, 'sent');
      const { exchange, response } = msg;
      if (!response) {
        ctx.memory.set(`mid:${m[3] ?? ''}`, exchange);
        ctx.memory.set(`midLine:${m[3] ?? ''}`, String(ctx.line.no));
        ctx.memory.set('lastRequest', exchange);
      }
      const out: FactDraft[] = [signal({ signal: 'ike.sent', ...msg.fields })];
      // Error notifies this device sends: "[ N(NO_PROP) ]", "[ N(AUTH_FAILED) ]", "[ N(TS_UNACCEPT) ]".
      for (const n of (m[4] ?? '').matchAll(/\bN\(([A-Z_]+)\)/g)) {
        if (ERROR_SHORT_NAMES.has(n[1] ?? ''))
          out.push(
            signal({
              signal: 'ike.notify',
              platform: PLATFORM,
              notify: normaliseNotify(n[1] ?? ''),
              direction: 'sent',
              exchange,
              ...peerOf(ctx),
            }),
          );
      }
      return out;
    },
  },
  {
    name: 'parsed',
    sample:
      'Mar 14 10:28:49 moon charon: 09[ENC] parsed IKE_SA_INIT response 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) N(FRAG_SUP) N(HASH_ALG) N(MULT_AUTH) ]',
    re: new RegExp(
      String.raw`\bparsed (IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL|ID_PROT|AGGRESSIVE|QUICK_MODE|INFORMATIONAL_V1|TRANSACTION) (request|response) (\d+) ${PAYLOADS}`,
    ),
    emit: (m, ctx) => {
      const msg = readMessage(m, ctx, 'received');
      const packetLine = Number(ctx.memory.get('packetLine'));
      return signal({
        ...(packetLine > 0 && packetLine >= ctx.line.no - 2 ? { alsoLines: [packetLine] } : {}),
        signal: 'ike.received',
        ...msg.fields,
      });
    },
  },
  {
    name: 'sending-packet',
    sample:
      'Mar 14 10:28:49 moon charon: 09[NET] sending packet: from 10.0.0.1[500] to 10.0.0.2[500] (464 bytes)',
    re: new RegExp(String.raw`\bsending packet: from ${HOST}\[(\d+)\] to ${HOST}\[(\d+)\]`),
    // The packet of the message generated just before (or re-sent after "retransmit n").
    emit: (m, { memory }) => {
      memory.set('peer', m[3] ?? '');
      return signal({
        signal: 'ike.sent',
        platform: PLATFORM,
        local: m[1] ?? '',
        peer: m[3] ?? '',
      });
    },
  },
  {
    name: 'received-packet',
    sample:
      'Mar 14 10:28:49 moon charon: 04[NET] received packet: from 10.0.0.2[500] to 10.0.0.1[500] (440 bytes)',
    re: new RegExp(String.raw`\breceived packet: from ${HOST}\[(\d+)\] to ${HOST}\[(\d+)\]`),
    // The packet of the message parsed just after it.
    emit: (m, { memory, line }) => {
      memory.set('peer', m[1] ?? '');
      memory.set('packetLine', String(line.no));
      return signal({
        signal: 'ike.received',
        platform: PLATFORM,
        local: m[3] ?? '',
        peer: m[1] ?? '',
      });
    },
  },
  {
    name: 'retransmit',
    sample: 'Mar 14 10:28:53 moon charon: 11[IKE] retransmit 1 of request with message ID 0',
    re: /\bretransmit (\d+) of request with message ID (\d+)/,
    emit: (m, ctx) => {
      const exchange = ctx.memory.get(`mid:${m[2] ?? ''}`) ?? ctx.memory.get('lastRequest');
      const requestLine = Number(ctx.memory.get(`midLine:${m[2] ?? ''}`));
      return signal({
        ...(requestLine > 0 ? { alsoLines: [requestLine] } : {}),
        signal: 'ike.retransmit',
        platform: PLATFORM,
        ...(exchange ? { exchange } : {}),
        ...(exchange !== undefined && /^IKE_|^CREATE_CHILD_SA$|^INFORMATIONAL$/.test(exchange)
          ? { ikeVersion: 'ikev2' as const }
          : {}),
        value: m[1] ?? '',
        ...peerOf(ctx),
        messageId: m[2] ?? '',
      });
    },
  },
  {
    name: 'giving-up',
    sample: 'Mar 14 10:30:14 moon charon: 11[IKE] giving up after 5 retransmits',
    re: /\bgiving up after (\d+) retransmits/,
    emit: (m, ctx) => {
      const exchange = ctx.memory.get('lastRequest');
      return signal({
        signal: 'ike.gave-up',
        platform: PLATFORM,
        ...(exchange ? { exchange } : {}),
        value: m[1] ?? '',
        ...peerOf(ctx),
      });
    },
  },
  {
    name: 'peer-not-responding',
    sample: 'Mar 14 10:30:14 moon charon: 11[IKE] establishing IKE_SA failed, peer not responding',
    re: /\b(?:establishing IKE_SA failed, peer not responding|peer not responding, trying again \(\d+\/\d+\))/,
  },
];
