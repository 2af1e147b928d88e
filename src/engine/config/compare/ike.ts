/**
 * Phase 1: a shared IKE version, a common proposal, and the lifetimes.
 *
 * IKEv1 (IOS, ASA): the initiator sends every policy it has and the responder takes the first of
 * its own, in priority order, with the same encryption, hash, authentication and DH group. Cisco
 * documents the lifetime as part of the match (the initiator's must be less than or equal to the
 * responder's) and then uses the shorter one; in practice IOS and ASA responders accept a longer
 * one and answer with their own, so this check treats lifetimes as information
 * (`ike.lifetime-mismatch`, contracts.md: "a difference that works, such as lifetimes") and says
 * in the message which side's lifetime is the longer.
 * IKEv2: one proposal matches another when they share an encryption, an integrity algorithm (not
 * needed with GCM/ChaCha20), a PRF and a DH group; lifetimes are not negotiated at all.
 */
import type { IkeVersion, Platform } from '../../../knowledge/schema.ts';
import type { Connection, IkeProposal } from '../model.ts';
import { groupWords, isCombinedMode, meets, overlap, words } from './algorithms.ts';
import { TOPIC, cite } from './focus.ts';
import { dialect } from './syntax/index.ts';
import type { CompareFinding, Pair, Side } from './types.ts';
import { finding, label, on } from './types.ts';

const VERSION_NAMES: Record<IkeVersion, string> = { ikev1: 'IKEv1', ikev2: 'IKEv2' };

/** Phase 1 lifetime a platform uses when none is written. */
const IKE_LIFETIME_DEFAULT: Partial<Record<Platform, number>> = {
  'cisco-ios': 86400,
  'cisco-asa': 86400,
  fortigate: 86400,
  strongswan: 10800,
};

/** The IKE versions a connection can use (restricted by ASA `crypto ikevN enable`). */
export function versionsOf(side: Side, conn: Connection): readonly IkeVersion[] {
  const enabled = side.peer.ikeEnabled;
  if (!enabled || enabled.length === 0) return conn.ikeVersions;
  return conn.ikeVersions.filter((v) => enabled.some((e) => e.version === v));
}

/** Versions both connections share; an empty list on one side means "not known". */
export function commonVersions(pair: Pair): readonly IkeVersion[] {
  return overlap(versionsOf(pair.a, pair.ca), versionsOf(pair.b, pair.cb));
}

/** The proposals a connection offers for a version, lowest priority number first. */
function offered(side: Side, conn: Connection, version: IkeVersion): IkeProposal[] {
  return side.peer.ikeProposals
    .filter(
      (p) =>
        p.version === version &&
        (conn.ikeProposals.length === 0 || conn.ikeProposals.includes(p.name)),
    )
    .sort((x, y) => (x.priority ?? 0) - (y.priority ?? 0));
}

/** The PRF a proposal uses: written, or the integrity algorithm's. */
function prfOf(p: IkeProposal): readonly string[] {
  return p.prf.length > 0 ? p.prf : p.integrity.filter((i) => i !== 'none');
}

/** The attributes on which two proposals differ (empty = they match). */
function differences(x: IkeProposal, y: IkeProposal): string[] {
  const out: string[] = [];
  const encs = overlap(x.encryption, y.encryption);
  if (!meets(x.encryption, y.encryption)) out.push('encryption');
  const combined = encs.length > 0 && encs.some(isCombinedMode);
  const integrity = (p: IkeProposal): readonly string[] => p.integrity.filter((i) => i !== 'none');
  if (!combined && !meets(integrity(x), integrity(y)))
    out.push(x.version === 'ikev1' ? 'hash' : 'integrity');
  if (x.version === 'ikev2' && !meets(prfOf(x), prfOf(y))) out.push('PRF');
  if (!meets(x.dhGroups, y.dhGroups)) out.push('DH group');
  if (x.version === 'ikev1' && x.authentication && y.authentication) {
    if (x.authentication !== y.authentication) out.push('authentication');
  }
  return out;
}

/** "aes-256/sha1/group 14/pre-share". */
function describe(p: IkeProposal): string {
  const parts = [words(p.encryption), words(p.integrity.filter((i) => i !== 'none'))];
  if (p.version === 'ikev2' && p.prf.length > 0) parts.push(`prf ${words(p.prf)}`);
  parts.push(groupWords(p.dhGroups));
  if (p.authentication) parts.push(p.authentication);
  return parts.join('/');
}

/** The first matching pair, in the A side's priority order. */
function firstMatch(
  xs: readonly IkeProposal[],
  ys: readonly IkeProposal[],
): [IkeProposal, IkeProposal] | null {
  for (const x of xs) for (const y of ys) if (differences(x, y).length === 0) return [x, y];
  return null;
}

/** The pair that differs in the fewest attributes. */
function closest(xs: readonly IkeProposal[], ys: readonly IkeProposal[]) {
  let best: { x: IkeProposal; y: IkeProposal; diff: string[] } | null = null;
  for (const x of xs)
    for (const y of ys) {
      const diff = differences(x, y);
      if (!best || diff.length < best.diff.length) best = { x, y, diff };
    }
  return best;
}

function versionMismatch(pair: Pair): CompareFinding {
  const { a, b, ca, cb } = pair;
  const lines = (s: Side, c: Connection): number[] => [
    ...cite(s, c.lines, TOPIC.version),
    ...(s.peer.ikeEnabled ?? []).flatMap((e) => [...e.lines]),
  ];
  const names = (s: Side, c: Connection): string =>
    versionsOf(s, c)
      .map((v) => VERSION_NAMES[v])
      .join(' and ') || 'no IKE version';
  return finding({
    diagnosis: 'ike.version-mismatch',
    severity: 'error',
    a: lines(a, ca),
    b: lines(b, cb),
    message: `${label(a)} ${ca.name} uses ${names(a, ca)}; ${label(b)} ${cb.name} uses ${names(b, cb)}: they share no IKE version.`,
    fix: 'Configure the same IKE version on both sides (IKEv2 where both support it): its proposals, its key and, on IOS/ASA, the IKEv2 IPsec proposal on the crypto map.',
    change: 'either',
  });
}

function proposalMismatch(
  pair: Pair,
  version: IkeVersion,
  xs: readonly IkeProposal[],
  ys: readonly IkeProposal[],
): CompareFinding {
  const { a, b, ca, cb } = pair;
  const near = closest(xs, ys);
  const only =
    near && near.diff.length > 0
      ? ` The closest pair (${near.x.name} and ${near.y.name}) differs in ${near.diff.join(', ')}.`
      : '';
  return finding({
    diagnosis: 'ike.proposal-mismatch',
    severity: 'error',
    a: xs.flatMap((p) => cite(a, p.lines, TOPIC.ike)),
    b: ys.flatMap((p) => cite(b, p.lines, TOPIC.ike)),
    message:
      `No common ${VERSION_NAMES[version]} proposal: ${label(a)} offers ${xs.map(describe).join('; ')}; ` +
      `${label(b)} offers ${ys.map(describe).join('; ')}.${only}`,
    fix: `Add to one side a ${VERSION_NAMES[version]} policy identical to one of the other side's (same encryption, ${version === 'ikev1' ? 'hash, authentication' : 'integrity, PRF'} and DH group).`,
    change: 'either',
    commands: {
      a: near ? dialect(a).ike(a, ca, near.y) : [],
      b: near ? dialect(b).ike(b, cb, near.x) : [],
    },
  });
}

/** Lifetime of a proposal, written or the platform default, and whether it was defaulted. */
function lifetimeOf(side: Side, p: IkeProposal): { seconds?: number; defaulted: boolean } {
  const defaulted =
    p.lifetimeSeconds === undefined || (p.defaulted ?? []).includes('lifetimeSeconds');
  const seconds = p.lifetimeSeconds ?? IKE_LIFETIME_DEFAULT[side.peer.platform];
  return seconds === undefined ? { defaulted } : { seconds, defaulted };
}

function lifetimeMismatch(pair: Pair, x: IkeProposal, y: IkeProposal): CompareFinding | null {
  const { a, b, ca, cb } = pair;
  const la = lifetimeOf(a, x);
  const lb = lifetimeOf(b, y);
  if (la.seconds === undefined || lb.seconds === undefined || la.seconds === lb.seconds)
    return null;
  const longer = la.seconds > lb.seconds ? a : b;
  const shorter = Math.min(la.seconds, lb.seconds);
  const show = (l: { seconds?: number; defaulted: boolean }): string =>
    `${l.seconds ?? '?'} s${l.defaulted ? ' (default)' : ''}`;
  const v1 =
    x.version === 'ikev1'
      ? ` The shorter lifetime is used; a strict IKEv1 responder refuses an initiator whose lifetime is longer than its own, so ${label(longer)} may fail as the initiator.`
      : ' IKEv2 does not negotiate lifetimes: each side rekeys on its own timer.';
  const own = longer.id === 'a' ? x : y;
  const conn = longer.id === 'a' ? ca : cb;
  return finding({
    diagnosis: 'ike.lifetime-mismatch',
    severity: 'info',
    a: cite(a, x.lines, TOPIC.lifetime),
    b: cite(b, y.lines, TOPIC.lifetime),
    message: `Phase 1 lifetimes differ: ${label(a)} ${show(la)}, ${label(b)} ${show(lb)}.${v1}`,
    fix: `Set the same phase 1 lifetime on both sides (${shorter} s on ${label(longer)}).`,
    change: longer.id,
    commands: { ...on(longer, dialect(longer).ikeLifetime(longer, conn, own, shorter)) },
  });
}

/** Phase 1 findings for one pair of connections. */
export function checkIke(pair: Pair): CompareFinding[] {
  const versions = commonVersions(pair);
  const known = versionsOf(pair.a, pair.ca).length > 0 && versionsOf(pair.b, pair.cb).length > 0;
  if (versions.length === 0 && known) return [versionMismatch(pair)];
  const tried = (versions.length > 0 ? versions : (['ikev1', 'ikev2'] as const)).map((v) => ({
    version: v,
    xs: offered(pair.a, pair.ca, v),
    ys: offered(pair.b, pair.cb, v),
  }));
  const comparable = tried.filter((t) => t.xs.length > 0 && t.ys.length > 0);
  for (const t of comparable) {
    const match = firstMatch(t.xs, t.ys);
    if (match) {
      const life = lifetimeMismatch(pair, match[0], match[1]);
      return life ? [life] : [];
    }
  }
  return comparable.map((t) => proposalMismatch(pair, t.version, t.xs, t.ys));
}
