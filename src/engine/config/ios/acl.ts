/**
 * IOS access lists (named `ip access-list extended|standard` and numbered `access-list N`) and
 * network object-groups, read into entries whose addresses are prefixes. Crypto maps turn the
 * permit entries into selectors; NAT turns deny/permit entries into exempt/translate rules.
 *
 * An ACL's lines count as read only when a crypto map or a NAT statement uses it.
 */
import type { Prefix, Selector } from '../model.ts';
import {
  ipv4ToNumber,
  numberToIpv4,
  prefixFromMask,
  prefixFromWildcard,
  toPrefix,
} from '../normalise.ts';
import { note, type Ctx } from './context.ts';
import { descendants, is, type Node } from './tree.ts';

/** An address of an entry and the object-group member line it came from, if any. */
export interface Addr {
  readonly prefix: Prefix;
  readonly line?: number;
}

/** One access-list entry. */
export interface Ace {
  readonly action: 'permit' | 'deny';
  readonly protocol: string;
  readonly src: readonly Addr[];
  readonly dst: readonly Addr[];
  readonly srcPort?: string;
  readonly dstPort?: string;
  readonly line: number;
}

/** One access list, with the problems found while reading it (reported when it is used). */
export interface Acl {
  readonly name: string;
  readonly aces: Ace[];
  readonly lines: number[];
  readonly problems: { message: string; line: number }[];
  reported: boolean;
}

interface Group {
  readonly members: Node[];
  readonly line: number;
}

/** An ACE sequence number (`10 permit ip …`) or an access-list number. */
const NUMBER = /^\d{1,10}$/;
const PORT_OPERATORS = new Set(['eq', 'neq', 'lt', 'gt']);

/** The covering prefixes of an address range (`range 10.0.0.1 10.0.0.6` → 4 prefixes). */
export function rangeToPrefixes(first: string, last: string): Prefix[] {
  let lo = ipv4ToNumber(first);
  const hi = ipv4ToNumber(last);
  if (lo === null || hi === null || hi < lo) return [];
  const out: Prefix[] = [];
  while (lo <= hi && out.length < 64) {
    let size = 1;
    while (size < 2 ** 32 && lo % (size * 2) === 0 && lo + size * 2 - 1 <= hi) size *= 2;
    out.push(toPrefix(numberToIpv4(lo), 32 - Math.log2(size)) ?? '');
    lo += size;
  }
  return out;
}

/** Resolves an object-group to addresses (nested `group-object`s followed, loops cut). */
function groupAddresses(
  groups: Map<string, Group>,
  name: string,
  seen: Set<string>,
): Addr[] | null {
  const g = groups.get(name);
  if (!g || seen.has(name)) return null;
  seen.add(name);
  const out: Addr[] = [];
  for (const m of g.members) {
    const [kw = '', a = '', b = ''] = m.key;
    if (kw === 'host') out.push({ prefix: toPrefix(a, 32) ?? a, line: m.line });
    else if (kw === 'any') out.push({ prefix: 'any', line: m.line });
    else if (kw === 'range')
      out.push(...rangeToPrefixes(a, b).map((prefix) => ({ prefix, line: m.line })));
    else if (kw === 'group-object')
      out.push(...(groupAddresses(groups, m.words[1] ?? '', seen) ?? []));
    else if (kw !== 'description') {
      const p = prefixFromMask(kw, a);
      if (!p) return null;
      out.push({ prefix: p, line: m.line });
    }
  }
  return out;
}

type Cursor = { i: number };

/** An address spec at the cursor: `any`, `host A`, `A WILDCARD`, `object-group G`. */
function addressSpec(
  words: readonly string[],
  at: Cursor,
  groups: Map<string, Group>,
  standard: boolean,
): Addr[] | null {
  // Keywords in lower case; the second word as written (object-group names are case-sensitive).
  const w0 = words[at.i]?.toLowerCase() ?? '';
  const w1 = words[at.i + 1] ?? '';
  at.i += w0 === 'any' ? 1 : 2;
  if (w0 === 'any') return [{ prefix: 'any' }];
  if (w0 === 'host') return ipv4ToNumber(w1) === null ? null : [{ prefix: toPrefix(w1, 32) ?? w1 }];
  if (w0 === 'object-group') return groupAddresses(groups, w1, new Set());
  if (standard && (w1 === '' || w1.toLowerCase() === 'log')) {
    at.i -= 1;
    return ipv4ToNumber(w0) === null ? null : [{ prefix: toPrefix(w0, 32) ?? w0 }];
  }
  const p = prefixFromWildcard(w0, w1);
  return p ? [{ prefix: p }] : null;
}

/** A port spec at the cursor (`eq 500`, `range 1000 2000`), for TCP/UDP only. */
function portSpec(k: readonly string[], at: Cursor): string | undefined {
  const op = k[at.i] ?? '';
  if (PORT_OPERATORS.has(op) && k[at.i + 1]) {
    at.i += 2;
    return `${op} ${k[at.i - 1]}`;
  }
  if (op === 'range' && k[at.i + 2]) {
    at.i += 3;
    return `range ${k[at.i - 2]} ${k[at.i - 1]}`;
  }
  return undefined;
}

/** Reads one entry (`permit ip A W B W`, `deny udp any host A eq 500`, standard `permit A W`). */
function readAce(
  words: readonly string[],
  line: number,
  groups: Map<string, Group>,
  standard: boolean,
): Ace | string {
  const k = words.map((w) => w.toLowerCase());
  const action = k[0];
  if (action !== 'permit' && action !== 'deny') return 'not a permit or deny entry';
  const at: Cursor = { i: standard ? 1 : 2 };
  const protocol = standard ? 'ip' : (k[1] ?? '');
  if (protocol === 'object-group') return 'service object-groups are not read';
  const src = addressSpec(words, at, groups, standard);
  if (!src) return 'source address not read (non-contiguous wildcard or unknown object-group)';
  const ported = protocol === 'tcp' || protocol === 'udp';
  const srcPort = ported ? portSpec(k, at) : undefined;
  const dst = standard ? [{ prefix: 'any' }] : addressSpec(words, at, groups, false);
  if (!dst) return 'destination address not read (non-contiguous wildcard or unknown object-group)';
  const dstPort = ported ? portSpec(k, at) : undefined;
  return {
    action,
    protocol,
    src,
    dst,
    ...(srcPort ? { srcPort } : {}),
    ...(dstPort ? { dstPort } : {}),
    line,
  };
}

/** Numbered standard lists: 1–99 and 1300–1999. */
function isStandardNumber(n: number): boolean {
  return (n >= 1 && n <= 99) || (n >= 1300 && n <= 1999);
}

function addEntry(
  acl: Acl,
  words: readonly string[],
  line: number,
  groups: Map<string, Group>,
  standard: boolean,
): void {
  acl.lines.push(line);
  const w = NUMBER.test(words[0] ?? '') ? words.slice(1) : words;
  const kw = w[0]?.toLowerCase();
  if (kw === 'remark' || kw === undefined) return;
  const ace = readAce(w, line, groups, standard);
  if (typeof ace === 'string') acl.problems.push({ message: ace, line });
  else acl.aces.push(ace);
}

/** Reads every access list and network object-group of the configuration (top-level nodes). */
export function readAcls(nodes: readonly Node[]): Map<string, Acl> {
  const groups = new Map<string, Group>();
  for (const n of nodes)
    if (is(n.key, 'object-group', 'network') && n.words[2])
      groups.set(n.words[2], { members: n.children.flatMap(descendants), line: n.line });
  const acls = new Map<string, Acl>();
  const get = (name: string): Acl => {
    const found = acls.get(name);
    if (found) return found;
    const made: Acl = { name, aces: [], lines: [], problems: [], reported: false };
    acls.set(name, made);
    return made;
  };
  for (const n of nodes) {
    if (is(n.key, 'ip', 'access-list') && n.words[3]) {
      const acl = get(n.words[3]);
      acl.lines.push(n.line);
      const standard = n.key[2] === 'standard';
      for (const c of n.children) addEntry(acl, c.words, c.line, groups, standard);
    } else if (n.key[0] === 'access-list' && NUMBER.test(n.key[1] ?? '')) {
      addEntry(
        get(n.words[1] ?? ''),
        n.words.slice(2),
        n.line,
        groups,
        isStandardNumber(Number(n.key[1])),
      );
    }
  }
  for (const acl of acls.values())
    for (const ace of acl.aces)
      for (const a of [...ace.src, ...ace.dst]) if (a.line !== undefined) acl.lines.push(a.line);
  for (const g of groups.values())
    for (const acl of acls.values())
      if (
        acl.aces.some((a) =>
          [...a.src, ...a.dst].some((x) => g.members.some((m) => m.line === x.line)),
        )
      )
        acl.lines.push(g.line);
  return acls;
}

/** The access list `name`, its lines marked read and its problems noted (once). */
export function useAcl(
  acls: Map<string, Acl>,
  name: string,
  ctx: Ctx,
  user: string,
): Acl | undefined {
  const acl = acls.get(name);
  if (!acl) {
    return undefined;
  }
  for (const l of acl.lines) ctx.used.add(l);
  if (!acl.reported) {
    acl.reported = true;
    for (const p of acl.problems)
      note(ctx, `access list ${name} (used by ${user}): ${p.message}`, [p.line]);
  }
  return acl;
}

/** The selectors of one entry: every source × destination pair, with the entry's and members' lines. */
export function aceSelectors(ace: Ace): Selector[] {
  return ace.src.flatMap((s) =>
    ace.dst.map((d) => ({
      local: s.prefix,
      remote: d.prefix,
      protocol: ace.protocol,
      ...(ace.srcPort ? { localPort: ace.srcPort } : {}),
      ...(ace.dstPort ? { remotePort: ace.dstPort } : {}),
      lines: [ace.line, ...[s.line, d.line].filter((l): l is number => l !== undefined)],
    })),
  );
}
