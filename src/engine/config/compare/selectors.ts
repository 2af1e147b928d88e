/**
 * Traffic selectors (crypto ACLs, proxy IDs, phase2 subnets, leftsubnet/rightsubnet) must be
 * mirror images: A's local is B's remote and A's remote is B's local, with the same protocol.
 *
 * - the same selector written the same way on both sides is the classic "ACL the wrong way
 *   round" (seed 001: `crypto map policy not found`); the side whose "local" is not behind it is
 *   the one to turn round;
 * - one side narrower than the other works in one direction only: a responder accepts a proposal
 *   that lies within its own selector, but refuses a wider one, so the narrower side can bring the
 *   tunnel up and the wider side cannot (a warning: it "works" until the other side initiates);
 * - anything else is a plain mismatch.
 */
import type { Connection, Prefix, Selector } from '../model.ts';
import { ipv4ToNumber, prefixContains } from '../normalise.ts';
import { TOPIC, cite } from './focus.ts';
import type { WantedSelector } from './syntax/index.ts';
import { behind, localAddressOf } from './pair.ts';
import { dialect } from './syntax/index.ts';
import { tunnelOf } from './syntax/common.ts';
import type { CompareFinding, Pair, Side } from './types.ts';
import { finding, label, on } from './types.ts';

const PROTOCOL_NAMES: Record<string, string> = {
  '0': 'ip',
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '47': 'gre',
  '50': 'esp',
  any: 'ip',
};

function protocol(s: Selector): string {
  const p = s.protocol.toLowerCase();
  return PROTOCOL_NAMES[p] ?? p;
}

function samePrefix(x: Prefix, y: Prefix): boolean {
  return x === y || (prefixContains(x, y) && prefixContains(y, x));
}

/** What the other side's selector looks like from this side. */
interface View {
  readonly local: Prefix;
  readonly remote: Prefix;
  readonly protocol: string;
  readonly localPort?: string | undefined;
  readonly remotePort?: string | undefined;
}

function mirror(s: Selector): View {
  return {
    local: s.remote,
    remote: s.local,
    protocol: protocol(s),
    localPort: s.remotePort,
    remotePort: s.localPort,
  };
}

function view(s: Selector): View {
  return { ...s, protocol: protocol(s) };
}

function portWithin(outer: string | undefined, inner: string | undefined): boolean {
  return outer === undefined || outer === inner;
}

/** Does `outer` cover every packet of `inner`? */
function covers(outer: View, inner: View): boolean {
  return (
    prefixContains(outer.local, inner.local) &&
    prefixContains(outer.remote, inner.remote) &&
    (outer.protocol === 'ip' || outer.protocol === inner.protocol) &&
    portWithin(outer.localPort, inner.localPort) &&
    portWithin(outer.remotePort, inner.remotePort)
  );
}

function sameView(x: View, y: View): boolean {
  return covers(x, y) && covers(y, x);
}

type Relation = 'mirror' | 'reversed' | 'a-narrower' | 'b-narrower' | 'none';

/** How A's selector relates to B's. */
function relation(sa: Selector, sb: Selector): Relation {
  const a = view(sa);
  const m = mirror(sb);
  if (sameView(a, m)) return 'mirror';
  if (
    samePrefix(sa.local, sb.local) &&
    samePrefix(sa.remote, sb.remote) &&
    !samePrefix(sa.local, sa.remote)
  )
    return 'reversed';
  if (covers(m, a)) return 'a-narrower';
  if (covers(a, m)) return 'b-narrower';
  return 'none';
}

/** "10.1.1.0/24 → 10.2.2.0/24 (gre)". */
function show(v: View): string {
  const ports =
    v.localPort || v.remotePort ? ` ports ${v.localPort ?? 'any'}/${v.remotePort ?? 'any'}` : '';
  return `${v.local} → ${v.remote}${v.protocol === 'ip' ? '' : ` (${v.protocol}${ports})`}`;
}

function want(v: View): WantedSelector {
  return { local: v.local, remote: v.remote, protocol: v.protocol };
}

function selLines(side: Side, conn: Connection, sels: readonly Selector[]): number[] {
  return [...cite(side, conn.lines, TOPIC.selectors), ...sels.flatMap((s) => s.lines)];
}

function reversed(pair: Pair, sa: Selector, sb: Selector): CompareFinding {
  const { a, b, ca, cb } = pair;
  const aWrong = behind(b, sa.local) || behind(a, sa.remote);
  const bWrong = behind(a, sb.local) || behind(b, sb.remote);
  const culprit = aWrong !== bWrong ? (aWrong ? a : b) : null;
  const commands = {
    a: dialect(a).selector(a, ca, want(mirror(sb)), sa),
    b: dialect(b).selector(b, cb, want(mirror(sa)), sb),
  };
  return finding({
    diagnosis: 'ipsec.proxy-id-mismatch',
    severity: 'error',
    a: selLines(a, ca, [sa]),
    b: selLines(b, cb, [sb]),
    message:
      `Both sides protect ${show(view(sa))}: one of them has source and destination the wrong way round` +
      (culprit ? ` — ${label(culprit)}, whose "local" network is not behind it.` : '.'),
    fix: culprit
      ? `Swap source and destination in ${label(culprit)}'s selector.`
      : 'Swap source and destination on the side whose local network is the other one.',
    change: culprit ? culprit.id : 'either',
    commands: culprit ? { ...on(culprit, commands[culprit.id]) } : commands,
  });
}

function narrower(pair: Pair, sa: Selector, sb: Selector, narrow: Side): CompareFinding {
  const { a, b, ca, cb } = pair;
  const wide = narrow.id === 'a' ? b : a;
  if (!narrows(ca) || !narrows(cb)) return differ(pair, sa, sb);
  return finding({
    diagnosis: 'ipsec.proxy-id-mismatch',
    severity: 'warning',
    a: selLines(a, ca, [sa]),
    b: selLines(b, cb, [sb]),
    message:
      `The selectors are not mirror images: ${label(a)} ${show(view(sa))}, ${label(b)} ${show(view(sb))}; ` +
      `${label(narrow)}'s lies within ${label(wide)}'s. The tunnel comes up when ${label(narrow)} initiates ` +
      `(${label(wide)} accepts a narrower proposal) but not when ${label(wide)} initiates (${label(narrow)} refuses the wider one).`,
    fix: 'Make both selectors exact mirror images (same networks and protocol, source and destination swapped).',
    change: 'either',
    commands: {
      a: dialect(a).selector(a, ca, want(mirror(sb)), sa),
      b: dialect(b).selector(b, cb, want(mirror(sa)), sb),
    },
  });
}

function differ(pair: Pair, sa: Selector, sb: Selector): CompareFinding {
  const { a, b, ca, cb } = pair;
  const tunnel = [ca, cb].some((c) => !narrows(c));
  // A tunnel interface's selectors follow from its mode; only a crypto-map side has an ACL to edit.
  const edit = (s: Side, c: Connection, w: WantedSelector, drop: Selector): string[] =>
    narrows(c) ? dialect(s).selector(s, c, w, drop) : [];
  return finding({
    diagnosis: 'ipsec.proxy-id-mismatch',
    severity: 'error',
    a: selLines(a, ca, [sa]),
    b: selLines(b, cb, [sb]),
    message:
      `The selectors do not match: ${label(a)} protects ${show(view(sa))}, ${label(b)} ${show(view(sb))} (it should be ${show(mirror(sa))}).` +
      (tunnel
        ? ' A static VTI proposes any → any and a GRE tunnel GRE between its endpoints; neither narrows to the other side’s subnets.'
        : ''),
    fix: tunnel
      ? 'Use the same kind of tunnel on both sides (route-based to route-based), or make the crypto map side protect exactly what the tunnel proposes.'
      : 'Correct the networks on the side that has them wrong so that each side’s selector is the other’s with source and destination swapped.',
    change: 'either',
    commands: {
      a: edit(a, ca, want(mirror(sb)), sa),
      b: edit(b, cb, want(mirror(sa)), sb),
    },
  });
}

function missing(pair: Pair, side: Side, sel: Selector): CompareFinding {
  const peer = side.id === 'a' ? pair.b : pair.a;
  const conn = side.id === 'a' ? pair.ca : pair.cb;
  const peerConn = side.id === 'a' ? pair.cb : pair.ca;
  const mine = selLines(side, conn, [sel]);
  const theirs = selLines(peer, peerConn, peerConn.selectors);
  return finding({
    diagnosis: 'ipsec.proxy-id-mismatch',
    severity: 'error',
    ...(side.id === 'a' ? { a: mine, b: theirs } : { a: theirs, b: mine }),
    message: `${label(side)} protects ${show(view(sel))}, but ${label(peer)} has no selector for ${show(mirror(sel))}.`,
    fix: `Add the mirror image on ${label(peer)}, or remove the entry from ${label(side)}.`,
    change: peer.id,
    commands: { ...on(peer, dialect(peer).selector(peer, peerConn, want(mirror(sel)))) },
  });
}

/**
 * A connection's selectors; for a protected tunnel without any, the ones IOS proposes: any to any
 * for a VTI (`tunnel mode ipsec`), GRE from the tunnel source to the destination for GRE.
 */
function selectorsOf(side: Side, conn: Connection): Selector[] {
  if (conn.selectors.length > 0 || conn.kind !== 'tunnel-protection') return [...conn.selectors];
  const tunnel = tunnelOf(side, conn)?.tunnel;
  if (!tunnel) return [];
  const lines = tunnel.lines;
  if (tunnel.mode.startsWith('ipsec'))
    return [{ local: 'any', remote: 'any', protocol: 'ip', lines }];
  const source = localAddressOf(side, conn);
  const destination = tunnel.destination;
  if (
    !tunnel.mode.startsWith('gre') ||
    !source ||
    !destination ||
    ipv4ToNumber(destination) === null
  )
    return [];
  return [{ local: `${source}/32`, remote: `${destination}/32`, protocol: 'gre', lines }];
}

/** Static VTIs and GRE tunnels do not narrow: a narrower proposal fails in both directions. */
function narrows(conn: Connection): boolean {
  return conn.kind !== 'tunnel-protection';
}

/** GRE on one side and a VTI on the other: the selectors differ because of it, not by mistake. */
function encapsulationDiffers(pair: Pair): boolean {
  const ta = pair.ca.kind === 'tunnel-protection' ? tunnelOf(pair.a, pair.ca)?.tunnel : undefined;
  const tb = pair.cb.kind === 'tunnel-protection' ? tunnelOf(pair.b, pair.cb)?.tunnel : undefined;
  return !!ta && !!tb && ta.mode.startsWith('gre') !== tb.mode.startsWith('gre');
}

/** Selector findings for one pair of connections. */
export function checkSelectors(pair: Pair): CompareFinding[] {
  const xs = selectorsOf(pair.a, pair.ca);
  const ys = selectorsOf(pair.b, pair.cb);
  if (xs.length === 0 || ys.length === 0 || encapsulationDiffers(pair)) return [];
  const out: CompareFinding[] = [];
  const take = (
    pred: (r: Relation) => boolean,
    make: (sa: Selector, sb: Selector, r: Relation) => CompareFinding | null,
  ): void => {
    for (const sa of [...xs]) {
      const sb = ys.find((y) => pred(relation(sa, y)));
      if (!sb) continue;
      const f = make(sa, sb, relation(sa, sb));
      if (f) out.push(f);
      xs.splice(xs.indexOf(sa), 1);
      ys.splice(ys.indexOf(sb), 1);
    }
  };
  take(
    (r) => r === 'mirror',
    () => null,
  );
  take(
    (r) => r === 'reversed',
    (sa, sb) => reversed(pair, sa, sb),
  );
  take(
    (r) => r === 'a-narrower' || r === 'b-narrower',
    (sa, sb, r) => narrower(pair, sa, sb, r === 'a-narrower' ? pair.a : pair.b),
  );
  while (xs.length > 0 && xs.length === ys.length) {
    const sa = xs.shift();
    const sb = ys.shift();
    if (sa && sb) out.push(differ(pair, sa, sb));
  }
  for (const sa of xs) out.push(missing(pair, pair.a, sa));
  for (const sb of ys) out.push(missing(pair, pair.b, sb));
  return out;
}
