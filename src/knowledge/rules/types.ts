/**
 * The shape of classifier rules: data that names evidence patterns, never code.
 * The engine holds one implementation per named test (`engine/classify/tests.ts`).
 */
import type { DiagnosisId } from '../catalogue.ts';
import type { Signal } from '../facts.ts';
import type { IkeVersion, Role } from '../schema.ts';

/** How sure a finding is. */
export type Confidence = 'high' | 'medium' | 'low';

/** A signal with optional attribute filters; matches when such a fact was parsed. */
export interface SignalMatch {
  readonly signal: Signal;
  readonly notify?: readonly string[];
  readonly exchange?: readonly string[];
  readonly state?: readonly string[];
  readonly direction?: 'sent' | 'received';
  readonly role?: Role;
  readonly ikeVersion?: IkeVersion;
  readonly protocol?: number;
  /** At least this many matching facts (default 1). */
  readonly atLeast?: number;
}

/** Named tests over the SA tables and over several signals together. */
export const TESTS = {
  'ike-sa-stuck': 'An IKE SA is in one of `states` (with `role` when given).',
  'ike-sa-up':
    'An IKE SA is up: QM_IDLE/ACTIVE, MM_ACTIVE, READY, ESTABLISHED, or phase 1 completed.',
  'no-ike-sa': 'An SA table was shown and holds no IKE SA.',
  'exchange-answered': 'The peer answered `exchange` (a response or the next message arrived).',
  'ipsec-one-way': 'An IPsec SA encapsulates but never decapsulates (or the reverse).',
  'ipsec-both-ways': 'An IPsec SA both encapsulates and decapsulates.',
  'ipsec-no-traffic': 'IPsec SAs exist but nothing was encapsulated.',
  'ipsec-sa-zero':
    'A tunnel shows no IPsec SA installed (FortiGate `sa=0`, session without child SA).',
  'ipsec-verify-errors': 'An IPsec SA counts integrity (verify) failures.',
  'ipsec-replay-errors': 'An IPsec SA counts replay failures.',
  'session-up': 'A VPN session is shown up and active.',
  'session-down': 'A VPN session is shown down or negotiating.',
  'session-negotiating':
    'A VPN session is trying to come up and does not (DOWN-NEGOTIATING, CONNECTING).',
  'tunnel-key-differs': 'Two tunnel interfaces in the paste carry different GRE keys.',
  'tunnel-mode-differs':
    'Two tunnel interfaces in the paste use different tunnel modes (GRE vs IPsec).',
  'route-missing': 'A route lookup found no route.',
  'phase2-not-complete': 'No phase 2 completed and no IPsec SA is up.',
} as const;

/** The name of a named test. */
export type TestName = keyof typeof TESTS;

/** A named test with its arguments. */
export interface TestMatch {
  readonly test: TestName;
  readonly states?: readonly string[];
  readonly role?: Role;
  readonly exchange?: readonly string[];
}

/** One condition of a rule. */
export type Condition = SignalMatch | TestMatch;

/** One classifier rule: when every `when` holds and no `unless` does, name the diagnosis. */
export interface Rule {
  /** Rule name, unique, for tests and explanations. */
  readonly name: string;
  readonly diagnosis: DiagnosisId;
  readonly confidence: Confidence;
  /** Tie-break among findings of the same confidence: higher first. */
  readonly weight: number;
  readonly when: readonly Condition[];
  readonly unless?: readonly Condition[];
  /** One line: why these facts mean this diagnosis (shown beside the finding). */
  readonly why: string;
}
