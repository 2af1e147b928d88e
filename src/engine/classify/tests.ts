/**
 * The named tests classifier rules refer to, one implementation each. A test
 * returns the facts that prove it (their lines become evidence), or null.
 */
import type {
  Fact,
  IkeSaFact,
  IpsecSaFact,
  SessionFact,
  SignalFact,
} from '../../knowledge/facts.ts';
import type { TestMatch, TestName } from '../../knowledge/rules/types.ts';

/** Facts grouped by kind for the tests. */
export interface FactIndex {
  readonly all: readonly Fact[];
  readonly signals: readonly SignalFact[];
  readonly ikeSas: readonly IkeSaFact[];
  readonly ipsecSas: readonly IpsecSaFact[];
  readonly sessions: readonly SessionFact[];
}

type Test = (facts: FactIndex, args: TestMatch) => readonly Fact[] | null;

const some = <T extends Fact>(xs: readonly T[]): readonly T[] | null => (xs.length > 0 ? xs : null);

/** IKE SA states that mean phase 1 is complete, per platform wording. */
export const IKE_UP_STATES = new Set([
  'QM_IDLE',
  'MM_ACTIVE',
  'AM_ACTIVE',
  'READY',
  'ESTABLISHED',
  'IKE_P1_COMPLETE',
  'UP',
  'MATURE',
]);

const ikeSaUp = (sa: IkeSaFact): boolean =>
  sa.state !== undefined &&
  IKE_UP_STATES.has(sa.state.toUpperCase()) &&
  (sa.status === undefined || /^(ACTIVE|UP)$/i.test(sa.status));

const TESTS: Record<TestName, Test> = {
  'ike-sa-stuck': (f, a) => {
    const states = a.states ?? [];
    const roleOk = (role: string | undefined) =>
      a.role === undefined || role === undefined || role === a.role;
    const fromTable = f.ikeSas.filter(
      (sa) => sa.state !== undefined && states.includes(sa.state) && roleOk(sa.role),
    );
    if (fromTable.length > 0) return fromTable;
    // In a debug, every state passes by on the way: only the last one shows where it stopped.
    if (f.signals.some((s) => s.signal === 'phase1.complete')) return null;
    const last = f.signals.filter((s) => s.signal === 'ike.state').at(-1);
    return last?.state !== undefined && states.includes(last.state) && roleOk(last.role)
      ? [last]
      : null;
  },
  'ike-sa-up': (f) =>
    some(f.ikeSas.filter(ikeSaUp)) ?? some(f.signals.filter((s) => s.signal === 'phase1.complete')),
  'no-ike-sa': (f) =>
    f.ikeSas.length === 0 ? some(f.signals.filter((s) => s.signal === 'ike.no-sa')) : null,
  'exchange-answered': (f, a) =>
    some(
      f.signals.filter(
        (s) =>
          s.signal === 'ike.received' &&
          s.exchange !== undefined &&
          (a.exchange ?? []).includes(s.exchange),
      ),
    ),
  'ipsec-one-way': (f) =>
    some(
      f.ipsecSas.filter(
        (sa) =>
          ((sa.encaps ?? 0) > 0 && sa.decaps === 0) || ((sa.decaps ?? 0) > 0 && sa.encaps === 0),
      ),
    ),
  'ipsec-both-ways': (f) =>
    some(f.ipsecSas.filter((sa) => (sa.encaps ?? 0) > 0 && (sa.decaps ?? 0) > 0)),
  'ipsec-no-traffic': (f) => some(f.ipsecSas.filter((sa) => sa.encaps === 0 && sa.decaps === 0)),
  'ipsec-sa-zero': (f) => some(f.ipsecSas.filter((sa) => sa.saCount === 0)),
  'ipsec-verify-errors': (f) => some(f.ipsecSas.filter((sa) => (sa.verifyFailed ?? 0) > 0)),
  'ipsec-replay-errors': (f) => some(f.ipsecSas.filter((sa) => (sa.replayFailed ?? 0) > 0)),
  'session-up': (f) =>
    some(
      f.sessions.filter((s) => s.status !== undefined && /^(UP-ACTIVE|UP|ACTIVE)$/i.test(s.status)),
    ),
  'session-down': (f) =>
    some(
      f.sessions.filter(
        (s) => s.status !== undefined && /DOWN|NEGOTIATING|UP-NO-IKE|UP-IDLE/i.test(s.status),
      ),
    ),
  'session-negotiating': (f) =>
    some(
      f.sessions.filter((s) => s.status !== undefined && /NEGOTIATING|CONNECTING/i.test(s.status)),
    ),
  'tunnel-key-differs': (f) => {
    const keyed = f.all.filter((x) => x.kind === 'tunnel' && x.key !== undefined);
    const keys = new Set(keyed.map((x) => (x.kind === 'tunnel' ? x.key : '')));
    return keys.size > 1 ? keyed : null;
  },
  'tunnel-mode-differs': (f) => {
    const moded = f.all.filter((x) => x.kind === 'tunnel' && x.mode !== undefined);
    const modes = new Set(
      moded.map((x) => (x.kind === 'tunnel' ? (x.mode ?? '').split(/\s/)[0] : '')),
    );
    return modes.size > 1 ? moded : null;
  },
  'route-missing': (f) => some(f.all.filter((x) => x.kind === 'route' && !x.found)),
  'phase2-not-complete': (f) =>
    f.signals.some((s) => s.signal === 'phase2.complete') ||
    f.ipsecSas.some((sa) => (sa.encaps ?? 0) + (sa.decaps ?? 0) > 0 || (sa.saCount ?? 0) > 0)
      ? null
      : [],
};

/** Runs one named test. */
export function runTest(facts: FactIndex, match: TestMatch): readonly Fact[] | null {
  return TESTS[match.test](facts, match);
}
