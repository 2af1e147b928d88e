/**
 * Cisco ASA / FTD `debug crypto ikev2 protocol 127` and `platform 127`: `IKEv2-PROTO-n: (16): …`
 * and `IKEv2-PLAT-n: …` lines; 9.x prints continuation lines tagged only `(16): …`.
 * Sources: Cisco "ASA IKEv2 Debugs for Site-to-Site VPN with PSKs" (115935) and
 * "IKEv2 Packet Exchange and Protocol Level Debugging".
 */
import type { Role } from '../../../knowledge/schema.ts';
import {
  signal,
  tableParser,
  type FactDraft,
  type LineRule,
  type TableContext,
} from '../../parse/table.ts';
import { ADDR, PLATFORM } from './common.ts';

// "IKEv2-PROTO-1: (16): ", "IKEv2-PLAT-4: ", "IKEv2-PROTO-2: Received Packet" (8.4 has no SA tag).
const TAG = String.raw`IKEv2-(?:PROTO|PLAT)-\d{1,2}:\s*(?:\(\d{1,10}\):\s*)?`;
// A 9.x continuation: "(16): Initiator SPI : …".
const CONT = String.raw`^\s*\(\d{1,10}\):\s*`;
// Where an ASA IKEv2 message starts: after its tag, after a bare SA tag, or at the start of a line.
const P = String.raw`(?:^\s*|${TAG}|\(\d{1,10}\):\s*)`;
const at = (re: RegExp): RegExp => new RegExp(P + String.raw`(?:` + re.source + ')', re.flags);

const base = (ctx: TableContext) => {
  const peer = ctx.memory.get('peer');
  const role = ctx.memory.get('role') as Role | undefined;
  return {
    platform: PLATFORM,
    ikeVersion: 'ikev2' as const,
    ...(peer ? { peer } : {}),
    ...(role ? { role } : {}),
  };
};

const NOTIFY_ALIASES: Record<string, string> = {
  NO_PROPOSAL_CHOSEN: 'NO_PROPOSAL_CHOSEN',
  TS_UNACCEPTABLE: 'TS_UNACCEPTABLE',
  AUTHENTICATION_FAILED: 'AUTHENTICATION_FAILED',
  AUTH_FAILED: 'AUTHENTICATION_FAILED',
  INVALID_KE_PAYLOAD: 'INVALID_KE_PAYLOAD',
  INVALID_SYNTAX: 'INVALID_SYNTAX',
  SINGLE_PAIR_REQUIRED: 'SINGLE_PAIR_REQUIRED',
  NO_ADDITIONAL_SAS: 'NO_ADDITIONAL_SAS',
  INTERNAL_ADDRESS_FAILURE: 'INTERNAL_ADDRESS_FAILURE',
  FAILED_CP_REQUIRED: 'FAILED_CP_REQUIRED',
  INVALID_SPI: 'INVALID_SPI',
  CHILD_SA_NOT_FOUND: 'CHILD_SA_NOT_FOUND',
};
const normNotify = (s: string): string => {
  const k = s.trim().toUpperCase().replace(/[ -]+/g, '_');
  return NOTIFY_ALIASES[k] ?? k;
};

/** `ike.notify` plus what the notify proves, by the exchange it came in. */
function notifyFacts(
  notify: string,
  direction: 'sent' | 'received',
  ctx: TableContext,
): FactDraft[] {
  const b = base(ctx);
  const exchange = ctx.memory.get('exchange');
  const out: FactDraft[] = [
    signal({ signal: 'ike.notify', ...b, notify, direction, ...(exchange ? { exchange } : {}) }),
  ];
  if (notify === 'NO_PROPOSAL_CHOSEN')
    out.push(
      signal({
        signal:
          exchange === 'IKE_SA_INIT' || exchange === undefined
            ? 'ike.policy-no-match'
            : 'ipsec.proposal-no-match',
        ...b,
        notify,
      }),
    );
  else if (notify === 'TS_UNACCEPTABLE')
    out.push(signal({ signal: 'ipsec.ts-unacceptable', ...b, notify }));
  else if (notify === 'AUTHENTICATION_FAILED')
    out.push(signal({ signal: 'auth.failed', ...b, notify }));
  return out;
}

function exchangeFact(
  exchange: string,
  kind: 'REQUEST' | 'RESPONSE',
  ctx: TableContext,
): FactDraft {
  const { memory, line } = ctx;
  const sent = memory.get('direction') !== 'received';
  memory.set('exchange', exchange);
  memory.set('exchangeLine', String(line.no));
  if (sent && kind === 'REQUEST') {
    memory.set('lastRequest', exchange);
    memory.set('lastRequestLine', String(line.no));
  }
  if (exchange === 'IKE_SA_INIT')
    memory.set('role', sent === (kind === 'REQUEST') ? 'initiator' : 'responder');
  // The SPI line comes just before the exchange line.
  const spiLine = Number(memory.get('spiLine'));
  const ids =
    spiLine > 0 && line.no - spiLine <= 3
      ? { spi: memory.get('spi') ?? '', messageId: memory.get('messageId') ?? '' }
      : {};
  memory.delete('spiLine');
  const local = memory.get('local');
  return signal({
    signal: sent ? 'ike.sent' : 'ike.received',
    ...base(ctx),
    exchange,
    value: kind,
    ...(local ? { local } : {}),
    ...ids,
  });
}

const rules: readonly LineRule[] = [
  {
    name: 'sending-packet',
    sample: 'IKEv2-PROTO-2: (16): Sending Packet [To 10.0.0.2:500/From 10.0.0.1:500/VRF i0:f0]',
    re: new RegExp(String.raw`Sending Packet \[To (${ADDR}):(\d+)/From (${ADDR}):(\d+)`),
    emit: (m, { memory }) => {
      memory.set('direction', 'sent');
      memory.set('peer', m[1] ?? '');
      memory.set('local', m[3] ?? '');
      return null;
    },
  },
  {
    name: 'received-packet',
    sample: 'IKEv2-PROTO-2: (16): Received Packet [From 10.0.0.2:500/To 10.0.0.1:500/VRF i0:f0]',
    re: new RegExp(String.raw`Received Packet \[From (${ADDR}):(\d+)/To (${ADDR}):(\d+)`),
    emit: (m, { memory }) => {
      memory.set('direction', 'received');
      memory.set('peer', m[1] ?? '');
      memory.set('local', m[3] ?? '');
      return null;
    },
  },
  {
    name: 'exchange',
    sample: '(16): IKEv2 IKE_SA_INIT Exchange REQUEST',
    re: at(
      /IKEv2 (IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL) Exchange (REQUEST|RESPONSE)/,
    ),
    emit: (m, ctx) => exchangeFact(m[1] ?? '', m[2] === 'RESPONSE' ? 'RESPONSE' : 'REQUEST', ctx),
  },
  {
    // Older releases print only the header: "Exchange type: IKE_SA_INIT, flags: INITIATOR MSG-RESPONSE".
    name: 'exchange-type',
    sample:
      'IKEv2-PROTO-4: (16): Next payload: SA, version: 2.0 Exchange type: IKE_SA_INIT, flags: INITIATOR Message id: 0, length: 334',
    re: /Exchange type: (IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL), flags: (INITIATOR|RESPONDER)( MSG-RESPONSE)?/,
    emit: (m, ctx) => {
      const last = Number(ctx.memory.get('exchangeLine') ?? '0');
      if (last > 0 && ctx.line.no - last <= 3) return null; // the "IKEv2 … Exchange" line already said it
      return exchangeFact(m[1] ?? '', m[3] ? 'RESPONSE' : 'REQUEST', ctx);
    },
  },
  {
    name: 'retransmit',
    sample: 'IKEv2-PROTO-1: (16): Retransmitting packet',
    re: at(/Retransmitting packet/),
    emit: (_m, ctx) => {
      const exchange = ctx.memory.get('lastRequest');
      const requestLine = Number(ctx.memory.get('lastRequestLine'));
      return signal({
        ...(requestLine > 0 ? { alsoLines: [requestLine] } : {}),
        signal: 'ike.retransmit',
        ...base(ctx),
        ...(exchange ? { exchange } : {}),
      });
    },
  },
  {
    name: 'max-retransmit',
    sample: 'IKEv2-PROTO-1: (16): Maximum number of retransmissions reached',
    re: at(/Maximum number of retransmissions reached/),
    emit: (_m, ctx) => {
      const exchange = ctx.memory.get('lastRequest');
      return signal({ signal: 'ike.gave-up', ...base(ctx), ...(exchange ? { exchange } : {}) });
    },
  },
  {
    name: 'no-matching-policy',
    sample: 'IKEv2-PROTO-1: (16): Failed to find a matching policy',
    re: at(/Failed to find a matching policy/),
    emit: (_m, ctx) => {
      const exchange = ctx.memory.get('exchange');
      const child = exchange === 'IKE_AUTH' || exchange === 'CREATE_CHILD_SA';
      return signal({
        signal: child ? 'ipsec.proposal-no-match' : 'ike.policy-no-match',
        ...base(ctx),
        ...(exchange ? { exchange } : {}),
      });
    },
  },
  {
    name: 'sending-notify',
    sample: 'IKEv2-PROTO-2: (16): Sending no_proposal_chosen notify',
    re: at(/Sending ([A-Za-z_]{1,40}(?: [A-Za-z_]{1,40}){0,4}) notify/),
    emit: (m, ctx) => notifyFacts(normNotify(m[1] ?? ''), 'sent', ctx),
  },
  {
    name: 'received-notify',
    sample: 'IKEv2-PROTO-1: (16): Received NOTIFY(NO_PROPOSAL_CHOSEN) notify',
    re: at(
      /(?:Received|Process(?:ing)?) (?:a )?NOTIFY\s?\(?([A-Z_]{4,40})\)?|Received ([A-Za-z_]{4,40}) notify/,
    ),
    emit: (m, ctx) => notifyFacts(normNotify(m[1] ?? m[2] ?? ''), 'received', ctx),
  },
  {
    name: 'payload-notify',
    sample: '(16):  NOTIFY(NO_PROPOSAL_CHOSEN)',
    re: /^\s*(?:\(\d{1,10}\):\s*)?NOTIFY\((NO_PROPOSAL_CHOSEN|TS_UNACCEPTABLE|AUTHENTICATION_FAILED|INVALID_KE_PAYLOAD|INVALID_SYNTAX|SINGLE_PAIR_REQUIRED|INTERNAL_ADDRESS_FAILURE|FAILED_CP_REQUIRED|NO_ADDITIONAL_SAS)\)/,
    emit: (m, ctx) =>
      notifyFacts(
        m[1] ?? '',
        ctx.memory.get('direction') === 'received' ? 'received' : 'sent',
        ctx,
      ),
  },
  {
    name: 'ts-unacceptable',
    sample: 'IKEv2-PROTO-1: (16): Received TS unacceptable',
    re: at(/(?:Received )?TS unacceptable(?! notify)/),
    emit: (_m, ctx) => notifyFacts('TS_UNACCEPTABLE', 'received', ctx),
  },
  {
    name: 'auth-failed',
    sample: 'IKEv2-PROTO-1: (16): Auth exchange failed',
    re: at(
      /Auth exchange failed|Verification of peer's authentication data FAILED|Failed to authenticate the IKE SA/,
    ),
    emit: (_m, ctx) => signal({ signal: 'auth.failed', ...base(ctx) }),
  },
  {
    name: 'auth-method-mismatch',
    sample:
      "IKEv2-PROTO-1: (16): Peer's configured auth method mis-matches with proposed auth method",
    re: at(/auth method mis-?matches/i),
    emit: (_m, ctx) => signal({ signal: 'auth.method-mismatch', ...base(ctx) }),
  },
  {
    name: 'no-key',
    sample: 'IKEv2-PLAT-2: (16): Failed to get the pre-shared key',
    re: at(/Failed to (?:get|find) the (?:pre-shared|preshared) key|% key not found/i),
    emit: (_m, ctx) => signal({ signal: 'psk.not-found', ...base(ctx) }),
  },
  {
    name: 'cert-db',
    sample: 'IKEv2-PROTO-1: (16): Failed to locate an item in the database',
    re: at(/Failed to locate an item in the database/),
    emit: (_m, ctx) => signal({ signal: 'cert.identity-mismatch', ...base(ctx) }),
  },
  {
    name: 'sm-trace',
    sample:
      'IKEv2-PROTO-5: (16): SM Trace-> SA: I_SPI=8C8D6CF3F2A67E1C R_SPI=0000000000000000 (I) MsgID = 00000000 CurState: I_WAIT_INIT Event: EV_NO_EVENT',
    re: /SM Trace-> SA: I_SPI=([0-9A-Fa-f]+) R_SPI=([0-9A-Fa-f]+) \((I|R)\) MsgID = ([0-9A-Fa-f]+) CurState: (\w+) Event: (\w+)/,
    emit: (m, ctx) => {
      const role: Role = m[3] === 'I' ? 'initiator' : 'responder';
      ctx.memory.set('role', role);
      const state = m[5] ?? '';
      if (ctx.memory.get('state') === state) return null;
      ctx.memory.set('state', state);
      return signal({ signal: 'ike.state', ...base(ctx), role, state });
    },
  },
  {
    name: 'sa-established',
    sample: 'IKEv2-PLAT-4: (16): IKEv2 SA established',
    re: at(/(?:IKEv2 )?SA (?:is )?established|Session with [\w. ]{1,60} is UP/i),
    emit: (_m, ctx) => signal({ signal: 'phase1.complete', ...base(ctx) }),
  },
  {
    name: 'child-established',
    sample: 'IKEv2-PLAT-4: (16): PSH: IPSEC SA created',
    re: at(/IPSEC SA created|Child SA is established|child sa (?:is )?established/i),
    emit: (_m, ctx) => signal({ signal: 'phase2.complete', ...base(ctx) }),
  },
  // Structure and any other message of the family: understood, no fact of its own.
  {
    // Printed between "Sending/Received Packet" and the exchange line: remembered for the packet.
    name: 'spi-line',
    sample:
      '(16): Initiator SPI : 8C8D6CF3F2A67E1C - Responder SPI : 0000000000000000 Message id: 0',
    re: /Initiator SPI : ([0-9A-Fa-f]+) - Responder SPI : ([0-9A-Fa-f]+)(?: Message id: ([0-9A-Fa-f]+))?/,
    emit: (m, { memory, line }) => {
      memory.set('spi', `${m[1] ?? ''}/${m[2] ?? ''}`);
      if (m[3] !== undefined) memory.set('messageId', m[3]);
      else memory.delete('messageId');
      memory.set('spiLine', String(line.no));
      return null;
    },
  },
  {
    name: 'payload-contents',
    sample: 'Payload contents:',
    re: /^\s*(?:\(\d{1,10}\):\s*)?Payload contents:/,
  },
  {
    name: 'generic',
    sample: 'IKEv2-PLAT-4: (16): insert sa',
    re: new RegExp(String.raw`${TAG}\S`),
    weak: true,
  },
  {
    name: 'continuation',
    sample: '(16):  SA(16):   Next payload: KE, reserved: 0x0, length: 48',
    re: new RegExp(CONT + String.raw`\S`),
    weak: true,
  },
];

/** `debug crypto ikev2` on ASA / FTD. */
export const debugCryptoIkev2 = tableParser({
  id: 'cisco-asa-debug-crypto-ikev2',
  platform: 'cisco-asa',
  command: 'debug crypto ikev2 protocol 127',
  marker: /IKEv2-(?:PROTO|PLAT)-\d/,
  rules,
});
