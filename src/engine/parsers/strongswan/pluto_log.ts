/**
 * libreswan (and Openswan) pluto log: syslog / journal `pluto[1234]: "conn" #1: …` lines and the
 * output of `ipsec auto --up conn` / `ipsec whack` (`104 "conn" #1: STATE_MAIN_I1: initiate`).
 * Sources: libreswan documentation and FAQ ("ipsec auto --up" examples, "Why do I get
 * INVALID_ID_INFORMATION", "no connection has been authorized"), libreswan source message texts.
 */
import type { Role } from '../../../knowledge/schema.ts';
import type { FactDraft } from '../../parse/table.ts';
import { signal, tableParser, type LineRule, type TableContext } from '../../parse/table.ts';
import { normaliseNotify, notifyMeaning } from './notify.ts';

const PLATFORM = 'strongswan' as const;
// "conn" #1:  /  "conn"[2] 203.0.113.7 #3:  /  "conn/1x1" #5:
const TAG = String.raw`"([^"]{1,128})"(?:\[\d+\])?(?: [0-9A-Fa-f.:]+)? #(\d+): `;

/** The IKE message a pluto state has sent and waits on: STATE_MAIN_I1 → MM1 … */
function exchangeOfState(state: string): {
  exchange?: string;
  role?: Role;
  phase?: 1 | 2;
  ikeVersion?: 'ikev1' | 'ikev2';
} {
  const v1 = /^STATE_(MAIN|AGGR|QUICK)_([IR])(\d)$/.exec(state);
  if (v1) {
    const n = Number(v1[3]);
    const initiator = v1[2] === 'I';
    const prefix = v1[1] === 'MAIN' ? 'MM' : v1[1] === 'AGGR' ? 'AM' : 'QM';
    // Initiator state In has sent message 2n-1; responder state Rn has sent message 2n.
    const num = initiator ? 2 * n - 1 : 2 * n;
    return {
      exchange: `${prefix}${num}`,
      role: initiator ? 'initiator' : 'responder',
      phase: prefix === 'QM' ? 2 : 1,
      ikeVersion: 'ikev1',
    };
  }
  if (/^STATE_(?:V2_)?PARENT_I1$|^STATE_V2_IKE_SA_INIT_I$|^IKE_SA_INIT_I$/.test(state))
    return { exchange: 'IKE_SA_INIT', role: 'initiator', phase: 1, ikeVersion: 'ikev2' };
  if (/^STATE_(?:V2_)?PARENT_I2$|^STATE_V2_IKE_AUTH_I$|^IKE_AUTH_I$/.test(state))
    return { exchange: 'IKE_AUTH', role: 'initiator', phase: 2, ikeVersion: 'ikev2' };
  return {};
}

const phaseOf = (ctx: TableContext, conn: string): 1 | 2 | undefined => {
  const p = ctx.memory.get(`phase:${conn}`);
  return p === '1' ? 1 : p === '2' ? 2 : undefined;
};
const peerOf = (ctx: TableContext): { peer?: string } => {
  const peer = ctx.memory.get('peer');
  return peer ? { peer } : {};
};

const rules: readonly LineRule[] = [
  {
    name: 'state-sent',
    // also "104 "westnet-eastnet" #1: STATE_MAIN_I1: initiate" and IKEv2 "STATE_PARENT_I1: sent v2I1, expected v2R1"
    sample:
      'Mar  3 11:02:17 west pluto[2211]: "westnet-eastnet" #1: STATE_MAIN_I1: sent MI1, expecting MR1',
    re: new RegExp(String.raw`${TAG}(STATE_[A-Z0-9_]+): (?:sent|initiate|retransmission)`),
    emit: (m, ctx) => {
      const conn = m[1] ?? '';
      const state = m[3] ?? '';
      const x = exchangeOfState(state);
      if (x.phase !== undefined) ctx.memory.set(`phase:${conn}`, String(x.phase));
      const retransmit = /: retransmission/.test(m[0]);
      const base = {
        platform: PLATFORM,
        ...(x.ikeVersion ? { ikeVersion: x.ikeVersion } : {}),
        ...peerOf(ctx),
      };
      const out: FactDraft[] = [
        signal({
          signal: 'ike.state',
          ...base,
          state,
          ...(x.role ? { role: x.role } : {}),
          value: conn,
        }),
      ];
      if (x.exchange) {
        out.push(
          signal({
            signal: retransmit ? 'ike.retransmit' : 'ike.sent',
            ...base,
            exchange: x.exchange,
            ...(x.role && !retransmit ? { role: x.role } : {}),
          }),
        );
        ctx.memory.set(`last:${conn}`, x.exchange);
      }
      if (state.startsWith('STATE_AGGR') && !ctx.memory.has('aggressive')) {
        ctx.memory.set('aggressive', '1');
        out.push(signal({ signal: 'ike.aggressive-mode', ...base }));
      }
      return out;
    },
  },
  {
    name: 'initiating',
    sample: 'Mar  3 11:02:17 west pluto[2211]: "westnet-eastnet" #1: initiating Main Mode',
    re: new RegExp(
      String.raw`${TAG}initiating (?:IKEv1 )?(Main Mode|Aggressive Mode|Quick Mode|IKEv2 (?:IKE SA|connection))`,
    ),
    emit: (m, ctx) => {
      const out: FactDraft[] = [
        signal({
          signal: 'ike.state',
          platform: PLATFORM,
          state: `initiating ${m[3] ?? ''}`,
          role: 'initiator',
          value: m[1] ?? '',
          ...peerOf(ctx),
        }),
      ];
      if (m[3] === 'Aggressive Mode' && !ctx.memory.has('aggressive')) {
        ctx.memory.set('aggressive', '1');
        out.push(
          signal({
            signal: 'ike.aggressive-mode',
            platform: PLATFORM,
            ikeVersion: 'ikev1',
            role: 'initiator',
          }),
        );
      }
      return out;
    },
  },
  {
    name: 'ikev2-sent',
    sample:
      'Mar  3 11:02:17 west pluto[2211]: "westnet-eastnet" #1: sent IKE_SA_INIT request to 192.1.2.23:500',
    re: new RegExp(
      String.raw`${TAG}sent (IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL) (request|response)`,
    ),
    emit: (m, ctx) => {
      ctx.memory.set(`last:${m[1] ?? ''}`, m[3] ?? '');
      ctx.memory.set(`phase:${m[1] ?? ''}`, m[3] === 'IKE_SA_INIT' ? '1' : '2');
      const role: Role | undefined =
        m[3] === 'IKE_SA_INIT' ? (m[4] === 'request' ? 'initiator' : 'responder') : undefined;
      return signal({
        signal: 'ike.sent',
        platform: PLATFORM,
        ikeVersion: 'ikev2',
        exchange: m[3] ?? '',
        value: (m[4] ?? '').toUpperCase(),
        ...(role ? { role } : {}),
        ...peerOf(ctx),
      });
    },
  },
  {
    name: 'phase1-established',
    // also "STATE_MAIN_R3: sent MR3, ISAKMP SA established" and IKEv2 "established IKE SA; authenticated peer …"
    sample:
      'Mar  3 11:02:18 west pluto[2211]: "westnet-eastnet" #1: STATE_MAIN_I4: ISAKMP SA established {auth=PRESHARED_KEY cipher=aes_256 integ=sha group=MODP2048}',
    re: new RegExp(
      String.raw`${TAG}(?:(STATE_[A-Z0-9_]+): )?.{0,40}?(?:ISAKMP SA established|IKE SA established|established IKE SA|PARENT SA established)`,
    ),
    emit: (m, ctx) => {
      ctx.memory.set(`phase:${m[1] ?? ''}`, '2');
      return signal({
        signal: 'phase1.complete',
        platform: PLATFORM,
        value: m[1] ?? '',
        ...(m[3] ? { state: m[3] } : {}),
        ...peerOf(ctx),
      });
    },
  },
  {
    name: 'phase2-established',
    // also IKEv2 "initiator established Child SA using #1; IPsec tunnel [10.1.0.0-10.1.255.255:0-65535 0] -> …"
    sample:
      'Mar  3 11:02:18 west pluto[2211]: "westnet-eastnet" #2: STATE_QUICK_I2: sent QI2, IPsec SA established tunnel mode {ESP=>0x7a1b2c3d <0x9f8e7d6c xfrm=AES_CBC_128-HMAC_SHA1_96 NATOA=none NATD=none DPD=passive}',
    re: new RegExp(
      String.raw`${TAG}(?:(STATE_[A-Z0-9_]+): )?.{0,60}?(?:IPsec SA established|established Child SA)(?:.{0,200}?ESP(?:\/ESN)?=>0x([0-9a-f]+) <0x([0-9a-f]+))?`,
    ),
    emit: (m, ctx) =>
      signal({
        signal: 'phase2.complete',
        platform: PLATFORM,
        value: m[4] && m[5] ? `${m[1] ?? ''} ${m[5]}/${m[4]}` : (m[1] ?? ''),
        ...(m[3] ? { state: m[3] } : {}),
        ...peerOf(ctx),
      }),
  },
  {
    name: 'max-retransmissions',
    // also libreswan 4: '"conn" #1: IKE_SA_INIT_I: 60 second timeout exceeded after 7 retransmits.  No response …'
    sample:
      'Mar  3 11:03:17 west pluto[2211]: "westnet-eastnet" #1: max number of retransmissions (8) reached STATE_MAIN_I1.  No response (or no acceptable response) to our first IKE message',
    re: new RegExp(
      String.raw`${TAG}(?:max number of retransmissions \((\d+)\) reached ([A-Z0-9_]+)|([A-Z0-9_]+): \d+ second timeout exceeded after (\d+) retransmits)`,
    ),
    emit: (m, ctx) => {
      const state = m[4] ?? m[5] ?? '';
      const count = m[3] ?? m[6] ?? '';
      const x = exchangeOfState(
        state.startsWith('STATE_') || /_I$/.test(state) ? state : `STATE_${state}`,
      );
      const base = {
        platform: PLATFORM,
        ...(x.ikeVersion ? { ikeVersion: x.ikeVersion } : {}),
        ...(x.exchange ? { exchange: x.exchange } : {}),
        ...peerOf(ctx),
      };
      return [
        signal({ signal: 'ike.retransmit', ...base, value: count }),
        signal({ signal: 'ike.gave-up', ...base, state, value: count }),
      ];
    },
  },
  {
    name: 'notify',
    // "ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=00000000, length=12",
    // "sending notification INVALID_ID_INFORMATION to 192.1.2.45:500", "received v2N_NO_PROPOSAL_CHOSEN"
    sample:
      'Mar  3 11:02:17 west pluto[2211]: "westnet-eastnet" #1: ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=00000000, length=12',
    re: new RegExp(
      String.raw`${TAG}(?:.{0,80}?\b(ignoring informational payload|sending (?:encrypted |unencrypted )?notification|received|IKE_SA_INIT response rejected:|IKE_AUTH response rejected:) (?:unauthenticated |encrypted )?(?:v[12]N_)?(NO_PROPOSAL_CHOSEN|INVALID_ID_INFORMATION|AUTHENTICATION_FAILED|TS_UNACCEPTABLE|PAYLOAD_MALFORMED|INVALID_HASH_INFORMATION|INVALID_KE_PAYLOAD|INVALID_COOKIE|INTERNAL_ADDRESS_FAILURE|FAILED_CP_REQUIRED|INVALID_SYNTAX)\b)`,
    ),
    emit: (m, ctx) => {
      const conn = m[1] ?? '';
      const notify = normaliseNotify(m[4] ?? '');
      const direction = /^sending/.test(m[3] ?? '') ? ('sent' as const) : ('received' as const);
      const last = ctx.memory.get(`last:${conn}`);
      const rejected = /(IKE_SA_INIT|IKE_AUTH) response rejected/.exec(m[3] ?? '')?.[1];
      const exchange = rejected ?? last;
      const phase =
        rejected === 'IKE_SA_INIT' ? 1 : rejected === 'IKE_AUTH' ? 2 : phaseOf(ctx, conn);
      const base = { platform: PLATFORM, ...peerOf(ctx) };
      return [
        signal({
          signal: 'ike.notify',
          ...base,
          notify,
          direction,
          ...(exchange ? { exchange } : {}),
        }),
        ...notifyMeaning(notify, phase, base),
      ];
    },
  },
  {
    name: 'no-connection-authorized',
    // also 'initial Aggressive Mode message from 192.1.2.45 but no (wildcard) connection has been configured with policy PSK+AGGRESSIVE'
    sample:
      'Mar  3 11:02:17 east pluto[1873]: packet from 192.1.2.45:500: initial Main Mode message received on 192.1.2.23:500 but no connection has been authorized with policy PSK+IKEV1_ALLOW',
    re: /\b(?:packet from ([0-9A-Fa-f.:]+):\d+: )?initial (Main|Aggressive) Mode message (?:received on \S+|from \S+) but no (?:\(wildcard\) )?connection has been (?:authorized|configured) with policy (\S+)/,
    // No vocabulary signal says "no connection matches the peer address / policy": the arrival is recorded.
    emit: (m) => {
      const out: FactDraft[] = [
        signal({
          signal: 'ike.received',
          platform: PLATFORM,
          ikeVersion: 'ikev1',
          exchange: m[2] === 'Main' ? 'MM1' : 'AM1',
          role: 'responder',
          value: `no connection authorized with policy ${m[3] ?? ''}`,
          ...(m[1] ? { peer: m[1] } : {}),
        }),
      ];
      if (m[2] === 'Aggressive')
        out.push(
          signal({
            signal: 'ike.aggressive-mode',
            platform: PLATFORM,
            ikeVersion: 'ikev1',
            role: 'responder',
          }),
        );
      return out;
    },
  },
  {
    name: 'peer-id-mismatch',
    // also "no suitable connection for peer '@road'" and IKEv2 "peer ID '…' does not match expected '…'"
    sample:
      "Mar  3 11:02:17 east pluto[1873]: \"westnet-eastnet\" #1: we require IKEv1 peer to have ID '@west', but peer declares '192.1.2.45'",
    re: /\b(?:we require (?:IKEv[12] )?peer to have ID '([^']{0,255})', but peer declares '([^']{0,255})'|no suitable connection for peer '([^']{0,255})'|peer ID '([^']{0,255})' does not match expected '([^']{0,255})')/,
    emit: (m, ctx) =>
      signal({
        signal: 'peer-id.mismatch',
        platform: PLATFORM,
        value: m[2] ?? m[3] ?? m[4] ?? '',
        ...peerOf(ctx),
      }),
  },
  {
    name: 'no-connection-for-selectors',
    sample:
      'Mar  3 11:02:18 east pluto[1873]: "westnet-eastnet" #1: cannot respond to IPsec SA request because no connection is known for 192.0.2.0/24===192.1.2.23<192.1.2.23>[@east]...192.1.2.45<192.1.2.45>[@west]===192.0.1.0/24',
    re: /\bcannot respond to IPsec SA request because no connection is known for /,
    emit: (_m, ctx) =>
      signal({
        signal: 'ipsec.ts-unacceptable',
        platform: PLATFORM,
        ikeVersion: 'ikev1',
        ...peerOf(ctx),
      }),
  },
  {
    name: 'no-oakley-transform',
    sample:
      'Mar  3 11:02:17 east pluto[1873]: "westnet-eastnet" #1: no acceptable Oakley Transform',
    re: /\bno acceptable Oakley Transform/,
    emit: (_m, ctx) =>
      signal({
        signal: 'ike.policy-no-match',
        platform: PLATFORM,
        ikeVersion: 'ikev1',
        ...peerOf(ctx),
      }),
  },
  {
    name: 'no-ipsec-proposal',
    sample:
      'Mar  3 11:02:18 east pluto[1873]: "westnet-eastnet" #2: no acceptable Proposal in IPsec SA',
    re: /\b(?:no acceptable Proposal in IPsec SA|IPsec Transform \[[^\]]{0,200}\] refused)/,
    emit: (_m, ctx) =>
      signal({
        signal: 'ipsec.proposal-no-match',
        platform: PLATFORM,
        ikeVersion: 'ikev1',
        ...peerOf(ctx),
      }),
  },
  {
    name: 'psk-mismatch',
    // also "received Hash Payload does not match computed value"
    sample:
      'Mar  3 11:02:18 west pluto[2211]: "westnet-eastnet" #1: probable authentication failure (mismatch of preshared secrets?): malformed payload in packet',
    re: /\b(?:mismatch of preshared secrets|received Hash Payload does not match computed value)/,
    emit: (_m, ctx) =>
      signal({
        signal: 'psk.decrypt-failed',
        platform: PLATFORM,
        ikeVersion: 'ikev1',
        ...peerOf(ctx),
      }),
  },
  {
    name: 'psk-not-found',
    sample:
      "Mar  3 11:02:18 west pluto[2211]: \"westnet-eastnet\" #1: Can't authenticate: no preshared key found for `@west' and `@east'",
    re: /\b(?:no preshared key found for|no PSK found for|unable to find PSK)/i,
    emit: (_m, ctx) => signal({ signal: 'psk.not-found', platform: PLATFORM, ...peerOf(ctx) }),
  },
  {
    name: 'signature-failed',
    sample:
      'Mar  3 11:02:18 east pluto[1873]: "westnet-eastnet" #1: Signature check (on @west) failed (wrong key?); tried *AQOm9dY/4',
    re: /\b(?:Signature check \(on [^)]{0,255}\) failed|[Aa]uthentication (?:using \S+ )?failed|digital signature authentication failed)/,
    emit: (_m, ctx) => signal({ signal: 'auth.failed', platform: PLATFORM, ...peerOf(ctx) }),
  },
  {
    name: 'cert-problem',
    sample:
      'Mar  3 11:02:18 east pluto[1873]: "x509" #1: certificate verify failed: Peer\'s Certificate issuer is not recognized.',
    re: /\b(?:certificate verify failed|X509: Certificate rejected for this connection|NSS: ERROR: IPsec certificate)/,
    emit: (m, ctx) =>
      signal({
        signal: /expired/i.test(m.input) ? 'cert.expired' : 'cert.chain-invalid',
        platform: PLATFORM,
        ...peerOf(ctx),
      }),
  },
  {
    name: 'packet-from',
    sample:
      'Mar  3 11:02:17 east pluto[1873]: packet from 192.1.2.45:500: received Vendor ID payload [Dead Peer Detection]',
    re: /\bpacket from ([0-9A-Fa-f.:]+?):\d+: /,
    emit: (m, { memory }) => {
      memory.set('peer', m[1] ?? '');
      return null;
    },
    weak: true,
  },
  // Any other pluto line: understood, no fact of its own.
  {
    name: 'conn-line',
    sample:
      'Mar  3 11:02:17 west pluto[2211]: "westnet-eastnet" #1: received Vendor ID payload [Dead Peer Detection]',
    re: new RegExp(TAG),
    weak: true,
  },
  {
    name: 'daemon',
    sample: 'Mar  3 11:02:17 west pluto[2211]: listening for IKE messages',
    re: /\bpluto\[\d+\]: \S/,
    weak: true,
  },
];

/** libreswan / Openswan pluto log lines and `ipsec auto --up` output. */
export const plutoLog = tableParser({
  id: 'strongswan-pluto-log',
  platform: PLATFORM,
  command: 'journalctl -u ipsec (libreswan pluto)',
  marker:
    /\bpluto\[\d+\]: |"[^"]{1,128}"(?:\[\d+\])?(?: [0-9A-Fa-f.:]+)? #\d+: (?:STATE_|initiating|sent |max number)/,
  rules,
});
