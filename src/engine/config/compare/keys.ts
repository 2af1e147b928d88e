/**
 * Pre-shared keys: the key each side would use for the other, compared as bytes, so `cisco`
 * against `hex 636973636f` is the same key (seed 002). Keys are never quoted: a finding says only
 * that they match, differ, or cannot be compared (shown encrypted or masked).
 *
 * Which key a side uses: the connection's own (FortiGate phase1 `psksecret`), else the keyrings
 * of its ISAKMP/IKEv2 profile, else the ASA tunnel-group named by the peer's address, else the
 * most specific key for the peer's address anywhere (IOS global `crypto isakmp key` = keyring
 * `default`, strongSwan secrets; a secret with no address or ID matches everyone).
 */
import type { IkeVersion } from '../../../knowledge/schema.ts';
import type { Connection, PreSharedKey } from '../model.ts';
import { addressOf, prefixContains } from '../normalise.ts';
import { commonVersions } from './ike.ts';
import { localAddressOf } from './pair.ts';
import { dialect } from './syntax/index.ts';
import type { CompareFinding, Pair, Side } from './types.ts';
import { finding, label, on } from './types.ts';

/** How specifically a key's peer names this address: -1 no match, 0 anyone … 32 this host. */
function specificity(key: PreSharedKey, address: string): number {
  const peer = key.peer;
  if (peer === undefined) return key.identity === undefined ? 0 : -1;
  if (peer === 'any' || peer === '%any' || peer === '0.0.0.0' || peer === '0.0.0.0/0') return 0;
  if (addressOf(peer) === address && !peer.includes('/')) return 32;
  if (!prefixContains(peer, address)) return -1;
  return Number(peer.split('/')[1] ?? 32);
}

/** The keys of the most specific entry (one container and peer) among candidates. */
function best(keys: readonly PreSharedKey[], addresses: readonly string[]): PreSharedKey[] {
  let top: { key: PreSharedKey; score: number } | null = null;
  for (const address of addresses)
    for (const key of keys) {
      const score = specificity(key, address);
      if (score >= 0 && (!top || score > top.score)) top = { key, score };
    }
  if (!top) return [];
  const chosen = top.key;
  return keys.filter((k) => k.container === chosen.container && k.peer === chosen.peer);
}

function versionOk(key: PreSharedKey, versions: readonly IkeVersion[]): boolean {
  return key.version === undefined || versions.length === 0 || versions.includes(key.version);
}

/** The key entry a side uses for the other side. */
function keysFor(
  side: Side,
  conn: Connection,
  addresses: readonly string[],
  versions: readonly IkeVersion[],
): PreSharedKey[] | 'unknown' {
  const keys = side.peer.keys.filter((k) => versionOk(k, versions));
  const own = keys.filter(
    (k) => (k.scope === 'phase1' || k.scope === 'secrets') && k.container === conn.name,
  );
  if (own.length > 0) return own;
  const profile = side.peer.profiles.find((p) => p.name === conn.profile);
  if (profile && profile.keyrings.length > 0) {
    const inRings = keys.filter(
      (k) =>
        k.scope === 'keyring' &&
        k.container !== undefined &&
        profile.keyrings.includes(k.container),
    );
    const found = best(inRings, addresses);
    if (found.length > 0) return found;
  }
  const groups = keys.filter(
    (k) => k.scope === 'tunnel-group' && addresses.includes(addressOf(k.container ?? k.peer ?? '')),
  );
  if (groups.length > 0) return groups;
  const found = best(
    keys.filter((k) => k.scope !== 'tunnel-group' && k.scope !== 'phase1'),
    addresses,
  );
  if (found.length > 0) return found;
  // Keys bound to an identity (`@vpn.example.com : PSK …`, an IKEv2 keyring `identity fqdn`):
  // the model does not say which identity the connection uses, so one such entry is taken as
  // the key, and several make the key unknown.
  const byIdentity = keys.filter((k) => k.peer === undefined && k.identity !== undefined);
  const entries = new Set(byIdentity.map((k) => `${k.container ?? ''}|${k.identity ?? ''}`));
  if (entries.size === 1) return byIdentity;
  return entries.size > 1 ? 'unknown' : [];
}

/** Authentication methods a side shows for the connection; empty when not known. */
function methods(side: Side, conn: Connection): string[] {
  const profile = side.peer.profiles.find((p) => p.name === conn.profile);
  const out = [profile?.localAuth, profile?.remoteAuth].filter((m): m is string => !!m);
  const policies = side.peer.ikeProposals.filter(
    (p) =>
      p.authentication && (conn.ikeProposals.length === 0 || conn.ikeProposals.includes(p.name)),
  );
  return [...out, ...policies.map((p) => p.authentication ?? '')];
}

/** Certificates or another method only: no key expected. */
function noPsk(side: Side, conn: Connection): boolean {
  const m = methods(side, conn);
  return m.length > 0 && !m.some((x) => x.startsWith('pre-share') || x === 'psk');
}

function where(k: PreSharedKey | undefined): string {
  if (!k) return 'no key';
  const place = k.container ? `${k.scope} ${k.container}` : k.scope;
  return `${place}${k.peer ? ` for ${k.peer}` : ''}, written ${k.encoding}`;
}

/** This side's key for one direction: `local` = what it sends, `remote` = what it expects. */
function directed(
  keys: readonly PreSharedKey[],
  dir: 'local' | 'remote',
): PreSharedKey | undefined {
  return keys.find((k) => k.direction === dir) ?? keys.find((k) => k.direction === 'both');
}

/** The address each side knows the other by, own configuration first. */
function addressesOf(pair: Pair, side: Side): string[] {
  const conn = side.id === 'a' ? pair.ca : pair.cb;
  const peer = side.id === 'a' ? pair.b : pair.a;
  const peerConn = side.id === 'a' ? pair.cb : pair.ca;
  const theirs = localAddressOf(peer, peerConn);
  return [...conn.peers.map(addressOf), ...(theirs ? [theirs] : []), ...peer.addresses];
}

function notFound(pair: Pair, side: Side, otherKeys: readonly PreSharedKey[]): CompareFinding {
  const conn = side.id === 'a' ? pair.ca : pair.cb;
  const peer = side.id === 'a' ? pair.b : pair.a;
  const address = addressesOf(pair, side)[0] ?? '<peer-address>';
  const profile = side.peer.profiles.find((p) => p.name === conn.profile);
  const looked = profile
    ? side.peer.keyrings
        .filter((r) => profile.keyrings.includes(r.name))
        .flatMap((r) => [...r.lines])
    : [];
  const mine = [...(profile?.lines ?? []).slice(0, 1), ...looked];
  const theirs = otherKeys.flatMap((k) => [...k.lines]);
  return finding({
    diagnosis: 'auth.psk-not-found',
    severity: 'error',
    ...(side.id === 'a' ? { a: mine, b: theirs } : { a: theirs, b: mine }),
    message: `${label(side)} has no pre-shared key for ${address}${profile ? ` in the keyrings of ${profile.name}` : ''}; ${label(peer)} has one (${where(otherKeys[0])}).`,
    fix: `Configure on ${label(side)} the same pre-shared key as ${label(peer)} for ${address}.`,
    change: side.id,
    commands: { ...on(side, dialect(side).key(side, conn, address)) },
  });
}

/** Key findings for one pair of connections. */
export function checkKeys(pair: Pair): CompareFinding[] {
  const { a, b, ca, cb } = pair;
  if (noPsk(a, ca) || noPsk(b, cb)) return [];
  const versions = commonVersions(pair);
  const ka = keysFor(a, ca, addressesOf(pair, a), versions);
  const kb = keysFor(b, cb, addressesOf(pair, b), versions);
  if (ka === 'unknown' || kb === 'unknown') return [];
  if (ka.length === 0 && kb.length === 0) return [];
  if (ka.length === 0) return [notFound(pair, a, kb)];
  if (kb.length === 0) return [notFound(pair, b, ka)];
  const directions = [
    { x: directed(ka, 'local'), y: directed(kb, 'remote'), what: `the key ${label(a)} sends` },
    { x: directed(ka, 'remote'), y: directed(kb, 'local'), what: `the key ${label(b)} sends` },
  ].filter((d): d is { x: PreSharedKey; y: PreSharedKey; what: string } => !!d.x && !!d.y);
  const hidden = directions.filter((d) => d.x.bytesHex === undefined || d.y.bytesHex === undefined);
  const differ = directions.filter(
    (d) =>
      d.x.bytesHex !== undefined && d.y.bytesHex !== undefined && d.x.bytesHex !== d.y.bytesHex,
  );
  const linesOf = (ds: typeof directions, pick: 'x' | 'y'): number[] =>
    ds.flatMap((d) => [...d[pick].lines]);
  const out: CompareFinding[] = [];
  if (differ.length > 0) {
    const first = differ[0] as (typeof directions)[number];
    const asymmetric = directions.length > 1 && differ.length < directions.length;
    out.push(
      finding({
        diagnosis: 'auth.psk-mismatch',
        severity: 'error',
        a: linesOf(differ, 'x'),
        b: linesOf(differ, 'y'),
        message:
          `The pre-shared keys differ (${label(a)}: ${where(first.x)}; ${label(b)}: ${where(first.y)})` +
          (asymmetric
            ? `: ${differ.map((d) => d.what).join(' and ')} is not the one the other side expects.`
            : '.'),
        fix: 'Enter the same key on both sides (a key written in hex on one side must be the hex of the other side’s text).',
        change: 'either',
        commands: {
          a: dialect(a).key(a, ca, addressesOf(pair, a)[0] ?? '<peer-address>'),
          b: dialect(b).key(b, cb, addressesOf(pair, b)[0] ?? '<peer-address>'),
        },
      }),
    );
  }
  if (hidden.length > 0) {
    const sides = [
      hidden.some((d) => d.x.bytesHex === undefined) ? a : null,
      hidden.some((d) => d.y.bytesHex === undefined) ? b : null,
    ].filter((s): s is Side => s !== null);
    const first = hidden[0] as (typeof directions)[number];
    const shown = sides.map((s) => `${label(s)}, ${where(s.id === 'a' ? first.x : first.y)},`);
    out.push(
      finding({
        diagnosis: 'auth.psk-mismatch',
        severity: 'info',
        a: linesOf(hidden, 'x'),
        b: linesOf(hidden, 'y'),
        message: `Cannot compare the pre-shared keys: ${shown.join(' and ')} ${sides.length > 1 ? 'show' : 'shows'} the key only encrypted or masked.`,
        fix: 'Compare the keys by hand (for example with `more system:running-config` on an ASA, or by re-entering the key on both sides).',
        change: 'either',
      }),
    );
  }
  return out;
}
