/**
 * NAT rules in the order the ASA evaluates them (Cisco ASA configuration guide, "NAT rule order"):
 *
 * 8.3 and later —
 * 1. twice (manual) NAT, `nat (inside,outside) source static A A destination static B B`, in input order;
 * 2. object NAT, `object network X` + ` nat (inside,outside) dynamic interface`: static before
 *    dynamic, then fewer addresses first, then lower address, then object name;
 * 3. twice NAT with `after-auto`, in input order.
 *
 * 8.2 and PIX — `nat (inside) 0 access-list ACL` (exemption) first, then `static`, then
 * `nat (inside) N …` with a matching `global (IF) N` (policy NAT with an access list before plain).
 *
 * An identity rule (real = mapped, source and destination) is `exempt`: VPN traffic keeps its
 * addresses. Anything else is `translate`.
 */
import type { Statement } from '../blocks.ts';
import type { NatRule, Prefix } from '../model.ts';
import { ipv4ToNumber, prefixFromMask } from '../normalise.ts';
import type { Acl } from './acl.ts';
import { type AddressBook, namedPrefixes, type NetworkObject, resolveName } from './addresses.ts';
import {
  integer,
  ipv4,
  isIpv4,
  note,
  type Reader,
  topLevel,
  use,
  withSources,
  word,
} from './text.ts';

/** NAT rules in evaluation order. */
export function natRules(r: Reader, book: AddressBook, acls: ReadonlyMap<string, Acl>): NatRule[] {
  const manual: NatRule[] = [];
  const afterAuto: NatRule[] = [];
  const legacy: { rank: number; rule: NatRule }[] = [];
  for (const s of topLevel(r, 'nat')) {
    if ((s.words[1] ?? '').includes(',')) {
      const rule = twiceNat(r, book, s);
      if (rule) (rule.afterAuto ? afterAuto : manual).push(rule.rule);
    } else legacy.push(...legacyNat(r, book, acls, s));
  }
  for (const s of topLevel(r, 'static')) legacy.push(...legacyStatic(r, book, acls, s));
  const auto = objectNat(r, book);
  return [
    ...manual,
    ...auto,
    ...afterAuto,
    ...legacy.sort((a, b) => a.rank - b.rank).map((x) => x.rule),
  ];
}

// "nat (inside,outside) source static LAN LAN destination static REMOTE REMOTE no-proxy-arp route-lookup"
// "nat (inside,outside) after-auto source dynamic any interface"
function twiceNat(
  r: Reader,
  book: AddressBook,
  s: Statement,
): { rule: NatRule; afterAuto: boolean } | undefined {
  const w = s.words.map((x) => x.toLowerCase());
  let i = 2;
  const afterAuto = w[i] === 'after-auto';
  if (afterAuto) i++;
  if (integer(w[i]) !== undefined) i++;
  if (w[i] !== 'source' || (w[i + 1] !== 'static' && w[i + 1] !== 'dynamic')) {
    note(r, 'NAT rule not understood', [s.line]);
    return undefined;
  }
  const real = operand(book, s.words[i + 2]);
  const mapped = s.words[i + 3] ?? '';
  const d = w.indexOf('destination', i + 4);
  const mappedDst = d > 0 ? operand(book, s.words[d + 2]) : undefined;
  const realDst = d > 0 ? operand(book, s.words[d + 3]) : undefined;
  if (!real || (d > 0 && (!mappedDst || !realDst))) {
    note(r, 'NAT rule refers to objects not in the input', [s.line]);
    return undefined;
  }
  const sourceIdentity = w[i + 1] === 'static' && sameAddresses(real, operand(book, mapped));
  const destinationIdentity = !mappedDst || !realDst || sameAddresses(mappedDst, realDst);
  if (w.includes('inactive')) {
    note(r, 'inactive NAT rule ignored', [s.line]);
    return undefined;
  }
  const lines = withSources(s.line, [...real.lines, ...(realDst?.lines ?? [])]);
  use(r, ...lines);
  return {
    afterAuto,
    rule: {
      kind: sourceIdentity && destinationIdentity ? 'exempt' : 'translate',
      local: real.prefixes,
      remote: realDst?.prefixes ?? ['any'],
      lines,
    },
  };
}

interface Resolved {
  readonly prefixes: Prefix[];
  readonly lines: number[];
}

function operand(book: AddressBook, name: string | undefined): Resolved | undefined {
  if (name === undefined) return undefined;
  if (name.toLowerCase() === 'any') return { prefixes: ['any'], lines: [] };
  const found = namedPrefixes(book, name);
  return found && found.prefixes.length > 0 ? found : undefined;
}

function sameAddresses(a: Resolved | undefined, b: Resolved | undefined): boolean {
  if (!a || !b) return false;
  const key = (x: Resolved): string => [...x.prefixes].sort().join(' ');
  return key(a) === key(b);
}

// object network WEB + " nat (inside,outside) static 203.0.113.10"; object network LAN + " nat (inside,outside) dynamic interface"
function objectNat(r: Reader, book: AddressBook): NatRule[] {
  const rules: { obj: NetworkObject; isStatic: boolean; rule: NatRule }[] = [];
  for (const obj of book.objects.values()) {
    for (const { header, stmt } of obj.nat) {
      const type = word(stmt, 2);
      if (type !== 'static' && type !== 'dynamic') {
        note(r, `object ${obj.name}: NAT rule not understood`, [stmt.line]);
        continue;
      }
      if (obj.prefixes.length === 0) {
        note(r, `object ${obj.name}: NAT rule for an object without addresses in the input`, [
          stmt.line,
        ]);
        continue;
      }
      const mapped = stmt.words[3] ?? '';
      const identity =
        type === 'static' &&
        (mapped === obj.name ||
          sameAddresses(obj, operand(book, mapped)) ||
          sameAddresses(obj, hostOperand(mapped)));
      const lines = withSources(stmt.line, [header, ...obj.lines]);
      use(r, ...lines);
      rules.push({
        obj,
        isStatic: type === 'static',
        rule: {
          kind: identity ? 'exempt' : 'translate',
          local: obj.prefixes,
          remote: ['any'],
          lines,
        },
      });
    }
  }
  return rules.sort((a, b) => compareObjectNat(a, b)).map((x) => x.rule);
}

function hostOperand(w: string): Resolved | undefined {
  return isIpv4(w) ? { prefixes: [`${ipv4(w)}/32`], lines: [] } : undefined;
}

function compareObjectNat(
  a: { obj: NetworkObject; isStatic: boolean },
  b: { obj: NetworkObject; isStatic: boolean },
): number {
  if (a.isStatic !== b.isStatic) return a.isStatic ? -1 : 1;
  return (
    size(a.obj.prefixes) - size(b.obj.prefixes) ||
    firstAddress(a.obj.prefixes) - firstAddress(b.obj.prefixes) ||
    a.obj.name.localeCompare(b.obj.name)
  );
}

function size(prefixes: readonly Prefix[]): number {
  return prefixes.reduce(
    (n, p) => n + (p === 'any' ? 2 ** 32 : 2 ** (32 - Number(p.split('/')[1] ?? 32))),
    0,
  );
}

function firstAddress(prefixes: readonly Prefix[]): number {
  return Math.min(...prefixes.map((p) => ipv4ToNumber(p.split('/')[0] ?? '') ?? 0));
}

/** Legacy ranks: exemption, static, policy NAT, plain dynamic NAT. */
const RANK = { exempt: 0, static: 1, policy: 2, dynamic: 3 };

// "nat (inside) 0 access-list inside_nat0_outbound", "nat (inside) 1 0.0.0.0 0.0.0.0", "nat (inside) 1 access-list POLICY"
function legacyNat(
  r: Reader,
  book: AddressBook,
  acls: ReadonlyMap<string, Acl>,
  s: Statement,
): { rank: number; rule: NatRule }[] {
  const id = integer(s.words[2]);
  if (id === undefined) {
    note(r, 'NAT rule not understood', [s.line]);
    return [];
  }
  const kind = id === 0 ? 'exempt' : 'translate';
  const pool = id > 0 ? globalLines(r, id) : [];
  if (id > 0 && pool.length === 0) {
    note(r, `nat id ${id} has no "global" pool in the input: no translation assumed`, [s.line]);
    return [];
  }
  use(r, s.line);
  if (word(s, 3) === 'access-list') {
    const rank = id === 0 ? RANK.exempt : RANK.policy;
    return aclRules(r, acls, s, s.words[4] ?? '', kind, pool).map((rule) => ({ rank, rule }));
  }
  const local = maskedPrefix(book, s.words[3], s.words[4]);
  if (!local) {
    note(r, 'NAT rule not understood', [s.line]);
    return [];
  }
  return [
    {
      rank: id === 0 ? RANK.exempt : RANK.dynamic,
      rule: { kind, local: [local], remote: ['any'], lines: withSources(s.line, pool) },
    },
  ];
}

// "global (outside) 1 interface"
function globalLines(r: Reader, id: number): number[] {
  const lines = topLevel(r, 'global')
    .filter((g) => integer(g.words[2]) === id)
    .map((g) => g.line);
  use(r, ...lines);
  return lines;
}

// "static (inside,outside) 192.168.1.0 192.168.1.0 netmask 255.255.255.0", "static (inside,outside) 203.0.113.5 access-list WEB"
function legacyStatic(
  r: Reader,
  book: AddressBook,
  acls: ReadonlyMap<string, Acl>,
  s: Statement,
): { rank: number; rule: NatRule }[] {
  const w = s.words.map((x) => x.toLowerCase());
  const pat = w[2] === 'tcp' || w[2] === 'udp';
  const mapped = (pat ? s.words[3] : s.words[2]) ?? '';
  if (!pat && w[3] === 'access-list') {
    use(r, s.line);
    return aclRules(r, acls, s, s.words[4] ?? '', 'translate').map((rule) => ({
      rank: RANK.static,
      rule,
    }));
  }
  const real = pat ? s.words[5] : s.words[3];
  const m = w.indexOf('netmask');
  const mask = m > 0 ? (s.words[m + 1] ?? '') : '255.255.255.255';
  const local = maskedPrefix(book, real, mask);
  if (!local) {
    note(r, 'static NAT rule not understood', [s.line]);
    return [];
  }
  use(r, s.line);
  const identity =
    !pat && real !== undefined && resolveName(book, mapped) === resolveName(book, real);
  return [
    {
      rank: RANK.static,
      rule: {
        kind: identity ? 'exempt' : 'translate',
        local: [local],
        remote: ['any'],
        lines: [s.line],
      },
    },
  ];
}

/** `A MASK` with `name` aliases resolved (`0 0` is PIX for any). */
function maskedPrefix(
  book: AddressBook,
  address: string | undefined,
  mask: string | undefined,
): Prefix | null {
  const a = address === undefined ? undefined : resolveName(book, address);
  return isIpv4(a) && isIpv4(mask) ? prefixFromMask(ipv4(a ?? ''), ipv4(mask ?? '')) : null;
}

function aclRules(
  r: Reader,
  acls: ReadonlyMap<string, Acl>,
  s: Statement,
  name: string,
  kind: NatRule['kind'],
  pool: readonly number[] = [],
): NatRule[] {
  const acl = acls.get(name);
  if (!acl) {
    note(r, `NAT access-list ${name} is not in the input`, [s.line]);
    return [];
  }
  use(r, ...acl.remarks);
  const out: NatRule[] = [];
  for (const e of acl.entries) {
    use(r, ...e.lines);
    if (e.action !== 'permit' || e.inactive) continue;
    out.push({
      kind,
      local: [...e.src],
      remote: [...e.dst],
      lines: withSources(s.line, [...e.lines, ...pool]),
    });
  }
  if (acl.unreadable.length > 0)
    note(r, `access-list ${name}: entries not understood were left out of NAT`, acl.unreadable);
  return out;
}
