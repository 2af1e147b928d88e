/**
 * What a printed IKE state proves about the exchange: the last message it had reached, and the
 * role of the device. Exact about roles: MM_WAIT_MSG2 is an initiator that sent MM1 and waits;
 * MM_WAIT_MSG3 is a responder that sent MM2 and waits for MM3.
 * Sources: Cisco ASA site-to-site VPN troubleshooting (MM_WAIT_MSGn on initiator and responder);
 * The Trouble with IPsec VPNs, Part 3 (IOS IKE_I_MMn / IKE_R_MMn); libreswan STATE_MAIN_In / Rn.
 */
import type { Role } from '../../knowledge/schema.ts';
import type { StepKey } from './flow.ts';

/** What a state proves. */
export interface StateMeaning {
  /** The flow step the device had reached (sent or received) when it printed the state. */
  readonly reached?: StepKey;
  /** The state says phase 1 (or 2) is complete. */
  readonly done?: 1 | 2;
  /** The message the device is waiting for (MM_WAIT_MSG3: MM3). */
  readonly waiting?: StepKey;
  /** The IKE SA role the state name carries. */
  readonly role?: Role;
  /** The role is the quick mode / phase 2 role, not the IKE SA one. */
  readonly phase2Role?: boolean;
}

// "IKE_I_MM3", "IKE_R_AM1": IOS IKEv1 state machine, message n sent or received.
const IOS_STATE = /^IKE_([IR])_(MM|AM)([1-6])$/;
// "IKE_QM_I_QM1", "IKE_QM_R_QM2": IOS quick mode states.
const IOS_QM_STATE = /^IKE_QM_([IR])_QM([1-3])$/;
// "MM_WAIT_MSG4", "AG_WAIT_MSG2", "MM_BLD_MSG6": ASA / IOS SA table states, waiting for or building message n.
const WAIT_STATE = /^(MM|AG)_(WAIT|BLD)_MSG([2-6])$/;
// "STATE_MAIN_I2", "STATE_QUICK_R1": libreswan; In has sent message 2n-1, Rn message 2n.
const PLUTO_STATE = /^STATE_(MAIN|AGGR|QUICK)_([IR])([1-4])$/;

/** What a state name proves (`fromExchange`: the message the line itself names, if any). */
export function meaningOfState(state: string, fromExchange?: string): StateMeaning {
  const ios = IOS_STATE.exec(state);
  if (ios) return { reached: `${ios[2] ?? ''}${ios[3] ?? ''}`, role: roleOf(ios[1]) };
  const qm = IOS_QM_STATE.exec(state);
  if (qm) return { reached: `QM${qm[2] ?? ''}`, role: roleOf(qm[1]), phase2Role: true };
  const wait = WAIT_STATE.exec(state);
  if (wait) {
    const n = Number(wait[3]);
    const prefix = wait[1] === 'AG' ? 'AM' : 'MM';
    // Waiting for n: the device sent n-1. Building n: it received n-1 and sends n.
    const waiting = wait[2] === 'WAIT';
    const sender = waiting ? n - 1 : n;
    return {
      reached: `${prefix}${n - 1}`,
      role: sender % 2 === 1 ? 'initiator' : 'responder',
      ...(waiting ? { waiting: `${prefix}${n}` } : {}),
    };
  }
  const pluto = PLUTO_STATE.exec(state);
  if (pluto) {
    const n = Number(pluto[3]);
    const initiator = pluto[2] === 'I';
    const prefix = pluto[1] === 'MAIN' ? 'MM' : pluto[1] === 'AGGR' ? 'AM' : 'QM';
    const max = prefix === 'MM' ? 6 : 3;
    const msg = Math.min(initiator ? 2 * n - 1 : 2 * n, max);
    return {
      reached: `${prefix}${msg}`,
      role: initiator ? 'initiator' : 'responder',
      ...(prefix === 'QM' ? { phase2Role: true } : {}),
      ...(prefix === 'MM' && initiator && n === 4 ? { done: 1 as const } : {}),
    };
  }
  if (/^(?:IKE_P1_COMPLETE|MM_ACTIVE|AM_ACTIVE|QM_IDLE)$/.test(state)) return { done: 1 };
  if (/^PHASE-2 /i.test(state)) return { done: 1, phase2Role: true };
  if (fromExchange !== undefined && /^(?:MM|AM|QM)\d$/.test(fromExchange))
    return {
      reached: fromExchange,
      ...(fromExchange.startsWith('QM') ? { phase2Role: true } : {}),
    };
  return {};
}

const roleOf = (c: string | undefined): Role => (c === 'I' ? 'initiator' : 'responder');
