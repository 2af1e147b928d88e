/**
 * Crypto map entries → connections. A static entry is one connection; an entry that points at a
 * dynamic map (`ipsec-isakmp dynamic DYN`) stands for that dynamic map's entries, which follow in
 * its place (the ASA tries them at the static entry's sequence number).
 *
 * IKE versions come from the set-commands (`set ikev1 transform-set`, 8.2 `set transform-set`,
 * `set ikev2 ipsec-proposal`), kept only if that version is enabled on an interface the map is
 * applied to — when the input shows any `crypto ikev1|ikev2 enable` at all.
 *
 * Without `set security-association lifetime`, the global `crypto ipsec security-association
 * lifetime` applies, else the ASA defaults of 28800 s and 4608000 KB (noted once).
 */
import type { IkeVersion } from '../../../knowledge/schema.ts';
import type { Connection, Interface } from '../model.ts';
import { addressOf } from '../normalise.ts';
import { type Acl, selectorsOf } from './acl.ts';
import { type AddressBook, resolveName } from './addresses.ts';
import { type Binding, cryptoMapEntries, type Entry } from './crypto_map_entries.ts';
import type { IkeEnable } from './interfaces.ts';
import { integer, note, type Reader, topLevel, use, word } from './text.ts';

/** What connections are resolved against. */
export interface Context {
  readonly book: AddressBook;
  readonly acls: ReadonlyMap<string, Acl>;
  readonly interfaces: readonly Interface[];
  readonly enabled: readonly IkeEnable[];
  readonly tunnelGroups: readonly string[];
}

/** The global `crypto ipsec security-association lifetime` values and the line of each. */
interface GlobalLifetime {
  seconds?: { value: number; line: number };
  kilobytes?: { value: number; line: number };
}

const DEFAULT_SECONDS = 28800;
const DEFAULT_KILOBYTES = 4608000;

/** Connections in the order the ASA evaluates them, and the interface bindings. */
export function connections(
  r: Reader,
  ctx: Context,
): { connections: Connection[]; bindings: Binding[] } {
  const { entries, bindings } = cryptoMapEntries(r);
  const global = globalLifetime(r);
  const out: Connection[] = [];
  const statics = entries.filter((x) => !x.dynamic);
  const referenced = new Set<string>();
  for (const e of statics) {
    if (!e.dynamicRef) {
      incomplete(r, e);
      out.push(
        connection(
          r,
          ctx,
          e,
          bindings.filter((b) => b.map === e.map),
          [],
          global,
        ),
      );
      continue;
    }
    const ref = e.dynamicRef.name;
    const dyn = entries.filter((x) => x.dynamic && x.map === ref);
    if (dyn.length === 0) {
      note(r, `crypto map ${e.map} ${e.sequence}: dynamic map ${ref} is not in the input`, e.lines);
    }
    if (referenced.has(ref)) continue;
    referenced.add(ref);
    // One dynamic map may serve several crypto maps: its entries come once, at the first use,
    // applied wherever any of those maps is.
    const users = statics.filter((x) => x.dynamicRef?.name === ref);
    const appliedTo = bindings.filter((b) => users.some((u) => u.map === b.map));
    const via = users.flatMap((u) => u.lines);
    for (const d of dyn) out.push(connection(r, ctx, d, appliedTo, via, global));
  }
  for (const d of entries.filter((x) => x.dynamic && !referenced.has(x.map))) {
    out.push(connection(r, ctx, d, [], [], global));
    note(r, `crypto dynamic-map ${d.map} is not used by any crypto map entry`, [d.lines[0] ?? 0]);
  }
  for (const b of bindings) use(r, b.line);
  unbound(r, entries, bindings);
  return { connections: out, bindings };
}

/** A static entry without peer, ACL or proposals is incomplete: the ASA does not use it. */
function incomplete(r: Reader, e: Entry): void {
  const missing = [
    ...(e.peers ? [] : ['set peer']),
    ...(e.acl ? [] : ['match address']),
    ...(e.v1Sets.length + e.v2Proposals.length > 0 ? [] : ['a transform set / IPsec proposal']),
  ];
  if (missing.length === 0) return;
  const what = `crypto map ${e.map} ${e.sequence}`;
  note(
    r,
    `${what} is incomplete in the input (missing ${missing.join(', ')}); the ASA does not use an incomplete entry`,
    [e.lines[0] ?? 0],
  );
}

function connection(
  r: Reader,
  ctx: Context,
  e: Entry,
  bindings: readonly Binding[],
  via: readonly number[],
  global: GlobalLifetime,
): Connection {
  use(r, ...e.lines, ...via);
  const name = `${e.map} ${e.sequence}`;
  const label = `${e.dynamic ? 'crypto dynamic-map' : 'crypto map'} ${name}`;
  const appliedTo = [...new Set(bindings.map((b) => b.nameif))];
  const peers = (e.peers?.values ?? []).map((p) => resolveName(ctx.book, p));
  const acl = e.acl ? ctx.acls.get(e.acl.name) : undefined;
  if (e.acl && !acl)
    note(r, `${label}: access-list ${e.acl.name} is not in the input`, [e.acl.line]);
  const local = ctx.interfaces.find((i) => i.nameif !== undefined && appliedTo.includes(i.nameif));
  const localAddress = local?.addresses[0];
  const lifetime = lifetimeOf(r, e, global, label);
  const profile = profileFor(ctx, peers);
  if (e.connectionType && e.connectionType.type !== 'bidirectional') {
    note(r, `${label}: connection-type ${e.connectionType.type}`, [e.connectionType.line]);
  }
  if (e.natTDisabled) note(r, `${label}: NAT-T disabled for this entry`, [e.natTDisabled]);
  return {
    name,
    kind: e.dynamic ? 'dynamic-map' : 'crypto-map',
    sequence: e.sequence,
    peers,
    ...(localAddress ? { localAddress: addressOf(localAddress) } : {}),
    ikeVersions: versions(r, ctx, e, label, appliedTo),
    ikeProposals: [],
    espProposals: [
      ...new Set(
        [...e.v1Sets, ...e.v2Proposals].sort((a, b) => a.line - b.line).flatMap((s) => s.names),
      ),
    ],
    pfs: e.pfs ? e.pfs.group : null,
    selectors: acl && e.acl ? selectorsOf(r, e.acl.name, acl) : [],
    ...(e.acl ? { acl: e.acl.name } : {}),
    ...lifetime,
    ...(profile ? { profile } : {}),
    appliedTo,
    ...(e.exchangeMode ? { exchangeMode: e.exchangeMode.mode } : {}),
    lines: [
      ...new Set([
        ...e.lines,
        ...via,
        ...bindings.map((b) => b.line),
        ...(e.seconds === undefined && global.seconds ? [global.seconds.line] : []),
        ...(e.kilobytes === undefined && global.kilobytes ? [global.kilobytes.line] : []),
      ]),
    ],
  };
}

function versions(
  r: Reader,
  ctx: Context,
  e: Entry,
  label: string,
  appliedTo: readonly string[],
): IkeVersion[] {
  const wanted: { version: IkeVersion; line: number }[] = [];
  if (e.v1Sets[0]) wanted.push({ version: 'ikev1', line: e.v1Sets[0].line });
  if (e.v2Proposals[0]) wanted.push({ version: 'ikev2', line: e.v2Proposals[0].line });
  if (ctx.enabled.length === 0 || appliedTo.length === 0) return wanted.map((w) => w.version);
  const on = wanted.filter((w) =>
    ctx.enabled.some((x) => x.version === w.version && appliedTo.includes(x.interface)),
  );
  for (const w of wanted.filter((x) => !on.includes(x))) {
    note(
      r,
      `${label}: ${w.version} is not enabled on ${appliedTo.join(', ')} (crypto ${w.version} enable …), so its proposals are not used`,
      [w.line],
    );
  }
  return on.map((w) => w.version);
}

function lifetimeOf(
  r: Reader,
  e: Entry,
  global: GlobalLifetime,
  label: string,
): { lifetimeSeconds: number; lifetimeKilobytes: number } {
  const seconds = e.seconds ?? global.seconds?.value;
  const kilobytes = e.kilobytes ?? global.kilobytes?.value;
  const missing = [
    ...(seconds === undefined ? [`${DEFAULT_SECONDS} s`] : []),
    ...(kilobytes === undefined ? [`${DEFAULT_KILOBYTES} KB`] : []),
  ];
  if (missing.length > 0) {
    note(r, `${label}: IPsec SA lifetime not set; ASA default ${missing.join(' / ')} assumed`, [
      e.lines[0] ?? 0,
    ]);
  }
  return {
    lifetimeSeconds: seconds ?? DEFAULT_SECONDS,
    lifetimeKilobytes: kilobytes ?? DEFAULT_KILOBYTES,
  };
}

// "crypto ipsec security-association lifetime seconds 28800", "… lifetime kilobytes 4608000"
function globalLifetime(r: Reader): GlobalLifetime {
  const out: GlobalLifetime = {};
  for (const s of topLevel(r, 'crypto', 'ipsec', 'security-association', 'lifetime')) {
    for (let i = 4; i + 1 < s.words.length; i += 2) {
      const value = integer(s.words[i + 1]);
      if (value === undefined) continue;
      if (word(s, i) === 'seconds') out.seconds = { value, line: s.line };
      if (word(s, i) === 'kilobytes') out.kilobytes = { value, line: s.line };
      use(r, s.line);
    }
  }
  return out;
}

/** The tunnel group the ASA would pick for these peers: one named after a peer, else DefaultL2LGroup. */
function profileFor(ctx: Context, peers: readonly string[]): string | undefined {
  return (
    peers.find((p) => ctx.tunnelGroups.includes(p)) ??
    (ctx.tunnelGroups.includes('DefaultL2LGroup') ? 'DefaultL2LGroup' : undefined)
  );
}

function unbound(r: Reader, entries: readonly Entry[], bindings: readonly Binding[]): void {
  if (bindings.length === 0) return;
  const maps = new Set(entries.filter((e) => !e.dynamic).map((e) => e.map));
  for (const m of maps) {
    if (bindings.some((b) => b.map === m)) continue;
    const first = entries.find((e) => e.map === m && !e.dynamic);
    note(r, `crypto map ${m} is not applied to any interface (no "crypto map ${m} interface …")`, [
      first?.lines[0] ?? 0,
    ]);
  }
}
