/**
 * Value syntax shared by ipsec.conf, ipsec.secrets and swanctl.conf: time spans, traffic selectors
 * (`10.1.0.0/16[tcp/80]`), quoted strings, comments and `0s` (base64) / `0x` (hex) secrets.
 */
import type { Prefix } from '../model.ts';
import { ipv4ToNumber, normaliseHex, textToHex, toPrefix } from '../normalise.ts';
import { rangeToPrefixes } from '../fortigate/ranges.ts';

// "3600", "3600s", "60m", "8h", "1d"
const TIME = /^(\d{1,9})\s?([smhd]?)$/;
const UNIT: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** A strongSwan time (`8h`, `60m`, `3600`) in seconds, or null. */
export function seconds(value: string): number | null {
  const m = TIME.exec(value.trim().toLowerCase());
  return m ? Number(m[1]) * (UNIT[m[2] ?? ''] ?? 1) : null;
}

/** The line without a `#` comment (outside quotes). */
export function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return line.slice(0, i);
  }
  return line;
}

/** A value without its surrounding quotes. */
export function unquote(value: string): string {
  const v = value.trim();
  const q = v[0];
  return (q === '"' || q === "'") && v.length >= 2 && v.endsWith(q) ? v.slice(1, -1) : v;
}

/** Splits on blanks, keeping `"…"` and `'…'` together (quotes kept). */
export function tokens(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote = '';
  for (const ch of line) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ' ' || ch === '\t') {
      if (current !== '') out.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') out.push(current);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 text to lower-case hex, or null when it is not base64. */
export function base64ToHex(text: string): string | null {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  const clean = text.slice(0, end);
  let bits = 0;
  let acc = 0;
  let hex = '';
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) return null;
    acc = (acc * 64 + v) % 4096;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      hex += Math.floor(acc / 2 ** bits)
        .toString(16)
        .padStart(2, '0');
      acc %= 2 ** bits;
    }
  }
  return hex === '' ? null : hex;
}

/** A secret as written in ipsec.secrets / swanctl.conf: `"text"`, `0x…` hex, `0s…` base64. */
export function secretBytes(
  written: string,
): { bytesHex: string; encoding: 'plain' | 'hex' } | null {
  const v = written.trim();
  if (v.startsWith('"') || v.startsWith("'"))
    return { bytesHex: textToHex(unquote(v)), encoding: 'plain' };
  if (/^0x/i.test(v)) {
    const hex = normaliseHex(v);
    return hex === null ? null : { bytesHex: hex, encoding: 'hex' };
  }
  // "0s" + base64 is a binary encoding like hex; the model has no separate word for it.
  if (/^0s/i.test(v)) {
    const hex = base64ToHex(v.slice(2));
    return hex === null ? null : { bytesHex: hex, encoding: 'hex' };
  }
  return v === '' ? null : { bytesHex: textToHex(v), encoding: 'plain' };
}

/** Is this an IPv4 or IPv6 address literal? */
export function isAddress(text: string): boolean {
  return ipv4ToNumber(text) !== null || (text.includes(':') && /^[0-9a-fA-F:.]{2,45}$/.test(text));
}

/** One traffic selector entry, read. */
export interface SelectorEntry {
  /** Prefixes, or `dynamic` for the IKE address (`%dynamic`, `dynamic`). */
  readonly prefixes: readonly Prefix[] | 'dynamic';
  readonly protocol: string;
  readonly port?: string;
  readonly fromRange: boolean;
}

const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = {
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '47': 'gre',
  '50': 'esp',
};

// "10.1.0.0/16[tcp/80]", "dynamic[udp/1701]", "0.0.0.0/0", "10.0.0.1-10.0.0.9", "fec0::/16[icmp]"
const TS = /^([^[\s]{1,100})(?:\[([^\]/]{0,20})(?:\/([^\]]{0,40}))?\])?$/;

/** `proto/port` (`17/1701`, `udp/l2tp`, `%any`) as a protocol word and a port. */
export function protoPort(
  proto: string,
  port: string | undefined,
): { protocol: string; port?: string } {
  const p = proto.trim().toLowerCase();
  const protocol = p === '' || p === '%any' || p === '0' ? 'ip' : (PROTOCOL_NUMBERS[p] ?? p);
  const q = (port ?? '').trim().toLowerCase();
  return q === '' || q === '%any' || q === '0' ? { protocol } : { protocol, port: q };
}

/** An address or prefix as a model prefix (`10.1.2.3` → `10.1.2.3/32`, `0.0.0.0/0` → `any`). */
export function prefixOf(text: string): Prefix | null {
  const [address = '', len] = text.split('/');
  if (ipv4ToNumber(address) !== null) {
    const n = len === undefined ? 32 : /^\d{1,2}$/.test(len) ? Number(len) : -1;
    return toPrefix(address, n);
  }
  if (isAddress(address)) {
    const lower = address.toLowerCase();
    if (len === '0') return 'any';
    return `${lower}/${len ?? '128'}`;
  }
  return null;
}

/** Reads one selector entry; null when unreadable. */
export function readSelector(text: string): SelectorEntry | null {
  const m = TS.exec(text.trim());
  if (!m) return null;
  const net = (m[1] ?? '').toLowerCase();
  const { protocol, port } = protoPort(m[2] ?? '', m[3]);
  const tail = port === undefined ? { protocol } : { protocol, port };
  if (net === '%dynamic' || net === 'dynamic')
    return { prefixes: 'dynamic', fromRange: false, ...tail };
  const dash = net.indexOf('-');
  if (dash > 0) {
    const r = rangeToPrefixes(net.slice(0, dash), net.slice(dash + 1));
    return r ? { prefixes: r, fromRange: true, ...tail } : null;
  }
  const p = prefixOf(net);
  return p === null ? null : { prefixes: [p], fromRange: false, ...tail };
}
