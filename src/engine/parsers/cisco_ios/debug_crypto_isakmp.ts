/**
 * Cisco IOS / IOS-XE `debug crypto isakmp` (IKEv1 main, aggressive and quick mode).
 * Sources of the sample lines: The Trouble with IPsec VPNs, Part 3 (a complete main mode trace);
 * IPsec multiple keyrings with ISAKMP profiles (15.3T responder/initiator traces, keyring and
 * profile failures); Cisco IOS `debug crypto isakmp` output as printed by 12.4–15.x.
 */
import type { Role } from '../../../knowledge/schema.ts';
import {
  signal,
  tableParser,
  type FactDraft,
  type LineRule,
  type TableContext,
} from '../../parse/table.ts';
import { echoRule, ADDR, notifyName, withWrappedTails } from './debug_common.ts';

// Every message starts "ISAKMP:", "ISAKMP :", "ISAKMP (0:1): ", "ISAKMP:(1011):", "ISAKMP:(0)::" or "ISAKMP (1012): ".
const TAG = String.raw`ISAKMP ?:? ?(?:\(\d{1,10}(?::\d{1,12})?\):{0,2})? ?`;
const P = { platform: 'cisco-ios', ikeVersion: 'ikev1' } as const;

const roleOf = (marker: string | undefined): Role | undefined =>
  marker === 'I' ? 'initiator' : marker === 'R' ? 'responder' : undefined;

// Main mode message numbers from the state IOS prints beside "sending/received packet" and the role.
const MM_SENT: Record<Role, Record<string, string>> = {
  initiator: { MM_NO_STATE: 'MM1', MM_SA_SETUP: 'MM3', MM_KEY_EXCH: 'MM5' },
  responder: { MM_SA_SETUP: 'MM2', MM_KEY_EXCH: 'MM6', MM_NO_STATE: 'MM2' },
};
const MM_RECEIVED: Record<Role, Record<string, string>> = {
  initiator: { MM_NO_STATE: 'MM2', MM_SA_SETUP: 'MM4', MM_KEY_EXCH: 'MM6' },
  responder: { MM_NO_STATE: 'MM1', MM_SA_SETUP: 'MM3', MM_KEY_EXCH: 'MM5' },
};
// The message a retransmission repeats: the last one this role sends in that state.
const MM_RETRANSMIT: Record<Role, Record<string, string>> = {
  initiator: { MM_NO_STATE: 'MM1', MM_SA_SETUP: 'MM3', MM_KEY_EXCH: 'MM5' },
  responder: { MM_NO_STATE: 'MM2', MM_SA_SETUP: 'MM2', MM_KEY_EXCH: 'MM4' },
};

/** The exchange a packet belongs to, from its direction, role and printed state. */
function exchangeOf(
  dir: 'sent' | 'received',
  role: Role | undefined,
  state: string,
  mem: Map<string, string>,
): string | undefined {
  const s = state.startsWith('MM_KEY_EXC') ? 'MM_KEY_EXCH' : state;
  // A responder sends MM4 and MM6 both in MM_KEY_EXCH: after processing MM5 it is MM6.
  if (role === 'responder' && dir === 'sent' && s === 'MM_KEY_EXCH')
    return /^IKE_R_MM[56]$/.test(mem.get('lastState') ?? '') ? 'MM6' : 'MM4';
  if (role !== undefined && s.startsWith('MM_'))
    return (dir === 'sent' ? MM_SENT : MM_RECEIVED)[role][s];
  if (s === 'QM_IDLE') {
    // Quick mode: the device that began it sends QM1 and QM3; the other side sends QM2.
    // The initiator sends QM1 then QM3 after the answer; the responder receives QM1 then QM3.
    const qm = mem.get('qmRole') ?? 'I';
    const last = mem.get('qmLast');
    const ex =
      dir === 'sent'
        ? qm === 'I'
          ? last === 'QM2'
            ? 'QM3'
            : 'QM1'
          : 'QM2'
        : qm === 'I'
          ? 'QM2'
          : last === 'QM2'
            ? 'QM3'
            : 'QM1';
    mem.set('qmLast', ex);
    return ex;
  }
  if (s.startsWith('AG_')) return undefined;
  return undefined;
}

const peerOf = (memory: Map<string, string>): { peer?: string } => {
  const peer = memory.get('peer');
  return peer ? { peer } : {};
};

const phaseOf = (ctx: TableContext): string => ctx.memory.get('phase') ?? '1';

const rules: readonly LineRule[] = [
  echoRule(String.raw`(?:isakmp|isa)`, 'R1#debug crypto isakmp'),
  {
    // The state machine: "Old State = IKE_I_MM1 New State = IKE_I_MM2" (often wrapped after "New State =").
    name: 'state-change',
    sample: 'ISAKMP:(0):Old State = IKE_I_MM1 New State = IKE_I_MM2',
    re: /Old State = ([A-Z][A-Z0-9_]{1,40})\s{1,4}New State = ?([A-Z][A-Z0-9_]{1,40})/,
    emit: (m, { memory }) => {
      const state = m[2] ?? '';
      memory.set('lastState', state);
      const role: Role | undefined = /^IKE_(?:QM_)?I_/.test(state)
        ? 'initiator'
        : /^IKE_(?:QM_)?R_/.test(state)
          ? 'responder'
          : undefined;
      if (/^IKE_QM_/.test(state)) memory.set('phase', '2');
      else if (/^IKE_[IR]_(?:MM|AM)/.test(state)) memory.set('phase', '1');
      if (role && !state.startsWith('IKE_QM_'))
        memory.set('role', role === 'initiator' ? 'I' : 'R');
      const out: FactDraft[] = [
        signal({ signal: 'ike.state', ...P, state, value: m[1] ?? '', ...(role ? { role } : {}) }),
      ];
      if (state === 'IKE_P1_COMPLETE') out.push(signal({ signal: 'phase1.complete', ...P, state }));
      if (state === 'IKE_QM_PHASE2_COMPLETE')
        out.push(signal({ signal: 'phase2.complete', ...P, state }));
      if (/^IKE_[IR]_AM\d/.test(state))
        out.push(signal({ signal: 'ike.aggressive-mode', ...P, state, ...(role ? { role } : {}) }));
      return out;
    },
  },
  {
    // The event that drove the state machine; aggressive mode shows as IKE_AM_EXCH on the responder.
    name: 'input-event',
    sample: 'ISAKMP:(0):Input = IKE_MESG_FROM_PEER, IKE_MM_EXCH',
    re: /Input = (IKE_MESG_[A-Z_]{2,30}), ?(IKE_[A-Z0-9_]{2,40})/,
    emit: (m) =>
      m[2] === 'IKE_AM_EXCH' ? signal({ signal: 'ike.aggressive-mode', ...P, value: m[2] }) : null,
  },
  {
    // A packet left or arrived; the marker says this device's role, the state which message it was.
    name: 'packet',
    sample: 'ISAKMP:(0): sending packet to 192.168.0.2 my_port 500 peer_port 500 (I) MM_NO_STATE',
    re: new RegExp(
      String.raw`${TAG}(sending|received) packet (?:to|from) ${ADDR}(?: ?(?:my_port|dport|peer_port|sport) \d{1,5}| Global| ?\(?VRF[\w :/]{0,30}\)?){0,5} ?\((I|R)\) {0,6}(?:\(LINE \d{1,3}\) {0,4})?([A-Z][A-Z0-9_]{2,30})`,
    ),
    emit: (m, { memory, line }) => {
      const dir = m[1] === 'sending' ? 'sent' : 'received';
      const role = roleOf(m[3]);
      const state = m[4] ?? '';
      if (role) memory.set('role', m[3] ?? '');
      const exchange = exchangeOf(dir, role, state, memory);
      if (dir === 'sent' && exchange) {
        memory.set('lastSent', exchange);
        memory.set('lastSentLine', String(line.no));
      }
      memory.set('peer', m[2] ?? '');
      return signal({
        signal: dir === 'sent' ? 'ike.sent' : 'ike.received',
        ...P,
        peer: m[2] ?? '',
        state,
        ...(role ? { role } : {}),
        ...(exchange ? { exchange } : {}),
      });
    },
  },
  {
    name: 'begin-main-mode',
    sample: 'ISAKMP:(0): beginning Main Mode exchange',
    re: /beginning Main Mode exchange/,
    emit: (_m, { memory }) => {
      memory.set('role', 'I');
      memory.set('phase', '1');
      return null;
    },
  },
  {
    name: 'begin-aggressive-mode',
    sample: 'ISAKMP:(0): beginning Aggressive Mode exchange',
    re: /beginning Aggressive Mode exchange/,
    emit: (_m, { memory }) => {
      memory.set('role', 'I');
      return signal({ signal: 'ike.aggressive-mode', ...P, role: 'initiator' });
    },
  },
  {
    // Quick mode: this device is the phase 2 initiator.
    name: 'begin-quick-mode',
    sample: 'ISAKMP:(1011):beginning Quick Mode exchange, M-ID of 1993778370',
    re: /beginning Quick Mode exchange(?:, M-ID\s?of -?\d+)?/,
    emit: (_m, { memory }) => {
      memory.set('qmRole', 'I');
      memory.delete('qmLast');
      memory.set('phase', '2');
      return null;
    },
  },
  {
    // "Can not start Aggressive mode, trying Main mode." — normal for a peer without an aggressive-mode key.
    name: 'aggressive-fallback',
    sample: 'ISAKMP:(0):Can not start Aggressive mode, trying Main mode.',
    re: /Can not start Aggressive mode, trying\s?Main mode/,
  },
  {
    name: 'retransmit',
    sample: 'ISAKMP:(0): retransmitting phase 1 MM_NO_STATE...',
    re: /retransmitting phase ([12]) ?([A-Z][A-Z0-9_]{2,30})?/,
    emit: (m, { memory }) => {
      const state = m[2] ?? '';
      const role = roleOf(memory.get('role'));
      const phase2 = m[1] === '2';
      const exchange = phase2
        ? memory.get('qmRole') === 'R'
          ? 'QM2'
          : 'QM1'
        : role && state.startsWith('MM_')
          ? MM_RETRANSMIT[role][state.startsWith('MM_KEY_EXC') ? 'MM_KEY_EXCH' : state]
          : memory.get('lastSent');
      const lastLine = Number(memory.get('lastSentLine'));
      return signal({
        ...(lastLine > 0 ? { alsoLines: [lastLine] } : {}),
        signal: 'ike.retransmit',
        ...P,
        ...(state ? { state } : {}),
        ...(role && !phase2 ? { role } : {}),
        ...(exchange ? { exchange } : {}),
        ...peerOf(memory),
      });
    },
  },
  {
    name: 'retransmit-counter',
    sample:
      'ISAKMP (0:134217729): incrementing error counter on sa, attempt 1 of 5: retransmit phase 1',
    re: /incrementing error counter on (?:sa|node), attempt (\d+) of (\d+): ?([\w ]{0,40})/,
  },
  {
    name: 'retransmit-due',
    sample: 'ISAKMP:(0): retransmitting due to retransmit phase 1',
    re: /retransmitting due to retransmit phase [12]|retransmission skipped for phase [12]|packet is a duplicate of a previous packet/,
  },
  {
    // Death by retransmission: the exchange was abandoned.
    name: 'gave-up',
    sample:
      'ISAKMP:(0):deleting SA reason "Death by retransmission P1" state (I) MM_NO_STATE (peer 10.1.1.2)',
    re: /Death by retransmission P([12])|P([12]) retransmit exceeded|retransmit(?:ted)? too many times/i,
    emit: (m, { memory }) => {
      const phase2 = m[1] === '2' || m[2] === '2';
      const exchange = phase2 ? 'QM1' : memory.get('lastSent');
      return signal({
        signal: 'ike.gave-up',
        ...P,
        ...(exchange ? { exchange } : {}),
        ...peerOf(memory),
        value: m[0],
      });
    },
  },
  {
    name: 'deleting-sa',
    sample: 'ISAKMP:(1001):deleting SA reason "No reason" state (I) QM_IDLE (peer 10.1.1.2)',
    re: /deleting (?:SA|node -?\d+) (?:reason|error) "?([\w ./-]{0,60})"? ?(?:state \((I|R)\) ([A-Z][A-Z0-9_]{2,30}))?/,
  },
  // ---- Policy
  {
    name: 'checking-transform',
    sample: 'ISAKMP:(0):Checking ISAKMP transform 1 against priority 10 policy',
    re: /Checking ISAKMP transform \d+ against\s?priority \d+ policy/,
    emit: (_m, { memory }) => {
      memory.set('phase', '1');
      return null;
    },
  },
  {
    name: 'checking-ipsec-proposal',
    sample: 'ISAKMP:(1003):Checking IPSec proposal 1',
    re: /Checking IPSec proposal \d+/,
    emit: (_m, { memory }) => {
      memory.set('phase', '2');
      if (memory.get('qmRole') !== 'I') memory.set('qmRole', 'R');
      return null;
    },
  },
  {
    // Per-transform verdicts: one offer may fail against one policy and pass against the next, so the
    // final verdict ("phase 1 SA policy not acceptable!") is the evidence, not these lines.
    name: 'atts',
    sample: 'ISAKMP:(0):atts are acceptable. Next payload is 0',
    re: /atts are (not )?acceptable\.?(?: ?Next payload is \d+)?/,
    emit: (m, { memory }) => {
      if (m[1]) memory.set('attsRejected', phaseOfMemory(memory));
      return null;
    },
  },
  {
    name: 'attribute',
    sample: 'ISAKMP:      encryption DES-CBC',
    re: new RegExp(
      String.raw`^${TAG}\s*(?:encryption|hash|default group|group|auth|life type|life duration|encaps|SA life type|SA life duration|authenticator|key length|ESP|AH)\b`,
    ),
  },
  {
    name: 'lifetime',
    sample: 'ISAKMP:(0):Returning Actual lifetime: 86400',
    re: /(?:Returning Actual lifetime|Started lifetime timer|Fill atts in sa life_in_seconds):? ?(\d+)/,
    emit: (m) => signal({ signal: 'ike.lifetime', ...P, value: m[1] ?? '' }),
  },
  {
    name: 'phase1-not-acceptable',
    sample: 'ISAKMP:(0):phase 1 SA policy not acceptable! (local 10.1.1.1 remote 10.1.1.2)',
    re: new RegExp(
      String.raw`phase 1 SA policy not acceptable!\s?\(local ${ADDR} remote ${ADDR}\)`,
    ),
    emit: (m) =>
      signal({ signal: 'ike.policy-no-match', ...P, peer: m[2] ?? '', local: m[1] ?? '' }),
  },
  {
    name: 'phase2-not-acceptable',
    sample:
      'ISAKMP:(1003): phase 2 SA policy not acceptable! (local 192.168.0.2 remote 192.168.0.1)',
    re: new RegExp(
      String.raw`phase 2 SA policy not acceptable!\s?\(local ${ADDR} remote ${ADDR}\)`,
    ),
    emit: (m) =>
      signal({ signal: 'ipsec.proposal-no-match', ...P, peer: m[2] ?? '', local: m[1] ?? '' }),
  },
  {
    // The responder's IPsec layer refused the proposal. Error 32 means no crypto map entry accepts
    // the proxy identities: crypto ACLs that are not mirror images, or (seed 004) an entry bound to
    // another ISAKMP profile; only `map_db_check_isakmp_profile profile did not match` (debug crypto
    // ipsec) proves the profile case.
    name: 'ipsec-invalidated',
    sample: 'ISAKMP:(1003): IPSec policy invalidated proposal with error 32',
    re: /IPSec policy invalidated proposal with\s?error (\d+)/,
    emit: (m) =>
      m[1] === '32'
        ? signal({ signal: 'ipsec.proxy-unsupported', ...P, value: 'error 32' })
        : signal({ signal: 'ipsec.proposal-no-match', ...P, value: `error ${m[1] ?? ''}` }),
  },
  // ---- Notifies
  {
    name: 'notify-sent',
    sample: 'ISAKMP:(1003):Sending NOTIFY PROPOSAL_NOT_CHOSEN protocol 3',
    re: /Sending NOTIFY ([A-Z][A-Z0-9_]{2,40})(?: protocol (\d))?/,
    emit: (m, ctx) => notifyFacts(m[1] ?? '', 'sent', m[2], ctx),
  },
  {
    name: 'notify-received',
    sample: 'ISAKMP (0:1): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 1',
    re: /processing NOTIFY ([A-Z][A-Z0-9_]{2,40})(?: protocol (\d))?/,
    emit: (m, ctx) => notifyFacts(m[1] ?? '', 'received', m[2], ctx),
  },
  {
    // The tail IOS prints on its own line after a notify.
    name: 'notify-tail',
    sample: 'spi 0, message ID = 0, sa = 0xF46295E8',
    re: /^\s*(?:protocol \d\s*$|spi \d+, message ID = -?\d+)/,
  },
  // ---- Keys and authentication
  {
    name: 'psk-found',
    sample: 'ISAKMP (0:1): found peer pre-shared key matching 172.16.6.2',
    re: new RegExp(String.raw`found peer pre-shared key matching\s?${ADDR}`),
  },
  {
    name: 'psk-missing',
    sample: 'ISAKMP:(0):No pre-shared key with 10.1.1.2!',
    re: new RegExp(
      String.raw`No pre-shared key (?:with|for) ${ADDR}|No cert, and no keys \(public or pre-shared\) with remote peer ${ADDR}`,
    ),
    emit: (m) => signal({ signal: 'psk.not-found', ...P, peer: m[1] ?? m[2] ?? '' }),
  },
  {
    // The responder found the key in another keyring than the profile's (IOS 15.3T tech note).
    name: 'keyring-no-key',
    sample: 'ISAKMP:(1012):Key not found in keyrings of profile , aborting exchange',
    re: /Key not found in keyrings of profile ?([\w.-]{0,64}) ?,\s?aborting exchange/,
    emit: (m) =>
      signal({ signal: 'keyring.no-key-in-profile', ...P, ...(m[1] ? { value: m[1] } : {}) }),
  },
  {
    name: 'fsm-error',
    sample: 'ISAKMP (1012): FSM action returned error: 2',
    re: /FSM action returned error: ?(\d+)/,
  },
  {
    name: 'keyring-lookup',
    sample: 'ISAKMP:(0):Found ADDRESS key in keyring keyring1',
    re: /Found (?:ADDRESS|HOSTNAME|FQDN) key in keyring|local preshared key found|key for \S+ (?:not available in default|found in keyring)|Selecting \S+\s?as final key|Looking for xauth in profile|peer matches \S* ?profile|SA request profile is|Searching key for|No matching key/,
  },
  {
    name: 'reserved-not-zero',
    sample: 'ISAKMP: reserved not zero on ID payload!',
    re: /reserved not zero on (?:ID|\w+) payload/,
    emit: (_m, { memory }) => signal({ signal: 'psk.malformed', ...P, ...peerOf(memory) }),
  },
  {
    name: 'decrypt-failed',
    sample:
      'ISAKMP (0:1): had problems decrypting packet, probably due to mismatched pre-shared key',
    re: /problems decrypting packet|packet could not be decrypted|hash (?:verification|check) failed/,
    emit: () => signal({ signal: 'psk.decrypt-failed', ...P }),
  },
  {
    name: 'authenticated',
    sample: 'ISAKMP (0:1): SA has been authenticated with 172.16.6.2',
    re: new RegExp(String.raw`SA has been authenticated\s?with\s?${ADDR}`),
    emit: (m) => signal({ signal: 'phase1.complete', ...P, peer: m[1] ?? '' }),
  },
  {
    name: 'auth-status',
    sample: 'ISAKMP:(1003):SA authentication status: authenticated',
    re: /SA authentication status:\s?(authenticated|not authenticated|\w+)/,
  },
  {
    name: 'auth-type',
    sample: 'ISAKMP (0:1): SA is doing pre-shared key authentication using id type ID_IPV4_ADDR',
    re: /SA is doing [\w -]{3,40}\s?authentication(?: using id type [A-Z0-9_]+)?/,
  },
  {
    name: 'phase1-completed',
    sample: 'ISAKMP: PHASE 1 COMPLETED',
    re: /PHASE 1 COMPLETED/i,
    emit: () => signal({ signal: 'phase1.complete', ...P }),
  },
  {
    name: 'isakmp-off',
    sample: 'ISAKMP is OFF',
    re: /\bISAKMP is OFF\b/,
    emit: () => signal({ signal: 'ike.off', ...P }),
  },
  {
    // "Creating IPSec SAs" block: one SA per direction, then its SPI and lifetimes on lines of their own.
    name: 'creating-sas',
    sample: '        inbound SA from 10.0.12.2 to 10.0.12.1 (f/i)  0/ 0',
    re: new RegExp(
      String.raw`^\s*(?:(?:inbound|outbound) SA from ${ADDR} to ${ADDR} \(f/i\)|\(proxy \S+ to \S+\)|has spi {1,2}0x[0-9A-Fa-f]+ and conn_id \d+|lifetime of \d+ (?:seconds|kilobytes))`,
    ),
  },
  // ---- ID payload dump and other structure lines
  {
    name: 'id-payload-field',
    sample: 'next-payload : 8',
    re: /^\s*(?:next-payload|type|address|protocol|port|length|fqdn(?: name)?|dn|ip address|user fqdn) {1,12}: \S/i,
  },
  {
    name: 'generic',
    sample: 'ISAKMP:(0): processing vendor id payload',
    re: new RegExp(String.raw`^${TAG}\S`),
    weak: true,
  },
  {
    name: 'generic-aaa',
    sample: 'ISAKMP AAA: Accounting is not enabled',
    re: /^ISAKMP (?:AAA|NAT|PEER):/,
    weak: true,
  },
];

function phaseOfMemory(memory: Map<string, string>): string {
  return memory.get('phase') ?? '1';
}

/** A notify, and for NO_PROPOSAL_CHOSEN the phase it refused (protocol 1 is ISAKMP, 2/3 AH/ESP). */
function notifyFacts(
  raw: string,
  direction: 'sent' | 'received',
  protocol: string | undefined,
  ctx: TableContext,
): FactDraft[] {
  const notify = notifyName(raw);
  const peer = ctx.memory.get('peer');
  const out: FactDraft[] = [
    signal({ signal: 'ike.notify', ...P, notify, direction, ...(peer ? { peer } : {}) }),
  ];
  const phase = protocol === '1' ? '1' : protocol === '2' || protocol === '3' ? '2' : phaseOf(ctx);
  if (notify === 'NO_PROPOSAL_CHOSEN')
    out.push(
      signal({
        signal: phase === '2' ? 'ipsec.proposal-no-match' : 'ike.policy-no-match',
        ...P,
        notify,
        direction,
      }),
    );
  if (notify === 'PAYLOAD_MALFORMED')
    out.push(signal({ signal: 'psk.malformed', ...P, notify, direction }));
  if (notify === 'INVALID_COOKIE')
    out.push(signal({ signal: 'ike.invalid-cookie', ...P, notify, direction }));
  return out;
}

/** `debug crypto isakmp` on IOS / IOS-XE. */
export const debugCryptoIsakmp = withWrappedTails(
  tableParser({
    id: 'cisco-ios-debug-crypto-isakmp',
    platform: 'cisco-ios',
    command: 'debug crypto isakmp',
    marker: /ISAKMP ?:? ?\(\d|ISAKMP ?: |Old State = \S+ +New State|ISAKMP is OFF/,
    rules,
  }),
);
