/**
 * Where on the ladder a notify or a failure belongs when the log does not say: which message it
 * travels in, who sends it, and which message the failing device was processing. The rules follow
 * RFC 2409 / RFC 7296 and the seed documents (a responder refuses MM1's proposals with
 * NO_PROPOSAL_CHOSEN; a pre-shared key mismatch shows when MM5 or MM6 cannot be decrypted; IKEv2
 * error notifies travel in the response of the exchange that failed).
 */
import { IKEV2_NOTIFIES } from '../../knowledge/reference/ikev2-notifies.ts';
import type { Signal } from '../../knowledge/facts.ts';
import type { Role } from '../../knowledge/schema.ts';
import { other, type StepKey } from './flow.ts';

/** What the ladder knows about the exchange while placing things. */
export interface PlaceContext {
  readonly version: 'ikev1' | 'ikev2';
  readonly aggressive: boolean;
  /** Role of the device whose log holds the event, when known. */
  readonly role?: Role;
  /** Who began quick mode (sent QM1). */
  readonly quickInitiator: Role;
}

const V1_ERRORS = [
  'INVALID_COOKIE',
  'PAYLOAD_MALFORMED',
  'INVALID_PAYLOAD_TYPE',
  'INVALID_HASH_INFORMATION',
  'INVALID_ID_INFORMATION',
  'INVALID_SIGNATURE',
  'ATTRIBUTES_NOT_SUPPORTED',
  'AUTHENTICATION_FAILED',
  'NO_PROPOSAL_CHOSEN',
  'INVALID_SPI',
];
const ERROR_NOTIFIES: ReadonlySet<string> = new Set([
  ...IKEV2_NOTIFIES.filter((n) => n.type === 'error').map((n) => n.name),
  ...V1_ERRORS,
]);

/** Whether a notify reports an error (status notifies such as INITIAL_CONTACT do not stop anything). */
export const isErrorNotify = (name: string): boolean => ERROR_NOTIFIES.has(name);

// IKEv2 error notifies by the exchange whose response carries them (RFC 7296 sections 1.2, 2.21).
const V2_SA_INIT = new Set(['INVALID_KE_PAYLOAD', 'INVALID_MAJOR_VERSION', 'INVALID_SYNTAX']);
const V2_AUTH = new Set([
  'AUTHENTICATION_FAILED',
  'TS_UNACCEPTABLE',
  'INTERNAL_ADDRESS_FAILURE',
  'FAILED_CP_REQUIRED',
  'SINGLE_PAIR_REQUIRED',
  'NO_ADDITIONAL_SAS',
  'INVALID_SELECTORS',
]);
// IKEv1 phase 1 notifies a peer sends when it cannot decrypt or verify MM5 / MM6.
const V1_AUTH_STAGE = new Set([
  'PAYLOAD_MALFORMED',
  'INVALID_PAYLOAD_TYPE',
  'AUTHENTICATION_FAILED',
  'INVALID_HASH_INFORMATION',
  'INVALID_ID_INFORMATION',
  'INVALID_SIGNATURE',
]);

/** Where a notify travels. */
export interface NotifyPlace {
  readonly exchange: string;
  readonly kind?: 'request' | 'response';
  /** Who sends it. */
  readonly sender: Role;
  /** The flow step it answers (the notify comes right after it), when the notify implies one. */
  readonly after?: StepKey;
}

/** Places a notify the log shows sent or received; `hint` is the exchange the line named, if any. */
export function placeNotify(
  notify: string,
  dir: 'sent' | 'received',
  phase: 1 | 2,
  hint: string | undefined,
  ctx: PlaceContext,
): NotifyPlace {
  return ctx.version === 'ikev2'
    ? placeV2(notify, dir, phase, hint, ctx)
    : placeV1(notify, dir, phase, ctx);
}

function placeV1(
  notify: string,
  dir: 'sent' | 'received',
  phase: 1 | 2,
  ctx: PlaceContext,
): NotifyPlace {
  const quickResponder = other(ctx.quickInitiator);
  const fallback: Role = phase === 2 ? quickResponder : 'responder';
  const sender = ctx.role === undefined ? fallback : dir === 'sent' ? ctx.role : other(ctx.role);
  const base = { exchange: 'INFORMATIONAL', sender } as const;
  if (phase === 2) {
    if (notify === 'INVALID_COOKIE' || notify === 'INVALID_SPI') return base;
    return { ...base, after: sender === quickResponder ? 'QM1' : 'QM2' };
  }
  const a = ctx.aggressive;
  if (notify === 'NO_PROPOSAL_CHOSEN' || notify === 'ATTRIBUTES_NOT_SUPPORTED')
    return { ...base, after: sender === 'responder' ? (a ? 'AM1' : 'MM1') : a ? 'AM2' : 'MM2' };
  if (V1_AUTH_STAGE.has(notify))
    return { ...base, after: sender === 'responder' ? (a ? 'AM3' : 'MM5') : a ? 'AM2' : 'MM6' };
  return base;
}

function placeV2(
  notify: string,
  dir: 'sent' | 'received',
  phase: 1 | 2,
  hint: string | undefined,
  ctx: PlaceContext,
): NotifyPlace {
  const exchange =
    hint === 'IKE_SA_INIT' ||
    hint === 'IKE_AUTH' ||
    hint === 'CREATE_CHILD_SA' ||
    hint === 'INFORMATIONAL'
      ? hint
      : notify === 'NO_PROPOSAL_CHOSEN'
        ? phase === 1
          ? 'IKE_SA_INIT'
          : 'IKE_AUTH'
        : V2_SA_INIT.has(notify)
          ? 'IKE_SA_INIT'
          : V2_AUTH.has(notify)
            ? 'IKE_AUTH'
            : 'INFORMATIONAL';
  // An initiator that cannot verify the responder reports it in an INFORMATIONAL request.
  if (exchange === 'IKE_AUTH' && dir === 'sent' && ctx.role === 'initiator')
    return {
      exchange: 'INFORMATIONAL',
      kind: 'request',
      sender: 'initiator',
      after: 'IKE_AUTH:response',
    };
  if (exchange === 'INFORMATIONAL') {
    const sender =
      ctx.role === undefined ? 'responder' : dir === 'sent' ? ctx.role : other(ctx.role);
    return { exchange, kind: 'request', sender };
  }
  if (exchange === 'CREATE_CHILD_SA') {
    const sender =
      ctx.role === undefined ? 'responder' : dir === 'sent' ? ctx.role : other(ctx.role);
    return { exchange, kind: 'response', sender };
  }
  return { exchange, kind: 'response', sender: 'responder' };
}

/** Which phase a failure signal belongs to (phase 2: the IPsec / child SA). */
export const failurePhase = (s: Signal): 1 | 2 => (s.startsWith('ipsec.') ? 2 : 1);

/**
 * The flow step whose message the device was processing when the failure struck, or null when
 * nothing was exchanged (a missing key stops an initiator before its first message) or unknown.
 */
export function failureStep(s: Signal, ctx: PlaceContext, anyMessage: boolean): StepKey | null {
  const initiator = ctx.role === 'initiator';
  if (ctx.version === 'ikev2') {
    if (s === 'ike.invalid-cookie' || s === 'ike.version-unsupported') return null;
    if (s === 'ike.policy-no-match')
      return initiator ? 'IKE_SA_INIT:response' : 'IKE_SA_INIT:request';
    if (s === 'psk.not-found' && initiator && !anyMessage) return null;
    return initiator ? 'IKE_AUTH:response' : 'IKE_AUTH:request';
  }
  const a = ctx.aggressive;
  if (s.startsWith('ipsec.')) return ctx.quickInitiator === ctx.role ? 'QM2' : 'QM1';
  if (s === 'ike.invalid-cookie' || s === 'ike.version-unsupported') return null;
  if (s === 'ike.policy-no-match') return initiator ? (a ? 'AM2' : 'MM2') : a ? 'AM1' : 'MM1';
  if (s === 'psk.not-found') return initiator ? (a ? 'AM2' : 'MM2') : a ? 'AM1' : 'MM1';
  // Keys, identities and certificates are checked on the encrypted messages 5 and 6.
  return initiator ? (a ? 'AM2' : 'MM6') : a ? 'AM3' : 'MM5';
}
