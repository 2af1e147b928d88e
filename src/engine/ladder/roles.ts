/**
 * The IKE SA role of the device behind each side's log: from the messages it sent and received,
 * the roles and states its lines print, the other side, and at last from the notifies it sent.
 */
import type { Role } from '../../knowledge/schema.ts';
import type { SideEvent } from './events.ts';
import { other, senderOf, stepOf } from './flow.ts';
import { placeNotify, isErrorNotify } from './place.ts';
import { meaningOfState } from './states.ts';

/** Votes for a role from one side's events; undefined when nothing shows it. */
export function voteRole(events: readonly SideEvent[]): Role | undefined {
  let initiator = 0;
  let responder = 0;
  let weakI = 0;
  let weakR = 0;
  const vote = (r: Role | undefined, weight: number, weak: boolean) => {
    if (r === undefined) return;
    if (weak) {
      if (r === 'initiator') weakI += weight;
      else weakR += weight;
    } else if (r === 'initiator') initiator += weight;
    else responder += weight;
  };
  for (const ev of events) {
    if (ev.t === 'msg') {
      const step = ev.exchange === undefined ? null : stepOf(ev.exchange, ev.kind);
      if (step !== null && !step.startsWith('QM')) {
        const sender = senderOf(step, 'initiator');
        vote(ev.dir === 'sent' ? sender : other(sender), 2, false);
      } else if (step === null && ev.exchange !== 'INFORMATIONAL') vote(ev.role, 1, false);
    } else if (ev.t === 'state') {
      const meaning = meaningOfState(ev.state, ev.exchange);
      vote(meaning.role ?? ev.role, 1, meaning.phase2Role === true);
    }
  }
  if (initiator + responder > 0) return initiator >= responder ? 'initiator' : 'responder';
  // Only quick-mode roles: the device usually began phase 2 as it began phase 1.
  if (weakI + weakR > 0) return weakI >= weakR ? 'initiator' : 'responder';
  return undefined;
}

/** The role an error notify suggests when nothing else tells: IKEv2 errors answer in responses. */
export function roleFromNotifies(
  events: readonly SideEvent[],
  version: 'ikev1' | 'ikev2',
  aggressive: boolean,
  phase1Done: boolean,
): Role | undefined {
  for (const ev of events) {
    if (ev.t !== 'notify' || !isErrorNotify(ev.notify)) continue;
    const phase =
      /^(?:QM\d|IKE_AUTH|CREATE_CHILD_SA)$/.test(ev.exchange ?? '') || phase1Done ? 2 : 1;
    const place = placeNotify(ev.notify, ev.dir, phase, ev.exchange, {
      version,
      aggressive,
      quickInitiator: 'initiator',
    });
    return ev.dir === 'sent' ? place.sender : other(place.sender);
  }
  return undefined;
}
