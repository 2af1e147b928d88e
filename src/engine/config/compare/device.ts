/**
 * Risks on one device, whatever the peer: IKEv1 keyring selection (seed 004) and crypto map
 * entry order.
 *
 * An IKEv1 responder must pick a key after message 3, before it knows which ISAKMP profile the
 * peer will match; it takes the most specific key among all keyrings (the global `default`
 * keyring first), and later drops the connection when the profile's keyring is another one.
 * Hence: one address in several keyrings, the default keyring next to specific ones, and two
 * profiles whose `match identity` overlap are all unpredictable. IKEv2 does not have the problem.
 *
 * The crypto map order check needs the input text: the model names a dynamic-map connection by
 * the dynamic map, not by the crypto map entry that places it.
 */
import type { IdentityMatch, IkeProfile, PreSharedKey } from '../model.ts';
import { prefixContains } from '../normalise.ts';
import { lineText } from './focus.ts';
import { allLines, mapName } from './syntax/common.ts';
import type { CompareFinding, Side } from './types.ts';
import { finding, label, on } from './types.ts';

function isV1(version: string | undefined): boolean {
  return version === undefined || version === 'ikev1';
}

/** Keyring keys (and global keys, the keyring `default`) of IKEv1. */
function ringKeys(side: Side): PreSharedKey[] {
  return side.peer.keys.filter(
    (k) => (k.scope === 'keyring' || k.scope === 'global') && isV1(k.version) && k.peer,
  );
}

function ringOf(k: PreSharedKey): string {
  return k.scope === 'global' ? 'default' : (k.container ?? 'default');
}

function matchesAddress(m: IdentityMatch, address: string): boolean {
  return m.kind === 'address' && prefixContains(m.value, address);
}

/** The same peer address in several keyrings. */
function duplicateKeys(side: Side): CompareFinding[] {
  const byPeer = new Map<string, PreSharedKey[]>();
  for (const k of ringKeys(side))
    byPeer.set(k.peer ?? '', [...(byPeer.get(k.peer ?? '') ?? []), k]);
  const out: CompareFinding[] = [];
  for (const [peer, keys] of byPeer) {
    const rings = [...new Set(keys.map(ringOf))];
    if (rings.length < 2) continue;
    const address = peer.split('/')[0] ?? peer;
    const profiles = side.peer.profiles.filter(
      (p) => isV1(p.version) && p.matches.some((m) => matchesAddress(m, address)),
    );
    const used = new Set(profiles.flatMap((p) => p.keyrings));
    const first = rings[0];
    const late = profiles.find((p) => p.keyrings.length > 0 && !p.keyrings.includes(first ?? ''));
    const unused = keys.filter(
      (k) => used.size > 0 && !used.has(ringOf(k)) && k.scope === 'keyring',
    );
    out.push(
      finding({
        diagnosis: 'auth.keyring-selection',
        severity: 'warning',
        ...on(
          side,
          keys.flatMap((k) => [...k.lines]),
        ),
        message:
          `${label(side)} has a key for ${peer} in ${rings.length} keyrings (${rings.join(', ')}). An IKEv1 responder picks a keyring before it knows the ISAKMP profile and drops the connection when the profile uses another ("Key not found in keyrings of profile").` +
          (late
            ? ` ${late.name} uses ${late.keyrings.join(', ')}, not ${first}: the tunnel can come up only when ${label(side)} initiates.`
            : ''),
        fix: `Keep one key per peer address: remove ${peer} from the keyrings no profile for it uses, or use a single keyring with several entries.`,
        change: side.id,
        commands: {
          ...on(
            side,
            unused.flatMap((k) => [
              `crypto keyring ${ringOf(k)}`,
              ` no pre-shared-key address ${address}`,
            ]),
          ),
        },
      }),
    );
  }
  return out;
}

/** Global keys (`crypto isakmp key`) next to specific keyrings. */
function defaultMixed(side: Side): CompareFinding[] {
  const keys = ringKeys(side);
  const global = keys.filter((k) => ringOf(k) === 'default');
  const rings = side.peer.keyrings.filter((r) => !r.isDefault && isV1(r.version));
  if (global.length === 0 || rings.length === 0) return [];
  return [
    finding({
      diagnosis: 'auth.keyring-selection',
      severity: 'warning',
      ...on(side, [...global.flatMap((k) => [...k.lines]), ...rings.map((r) => r.lines[0] ?? 0)]),
      message: `${label(side)} mixes global keys (the default keyring, searched first) with the keyrings ${rings.map((r) => r.name).join(', ')}: an IKEv1 responder may take the default keyring's key and then reject the profile's keyring.`,
      fix: 'Move the global `crypto isakmp key` entries into a keyring (or use only keyrings bound to ISAKMP profiles).',
      change: side.id,
    }),
  ];
}

function overlaps(x: IdentityMatch, y: IdentityMatch): boolean {
  if (x.kind !== y.kind || (x.vrf ?? '') !== (y.vrf ?? '')) return false;
  if (x.kind === 'address')
    return prefixContains(x.value, y.value) || prefixContains(y.value, x.value);
  return x.value.toLowerCase() === y.value.toLowerCase();
}

/** Two profiles of one IKE version whose `match identity` statements overlap. */
function overlappingProfiles(side: Side): CompareFinding[] {
  const out: CompareFinding[] = [];
  const ps = side.peer.profiles;
  ps.forEach((p: IkeProfile, i) => {
    for (const q of ps.slice(i + 1)) {
      if (p.version !== q.version) continue;
      const hit = p.matches.flatMap((m) =>
        q.matches.filter((n) => overlaps(m, n)).map((n) => [m, n] as const),
      )[0];
      if (!hit) continue;
      out.push(
        finding({
          diagnosis: 'auth.keyring-selection',
          severity: 'warning',
          ...on(side, [p.lines[0] ?? 0, ...hit[0].lines, q.lines[0] ?? 0, ...hit[1].lines]),
          message: `${label(side)}: profiles ${p.name} and ${q.name} both match ${hit[0].value === hit[1].value ? hit[0].value : `${hit[0].value} / ${hit[1].value}`}. A peer should match exactly one profile; the responder takes the most specific and may pick the wrong keyring or IPsec policy.`,
          fix: `Make the match identity statements of ${p.name} and ${q.name} disjoint.`,
          change: side.id,
        }),
      );
    }
  });
  return out;
}

// "crypto map outside_map 65535 ipsec-isakmp dynamic DYN-MAP"
const DYNAMIC_ENTRY = /^\s*crypto map (\S+) (\d+) ipsec-isakmp dynamic (\S+)/i;

/** Where dynamic maps sit in crypto maps: read from the text (the model keeps only the dynamic map's own name). */
function placements(side: Side): { map: string; sequence: number; ref: string; line: number }[] {
  return allLines(side).flatMap((line) => {
    const m = DYNAMIC_ENTRY.exec(lineText(side, line));
    return m ? [{ map: m[1] ?? '', sequence: Number(m[2]), ref: m[3] ?? '', line }] : [];
  });
}

/** A dynamic crypto map entry numbered before a static one of the same map. */
function mapOrder(side: Side): CompareFinding[] {
  const out: CompareFinding[] = [];
  for (const p of placements(side)) {
    const after = side.peer.connections.filter(
      (c) =>
        c.kind === 'crypto-map' &&
        c.sequence !== undefined &&
        c.sequence > p.sequence &&
        mapName(c) === p.map,
    );
    if (after.length === 0) continue;
    const commands =
      side.peer.platform === 'cisco-asa'
        ? [
            `no crypto map ${p.map} ${p.sequence} ipsec-isakmp dynamic ${p.ref}`,
            `crypto map ${p.map} 65535 ipsec-isakmp dynamic ${p.ref}`,
          ]
        : side.peer.platform === 'cisco-ios'
          ? [
              `no crypto map ${p.map} ${p.sequence}`,
              `crypto map ${p.map} 65535 ipsec-isakmp dynamic ${p.ref}`,
            ]
          : [];
    out.push(
      finding({
        diagnosis: 'ipsec.crypto-map-order',
        severity: 'warning',
        ...on(side, [p.line, ...after.map((c) => c.lines[0] ?? 0)]),
        message: `${label(side)}: the dynamic map ${p.ref} sits at ${p.map} ${p.sequence}, before ${after.map((c) => c.name).join(', ')}; a peer with a static entry can land on the dynamic one and get the wrong proposals or selectors.`,
        fix: 'Give the dynamic crypto map entry the highest sequence number of the map (65535 by convention).',
        change: side.id,
        commands: { ...on(side, commands) },
      }),
    );
  }
  return out;
}

/** Every single-device finding for one side. */
export function checkDevice(side: Side): CompareFinding[] {
  // Keyrings, the default keyring and profile `match identity` are IOS's; a strongSwan host
  // with two conns to one peer (one per subnet) is normal.
  if (side.peer.platform !== 'cisco-ios') return mapOrder(side);
  return [
    ...duplicateKeys(side),
    ...defaultMixed(side),
    ...overlappingProfiles(side),
    ...mapOrder(side),
  ];
}
