/**
 * Parsed facts → the exchange ladder: initiator ↔ responder, each message the logs prove (or
 * imply), and where the exchange stopped. Pure; works with one side's log or both.
 */
import type { Fact, IkeSaFact, SignalFact } from '../../knowledge/facts.ts';
import type { Role } from '../../knowledge/schema.ts';
import type { Line } from '../parse/lines.ts';
import { promptHost } from '../parse/noise.ts';
import { buildSide, type SideModel } from './drafts.ts';
import { eventOf, type SideEvent } from './events.ts';
import { flowOf, other } from './flow.ts';
import { mergeSides } from './merge.ts';
import { failurePhase } from './place.ts';
import { mostSpecific, SIGNAL_REASONS } from './reasons.ts';
import { roleFromNotifies, voteRole } from './roles.ts';
import { splitSides, type PromptMark } from './sides.ts';
import { meaningOfState } from './states.ts';
import { findStop } from './stop.ts';
import type { Ladder, LadderEnd } from './types.ts';

export type { Ladder, LadderEnd, LadderMessage, LadderStop, StopKind } from './types.ts';
export { ladderToText } from './text.ts';

/** What `buildLadder` reads: a parsed paste (its lines give the prompts), or facts alone. */
export interface LadderInput {
  readonly facts: readonly Fact[];
  readonly lines?: readonly Line[];
  readonly lineFormat?: ReadonlyMap<number, string>;
}

/** Builds the ladder of a parsed paste. Never throws. */
export function buildLadder(input: LadderInput | readonly Fact[]): Ladder {
  try {
    return build(Array.isArray(input) ? { facts: input } : (input as LadderInput));
  } catch {
    return EMPTY;
  }
}

const EMPTY: Ladder = {
  version: 'unknown',
  local: { role: 'unknown', logged: true },
  peer: { role: 'unknown', logged: false },
  messages: [],
  complete: false,
};

function build(input: LadderInput): Ladder {
  const signals = [
    ...input.facts.filter((f): f is SignalFact => f.kind === 'signal'),
    ...tableStates(input.facts),
  ].sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  const split = splitSides(signals, promptsOf(input));
  const sides: (0 | 1)[] = split.count === 2 ? [0, 1] : [0];
  const events = sides.map((s) =>
    signals
      .filter((f) => split.sideOf(f) === s)
      .map(eventOf)
      .filter((e): e is SideEvent => e !== null),
  );
  const version = versionOf(signals);
  if (version === 'unknown') return unknownVersion(events.flat());
  const aggressive =
    signals.some((s) => s.signal === 'ike.aggressive-mode') ||
    signals.some((s) => /^AM\d$/.test(s.exchange ?? ''));
  const roles = resolveRoles(events, version, aggressive);
  const quickInitiator = quickInitiatorOf(events, roles);
  const flow = flowOf(version, aggressive);
  const models = sides.map((s) => {
    const role = roles[s];
    return buildSide(s, events[s] ?? [], {
      version,
      aggressive,
      flow,
      quickInitiator,
      ...(role ? { role } : {}),
    });
  });
  const placed = mergeSides(models, { flow, quickInitiator });
  const { stop, complete } = findStop(placed, models, {
    version,
    aggressive,
    flow,
    quickInitiator,
  });
  return {
    version,
    ...ends(models),
    messages: placed.map((p) => p.message),
    ...(stop ? { stop } : {}),
    complete,
  };
}

const MESSAGE_SIGNALS = new Set(['ike.sent', 'ike.received', 'ike.retransmit', 'ike.notify']);

/**
 * With no message in the paste, an SA table still tells where one exchange waits: the state of
 * its one unfinished IKE SA (MM_WAIT_MSG2 on an initiator, MM_WAIT_MSG3 on a responder), read as
 * a state line. Several peers in the table: no ladder from it.
 */
function tableStates(facts: readonly Fact[]): SignalFact[] {
  if (facts.some((f) => f.kind === 'signal' && MESSAGE_SIGNALS.has(f.signal))) return [];
  const waiting = facts.filter(
    (f): f is IkeSaFact =>
      f.kind === 'ike-sa' && f.state !== undefined && /WAIT|NO_STATE|^AG_/.test(f.state),
  );
  if (new Set(waiting.map((f) => f.peer)).size !== 1) return [];
  return waiting.map((f) => ({
    kind: 'signal',
    signal: 'ike.state',
    format: f.format,
    lines: f.lines,
    platform: f.platform,
    state: f.state ?? '',
    ...(f.ikeVersion ? { ikeVersion: f.ikeVersion } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.peer ? { peer: f.peer } : {}),
    ...(f.local ? { local: f.local } : {}),
  }));
}

function promptsOf(input: LadderInput): PromptMark[] {
  const out: PromptMark[] = [];
  for (const line of input.lines ?? []) {
    if (input.lineFormat !== undefined && input.lineFormat.get(line.no) !== 'noise') continue;
    const host = promptHost(line.text);
    if (host !== null) out.push({ line: line.no, host });
  }
  return out;
}

/** The IKE version most message facts name. */
function versionOf(signals: readonly SignalFact[]): 'ikev1' | 'ikev2' | 'unknown' {
  let v1 = 0;
  let v2 = 0;
  for (const s of signals) {
    if (s.signal === 'ike.no-sa' || s.signal === 'ike.off') continue;
    if (s.ikeVersion === 'ikev1' || /^(?:MM|AM|QM)\d$/.test(s.exchange ?? '')) v1++;
    else if (
      s.ikeVersion === 'ikev2' ||
      /^(?:IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA)$/.test(s.exchange ?? '')
    )
      v2++;
  }
  return v1 === 0 && v2 === 0 ? 'unknown' : v1 >= v2 ? 'ikev1' : 'ikev2';
}

function resolveRoles(
  events: readonly (readonly SideEvent[])[],
  version: 'ikev1' | 'ikev2',
  aggressive: boolean,
): (Role | undefined)[] {
  const roles = events.map(voteRole);
  if (roles.length === 2) {
    if (roles[0] === undefined && roles[1] !== undefined) roles[0] = other(roles[1]);
    if (roles[1] === undefined && roles[0] !== undefined) roles[1] = other(roles[0]);
  }
  return roles.map(
    (r, i) =>
      r ??
      roleFromNotifies(
        events[i] ?? [],
        version,
        aggressive,
        (events[i] ?? []).some((e) => e.t === 'done' && e.phase === 1),
      ),
  );
}

/** Who began quick mode: the side that sent QM1, or the other side of one that refused phase 2. */
function quickInitiatorOf(
  events: readonly (readonly SideEvent[])[],
  roles: readonly (Role | undefined)[],
): Role {
  for (const [i, evs] of events.entries()) {
    const role = roles[i];
    if (role === undefined) continue;
    for (const e of evs) {
      if (e.t === 'msg' && e.exchange === 'QM1') return e.dir === 'sent' ? role : other(role);
      if (e.t === 'state') {
        const m = meaningOfState(e.state, e.exchange);
        if (m.phase2Role && (m.role ?? e.role) !== undefined && /PHASE-2/i.test(e.state))
          return (m.role ?? e.role) === 'initiator' ? role : other(role);
      }
    }
    if (evs.some((e) => e.t === 'fail' && failurePhase(e.signal) === 2)) return other(role);
  }
  return 'initiator';
}

function ends(models: readonly SideModel[]): { local: LadderEnd; peer: LadderEnd } {
  const [a, b] = models;
  const localRole: Role | 'unknown' = a?.role ?? (b?.role ? other(b.role) : 'unknown');
  const peerRole: Role | 'unknown' =
    b?.role ?? (localRole === 'unknown' ? 'unknown' : other(localRole));
  const localAddress = a?.local ?? b?.peer;
  const peerAddress = a?.peer ?? b?.local;
  return {
    local: { role: localRole, logged: true, ...(localAddress ? { address: localAddress } : {}) },
    peer: {
      role: peerRole,
      logged: b !== undefined,
      ...(peerAddress ? { address: peerAddress } : {}),
    },
  };
}

/** No IKE version in the paste: no arrows to draw, but a failure or completion can still be told. */
function unknownVersion(events: readonly SideEvent[]): Ladder {
  const fails = events.filter((e) => e.t === 'fail');
  const cause = mostSpecific(fails.map((f) => f.signal));
  const done1 = events.some((e) => e.t === 'done' && e.phase === 1);
  const done2 = events.some((e) => e.t === 'done' && e.phase === 2);
  const gaveUp = events.find((e) => e.t === 'gave-up');
  const lines = [...new Set(fails.flatMap((f) => f.lines))].sort((x, y) => x - y);
  if (cause !== undefined) {
    const phase = failurePhase(cause);
    return {
      ...EMPTY,
      stop: {
        afterMessage: null,
        kind: 'error',
        reason: `Phase ${phase} failed: ${SIGNAL_REASONS[cause] ?? cause}.`,
        phase,
        cause,
        lines,
      },
    };
  }
  if (gaveUp !== undefined)
    return {
      ...EMPTY,
      stop: {
        afterMessage: null,
        kind: 'no-reply',
        reason: 'The device gave up the exchange: the peer did not answer.',
        cause: 'no-reply',
        lines: gaveUp.lines,
      },
    };
  return { ...EMPTY, complete: done1 && done2 };
}
