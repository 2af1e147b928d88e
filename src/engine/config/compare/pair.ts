/**
 * Which connection on one side is the other end of which connection on the other: a connection
 * whose peer (`set peer`, `remote-gw`, `right`, `tunnel destination`) is one of the other side's
 * own addresses. Peers that do not point at each other are the first finding
 * (`ip.peer-address-mismatch`), because every later check compares the wrong things without them.
 */
import type { Connection, Interface, PeerConfig, Prefix } from '../model.ts';
import { addressOf, ipv4ToNumber, prefixContains } from '../normalise.ts';
import { TOPIC, cite } from './focus.ts';
import { dialect } from './syntax/index.ts';
import type { CompareFinding, Pair, Side } from './types.ts';
import { finding, label, on } from './types.ts';

// " ip address 192.0.2.1 255.255.255.0", "set ip 192.0.2.1 255.255.255.0", "interface Gi0/0"
const ADDRESS_LINE = /\bip address\b|\bipv6 address\b|\bset ip\b|^\s*interface\b|^\s*edit\b/i;

/** Is this text an address (not a host name, not `any`)? */
function isAddress(text: string): boolean {
  return ipv4ToNumber(text) !== null || (text.includes(':') && !text.includes(' '));
}

/** A side's own addresses: interfaces, tunnel sources written as addresses, local addresses. */
export function ownAddresses(peer: PeerConfig): string[] {
  const out = new Set<string>();
  for (const i of peer.interfaces) {
    for (const p of i.addresses) if (p !== 'any') out.add(addressOf(p));
    const source = i.tunnel?.source;
    if (source && isAddress(source)) out.add(source);
  }
  for (const c of peer.connections) if (c.localAddress) out.add(addressOf(c.localAddress));
  return [...out].filter(isAddress);
}

// RFC 1918 and RFC 6598 (carrier-grade NAT) prefixes.
const PRIVATE: readonly Prefix[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
];

function isPrivate(address: string): boolean {
  return PRIVATE.some((p) => prefixContains(p, address));
}

/** A public address pointed at, and only private addresses on the other side: likely NAT. */
function natLikely(pointed: readonly string[], theirs: readonly string[]): boolean {
  return (
    theirs.length > 0 &&
    theirs.every(isPrivate) &&
    pointed.some((p) => ipv4ToNumber(p) !== null && !isPrivate(p))
  );
}

/** Peers of a connection that name one definite address (not `any`, `0.0.0.0`, a name). */
function definitePeers(conn: Connection): string[] {
  return conn.peers.map(addressOf).filter((p) => isAddress(p) && p !== '0.0.0.0' && p !== '::');
}

/** Does the connection point at one of these addresses? */
function pointsAt(conn: Connection, addresses: readonly string[]): boolean {
  return definitePeers(conn).some((p) => addresses.includes(p));
}

/** Is a prefix one of the side's own connected networks (not a default route)? */
export function behind(side: Side, p: Prefix): boolean {
  if (p === 'any' || p.endsWith('/0')) return false;
  return side.peer.interfaces.some(
    (i) =>
      !i.tunnel &&
      i.addresses.some((a) => a !== 'any' && (prefixContains(a, p) || prefixContains(p, a))),
  );
}

/** The interface by name or ASA nameif. */
export function interfaceNamed(peer: PeerConfig, name: string | undefined): Interface | undefined {
  if (!name) return undefined;
  return peer.interfaces.find((i) => i.name === name || i.nameif === name);
}

/** The address this side uses for a connection, when the configuration shows it. */
export function localAddressOf(side: Side, conn: Connection): string | undefined {
  if (conn.localAddress) return addressOf(conn.localAddress);
  const tunnel = side.peer.interfaces.find((i) => i.name === conn.name && i.tunnel)?.tunnel;
  const candidates = [...conn.appliedTo, ...(tunnel?.source ? [tunnel.source] : [])];
  for (const name of candidates) {
    if (isAddress(name)) return name;
    const iface = interfaceNamed(side.peer, name);
    // A tunnel interface's own address is inside the tunnel, not the one the peer points at.
    const first = iface?.tunnel ? undefined : iface?.addresses.find((p) => p !== 'any');
    if (first) return addressOf(first);
  }
  return undefined;
}

/** The interface lines that show a side's addresses. */
function addressLines(side: Side): number[] {
  return side.peer.interfaces
    .filter((i) => i.addresses.length > 0)
    .flatMap((i) => cite(side, i.lines, ADDRESS_LINE));
}

/** Connections of both sides matched one to one, those pointing at each other first. */
function matchConnections(a: Side, b: Side): Pair[] {
  const scored: { ca: Connection; cb: Connection; score: number }[] = [];
  for (const ca of a.peer.connections)
    for (const cb of b.peer.connections) {
      const score = (pointsAt(ca, b.addresses) ? 1 : 0) + (pointsAt(cb, a.addresses) ? 1 : 0);
      if (score > 0) scored.push({ ca, cb, score });
    }
  scored.sort((x, y) => y.score - x.score);
  const used = new Set<Connection>();
  const pairs: Pair[] = [];
  for (const s of scored) {
    if (used.has(s.ca) || used.has(s.cb)) continue;
    used.add(s.ca).add(s.cb);
    pairs.push({ a, b, ca: s.ca, cb: s.cb });
  }
  return pairs;
}

/** A paired connection that points elsewhere although the other side's address is known. */
function oneWay(pair: Pair, side: Side): CompareFinding | null {
  const conn = side.id === 'a' ? pair.ca : pair.cb;
  const peer = side.id === 'a' ? pair.b : pair.a;
  const peerConn = side.id === 'a' ? pair.cb : pair.ca;
  const wrong = definitePeers(conn);
  // Only when the other end's own address for this tunnel is known: an address list read from
  // an excerpt (or an interface line the parser could not read) may simply be incomplete.
  const right = localAddressOf(peer, peerConn);
  if (wrong.length === 0 || !right || pointsAt(conn, peer.addresses)) return null;
  const mine = cite(side, conn.lines, TOPIC.peer);
  const theirs = [...cite(peer, peerConn.lines, TOPIC.peer), ...addressLines(peer)];
  const nat = natLikely(wrong, [right]);
  return finding({
    diagnosis: 'ip.peer-address-mismatch',
    severity: nat ? 'warning' : 'error',
    ...(side.id === 'a' ? { a: mine, b: theirs } : { a: theirs, b: mine }),
    message:
      `${label(side)} ${conn.name} points at ${wrong.join(', ')}, which is none of ` +
      `${label(peer)}'s addresses (${peer.addresses.join(', ')}); ${label(peer)} ${peerConn.name} points back at ${label(side)}.` +
      (nat
        ? ` ${label(peer)} uses a private address: fine if ${wrong.join(', ')} is the public address it is NATed to.`
        : ''),
    fix: `Point ${label(side)} ${conn.name} at ${right} (or at the address ${label(peer)} is NATed to, if there is NAT between them).`,
    change: side.id,
    commands: { ...on(side, dialect(side).peer(side, conn, right)) },
  });
}

/** The side's connections point only at addresses the other side (whose addresses are known) does not have. */
function pointsAway(s: Side, other: Side): boolean {
  const peers = s.peer.connections.flatMap(definitePeers);
  return peers.length > 0 && other.addresses.length > 0;
}

/** When nothing points at the other side: one finding, and a best-guess pair to go on with. */
function nothingPoints(a: Side, b: Side): { pairs: Pair[]; findings: CompareFinding[] } {
  const describe = (s: Side): string => {
    const peers = [...new Set(s.peer.connections.flatMap((c) => c.peers))];
    return `${label(s)} points at ${peers.length > 0 ? peers.join(', ') : 'no fixed peer'} and has the addresses ${s.addresses.length > 0 ? s.addresses.join(', ') : '(none shown)'}`;
  };
  const single =
    a.peer.connections.length === 1 && b.peer.connections.length === 1
      ? { ca: a.peer.connections[0], cb: b.peer.connections[0] }
      : null;
  const commands: { a?: string[]; b?: string[] } = {};
  if (single?.ca && single.cb) {
    const toB = localAddressOf(b, single.cb);
    const toA = localAddressOf(a, single.ca);
    if (toB) commands.a = dialect(a).peer(a, single.ca, toB);
    if (toA) commands.b = dialect(b).peer(b, single.cb, toA);
  }
  const peerLines = (s: Side): number[] => [
    ...s.peer.connections.flatMap((c) => cite(s, c.lines, TOPIC.peer)),
    ...addressLines(s),
  ];
  const pairs = single?.ca && single.cb ? [{ a, b, ca: single.ca, cb: single.cb }] : [];
  // Without the other side's addresses (an excerpt, a host without interfaces in its
  // configuration) nothing says the peer is wrong.
  const away = [pointsAway(a, b) ? a : null, pointsAway(b, a) ? b : null].filter(
    (s): s is Side => s !== null,
  );
  if (away.length === 0) return { pairs, findings: [] };
  const nat = away.every((s) =>
    natLikely(s.peer.connections.flatMap(definitePeers), (s.id === 'a' ? b : a).addresses),
  );
  const f = finding({
    diagnosis: 'ip.peer-address-mismatch',
    severity: nat ? 'warning' : 'error',
    a: peerLines(a),
    b: peerLines(b),
    message:
      `The peers do not point at each other: ${describe(a)}; ${describe(b)}.` +
      (nat
        ? ' The addresses shown are private: fine if the peers are NATed to the addresses they point at.'
        : ''),
    fix: 'Set each side’s peer (set peer / remote-gw / right / tunnel destination) to the other side’s outside address, or to the address it is NATed to.',
    change: 'either',
    commands,
  });
  return { pairs, findings: [f] };
}

/** The connection pairs to compare, and the peer-address findings. */
export function pairSides(a: Side, b: Side): { pairs: Pair[]; findings: CompareFinding[] } {
  if (a.peer.connections.length === 0 || b.peer.connections.length === 0)
    return { pairs: [], findings: [] };
  const pairs = matchConnections(a, b);
  if (pairs.length === 0) return nothingPoints(a, b);
  const findings = pairs.flatMap((p) =>
    [oneWay(p, p.a), oneWay(p, p.b)].filter((f): f is CompareFinding => f !== null),
  );
  return { pairs, findings };
}
