/**
 * One device's log or two? A paste may hold the debug of both peers, one after the other or
 * interleaved. The sides are told apart by platform (a FortiGate log and an ASA log), by mirrored
 * peers (one log talks to A as initiator, the other to B as responder), or by prompts naming two
 * different hosts.
 */
import type { SignalFact } from '../../knowledge/facts.ts';
import type { Role } from '../../knowledge/schema.ts';

/** A host named by a prompt line, from that line on. */
export interface PromptMark {
  readonly line: number;
  readonly host: string;
}

/** Which side (0 or 1) each fact belongs to. */
export interface SideSplit {
  readonly count: 1 | 2;
  readonly sideOf: (f: SignalFact) => 0 | 1;
}

const MESSAGE_SIGNALS = new Set([
  'ike.sent',
  'ike.received',
  'ike.retransmit',
  'ike.notify',
  'ike.state',
  'ike.gave-up',
]);

const ONE: SideSplit = { count: 1, sideOf: () => 0 };

/** Splits the facts into one or two sides. */
export function splitSides(
  signals: readonly SignalFact[],
  prompts: readonly PromptMark[],
): SideSplit {
  const messages = signals.filter((s) => MESSAGE_SIGNALS.has(s.signal));
  return (
    byPlatform(messages) ??
    byMirroredPeers(signals, messages) ??
    byPrompts(messages, prompts) ??
    ONE
  );
}

function byPlatform(messages: readonly SignalFact[]): SideSplit | null {
  const platforms: string[] = [];
  for (const m of messages)
    if (m.platform !== undefined && !platforms.includes(m.platform)) platforms.push(m.platform);
  if (platforms.length < 2) return null;
  return {
    count: 2,
    sideOf: (f) => (f.platform !== undefined && f.platform === platforms[1] ? 1 : 0),
  };
}

/** Two peers, each seen with one role only, the roles opposite: two devices talking to each other. */
function byMirroredPeers(
  signals: readonly SignalFact[],
  messages: readonly SignalFact[],
): SideSplit | null {
  const roles = new Map<string, Set<Role>>();
  const order: string[] = [];
  for (const m of messages) {
    if (m.peer === undefined || m.role === undefined) continue;
    if (!roles.has(m.peer)) order.push(m.peer);
    (roles.get(m.peer) ?? roles.set(m.peer, new Set()).get(m.peer))?.add(m.role);
  }
  if (order.length !== 2) return null;
  const [a = '', b = ''] = order;
  const ra = [...(roles.get(a) ?? [])];
  const rb = [...(roles.get(b) ?? [])];
  if (ra.length !== 1 || rb.length !== 1 || ra[0] === rb[0]) return null;
  const roleOfSide: readonly Role[] = [ra[0] as Role, rb[0] as Role];
  // Facts with neither peer nor role belong with the fact before them (same format).
  const assigned = new Map<SignalFact, 0 | 1>();
  const lastByFormat = new Map<string, 0 | 1>();
  for (const s of signals) {
    const side: 0 | 1 | undefined =
      s.peer === a
        ? 0
        : s.peer === b
          ? 1
          : s.role !== undefined && s.signal !== 'ike.retransmit'
            ? roleOfSide[0] === s.role
              ? 0
              : 1
            : lastByFormat.get(s.format);
    const final = side ?? 0;
    assigned.set(s, final);
    lastByFormat.set(s.format, final);
  }
  return { count: 2, sideOf: (f) => assigned.get(f) ?? 0 };
}

/** Two hosts named by prompts, each followed by message lines of its own. */
function byPrompts(
  messages: readonly SignalFact[],
  prompts: readonly PromptMark[],
): SideSplit | null {
  const hostAt = (line: number): string | undefined => {
    let host: string | undefined;
    for (const p of prompts) if (p.line <= line) host = p.host;
    return host;
  };
  const hosts: string[] = [];
  for (const m of messages) {
    const h = hostAt(m.lines[0] ?? 0);
    if (h !== undefined && !hosts.includes(h)) hosts.push(h);
  }
  if (hosts.length < 2) return null;
  return { count: 2, sideOf: (f) => (hostAt(f.lines[0] ?? 0) === hosts[1] ? 1 : 0) };
}
