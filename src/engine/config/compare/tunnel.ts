/**
 * Where the protected traffic leaves: the tunnel interfaces of both ends (GRE against a VTI, GRE
 * keys, seed 002) and the interface a crypto map is applied to (seed 001: a crypto map on the
 * inside interface gives `%CRYPTO-4-RECVD_PKT_NOT_IPSEC`).
 */
import type { Connection, Interface, TunnelInterface } from '../model.ts';
import { addressOf, prefixContains } from '../normalise.ts';
import { TOPIC, cite, citeOnly } from './focus.ts';
import { interfaceNamed } from './pair.ts';
import { tunnelOf } from './syntax/common.ts';
import { dialect } from './syntax/index.ts';
import type { CompareFinding, Pair, Side } from './types.ts';
import { finding, label, on } from './types.ts';

// " crypto map MAP", " ip nat inside", " nameif inside", " security-level 100"
const IFACE_ROLE = /\bcrypto map\b|\bip nat (?:inside|outside)\b|\bnameif\b|\bsecurity-level\b/i;

/** `gre` or `ipsec` for a tunnel mode word; null for anything else. */
function family(t: TunnelInterface): 'gre' | 'ipsec' | null {
  if (t.mode.startsWith('gre')) return 'gre';
  if (t.mode.startsWith('ipsec')) return 'ipsec';
  return null;
}

function tunnelLines(side: Side, iface: Interface, topic: RegExp): number[] {
  return [iface.lines[0] ?? 0, ...cite(side, iface.lines, topic)];
}

/** GRE against VTI, and GRE keys, for two tunnel-protection connections. */
export function checkTunnels(pair: Pair): CompareFinding[] {
  const { a, b, ca, cb } = pair;
  const ia = tunnelOf(a, ca);
  const ib = tunnelOf(b, cb);
  if (!ia?.tunnel || !ib?.tunnel) return [];
  const fa = family(ia.tunnel);
  const fb = family(ib.tunnel);
  if (!fa || !fb) return [];
  if (fa !== fb) {
    const gre = fa === 'gre' ? a : b;
    return [
      finding({
        diagnosis: 'ipsec.encapsulation-mismatch',
        severity: 'error',
        a: tunnelLines(a, ia, TOPIC.tunnelMode),
        b: tunnelLines(b, ib, TOPIC.tunnelMode),
        message:
          `${label(gre)} runs GRE over IPsec (${gre.id === 'a' ? ia.name : ib.name}: tunnel mode ${gre.id === 'a' ? ia.tunnel.mode : ib.tunnel.mode}), ` +
          `the other side a VTI (tunnel mode ipsec): the proxies (GRE host to host against any/any) never match ("TS unacceptable").`,
        fix: 'Use the same tunnel mode on both tunnel interfaces.',
        change: 'either',
        commands: {
          a: dialect(a).tunnelMode(a, ia, fb),
          b: dialect(b).tunnelMode(b, ib, fa),
        },
      }),
    ];
  }
  if (fa === 'gre' && ia.tunnel.key !== ib.tunnel.key) {
    const show = (k: string | undefined): string => (k === undefined ? 'no key' : `key ${k}`);
    return [
      finding({
        diagnosis: 'routing.gre-key-mismatch',
        severity: 'error',
        a: tunnelLines(a, ia, TOPIC.tunnelKey),
        b: tunnelLines(b, ib, TOPIC.tunnelKey),
        message: `GRE tunnel keys differ: ${label(a)} ${ia.name} ${show(ia.tunnel.key)}, ${label(b)} ${ib.name} ${show(ib.tunnel.key)}. The IPsec SAs come up, but the receiver drops the decrypted GRE packets.`,
        fix: 'Set the same `tunnel key` on both tunnel interfaces (or none on either).',
        change: 'either',
        commands: {
          a: dialect(a).tunnelKey(a, ia, ib.tunnel.key),
          b: dialect(b).tunnelKey(b, ib, ia.tunnel.key),
        },
      }),
    ];
  }
  return [];
}

/** The interface the route to an address leaves through (connected networks count as routes). */
function egress(side: Side, address: string): Interface | undefined {
  let top: { iface: Interface; len: number } | undefined;
  const offer = (iface: Interface | undefined, len: number): void => {
    if (iface && !iface.tunnel && (!top || len > top.len)) top = { iface, len };
  };
  for (const i of side.peer.interfaces)
    for (const p of i.addresses)
      if (p !== 'any' && prefixContains(p, address)) offer(i, Number(p.split('/')[1] ?? 32));
  for (const r of side.peer.routes) {
    if (r.vrf || !prefixContains(r.prefix, address)) continue;
    const len = r.prefix === 'any' ? 0 : Number(r.prefix.split('/')[1] ?? 32);
    const hop = r.nextHop;
    const via =
      interfaceNamed(side.peer, r.interface) ??
      (hop
        ? side.peer.interfaces.find((i) => i.addresses.some((p) => prefixContains(p, hop)))
        : undefined);
    offer(via, len);
  }
  return top?.iface;
}

function isInside(iface: Interface): boolean {
  return iface.securityLevel === 100 || iface.nameif === 'inside' || iface.natSide === 'inside';
}

function ifaceLines(side: Side, iface: Interface): number[] {
  return [iface.lines[0] ?? 0, ...citeOnly(side, iface.lines, IFACE_ROLE)];
}

/** A crypto map that is not applied, or applied where the traffic to the peer does not leave. */
function wrongInterface(
  side: Side,
  conn: Connection,
  peerAddress: string | undefined,
): CompareFinding | null {
  if (conn.kind !== 'crypto-map' && conn.kind !== 'dynamic-map') return null;
  const facing = peerAddress ? egress(side, peerAddress) : undefined;
  const d = dialect(side);
  const applied = conn.appliedTo
    .map((n) => interfaceNamed(side.peer, n))
    .filter((i): i is Interface => i !== undefined);
  // With no interface in the text (a `show run crypto map` excerpt) "not applied" is unknown.
  if (conn.appliedTo.length === 0 && side.peer.interfaces.length === 0) return null;
  if (conn.appliedTo.length === 0)
    return finding({
      diagnosis: 'ip.crypto-map-wrong-interface',
      severity: 'error',
      ...on(side, [conn.lines[0] ?? 0]),
      message: `${label(side)}'s crypto map ${conn.name} is not applied to any interface: nothing is encrypted and the peer's IKE packets find no crypto map.`,
      fix: `Apply the crypto map to the interface that faces the peer${facing ? ` (${facing.nameif ?? facing.name})` : ''}.`,
      change: side.id,
      commands: { ...on(side, facing ? d.applyMap(side, conn, facing) : []) },
    });
  const inside = applied.find(isInside);
  const wrong = inside ?? (facing && !applied.includes(facing) ? applied[0] : undefined);
  if (!wrong) return null;
  const why = inside
    ? `an inside interface (${[wrong.nameif, wrong.securityLevel !== undefined ? `security-level ${wrong.securityLevel}` : '', wrong.natSide === 'inside' ? 'ip nat inside' : ''].filter(Boolean).join(', ')})`
    : `${wrong.name}, but the route to the peer ${peerAddress ?? ''} leaves through ${facing?.name ?? '?'}`;
  return finding({
    diagnosis: 'ip.crypto-map-wrong-interface',
    severity: inside ? 'error' : 'warning',
    ...on(side, [...cite(side, conn.lines, TOPIC.applied), ...ifaceLines(side, wrong)]),
    message: `${label(side)}'s crypto map ${conn.name} is applied to ${why}. The peer's IPsec packets arrive on the outside and are not decrypted (%CRYPTO-4-RECVD_PKT_NOT_IPSEC).`,
    fix: `Apply the crypto map to the outside interface${facing ? ` (${facing.nameif ?? facing.name})` : ''} and remove it from ${wrong.nameif ?? wrong.name}.`,
    change: side.id,
    commands: { ...on(side, d.applyMap(side, conn, facing, wrong)) },
  });
}

/** Crypto map placement on both sides of a pair. */
export function checkInterfaces(pair: Pair): CompareFinding[] {
  const peerOf = (conn: Connection): string | undefined =>
    conn.peers.map(addressOf).find((p) => p !== '0.0.0.0' && p !== 'any');
  return [
    wrongInterface(pair.a, pair.ca, peerOf(pair.ca) ?? pair.b.addresses[0]),
    wrongInterface(pair.b, pair.cb, peerOf(pair.cb) ?? pair.a.addresses[0]),
  ].filter((f): f is CompareFinding => f !== null);
}
