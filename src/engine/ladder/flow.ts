/**
 * The message flows of IKE as data: which messages come in which order, who sends each and what
 * it carries. Main mode and quick mode follow RFC 2409 (six and three messages), IKEv2 RFC 7296
 * (IKE_SA_INIT then IKE_AUTH, each a request and a response).
 */
import type { Role } from '../../knowledge/schema.ts';

/** A step of a flow: `MM3`, `QM1`, or `IKE_AUTH:request`. */
export type StepKey = string;

const MAIN: readonly StepKey[] = ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6'];
const AGGRESSIVE: readonly StepKey[] = ['AM1', 'AM2', 'AM3'];
const QUICK: readonly StepKey[] = ['QM1', 'QM2', 'QM3'];
const V2: readonly StepKey[] = [
  'IKE_SA_INIT:request',
  'IKE_SA_INIT:response',
  'IKE_AUTH:request',
  'IKE_AUTH:response',
];

/** The ordered steps of an exchange: phase 1 (main or aggressive) then quick mode, or IKEv2's four. */
export function flowOf(version: 'ikev1' | 'ikev2', aggressive: boolean): readonly StepKey[] {
  if (version === 'ikev2') return V2;
  return [...(aggressive ? AGGRESSIVE : MAIN), ...QUICK];
}

/** How many steps of the flow belong to phase 1 (the IKE SA). */
export function phase1Length(version: 'ikev1' | 'ikev2', aggressive: boolean): number {
  return version === 'ikev2' ? 2 : aggressive ? AGGRESSIVE.length : MAIN.length;
}

/** The flow step a message is, or null for messages outside the flow (informational, child SAs). */
export function stepOf(exchange: string, kind: 'request' | 'response' | undefined): StepKey | null {
  if (/^(?:MM[1-6]|AM[1-3]|QM[1-3])$/.test(exchange)) return exchange;
  if ((exchange === 'IKE_SA_INIT' || exchange === 'IKE_AUTH') && kind !== undefined)
    return `${exchange}:${kind}`;
  return null;
}

/** Splits a step key back into exchange and kind. */
export function splitStep(step: StepKey): {
  exchange: string;
  kind?: 'request' | 'response';
} {
  const [exchange = step, kind] = step.split(':');
  return kind === 'request' || kind === 'response' ? { exchange, kind } : { exchange };
}

/** Who sends a step: odd main/aggressive messages and requests come from the initiator. */
export function senderOf(step: StepKey, quickInitiator: Role): Role {
  const v1 = /^(MM|AM|QM)(\d)$/.exec(step);
  if (v1) {
    const odd = Number(v1[2]) % 2 === 1;
    if (v1[1] === 'QM') return odd ? quickInitiator : other(quickInitiator);
    return odd ? 'initiator' : 'responder';
  }
  return step.endsWith(':response') ? 'responder' : 'initiator';
}

/** The other end. */
export const other = (r: Role): Role => (r === 'initiator' ? 'responder' : 'initiator');

/** What a message carries per the RFCs, shown when the log does not list the payloads. */
export const CONTENTS: Readonly<Record<StepKey, string>> = {
  MM1: 'SA (proposals)',
  MM2: 'SA (chosen proposal)',
  MM3: 'KE, NONCE',
  MM4: 'KE, NONCE',
  MM5: 'ID, HASH (encrypted)',
  MM6: 'ID, HASH (encrypted)',
  AM1: 'SA, KE, NONCE, ID',
  AM2: 'SA, KE, NONCE, ID, HASH',
  AM3: 'HASH',
  QM1: 'HASH, SA, NONCE, proxy IDs',
  QM2: 'HASH, SA, NONCE, proxy IDs',
  QM3: 'HASH',
  'IKE_SA_INIT:request': 'SA, KE, Ni',
  'IKE_SA_INIT:response': 'SA, KE, Nr',
  'IKE_AUTH:request': 'IDi, AUTH, SA, TSi, TSr',
  'IKE_AUTH:response': 'IDr, AUTH, SA, TSi, TSr',
};

/** The name of a message as engineers say it: `MM3`, `IKE_AUTH request`, `INFORMATIONAL`. */
export function messageName(exchange: string, kind?: 'request' | 'response'): string {
  return kind === undefined || /^(?:MM|AM|QM)\d$/.test(exchange) ? exchange : `${exchange} ${kind}`;
}

/** `MM2 from the responder`: the message that should have come next. */
export function expectedText(step: StepKey, quickInitiator: Role): string {
  const { exchange, kind } = splitStep(step);
  return `${messageName(exchange, kind)} from the ${senderOf(step, quickInitiator)}`;
}
