/**
 * Crypto maps and dynamic crypto maps as connections: one per entry, bound to the interfaces the
 * map is applied to, with selectors from the permit entries of its `match address` ACL.
 */
import type { Connection, Selector } from '../model.ts';
import { aceSelectors, useAcl, type Ace, type Acl } from './acl.ts';
import { note, use, type Ctx } from './context.ts';
import { findInterface, resolveAddress } from './interfaces.ts';
import {
  ikeSide,
  newDraft,
  readPolicyLine,
  saSide,
  type Globals,
  type PolicyDraft,
} from './policy.ts';
import { is, type Node } from './tree.ts';

interface Entry extends PolicyDraft {
  readonly map: string;
  readonly sequence: number;
  /** `ipsec-isakmp dynamic DYN`: the dynamic map this entry stands for. */
  readonly dynamic?: string;
}

function readEntry(node: Node, ctx: Ctx, isDynamicMap: boolean): Entry | null {
  const [map = '', seq = ''] = node.words.slice(2);
  const type = node.key[4] ?? 'ipsec-isakmp';
  const where = `crypto ${isDynamicMap ? 'dynamic-map' : 'map'} ${map} ${seq}`;
  if (!isDynamicMap && type !== 'ipsec-isakmp') {
    const what =
      type === 'gdoi'
        ? 'a GDOI group member entry (keys come from the key server)'
        : `an ${type} entry`;
    note(ctx, `${where} is ${what}: not modelled as a two-peer tunnel`, [
      node.line,
      ...node.children.map((c) => c.line),
    ]);
    return null;
  }
  const dynamic = is(node.key.slice(4), 'ipsec-isakmp', 'dynamic') ? node.words[6] : undefined;
  const e: Entry = {
    ...newDraft(node, ctx),
    map,
    sequence: Number(seq),
    ...(dynamic ? { dynamic } : {}),
  };
  for (const c of node.children) readPolicyLine(e, c, ctx, where);
  return e;
}

function isDenyAll(a: Ace): boolean {
  const any = (xs: Ace['src']): boolean => xs.every((x) => x.prefix === 'any');
  return a.protocol === 'ip' && any(a.src) && any(a.dst);
}

/** Selectors from the crypto ACL's permit entries; deny entries and a missing ACL are noted. */
function selectorsOf(acls: Map<string, Acl>, e: Entry, ctx: Ctx, where: string): Selector[] {
  if (!e.acl) return [];
  const acl = useAcl(acls, e.acl, ctx, where);
  if (!acl) {
    note(
      ctx,
      `${where}: match address ${e.acl}, but no such access list is configured`,
      e.lines.slice(0, 1),
    );
    return [];
  }
  // A final `deny ip any any` only repeats the implicit deny: not worth a note.
  const denies = acl.aces.filter((a) => a.action === 'deny' && !isDenyAll(a));
  if (denies.length > 0)
    note(
      ctx,
      `access list ${e.acl}: deny entries in a crypto ACL send that traffic unencrypted; they are not selectors`,
      denies.map((a) => a.line),
    );
  return acl.aces.filter((a) => a.action === 'permit').flatMap(aceSelectors);
}

function connectionOf(
  e: Entry,
  kind: 'crypto-map' | 'dynamic-map',
  appliedTo: string[],
  localAddress: string | undefined,
  acls: Map<string, Acl>,
  g: Globals,
  ctx: Ctx,
): Connection {
  const where = `${kind === 'crypto-map' ? 'crypto map' : 'dynamic map'} ${e.map} ${e.sequence}`;
  if (e.transformSets.length === 0)
    note(ctx, `${where} sets no transform set`, e.lines.slice(0, 1));
  if (kind === 'crypto-map' && e.peers.length === 0)
    note(ctx, `${where} has no set peer: IOS keeps the entry disabled`, e.lines.slice(0, 1));
  if (kind === 'crypto-map' && !e.acl)
    note(ctx, `${where} has no match address: IOS keeps the entry disabled`, e.lines.slice(0, 1));
  const vrf = appliedTo[0] ? findInterface(g.interfaces, appliedTo[0])?.vrf : undefined;
  return {
    name: `${e.map} ${e.sequence}`,
    kind,
    sequence: e.sequence,
    peers: e.peers,
    ...(localAddress ? { localAddress } : {}),
    ...ikeSide(e, g, ctx, where, localAddress, vrf),
    espProposals: e.transformSets,
    ...saSide(e, g),
    selectors: selectorsOf(acls, e, ctx, where),
    ...(e.acl ? { acl: e.acl } : {}),
    appliedTo,
    lines: e.lines,
  };
}

/** Groups entries by map name, in sequence order. */
function byMap(entries: readonly Entry[]): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  for (const e of entries) out.set(e.map, [...(out.get(e.map) ?? []), e]);
  for (const list of out.values()) list.sort((a, b) => a.sequence - b.sequence);
  return out;
}

/** Crypto map and dynamic map connections. `localAddressLines` are `crypto map X local-address IF`. */
export function cryptoMapConnections(
  mapNodes: readonly Node[],
  dynamicNodes: readonly Node[],
  localAddressLines: readonly Node[],
  acls: Map<string, Acl>,
  g: Globals,
  ctx: Ctx,
): Connection[] {
  const maps = byMap(mapNodes.flatMap((n) => readEntry(n, ctx, false) ?? []));
  const otherMaps = new Set(
    mapNodes.filter((n) => (n.key[4] ?? 'ipsec-isakmp') !== 'ipsec-isakmp').map((n) => n.words[2]),
  );
  const dynamics = byMap(dynamicNodes.flatMap((n) => readEntry(n, ctx, true) ?? []));
  const localIf = new Map(
    localAddressLines.map((n) => [n.words[2] ?? '', n.words[4] ?? ''] as const),
  );
  for (const n of localAddressLines) use(ctx, n);
  const out: Connection[] = [];
  const dynamicUse = new Map<string, { appliedTo: string[]; local?: string }>();
  for (const [name, entries] of maps) {
    const appliedTo = g.interfaces.filter((i) => i.cryptoMap === name).map((i) => i.name);
    if (appliedTo.length === 0)
      note(
        ctx,
        `crypto map ${name} is not applied to any interface`,
        entries[0]?.lines.slice(0, 1) ?? [],
      );
    const local = resolveAddress(g.interfaces, localIf.get(name) ?? appliedTo[0]);
    for (const e of entries) {
      if (e.dynamic) {
        dynamicUse.set(e.dynamic, { appliedTo, ...(local ? { local } : {}) });
        if (!dynamics.has(e.dynamic))
          note(
            ctx,
            `crypto map ${name} ${e.sequence} uses dynamic map ${e.dynamic}, which is not configured`,
            e.lines,
          );
        continue;
      }
      out.push(connectionOf(e, 'crypto-map', appliedTo, local, acls, g, ctx));
    }
  }
  for (const [name, entries] of dynamics) {
    const used = dynamicUse.get(name);
    if (!used)
      note(
        ctx,
        `dynamic map ${name} is not used by any crypto map`,
        entries[0]?.lines.slice(0, 1) ?? [],
      );
    for (const e of entries)
      out.push(connectionOf(e, 'dynamic-map', used?.appliedTo ?? [], used?.local, acls, g, ctx));
  }
  for (const i of g.interfaces)
    if (i.cryptoMap && !maps.has(i.cryptoMap) && !otherMaps.has(i.cryptoMap))
      note(
        ctx,
        `${i.name} applies crypto map ${i.cryptoMap}, which has no entries here`,
        i.lines.slice(0, 1),
      );
  return out;
}
