/**
 * Small pure helpers every configuration parser needs: addresses and masks to
 * prefixes, key text to bytes. Vendor-specific keyword tables live in each
 * parser; only what is the same everywhere is here.
 */
import type { Prefix } from './model.ts';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The 32-bit value of a dotted quad, or null. */
export function ipv4ToNumber(address: string): number | null {
  const m = IPV4.exec(address);
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return null;
  return octets.reduce((acc, o) => acc * 256 + o, 0);
}

/** A dotted quad from a 32-bit value. */
export function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** Prefix length of a contiguous netmask (`255.255.255.0` → 24), or null when not contiguous. */
export function maskToLength(mask: string): number | null {
  const n = ipv4ToNumber(mask);
  if (n === null) return null;
  for (let len = 0; len <= 32; len++) {
    if (n === (len === 0 ? 0 : 2 ** 32 - 2 ** (32 - len))) return len;
  }
  return null;
}

/** Prefix length of a contiguous wildcard mask (`0.0.0.255` → 24), or null. */
export function wildcardToLength(wildcard: string): number | null {
  const n = ipv4ToNumber(wildcard);
  if (n === null) return null;
  return maskToLength(numberToIpv4(2 ** 32 - 1 - n));
}

/** `a.b.c.d/len` with the host bits cleared; `any` for 0.0.0.0/0. Null when unreadable. */
export function toPrefix(address: string, length: number): Prefix | null {
  const n = ipv4ToNumber(address);
  if (n === null || length < 0 || length > 32) return null;
  if (length === 0) return 'any';
  const size = 2 ** (32 - length);
  return `${numberToIpv4(Math.floor(n / size) * size)}/${length}`;
}

/** Prefix from an address and a netmask (`10.1.1.0 255.255.255.0`). */
export function prefixFromMask(address: string, mask: string): Prefix | null {
  const len = maskToLength(mask);
  return len === null ? null : toPrefix(address, len);
}

/** Prefix from an address and a wildcard (`10.1.1.0 0.0.0.255`). */
export function prefixFromWildcard(address: string, wildcard: string): Prefix | null {
  const len = wildcardToLength(wildcard);
  return len === null ? null : toPrefix(address, len);
}

/** The address part of a prefix (`10.1.1.1/24` → `10.1.1.1`). */
export function addressOf(prefix: string): string {
  const slash = prefix.indexOf('/');
  return slash < 0 ? prefix : prefix.slice(0, slash);
}

/** Does prefix `outer` contain prefix `inner` (equal counts)? `any` contains everything. */
export function prefixContains(outer: Prefix, inner: Prefix): boolean {
  if (outer === 'any') return true;
  if (inner === 'any') return false;
  const [oa, ol] = splitPrefix(outer);
  const [ia, il] = splitPrefix(inner);
  if (oa === null || ia === null || il < ol) return oa !== null && outer === inner;
  const size = 2 ** (32 - ol);
  return Math.floor(oa / size) === Math.floor(ia / size);
}

function splitPrefix(p: Prefix): [number | null, number] {
  const [address = '', len = '32'] = p.split('/');
  return [ipv4ToNumber(address), Number(len)];
}

/** The UTF-8 bytes of a text as lower-case hex (`cisco` → `636973636f`). */
export function textToHex(text: string): string {
  // encodeURIComponent yields the UTF-8 bytes as %XX; other characters are single ASCII bytes.
  return encodeURIComponent(text).replace(
    /%([0-9A-F]{2})|([^%])/g,
    (_, hex: string | undefined, ch: string | undefined) =>
      hex ? hex.toLowerCase() : (ch ?? '').charCodeAt(0).toString(16).padStart(2, '0'),
  );
}

/** Normalises a hex key as written (`0x63 69 73`, `63:69:73`) to lower-case hex, or null. */
export function normaliseHex(text: string): string | null {
  const digits = text.replace(/^0x/i, '').replace(/[\s:]/g, '').toLowerCase();
  return /^(?:[0-9a-f]{2})+$/.test(digits) ? digits : null;
}

// The fixed pad of Cisco's reversible "type 7" obfuscation (public since the 1990s).
const TYPE7_PAD = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';

/** Decodes a Cisco type 7 string to its text, or null when it is not one. */
export function decodeType7(encoded: string): string | null {
  if (!/^\d{2}(?:[0-9A-Fa-f]{2})+$/.test(encoded)) return null;
  const seed = Number(encoded.slice(0, 2));
  if (seed > 15) return null;
  let out = '';
  for (let i = 2; i < encoded.length; i += 2) {
    const byte = parseInt(encoded.slice(i, i + 2), 16);
    out += String.fromCharCode(
      byte ^ TYPE7_PAD.charCodeAt((seed + (i - 2) / 2) % TYPE7_PAD.length),
    );
  }
  return out;
}
