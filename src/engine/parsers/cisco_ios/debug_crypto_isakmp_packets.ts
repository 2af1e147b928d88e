/**
 * The message lines of IOS `debug crypto isakmp`: packets sent and received, state changes,
 * retransmissions and the end of an exchange. Each names the IKEv1 message it carries (MM1…MM6,
 * AM1…AM3, QM1…QM3) from the role and state IOS prints beside it.
 * Sources: The Trouble with IPsec VPNs, Part 3 (a complete main mode trace); IPsec multiple
 * keyrings with ISAKMP profiles (15.3T traces of both routers); Cisco IOS 12.4–15.x debug output.
 */
import type { Role } from '../../../knowledge/schema.ts';
import { signal, type FactDraft, type LineRule, type TableContext } from '../../parse/table.ts';
import { ADDR } from './debug_common.ts';

// Every message starts "ISAKMP:", "ISAKMP :", "ISAKMP (0:1): ", "ISAKMP:(1011):", "ISAKMP:(0)::" or "ISAKMP (1012): ".
export const TAG = String.raw`ISAKMP ?:? ?(?:\(\d{1,10}(?::\d{1,12})?\):{0,2})? ?`;
export const P = { platform: 'cisco-ios', ikeVersion: 'ikev1' } as const;

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

export const peerOf = (memory: Map<string, string>): { peer?: string } => {
  const peer = memory.get('peer');
  return peer ? { peer } : {};
};

export const phaseOf = (ctx: TableContext): string => ctx.memory.get('phase') ?? '1';

/** Packets, states and retransmissions. */
export const packetRules: readonly LineRule[] = [
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
    // After "(N) NEW SA" it names the first message a responder received: MM1 or AM1.
    name: 'input-event',
    sample: 'ISAKMP:(0):Input = IKE_MESG_FROM_PEER, IKE_MM_EXCH',
    re: /Input = (IKE_MESG_[A-Z_]{2,30}), ?(IKE_[A-Z0-9_]{2,40})/,
    emit: (m, ctx) => {
      const out: FactDraft[] = [];
      if (m[2] === 'IKE_AM_EXCH')
        out.push(signal({ signal: 'ike.aggressive-mode', ...P, value: m[2] }));
      const newSa = Number(ctx.memory.get('newSaLine'));
      if (newSa > 0 && (m[2] === 'IKE_MM_EXCH' || m[2] === 'IKE_AM_EXCH')) {
        ctx.memory.delete('newSaLine');
        ctx.memory.set('role', 'R');
        out.push(firstReceived(m[2] === 'IKE_AM_EXCH' ? 'AM1' : 'MM1', newSa, ctx));
      }
      return out;
    },
  },
  {
    // The first packet of an SA this device did not start: it is the responder.
    name: 'new-sa-packet',
    sample: 'ISAKMP (0:0): received packet from 10.0.12.1 dport 500 sport 500 Global (N) NEW SA',
    re: new RegExp(
      String.raw`${TAG}received packet from ${ADDR}(?: ?(?:dport|sport) \d{1,5}| Global| ?\(?VRF[\w :/]{0,30}\)?){0,4} ?\(N\) NEW SA`,
    ),
    emit: (m, { memory, line }) => {
      memory.set('newSaLine', String(line.no));
      memory.set('peer', m[1] ?? '');
      return null;
    },
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
      // A responder that refused every proposal answers MM1 with a notify, not MM2.
      const refused = dir === 'sent' && role === 'responder' && memory.has('p1Refused');
      memory.delete('p1Refused');
      const exchange = refused ? 'INFORMATIONAL' : exchangeOf(dir, role, state, memory);
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
        ...(refused ? { notify: 'NO_PROPOSAL_CHOSEN' } : {}),
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
    emit: (m, { memory, line }) => {
      const state = m[2] ?? '';
      const role = roleOf(memory.get('role'));
      const phase2 = m[1] === '2';
      // IOS prints each retransmission twice ("retransmitting phase 1 MM_NO_STATE..." then again
      // without the dots) before re-sending: the second line reports no new one.
      const previous = Number(memory.get('retransmitLine'));
      const repeat =
        previous > 0 &&
        line.no - previous <= 3 &&
        Number(memory.get('lastSentLine') ?? '0') < previous;
      memory.set('retransmitLine', String(line.no));
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
        count: repeat ? 0 : 1,
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
];

/** The first message a responder received, proven by the line after "(N) NEW SA". */
function firstReceived(exchange: 'MM1' | 'AM1', packetLine: number, ctx: TableContext): FactDraft {
  const peer = ctx.memory.get('peer');
  return signal({
    alsoLines: [packetLine],
    signal: 'ike.received',
    ...P,
    exchange,
    role: 'responder',
    state: 'NEW SA',
    ...(peer ? { peer } : {}),
  });
}
