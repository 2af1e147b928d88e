/**
 * The `set …` / `match address` sub-commands that crypto map entries, dynamic map entries and
 * IPsec profiles share, and the connection fields that follow from them.
 */
import type { Connection, IkeProfile, Interface } from '../model.ts';
import { dhGroup } from './algorithms.ts';
import { note, use, type Ctx } from './context.ts';
import { ikev2ProposalsFor, type Ikev2Policy } from './ike.ts';
import type { ProfileRead } from './profiles.ts';
import { is, NUMBER, type Node } from './tree.ts';

/** What an entry or profile sets. */
export interface PolicyDraft {
  readonly peers: string[];
  readonly transformSets: string[];
  /** Absent: no `set pfs`. */
  pfs?: number;
  lifetimeSeconds?: number;
  lifetimeKilobytes?: number;
  isakmpProfile?: string;
  ikev2Profile?: string;
  acl?: string;
  readonly lines: number[];
}

/**
 * Reads one sub-command; false when it is not one of these. A bare `set pfs` asks for group 1:
 * "If no group is specified with the set pfs command, group1 is used" (Cisco IOS Security
 * Command Reference, `set pfs`).
 */
export function readPolicyLine(d: PolicyDraft, c: Node, ctx: Ctx, where: string): boolean {
  const k = c.key;
  if (is(k, 'set', 'peer') && c.words[2]) d.peers.push(c.words[2]);
  else if (is(k, 'set', 'transform-set') && c.words[2]) d.transformSets.push(...c.words.slice(2));
  else if (is(k, 'set', 'pfs')) {
    const g = k[2] === undefined ? 1 : dhGroup(k[2]);
    if (g === null) {
      note(ctx, `${where}: PFS group "${c.words[2] ?? ''}" not understood`, [c.line]);
      return true;
    }
    d.pfs = g;
  } else if (is(k, 'set', 'security-association', 'lifetime') && NUMBER.test(k[4] ?? '')) {
    if (k[3] === 'seconds') d.lifetimeSeconds = Number(k[4]);
    else if (k[3] === 'kilobytes') d.lifetimeKilobytes = Number(k[4]);
    else return false;
  } else if (is(k, 'set', 'isakmp-profile') && c.words[2]) d.isakmpProfile = c.words[2];
  else if (is(k, 'set', 'ikev2-profile') && c.words[2]) d.ikev2Profile = c.words[2];
  else if (is(k, 'match', 'address') && c.words[2]) d.acl = c.words[2];
  else return false;
  d.lines.push(...use(ctx, c));
  return true;
}

/** An empty draft starting at a header line. */
export function newDraft(header: Node, ctx: Ctx): PolicyDraft {
  return { peers: [], transformSets: [], lines: use(ctx, header) };
}

/** What connections need to know about the rest of the configuration. */
export interface Globals {
  readonly interfaces: readonly Interface[];
  readonly profiles: ReadonlyMap<string, ProfileRead>;
  readonly ikev2Policies: readonly Ikev2Policy[];
  /** `crypto ipsec security-association lifetime seconds|kilobytes N`. */
  readonly lifetimeSeconds?: number;
  readonly lifetimeKilobytes?: number;
}

/** The IKE side of a connection: versions, proposals, profile, exchange mode. */
export function ikeSide(
  d: PolicyDraft,
  g: Globals,
  ctx: Ctx,
  where: string,
  localAddress: string | undefined,
  vrf: string | undefined,
): Pick<Connection, 'ikeVersions' | 'ikeProposals' | 'profile' | 'exchangeMode'> {
  const name = d.ikev2Profile ?? d.isakmpProfile;
  const read = name ? g.profiles.get(name) : undefined;
  const wanted: IkeProfile['version'] = d.ikev2Profile ? 'ikev2' : 'ikev1';
  if (name && read?.profile.version !== wanted)
    note(
      ctx,
      `${where} uses ${wanted === 'ikev2' ? 'ikev2' : 'isakmp'} profile ${name}, which is not configured`,
      d.lines.slice(0, 1),
    );
  // A crypto map or IPsec profile without an IKEv2 profile initiates with IKEv1 (ISAKMP).
  return {
    ikeVersions: [wanted],
    ikeProposals: wanted === 'ikev2' ? ikev2ProposalsFor(g.ikev2Policies, localAddress, vrf) : [],
    ...(name ? { profile: name } : {}),
    ...(read?.aggressive ? { exchangeMode: 'aggressive' as const } : {}),
  };
}

/** PFS and lifetimes, with the global lifetime standing in for an entry that sets none. */
export function saSide(
  d: PolicyDraft,
  g: Globals,
): Pick<Connection, 'pfs' | 'lifetimeSeconds' | 'lifetimeKilobytes'> {
  const seconds = d.lifetimeSeconds ?? g.lifetimeSeconds;
  const kilobytes = d.lifetimeKilobytes ?? g.lifetimeKilobytes;
  return {
    pfs: d.pfs ?? null,
    ...(seconds !== undefined ? { lifetimeSeconds: seconds } : {}),
    ...(kilobytes !== undefined ? { lifetimeKilobytes: kilobytes } : {}),
  };
}
