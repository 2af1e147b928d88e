/**
 * One strongSwan connection, as read from either ipsec.conf (`conn.ts`) or swanctl.conf
 * (`swanctl.ts`), turned into model parts: IKE and ESP proposals, an identity profile and the
 * `Connection` whose selectors and PFS come from its children.
 */
import type { IkeVersion } from '../../../knowledge/schema.ts';
import type {
  ConfigNote,
  Connection,
  EspProposal,
  IdentityMatch,
  IkeProfile,
  IkeProposal,
  Selector,
} from '../model.ts';
import { ipv4ToNumber } from '../normalise.ts';
import type { SwanProposal } from './algorithms.ts';
import { isAddress, readSelector } from './values.ts';

/** A proposal list with where it came from. */
export interface ProposalSpec {
  readonly proposals: readonly SwanProposal[];
  /** The daemon also accepts its built-in defaults (ipsec.conf without `!`, swanctl `default`). */
  readonly acceptsDefaults: boolean;
  readonly line: number;
}

/** One CHILD_SA configuration (an ipsec.conf conn is its own single child). */
export interface ChildSpec {
  /** Unique name for ESP proposal names: the conn, or `conn/child` for swanctl. */
  readonly name: string;
  readonly line: number;
  readonly localTs: readonly string[];
  readonly remoteTs: readonly string[];
  readonly tsLines: readonly number[];
  /** Absent: the built-in defaults only. */
  readonly esp?: ProposalSpec;
  readonly mode: 'tunnel' | 'transport';
  readonly lifetimeSeconds: number;
  readonly lifetimeKilobytes?: number;
  readonly lines: readonly number[];
}

/** One IKE connection. */
export interface ConnSpec {
  readonly name: string;
  readonly line: number;
  readonly versions: readonly IkeVersion[];
  /** Absent: the built-in defaults only. */
  readonly ike?: ProposalSpec;
  readonly ikeLifetime: number;
  readonly ikeLifetimeDefaulted: boolean;
  readonly ikeLines: readonly number[];
  readonly localAddrs: readonly string[];
  readonly remoteAddrs: readonly string[];
  readonly localAuth?: string;
  readonly remoteAuth?: string;
  readonly remoteId?: string;
  readonly idLines: readonly number[];
  readonly aggressive?: boolean;
  readonly children: readonly ChildSpec[];
  readonly lines: readonly number[];
}

/** What one connection contributes to the model. */
export interface ConnParts {
  readonly ikeProposals: IkeProposal[];
  readonly espProposals: EspProposal[];
  readonly profile: IkeProfile;
  readonly connection: Connection;
  readonly notes: ConfigNote[];
}

/** Model line lists: the defining line first, then the others once each, in input order. */
export function ordered(lines: readonly number[]): number[] {
  const [first, ...rest] = lines;
  if (first === undefined) return [];
  return [first, ...[...new Set(rest)].filter((l) => l !== first).sort((a, b) => a - b)];
}

/** Notes for keywords not recognised or without a standard model word. */
function wordNotes(owner: string, p: SwanProposal, line: number): ConfigNote[] {
  const notes: ConfigNote[] = [];
  if (p.unknown.length > 0)
    notes.push({
      message: `${owner}: proposal ${p.text} has unknown keyword(s) ${p.unknown.join(', ')}.`,
      lines: [line],
    });
  if (p.nonStandard.length > 0)
    notes.push({
      message: `${owner}: ${p.nonStandard.join(', ')} in ${p.text} has no standard name here (a short ICV, CCM or CTR); compare it by hand.`,
      lines: [line],
    });
  return notes;
}

function ikeProposals(spec: ConnSpec, notes: ConfigNote[]): IkeProposal[] {
  if (!spec.ike) {
    notes.push({
      message: `${spec.name}: no IKE proposal configured; strongSwan uses its built-in default list (it depends on the version).`,
      lines: [spec.line],
    });
    return [];
  }
  const ike = spec.ike;
  if (ike.acceptsDefaults)
    notes.push({
      message: `${spec.name}: besides the IKE proposals written, strongSwan also accepts its built-in defaults (no "!" / "default" in the list).`,
      lines: [ike.line],
    });
  const out: IkeProposal[] = [];
  for (const version of spec.versions) {
    ike.proposals.forEach((p, i) => {
      if (version === spec.versions[0]) notes.push(...wordNotes(spec.name, p, ike.line));
      out.push({
        version,
        name:
          spec.versions.length > 1 ? `${spec.name}/${version}/${p.text}` : `${spec.name}/${p.text}`,
        priority: i + 1,
        encryption: p.encryption,
        integrity: p.integrity,
        prf: p.prf,
        dhGroups: p.dhGroups,
        ...(version === 'ikev1' && spec.localAuth ? { authentication: spec.localAuth } : {}),
        lifetimeSeconds: spec.ikeLifetime,
        ...(spec.ikeLifetimeDefaulted ? { defaulted: ['lifetimeSeconds'] } : {}),
        lines: ordered([ike.line, ...spec.ikeLines]),
      });
    });
  }
  return out;
}

function espProposals(child: ChildSpec, notes: ConfigNote[]): EspProposal[] {
  if (!child.esp) return [];
  const esp = child.esp;
  if (esp.acceptsDefaults)
    notes.push({
      message: `${child.name}: besides the ESP proposals written, strongSwan also accepts its built-in defaults (no "!" / "default" in the list).`,
      lines: [esp.line],
    });
  return esp.proposals.map((p) => {
    notes.push(...wordNotes(child.name, p, esp.line));
    return {
      name: `${child.name}/${p.text}`,
      encryption: p.encryption,
      integrity: p.integrity.length > 0 ? p.integrity : ['none'],
      mode: child.mode,
      lines: [esp.line],
    };
  });
}

/** PFS of a child: the first DH group in its ESP proposals; none means PFS off. */
function pfsOf(child: ChildSpec, notes: ConfigNote[]): number | null {
  if (!child.esp) {
    notes.push({
      message: `${child.name}: no ESP proposal configured; strongSwan's defaults carry no DH group, so PFS is off.`,
      lines: [child.line],
    });
    return null;
  }
  const withGroup = child.esp.proposals.filter((p) => p.dhGroups.length > 0);
  if (withGroup.length > 0 && withGroup.length < child.esp.proposals.length)
    notes.push({
      message: `${child.name}: some ESP proposals carry a DH group and some do not; PFS depends on which one the peer picks.`,
      lines: [child.esp.line],
    });
  return withGroup[0]?.dhGroups[0] ?? null;
}

/** One side of the selectors; `dynamic` becomes the single IKE address when known. */
function side(
  entries: readonly string[],
  addrs: readonly string[],
  owner: string,
  which: string,
  notes: ConfigNote[],
  lines: readonly number[],
) {
  const out: { prefix: string; protocol: string; port?: string }[] = [];
  for (const e of entries) {
    const s = readSelector(e);
    if (!s) {
      notes.push({ message: `${owner}: ${which} traffic selector ${e} not read.`, lines });
      continue;
    }
    let prefixes = s.prefixes;
    if (prefixes === 'dynamic') {
      const addr =
        addrs.length === 1 && isAddress(addrs[0] ?? '') ? readSelector(addrs[0] ?? '') : null;
      if (!addr || addr.prefixes === 'dynamic') {
        notes.push({
          message: `${owner}: the ${which} selector is this connection's ${which} IKE address, which the configuration does not name.`,
          lines,
        });
        continue;
      }
      prefixes = addr.prefixes;
    } else if (s.fromRange && prefixes.length > 1) {
      notes.push({
        message: `${owner}: ${which} range ${e} is sent as one range selector; it is shown as ${prefixes.length} prefixes.`,
        lines,
      });
    }
    for (const prefix of prefixes)
      out.push({ prefix, protocol: s.protocol, ...(s.port ? { port: s.port } : {}) });
  }
  return out;
}

function selectorsOf(spec: ConnSpec, child: ChildSpec, notes: ConfigNote[]): Selector[] {
  const lines = ordered([child.line, ...child.tsLines]);
  const local = side(child.localTs, spec.localAddrs, child.name, 'local', notes, lines);
  const remote = side(child.remoteTs, spec.remoteAddrs, child.name, 'remote', notes, lines);
  return local.flatMap((l) =>
    remote.map((r) => ({
      local: l.prefix,
      remote: r.prefix,
      protocol: l.protocol !== 'ip' ? l.protocol : r.protocol,
      ...(l.port ? { localPort: l.port } : {}),
      ...(r.port ? { remotePort: r.port } : {}),
      lines,
    })),
  );
}

/** A strongSwan ID as an identity match (`@fqdn`, `user@fqdn`, address, DN, `keyid:`). */
function identityMatch(id: string, lines: number[]): IdentityMatch | null {
  if (id === '%any' || id === '') return null;
  const bare = id.replace(/^@{1,2}/, '');
  if (ipv4ToNumber(bare) !== null) return { kind: 'address', value: `${bare}/32`, lines };
  if (id.startsWith('@@') || (!id.startsWith('@') && id.includes('@')))
    return { kind: 'user-fqdn', value: bare, lines };
  if (/^keyid:/i.test(id)) return { kind: 'key-id', value: id.slice(6), lines };
  if (id.includes('=')) return { kind: 'other', value: id, lines };
  return { kind: 'fqdn', value: bare, lines };
}

/** Builds the model parts of one connection. */
export function assemble(spec: ConnSpec): ConnParts {
  const notes: ConfigNote[] = [];
  const ike = ikeProposals(spec, notes);
  const esp = spec.children.flatMap((c) => espProposals(c, notes));
  const pfsList = spec.children.map((c) => pfsOf(c, notes));
  if (new Set(pfsList).size > 1)
    notes.push({
      message: `The children of ${spec.name} disagree on PFS; the first is used.`,
      lines: spec.children.map((c) => c.line),
    });
  const first = spec.children[0];
  const match = spec.remoteId
    ? identityMatch(spec.remoteId, ordered([spec.line, ...spec.idLines]))
    : null;
  const localAddress = spec.localAddrs.find(isAddress);
  const profile: IkeProfile = {
    name: spec.name,
    version: spec.versions[0] ?? 'ikev2',
    matches: match ? [match] : [],
    keyrings: [],
    ...(spec.localAuth ? { localAuth: spec.localAuth } : {}),
    ...(spec.remoteAuth ? { remoteAuth: spec.remoteAuth } : {}),
    lines: ordered([spec.line, ...spec.idLines]),
  };
  const connection: Connection = {
    name: spec.name,
    kind: 'conn',
    peers: spec.remoteAddrs,
    ...(localAddress ? { localAddress } : {}),
    ikeVersions: spec.versions,
    ikeProposals: ike.map((p) => p.name),
    espProposals: esp.map((p) => p.name),
    ...(first ? { pfs: pfsList[0] ?? null, lifetimeSeconds: first.lifetimeSeconds } : {}),
    ...(first?.lifetimeKilobytes !== undefined
      ? { lifetimeKilobytes: first.lifetimeKilobytes }
      : {}),
    selectors: spec.children.flatMap((c) => selectorsOf(spec, c, notes)),
    profile: spec.name,
    appliedTo: [],
    ...(spec.aggressive !== undefined && spec.versions.includes('ikev1')
      ? { exchangeMode: spec.aggressive ? ('aggressive' as const) : ('main' as const) }
      : {}),
    lines: ordered([spec.line, ...spec.lines, ...spec.children.flatMap((c) => c.lines)]),
  };
  return { ikeProposals: ike, espProposals: esp, profile, connection, notes };
}
