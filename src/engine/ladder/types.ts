/**
 * The exchange ladder: the IKE messages between initiator and responder as the pasted logs prove
 * them, and where the exchange stopped. Built by `buildLadder`, drawn by `components/ladder`.
 */
import type { Role } from '../../knowledge/schema.ts';

/** Which lifeline a message leaves: the initiator or the responder of the IKE SA. */
export type Lifeline = Role;

/** One end of the ladder: this device (`local`) or the other one (`peer`). */
export interface LadderEnd {
  /** Initiator or responder of the IKE SA; `unknown` when nothing in the paste proves it. */
  readonly role: Role | 'unknown';
  readonly address?: string;
  /** Whether the paste holds this device's own log (both ends do when two logs were merged). */
  readonly logged: boolean;
}

/** One IKE message on the ladder. */
export interface LadderMessage {
  /** Position on the ladder, from 1. */
  readonly n: number;
  readonly from: Lifeline;
  /** `MM1`…`MM6`, `AM1`…`AM3`, `QM1`…`QM3`, `INFORMATIONAL`, `IKE_SA_INIT`, `IKE_AUTH`, `CREATE_CHILD_SA`. */
  readonly exchange: string;
  /** IKEv2: request or response of the exchange. */
  readonly kind?: 'request' | 'response';
  /** What to print on the arrow, e.g. `MM3  KE, NONCE` or `IKE_AUTH response  N(AUTHENTICATION_FAILED)`. */
  readonly label: string;
  /** Payloads as the device printed them, when it did. */
  readonly payloads?: string;
  /** An error notify the message carries, RFC spelling. */
  readonly notify?: string;
  /** How many times the sender re-sent it without an answer. */
  readonly retransmits: number;
  /** 1-based paste lines that show the message. */
  readonly lines: readonly number[];
  /** Not in the log: deduced from what came before or after (drawn dashed). */
  readonly inferred: boolean;
  /** State the logging device printed after the message, as printed. */
  readonly state?: string;
  readonly messageId?: string;
  readonly spi?: string;
  /** What went wrong with the message on arrival, e.g. `could not be decrypted`. */
  readonly error?: string;
  /** Whose logs show it: one side, or both when two logs were merged. */
  readonly seenBy: readonly Lifeline[];
}

/** Why the exchange stopped. */
export type StopKind = 'no-reply' | 'notify' | 'error' | 'log-ends';

/** Where the exchange stopped and why. */
export interface LadderStop {
  /** The `n` of the last message that got through (null: none did, or none is known). */
  readonly afterMessage: number | null;
  readonly kind: StopKind;
  /** One sentence for an engineer. */
  readonly reason: string;
  /** The message that should have come next, e.g. `MM2 from the responder`. */
  readonly expected?: string;
  readonly notify?: string;
  /** What stopped it, for tests and icons: a failure signal (`psk.decrypt-failed`), a notify, or `no-reply`. */
  readonly cause?: string;
  /** Phase the failure is in (1: IKE SA, 2: IPsec / child SA), when known. */
  readonly phase?: 1 | 2;
  /** Paste lines that prove it. */
  readonly lines: readonly number[];
}

/** The whole ladder. */
export interface Ladder {
  readonly version: 'ikev1' | 'ikev2' | 'unknown';
  readonly local: LadderEnd;
  readonly peer: LadderEnd;
  readonly messages: readonly LadderMessage[];
  readonly stop?: LadderStop;
  /** Every expected message arrived and no error was seen. */
  readonly complete: boolean;
}
