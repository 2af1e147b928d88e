/**
 * Facts → the events of one side's log, in line order: messages sent and received, notifies,
 * retransmissions, state changes and the failures that stop an exchange.
 */
import type { Signal, SignalFact } from '../../knowledge/facts.ts';
import type { Role } from '../../knowledge/schema.ts';

/** A message the log shows leaving or arriving. */
export interface MessageEvent {
  readonly t: 'msg';
  readonly dir: 'sent' | 'received';
  /** Normalised exchange, or undefined when the line does not say (merged with a neighbour). */
  readonly exchange?: string;
  readonly kind?: 'request' | 'response';
  readonly messageId?: string;
  readonly spi?: string;
  readonly payloads?: string;
  readonly notify?: string;
  readonly role?: Role;
  readonly peer?: string;
  readonly local?: string;
  readonly lines: readonly number[];
}

/** Anything else one side's log says about the exchange. */
export type SideEvent =
  | MessageEvent
  | {
      readonly t: 'retransmit';
      readonly exchange?: string;
      readonly count: number;
      /** A retransmission number the line prints (`retransmit 3 of request`, `max (8) reached`). */
      readonly total?: number;
      readonly spi?: string;
      readonly lines: readonly number[];
    }
  | { readonly t: 'gave-up'; readonly exchange?: string; readonly lines: readonly number[] }
  | {
      readonly t: 'notify';
      readonly dir: 'sent' | 'received';
      readonly notify: string;
      readonly exchange?: string;
      readonly lines: readonly number[];
    }
  | {
      readonly t: 'state';
      readonly state: string;
      readonly role?: Role;
      /** The message the state line names, if any (FortiGate `main mode get 2nd response`). */
      readonly exchange?: string;
      readonly lines: readonly number[];
    }
  | { readonly t: 'done'; readonly phase: 1 | 2; readonly lines: readonly number[] }
  | { readonly t: 'fail'; readonly signal: Signal; readonly lines: readonly number[] };

/** Signals that explain why an exchange stopped, when no notify says it. */
export const FAILURE_SIGNALS: ReadonlySet<Signal> = new Set<Signal>([
  'ike.policy-no-match',
  'ike.version-unsupported',
  'psk.decrypt-failed',
  'psk.malformed',
  'psk.not-found',
  'keyring.no-key-in-profile',
  'auth.failed',
  'auth.method-mismatch',
  'cert.chain-invalid',
  'cert.no-trustpoint',
  'cert.expired',
  'cert.revocation-failed',
  'cert.key-usage',
  'cert.identity-mismatch',
  'eap.failed',
  'authz.failed',
  'peer-id.mismatch',
  'ipsec.proposal-no-match',
  'ipsec.ts-unacceptable',
  'ipsec.proxy-unsupported',
  'ipsec.crypto-map-no-policy',
  'ipsec.profile-mismatch',
  'ipsec.no-policy-for-ts',
  'ipsec.embryonic-deleted',
  'ipsec.qm-fsm-error',
  'ipsec.pfs-unsupported',
  'ike.invalid-cookie',
]);

/** The exchange names the ladder uses: IKEv1 messages, IKEv2 exchanges and `INFORMATIONAL`. */
export function normaliseExchange(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (/^(?:MM[1-6]|AM[1-3]|QM[1-3]|IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL)$/.test(raw))
    return raw;
  if (raw === 'INFORMATIONAL_V1') return 'INFORMATIONAL';
  // Palo Alto says only "MM" or "QM" for a phase 1 or phase 2 retransmission.
  if (raw === 'MM' || raw === 'QM') return raw;
  return undefined;
}

const kindOf = (value: string | undefined): 'request' | 'response' | undefined =>
  value === 'REQUEST' ? 'request' : value === 'RESPONSE' ? 'response' : undefined;

const numberIn = (value: string | undefined): number | undefined =>
  value !== undefined && /^\d{1,4}$/.test(value) ? Number(value) : undefined;

const opt = <K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } =>
  (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };

/** The event a fact stands for, or null when it says nothing about the exchange. */
export function eventOf(f: SignalFact): SideEvent | null {
  const lines = f.lines;
  switch (f.signal) {
    case 'ike.sent':
    case 'ike.received':
      return {
        t: 'msg',
        dir: f.signal === 'ike.sent' ? 'sent' : 'received',
        // A message named after the notify it carries (FortiOS "INVALID-ID-INFORMATION") is informational.
        ...opt(
          'exchange',
          normaliseExchange(f.exchange) ?? (f.notify ? 'INFORMATIONAL' : undefined),
        ),
        ...opt('kind', kindOf(f.value)),
        ...opt('messageId', f.messageId),
        ...opt('spi', f.spi),
        ...opt('payloads', f.payloads),
        ...opt('notify', f.notify),
        ...opt('role', f.role),
        ...opt('peer', f.peer),
        ...opt('local', f.local),
        lines,
      };
    case 'ike.retransmit':
      return {
        t: 'retransmit',
        ...opt('exchange', normaliseExchange(f.exchange)),
        count: f.count ?? 1,
        ...opt('total', numberIn(f.value)),
        ...opt('spi', f.spi),
        lines,
      };
    case 'ike.gave-up':
      return { t: 'gave-up', ...opt('exchange', normaliseExchange(f.exchange)), lines };
    case 'ike.notify':
      return f.notify === undefined || f.direction === undefined
        ? null
        : {
            t: 'notify',
            dir: f.direction,
            notify: f.notify,
            ...opt('exchange', normaliseExchange(f.exchange)),
            lines,
          };
    case 'ike.state':
      return f.state === undefined
        ? null
        : {
            t: 'state',
            state: f.state,
            ...opt('role', f.role),
            ...opt('exchange', normaliseExchange(f.exchange)),
            lines,
          };
    case 'phase1.complete':
      return { t: 'done', phase: 1, lines };
    case 'phase2.complete':
      return { t: 'done', phase: 2, lines };
    default:
      return FAILURE_SIGNALS.has(f.signal) ? { t: 'fail', signal: f.signal, lines } : null;
  }
}
