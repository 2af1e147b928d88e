/**
 * ASA access lists as far as a crypto map or a NAT exemption uses them:
 * `access-list NAME [line N] [extended] permit|deny PROTO SRC [PORTS] DST [PORTS] [log …] [inactive]`.
 * The form without `extended` is PIX 6 / ASA 7 (`access-list VPN permit ip A M B M`).
 */
import type { Statement } from '../blocks.ts';
import type { Prefix, Selector } from '../model.ts';
import { type AddressBook, readOperand } from './addresses.ts';
import { integer, note, type Reader, topLevel, use, withSources } from './text.ts';

/** One access-list entry read into prefixes. */
export interface AclEntry {
  readonly action: 'permit' | 'deny';
  readonly protocol: string;
  readonly src: readonly Prefix[];
  readonly dst: readonly Prefix[];
  readonly srcPort?: string;
  readonly dstPort?: string;
  readonly inactive: boolean;
  /** The access-list line and the object definitions it relied on. */
  readonly lines: readonly number[];
}

/** An access list: its readable entries and the lines it could not read. */
export interface Acl {
  readonly entries: AclEntry[];
  readonly unreadable: number[];
  readonly remarks: number[];
}

/** Protocol words kept as they are; numbers are kept too. */
const PROTOCOLS = new Set([
  'ip',
  'tcp',
  'udp',
  'icmp',
  'icmp6',
  'gre',
  'esp',
  'ah',
  'sctp',
  'ipinip',
]);

/** Every access list in the configuration, by name (no line is marked read here). */
export function readAcls(r: Reader, book: AddressBook): Map<string, Acl> {
  const acls = new Map<string, Acl>();
  for (const s of topLevel(r, 'access-list')) {
    const name = s.words[1];
    if (!name) continue;
    let acl = acls.get(name);
    if (!acl) {
      acl = { entries: [], unreadable: [], remarks: [] };
      acls.set(name, acl);
    }
    const entry = readEntry(book, s);
    if (entry === 'remark') acl.remarks.push(s.line);
    else if (entry) acl.entries.push(entry);
    else acl.unreadable.push(s.line);
  }
  return acls;
}

function readEntry(book: AddressBook, s: Statement): AclEntry | 'remark' | undefined {
  const w = s.words.map((x) => x.toLowerCase());
  let i = 2;
  // "access-list VPN_NO_NAT line 1 permit ip …" (a line number as typed)
  if (w[i] === 'line' && integer(w[i + 1]) !== undefined) i += 2;
  if (w[i] === 'remark') return 'remark';
  if (w[i] === 'extended') i++;
  const action = w[i];
  if (action !== 'permit' && action !== 'deny') return undefined;
  const protocol = w[i + 1] ?? '';
  if (!PROTOCOLS.has(protocol) && integer(protocol) === undefined) return undefined;
  const src = readOperand(book, s.words, i + 2);
  if (!src) return undefined;
  const srcPort = readPort(book, s.words, src.next, protocol);
  const dst = readOperand(book, s.words, srcPort.next);
  if (!dst) return undefined;
  const dstPort = readPort(book, s.words, dst.next, protocol);
  return {
    action,
    protocol,
    src: src.prefixes,
    dst: dst.prefixes,
    ...(srcPort.port !== undefined ? { srcPort: srcPort.port } : {}),
    ...(dstPort.port !== undefined ? { dstPort: dstPort.port } : {}),
    inactive: w.includes('inactive'),
    lines: withSources(s.line, [...src.lines, ...dst.lines]),
  };
}

// "eq 443", "eq https", "range 1000 2000", "gt 1023", "object-group WEB_PORTS"
function readPort(
  book: AddressBook,
  words: readonly string[],
  i: number,
  protocol: string,
): { port?: string; next: number } {
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') return { next: i };
  const op = (words[i] ?? '').toLowerCase();
  if (op === 'eq') return { port: words[i + 1] ?? '', next: i + 2 };
  if (op === 'range') return { port: `${words[i + 1] ?? ''}-${words[i + 2] ?? ''}`, next: i + 3 };
  if (op === 'lt' || op === 'gt' || op === 'neq') {
    return { port: `${op} ${words[i + 1] ?? ''}`, next: i + 2 };
  }
  // A service group in port position, not a network group in address position.
  if (op === 'object-group' && !book.groups.has(words[i + 1] ?? '')) {
    return { port: `object-group ${words[i + 1] ?? ''}`, next: i + 2 };
  }
  return { next: i };
}

/**
 * The selectors a crypto ACL gives: each active permit entry, source × destination. Deny entries
 * cannot be selectors (they send the traffic out in clear): they, inactive and unreadable lines
 * become notes. Marks every line of the ACL it read.
 */
export function selectorsOf(r: Reader, name: string, acl: Acl): Selector[] {
  const out: Selector[] = [];
  use(r, ...acl.remarks);
  for (const e of acl.entries) {
    use(r, ...e.lines);
    if (e.action !== 'permit' || e.inactive) continue;
    for (const local of e.src) {
      for (const remote of e.dst) {
        out.push({
          local,
          remote,
          protocol: e.protocol,
          ...(e.srcPort !== undefined ? { localPort: e.srcPort } : {}),
          ...(e.dstPort !== undefined ? { remotePort: e.dstPort } : {}),
          lines: e.lines,
        });
      }
    }
  }
  reportSkipped(r, name, acl);
  return out;
}

function reportSkipped(r: Reader, name: string, acl: Acl): void {
  const deny = acl.entries.filter((e) => e.action === 'deny').map((e) => e.lines[0] ?? 0);
  if (deny.length > 0) {
    note(
      r,
      `access-list ${name}: deny entries are not selectors: matching traffic skips this entry (the next crypto map entry is tried)`,
      deny,
    );
  }
  const inactive = acl.entries.filter((e) => e.inactive).map((e) => e.lines[0] ?? 0);
  if (inactive.length > 0) note(r, `access-list ${name}: inactive entries are ignored`, inactive);
  if (acl.unreadable.length > 0) {
    note(
      r,
      `access-list ${name}: entries with objects or forms this reader cannot resolve were left out`,
      acl.unreadable,
    );
  }
}
