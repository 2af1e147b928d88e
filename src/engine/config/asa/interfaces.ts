/**
 * Host name, interfaces (ASA `interface` blocks with `nameif`; PIX 6 `nameif ethernet0 outside
 * security0` + `ip address outside A M`), static routes and the per-interface IKE switches.
 */
import type { IkeVersion } from '../../../knowledge/schema.ts';
import type { Statement } from '../blocks.ts';
import type { Interface, Lines, Prefix, Route } from '../model.ts';
import { maskToLength, prefixFromMask } from '../normalise.ts';
import {
  integer,
  ipv4,
  isIpv4,
  note,
  type Reader,
  startsWith,
  topLevel,
  use,
  word,
} from './text.ts';

interface Draft {
  name: string;
  nameif?: string;
  securityLevel?: number;
  addresses: Prefix[];
  shutdown: boolean;
  lines: number[];
}

/** The `hostname` statement, else the host name the prompt showed. */
export function hostname(r: Reader, promptHost: string | undefined): string | undefined {
  const s = topLevel(r, 'hostname')[0];
  if (s?.words[1]) {
    use(r, s.line);
    return s.words[1];
  }
  return promptHost;
}

/** Interfaces in input order; `cryptoMap` is filled in later from `crypto map X interface Y`. */
export function interfaces(r: Reader): Interface[] {
  const drafts: Draft[] = [];
  for (const s of topLevel(r, 'interface')) {
    if (!s.words[1]) continue;
    const d: Draft = { name: s.words[1], addresses: [], shutdown: false, lines: [s.line] };
    // PIX 6: "interface ethernet2 auto shutdown"
    if (s.words.slice(2).some((w) => w.toLowerCase() === 'shutdown')) d.shutdown = true;
    for (const c of s.children) readInterfaceLine(r, d, c);
    drafts.push(d);
  }
  readPix6Interfaces(r, drafts);
  for (const d of drafts) use(r, ...d.lines);
  return drafts.map((d) => ({
    name: d.name,
    ...(d.nameif !== undefined ? { nameif: d.nameif } : {}),
    ...(d.securityLevel !== undefined ? { securityLevel: d.securityLevel } : {}),
    addresses: d.addresses,
    shutdown: d.shutdown,
    lines: d.lines,
  }));
}

// " nameif outside", " security-level 0", " ip address 203.0.113.2 255.255.255.248 standby 203.0.113.3", " shutdown"
function readInterfaceLine(r: Reader, d: Draft, c: Statement): void {
  const kw = word(c, 0);
  if (kw === 'nameif' && c.words[1]) d.nameif = c.words[1];
  else if (kw === 'security-level') {
    const n = integer(c.words[1]);
    if (n !== undefined) d.securityLevel = n;
  } else if (kw === 'shutdown') d.shutdown = true;
  else if (startsWith(c, 'ip', 'address')) {
    const a = interfaceAddress(c.words[2], c.words[3]);
    if (a) d.addresses.push(a);
    else
      note(
        r,
        `interface ${d.name}: address "${c.words.slice(2).join(' ')}" is not a static IPv4 address`,
        [c.line],
      );
  } else if (startsWith(c, 'no', 'nameif') || startsWith(c, 'no', 'ip', 'address')) {
    // "no nameif": the interface carries no traffic of its own.
  } else return;
  d.lines.push(c.line);
}

/** `address/len` keeping the host bits (the interface's own address). */
function interfaceAddress(address: string | undefined, mask: string | undefined): Prefix | null {
  if (!isIpv4(address) || !isIpv4(mask)) return null;
  const len = maskToLength(ipv4(mask ?? ''));
  return len === null ? null : `${ipv4(address ?? '')}/${len}`;
}

// PIX 6: "nameif ethernet0 outside security0", "ip address outside 80.80.80.80 255.255.255.0"
function readPix6Interfaces(r: Reader, drafts: Draft[]): void {
  for (const s of topLevel(r, 'nameif')) {
    const [, hw, name, sec] = s.words;
    if (!hw || !name) continue;
    let d = drafts.find((x) => x.name === hw);
    if (!d) {
      d = { name: hw, addresses: [], shutdown: false, lines: [] };
      drafts.push(d);
    }
    d.nameif = name;
    const level = /^security(\d{1,3})$/i.exec(sec ?? '');
    if (level) d.securityLevel = Number(level[1]);
    d.lines.push(s.line);
  }
  for (const s of topLevel(r, 'ip', 'address')) {
    const d = drafts.find((x) => x.nameif === s.words[2]);
    const a = interfaceAddress(s.words[3], s.words[4]);
    if (d && a) {
      d.addresses.push(a);
      d.lines.push(s.line);
    }
  }
}

/** `route outside 0.0.0.0 0.0.0.0 203.0.113.1 1` (PIX: `route outside 0 0 80.80.80.1 1`). */
export function routes(r: Reader): Route[] {
  const out: Route[] = [];
  for (const s of topLevel(r, 'route')) {
    const [, iface, address, mask, nextHop] = s.words;
    if (!iface || !isIpv4(address) || !isIpv4(mask)) continue;
    const prefix = prefixFromMask(ipv4(address ?? ''), ipv4(mask ?? ''));
    if (!prefix) continue;
    use(r, s.line);
    out.push({
      prefix,
      interface: iface,
      ...(nextHop !== undefined && isIpv4(nextHop) ? { nextHop } : {}),
      lines: [s.line],
    });
  }
  return out;
}

/** One `crypto ikev1|ikev2|isakmp enable IF` (PIX: `isakmp enable IF`). */
export interface IkeEnable {
  version: IkeVersion;
  interface: string;
  lines: Lines;
}

/** The interfaces each IKE version is enabled on. */
export function ikeEnabled(r: Reader): IkeEnable[] {
  const out: IkeEnable[] = [];
  const add = (s: Statement, version: IkeVersion, iface: string | undefined): void => {
    if (!iface) return;
    use(r, s.line);
    out.push({ version, interface: iface, lines: [s.line] });
  };
  // "crypto ikev2 enable outside client-services port 443"
  for (const s of topLevel(r, 'crypto')) {
    if (word(s, 2) !== 'enable') continue;
    const kind = word(s, 1);
    if (kind === 'ikev1' || kind === 'isakmp') add(s, 'ikev1', s.words[3]);
    else if (kind === 'ikev2') add(s, 'ikev2', s.words[3]);
  }
  for (const s of topLevel(r, 'isakmp', 'enable')) add(s, 'ikev1', s.words[2]);
  return out;
}
