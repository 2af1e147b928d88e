/**
 * ASA address book: `name` aliases, `object network` and `object-group network`, and reading an
 * address operand (`any`, `host A`, `A MASK`, `object X`, `object-group G`, `interface IF`) into
 * prefixes. Masks on the ASA are netmasks, never wildcards.
 */
import type { Statement } from '../blocks.ts';
import type { Prefix } from '../model.ts';
import { ipv4ToNumber, numberToIpv4, prefixFromMask, toPrefix } from '../normalise.ts';
import { ipv4, isIpv4, type Reader, startsWith, topLevel, use, word } from './text.ts';

/** An `object network` (definition and, when shown separately, its object NAT lines). */
export interface NetworkObject {
  readonly name: string;
  readonly prefixes: Prefix[];
  /** Definition lines: `object network X` and its `host`/`subnet`/`range`. */
  readonly lines: number[];
  /** ` nat (inside,outside) dynamic interface` sub-commands, with their `object network` line. */
  readonly nat: { readonly header: number; readonly stmt: Statement }[];
}

/** Names, objects and groups of one configuration. */
export interface AddressBook {
  readonly names: ReadonlyMap<string, string>;
  readonly objects: ReadonlyMap<string, NetworkObject>;
  readonly groups: ReadonlyMap<string, Statement>;
  /** Interface nameif → its address, for `interface IF` operands. */
  readonly interfaceAddress: (nameif: string) => string | undefined;
}

/** An operand read into prefixes, the index after it and the definition lines it relied on. */
export interface Operand {
  readonly prefixes: Prefix[];
  readonly next: number;
  readonly lines: number[];
}

/** Reads `name`, `object network` and `object-group network` statements. */
export function addressBook(
  r: Reader,
  interfaceAddress: (nameif: string) => string | undefined,
): AddressBook {
  const names = new Map<string, string>();
  // "name 10.20.0.0 BranchLAN description Branch office LAN"
  for (const s of topLevel(r, 'name')) {
    if (isIpv4(s.words[1]) && s.words[2]) names.set(s.words[2], ipv4(s.words[1] ?? ''));
  }
  const book: AddressBook = { names, objects: new Map(), groups: new Map(), interfaceAddress };
  const objects = book.objects as Map<string, NetworkObject>;
  for (const s of topLevel(r, 'object', 'network')) readObject(book, objects, s);
  const groups = book.groups as Map<string, Statement>;
  for (const s of topLevel(r, 'object-group', 'network')) {
    if (s.words[2]) groups.set(s.words[2], s);
  }
  return book;
}

function readObject(book: AddressBook, objects: Map<string, NetworkObject>, s: Statement): void {
  const name = s.words[2];
  if (!name) return;
  let obj = objects.get(name);
  if (!obj) {
    obj = { name, prefixes: [], lines: [], nat: [] };
    objects.set(name, obj);
  }
  for (const c of s.children) {
    if (startsWith(c, 'nat')) {
      obj.nat.push({ header: s.line, stmt: c });
      continue;
    }
    const found = objectValue(book, c);
    if (found.length === 0) continue;
    obj.prefixes.push(...found);
    if (!obj.lines.includes(s.line)) obj.lines.push(s.line);
    obj.lines.push(c.line);
  }
}

// " host 192.0.2.10", " subnet 10.1.0.0 255.255.0.0", " subnet 2001:db8::/48", " range 10.1.1.10 10.1.1.20"
function objectValue(book: AddressBook, c: Statement): Prefix[] {
  const kind = word(c, 0);
  if (kind === 'host') return hostPrefix(book, c.words[1]);
  if (kind === 'subnet') return maskedPrefix(book, c.words[1], c.words[2]);
  if (kind === 'range') {
    const a = ipv4ToNumber(resolveName(book, c.words[1] ?? ''));
    const b = ipv4ToNumber(resolveName(book, c.words[2] ?? ''));
    return a === null || b === null || b < a ? [] : rangeToPrefixes(a, b);
  }
  return [];
}

/** A `name` alias resolved to its address; other words as they are. */
export function resolveName(book: AddressBook, w: string): string {
  return book.names.get(w) ?? w;
}

function hostPrefix(book: AddressBook, w: string | undefined): Prefix[] {
  if (w === undefined) return [];
  const a = resolveName(book, w);
  if (a.includes(':')) return [`${a.toLowerCase()}/128`];
  const p = isIpv4(a) ? toPrefix(ipv4(a), 32) : null;
  return p ? [p] : [];
}

function maskedPrefix(book: AddressBook, a: string | undefined, m: string | undefined): Prefix[] {
  if (a === undefined) return [];
  const address = resolveName(book, a);
  // IPv6 is written as a prefix: "2001:db8:10::/64"
  if (address.includes(':') && address.includes('/')) return [address.toLowerCase()];
  if (!isIpv4(address) || m === undefined || !isIpv4(m)) return [];
  const p = prefixFromMask(ipv4(address), ipv4(m));
  return p ? [p] : [];
}

/** The fewest prefixes covering an address range (both ends included). */
export function rangeToPrefixes(first: number, last: number): Prefix[] {
  const out: Prefix[] = [];
  let start = first;
  while (start <= last && out.length < 64) {
    let size = 1;
    while (start % (size * 2) === 0 && start + size * 2 - 1 <= last && size < 2 ** 32) size *= 2;
    const p = toPrefix(numberToIpv4(start), 32 - Math.log2(size));
    if (p) out.push(p);
    start += size;
  }
  return out;
}

/** An object or object-group by name, resolved to prefixes (groups nest; loops are cut). */
export function namedPrefixes(
  book: AddressBook,
  name: string,
  seen: Set<string> = new Set(),
): { prefixes: Prefix[]; lines: number[] } | undefined {
  const obj = book.objects.get(name);
  if (obj) return { prefixes: [...obj.prefixes], lines: [...obj.lines] };
  const group = book.groups.get(name);
  if (!group || seen.has(name)) return undefined;
  seen.add(name);
  const prefixes: Prefix[] = [];
  const lines = [group.line];
  for (const c of group.children) {
    const found = groupMember(book, c, seen);
    if (!found) continue;
    prefixes.push(...found.prefixes);
    lines.push(c.line, ...found.lines);
  }
  return { prefixes: [...new Set(prefixes)], lines };
}

// " network-object host 192.0.2.10", " network-object 10.1.0.0 255.255.0.0", " network-object object LAN", " group-object SITES"
function groupMember(
  book: AddressBook,
  c: Statement,
  seen: Set<string>,
): { prefixes: Prefix[]; lines: number[] } | undefined {
  if (startsWith(c, 'group-object')) return namedPrefixes(book, c.words[1] ?? '', seen);
  if (!startsWith(c, 'network-object')) return undefined;
  if (word(c, 1) === 'object') return namedPrefixes(book, c.words[2] ?? '', seen);
  if (word(c, 1) === 'host') return { prefixes: hostPrefix(book, c.words[2]), lines: [] };
  return { prefixes: maskedPrefix(book, c.words[1], c.words[2]), lines: [] };
}

/**
 * Reads an address operand starting at `words[i]`: `any`/`any4`/`any6`, `host A`, `A MASK`,
 * `object X`, `object-group G`, `interface IF`, an IPv6 prefix. Undefined when unreadable.
 */
export function readOperand(
  book: AddressBook,
  words: readonly string[],
  i: number,
): Operand | undefined {
  const w = (words[i] ?? '').toLowerCase();
  if (w === 'any' || w === 'any4') return { prefixes: ['any'], next: i + 1, lines: [] };
  if (w === 'any6') return { prefixes: ['::/0'], next: i + 1, lines: [] };
  if (w === 'host') {
    const p = hostPrefix(book, words[i + 1]);
    return p.length > 0 ? { prefixes: p, next: i + 2, lines: [] } : undefined;
  }
  if (w === 'object' || w === 'object-group') {
    const found = namedPrefixes(book, words[i + 1] ?? '');
    return found && found.prefixes.length > 0 ? { ...found, next: i + 2 } : undefined;
  }
  if (w === 'interface') {
    const a = book.interfaceAddress(words[i + 1] ?? '');
    const p = a ? toPrefix(a, 32) : null;
    return p ? { prefixes: [p], next: i + 2, lines: [] } : undefined;
  }
  const raw = words[i] ?? '';
  if (raw.includes(':') && raw.includes('/')) {
    return { prefixes: [raw.toLowerCase()], next: i + 1, lines: [] };
  }
  const p = maskedPrefix(book, raw, words[i + 1]);
  return p.length > 0 ? { prefixes: p, next: i + 2, lines: [] } : undefined;
}

/** Marks the definition lines an operand relied on as read. */
export function useOperand(r: Reader, o: Operand): void {
  use(r, ...o.lines);
}
