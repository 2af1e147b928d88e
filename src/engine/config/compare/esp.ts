/**
 * Phase 2: a common transform set / ESP proposal, PFS on both sides or neither with the same
 * group, and the phase 2 lifetimes.
 *
 * Combined-mode ciphers (AES-GCM, AES-GMAC, ChaCha20-Poly1305) carry their own integrity, so the
 * integrity setting next to them is ignored by the devices (seed 000: "This can say anything it
 * gets ignored!") and never makes a mismatch. AES-GMAC is not AES-GCM: GMAC only authenticates,
 * GCM encrypts and authenticates, and the two never match (seed 000's root cause).
 */
import type { IkeVersion, Platform } from '../../../knowledge/schema.ts';
import type { Connection, EspProposal } from '../model.ts';
import { gmacToGcm, groupStrength, isCombinedMode, meets, overlap, words } from './algorithms.ts';
import { TOPIC, cite, citeOnly } from './focus.ts';
import { commonVersions } from './ike.ts';
import { dialect } from './syntax/index.ts';
import type { CompareFinding, Pair, Side } from './types.ts';
import { finding, label, on } from './types.ts';

/** Phase 2 lifetime a platform uses when none is written. */
const ESP_LIFETIME_DEFAULT: Partial<Record<Platform, number>> = {
  'cisco-ios': 3600,
  'cisco-asa': 28800,
  fortigate: 43200,
  strongswan: 3600,
};

/** A connection's ESP proposals for a version (all when the version is not known). */
function espOf(side: Side, conn: Connection, version: IkeVersion | undefined): EspProposal[] {
  return conn.espProposals.flatMap((name) =>
    side.peer.espProposals.filter(
      (p) =>
        p.name === name &&
        (version === undefined || p.version === undefined || p.version === version),
    ),
  );
}

/** Do two ESP proposals share a transform? */
function espMatch(x: EspProposal, y: EspProposal): boolean {
  const encs = overlap(x.encryption, y.encryption);
  if (x.encryption.length > 0 && y.encryption.length > 0 && encs.length === 0) return false;
  if (encs.some(isCombinedMode)) return true;
  return meets(x.integrity, y.integrity);
}

/** "aes-gcm-256", "aes-256 with sha256". */
function describe(p: EspProposal): string {
  const integ = p.encryption.every(isCombinedMode) ? [] : p.integrity;
  return integ.length > 0 ? `${words(p.encryption)} with ${words(integ)}` : words(p.encryption);
}

/** A GMAC proposal on one side facing the same-size GCM on the other. */
function gmacAgainstGcm(
  mine: readonly EspProposal[],
  theirs: readonly EspProposal[],
): { own: EspProposal; want: EspProposal } | null {
  for (const own of mine)
    for (const enc of own.encryption) {
      const gcm = gmacToGcm(enc);
      const want = gcm ? theirs.find((t) => t.encryption.includes(gcm)) : undefined;
      if (want) return { own, want };
    }
  return null;
}

/**
 * A connection's own lines without those of its IKE proposals: a FortiGate phase1's `dhgrp` and
 * `keylife`, a strongSwan `ike=` / `ikelifetime=`, are about phase 1, not PFS or phase 2.
 */
function phase2Lines(side: Side, conn: Connection): number[] {
  const ike = new Set(side.peer.ikeProposals.flatMap((p) => [...p.lines]));
  const own = conn.lines.filter((n) => !ike.has(n));
  return own.length > 0
    ? [conn.lines[0] ?? 0, ...own.filter((n) => n !== conn.lines[0])]
    : [...conn.lines];
}

/** The version to write commands for. */
function versionFor(conn: Connection, version: IkeVersion | undefined): IkeVersion {
  return version ?? (conn.ikeVersions.includes('ikev2') ? 'ikev2' : 'ikev1');
}

/** The connection's references to its proposals (when it has any) and the proposals' lines. */
function espLines(side: Side, conn: Connection, ps: readonly EspProposal[]): number[] {
  const lines = [...citeOnly(side, conn.lines, TOPIC.esp), ...ps.flatMap((p) => p.lines)];
  return lines.length > 0 ? lines : cite(side, conn.lines);
}

function gmacFinding(
  pair: Pair,
  gmacSide: Side,
  hit: { own: EspProposal; want: EspProposal },
  version: IkeVersion | undefined,
  xs: readonly EspProposal[],
  ys: readonly EspProposal[],
): CompareFinding {
  const conn = gmacSide.id === 'a' ? pair.ca : pair.cb;
  const gcmSide = gmacSide.id === 'a' ? pair.b : pair.a;
  const gmac = hit.own.encryption.find((e) => e.startsWith('aes-gmac')) ?? 'aes-gmac';
  const gcm = gmacToGcm(gmac) ?? 'aes-gcm';
  return finding({
    diagnosis: 'ipsec.transform-mismatch',
    severity: 'error',
    a: espLines(pair.a, pair.ca, xs),
    b: espLines(pair.b, pair.cb, ys),
    message:
      `${label(gmacSide)} proposes ${gmac.toUpperCase()} in ${hit.own.name} and ${label(gcmSide)} ${gcm.toUpperCase()} in ${hit.want.name}: ` +
      'AES-GMAC only authenticates, AES-GCM encrypts and authenticates; they are different algorithms and never match. ' +
      'GCM and GMAC ignore the integrity setting, so an integrity difference next to them is not the problem.',
    fix: `Change ${label(gmacSide)}'s ${hit.own.name} to ${gcm.toUpperCase()}.`,
    change: gmacSide.id,
    commands: {
      ...on(
        gmacSide,
        dialect(gmacSide).esp(gmacSide, conn, hit.want, versionFor(conn, version), hit.own),
      ),
    },
  });
}

/** No common transform for any shared version. */
function transformMismatch(pair: Pair): CompareFinding | null {
  const { a, b, ca, cb } = pair;
  const versions: (IkeVersion | undefined)[] = [...commonVersions(pair)];
  // No shared IKE version is reported by itself; the ESP objects of one version say nothing
  // about the other's (an ASA keeps IKEv1 transform sets and IKEv2 proposals apart).
  if (versions.length === 0 && pair.ca.ikeVersions.length > 0 && pair.cb.ikeVersions.length > 0)
    return null;
  if (versions.length === 0) versions.push(undefined);
  const tried = versions.map((v) => ({ v, xs: espOf(a, ca, v), ys: espOf(b, cb, v) }));
  const comparable = tried.filter((t) => t.xs.length > 0 && t.ys.length > 0);
  if (comparable.length === 0) return null;
  if (comparable.some((t) => t.xs.some((x) => t.ys.some((y) => espMatch(x, y))))) return null;
  const t = comparable[0];
  if (!t) return null;
  const fromA = gmacAgainstGcm(t.xs, t.ys);
  if (fromA) return gmacFinding(pair, a, fromA, t.v, t.xs, t.ys);
  const fromB = gmacAgainstGcm(t.ys, t.xs);
  if (fromB) return gmacFinding(pair, b, fromB, t.v, t.xs, t.ys);
  const firstX = t.xs[0];
  const firstY = t.ys[0];
  return finding({
    diagnosis: 'ipsec.transform-mismatch',
    severity: 'error',
    a: espLines(a, ca, t.xs),
    b: espLines(b, cb, t.ys),
    message: `No common phase 2 proposal: ${label(a)} offers ${t.xs.map(describe).join('; ')}; ${label(b)} offers ${t.ys.map(describe).join('; ')}.`,
    fix: 'Give one side a transform set / proposal identical to one the other side offers (same encryption and key length; same integrity unless the cipher is GCM/GMAC).',
    change: 'either',
    commands: {
      a: firstY ? dialect(a).esp(a, ca, firstY, versionFor(ca, t.v)) : [],
      b: firstX ? dialect(b).esp(b, cb, firstX, versionFor(cb, t.v)) : [],
    },
  });
}

/** PFS on one side only, or different groups. */
function pfsMismatch(pair: Pair): CompareFinding | null {
  const { a, b, ca, cb } = pair;
  const pa = ca.pfs;
  const pb = cb.pfs;
  if (pa === undefined || pb === undefined || pa === pb) return null;
  const lines = {
    a: cite(a, phase2Lines(a, ca), TOPIC.pfs),
    b: cite(b, phase2Lines(b, cb), TOPIC.pfs),
  };
  const ikev2 = commonVersions(pair).includes('ikev2') && !commonVersions(pair).includes('ikev1');
  const when = ikev2
    ? ' With IKEv2 the first IPsec SA still comes up (it is keyed in IKE_AUTH without a new DH exchange); the phase 2 rekey then fails.'
    : ' Quick mode fails ("Attribute not supported", or the tunnel comes up from one side only).';
  if (pa === null || pb === null) {
    const withPfs = pa === null ? b : a;
    const without = pa === null ? a : b;
    const group = (pa ?? pb) as number;
    const connWith = withPfs.id === 'a' ? ca : cb;
    const connWithout = without.id === 'a' ? ca : cb;
    return finding({
      diagnosis: 'ipsec.pfs-mismatch',
      severity: 'error',
      ...lines,
      message: `PFS is on only at ${label(withPfs)} (${connWith.name}: group ${group}); ${label(without)} ${connWithout.name} has no PFS.${when}`,
      fix: `Enable PFS group ${group} on ${label(without)} (keeps forward secrecy), or remove PFS from ${label(withPfs)}.`,
      change: 'either',
      commands: {
        ...on(without, dialect(without).pfs(without, connWithout, group)),
        ...on(withPfs, dialect(withPfs).pfs(withPfs, connWith, null)),
      },
    });
  }
  const weaker = groupStrength(pa) < groupStrength(pb) ? a : b;
  const stronger = Math.max(groupStrength(pa), groupStrength(pb)) === groupStrength(pa) ? pa : pb;
  const weakConn = weaker.id === 'a' ? ca : cb;
  return finding({
    diagnosis: 'ipsec.pfs-mismatch',
    severity: 'error',
    ...lines,
    message: `PFS groups differ: ${label(a)} group ${pa}, ${label(b)} group ${pb}.${when}`,
    fix: `Use PFS group ${stronger} on ${label(weaker)} too.`,
    change: weaker.id,
    commands: { ...on(weaker, dialect(weaker).pfs(weaker, weakConn, stronger)) },
  });
}

/** Phase 2 lifetimes that differ (information). */
function espLifetime(pair: Pair): CompareFinding | null {
  const { a, b, ca, cb } = pair;
  const la = ca.lifetimeSeconds ?? ESP_LIFETIME_DEFAULT[a.peer.platform];
  const lb = cb.lifetimeSeconds ?? ESP_LIFETIME_DEFAULT[b.peer.platform];
  if (la === undefined || lb === undefined || la === lb) return null;
  const show = (s: number, c: Connection): string =>
    `${s} s${c.lifetimeSeconds === undefined ? ' (default)' : ''}`;
  const longer = la > lb ? a : b;
  const conn = longer.id === 'a' ? ca : cb;
  const shorter = Math.min(la, lb);
  return finding({
    diagnosis: 'ike.lifetime-mismatch',
    severity: 'info',
    a: cite(a, phase2Lines(a, ca), TOPIC.lifetime),
    b: cite(b, phase2Lines(b, cb), TOPIC.lifetime),
    message: `Phase 2 lifetimes differ: ${label(a)} ${show(la, ca)}, ${label(b)} ${show(lb, cb)}. The shorter is normally used; the sides may rekey at different moments.`,
    fix: `Set the same phase 2 lifetime on both sides (${shorter} s on ${label(longer)}).`,
    change: longer.id,
    commands: { ...on(longer, dialect(longer).espLifetime(longer, conn, shorter)) },
  });
}

/** Phase 2 findings for one pair of connections. */
export function checkEsp(pair: Pair): CompareFinding[] {
  return [transformMismatch(pair), pfsMismatch(pair), espLifetime(pair)].filter(
    (f): f is CompareFinding => f !== null,
  );
}
