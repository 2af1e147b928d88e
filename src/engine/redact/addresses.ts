/**
 * IPv4 and IPv6 addresses on a line, for the optional address mask. Kept as they are: netmasks
 * and wildcard masks (`255.255.255.0`, `0.0.0.255`: they identify nothing and matter for
 * proxy-ID comparisons), `0.0.0.0`, `255.255.255.255`, `::` and `::1`. Version numbers
 * (`15.3.2`, `9.16(4)`, `5.9.14`) have fewer than four parts and OIDs more, so neither matches.
 */
import type { Span } from './types.ts';

// Four dotted decimals not inside a longer dotted run:
//   "Group = 203.0.113.5, IP = 203.0.113.5", "10.1.1.0/24", "192.0.2.10[4500]",
//   "10.5.18.8->10.5.17.111:500.", "src: 0:192.168.1.0/255.255.255.0:0"
const IPV4 = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/g;
// A run of characters an IPv6 address is made of: "2001:db8::1", "fe80::23:2", "::ffff:10.1.1.1"
const IPV6_RUN = /[0-9A-Fa-f:.]{2,}/g;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const WORD_CHAR = /[\w]/;

/** The addresses on a line, each with its canonical text as key. */
export function addressSpans(line: string): Span[] {
  const out: Span[] = [];
  if (line.includes('.')) {
    for (const m of line.matchAll(IPV4)) {
      const value = ipv4Value(m[1], m[2], m[3], m[4]);
      if (value !== null && !keptIPv4(value)) {
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          kind: 'address',
          key: ipv4Key(value),
        });
      }
    }
  }
  if (line.includes(':')) {
    for (const m of line.matchAll(IPV6_RUN)) ipv6Span(line, m.index, m[0], out);
  }
  return out;
}

function ipv4Value(...octets: (string | undefined)[]): number | null {
  let value = 0;
  for (const o of octets) {
    const n = Number(o);
    if (!Number.isInteger(n) || n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

function ipv4Key(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** 0.0.0.0, 255.255.255.255, netmasks (ones then zeros) and wildcards (zeros then ones). */
function keptIPv4(value: number): boolean {
  const inverted = 0xffffffff - value;
  return isLowOnes(inverted) || isLowOnes(value);
}

// 0…01…1 (including 0 and all ones).
function isLowOnes(v: number): boolean {
  return ((v + 1) & v) === 0 && v <= 0xffffffff;
}

function ipv6Span(line: string, index: number, run: string, out: Span[]): void {
  let start = index;
  let text = run;
  // A run may carry punctuation of the sentence: "IP:2001:db8::1." -> "2001:db8::1"
  while (text.endsWith('.') || (text.endsWith(':') && !text.endsWith('::')))
    text = text.slice(0, -1);
  if (text.startsWith(':') && !text.startsWith('::')) {
    text = text.slice(1);
    start++;
  }
  const end = start + text.length;
  if (WORD_CHAR.test(line.charAt(start - 1)) || WORD_CHAR.test(line.charAt(end))) return;
  const key = ipv6Key(text);
  if (key !== null && key !== '::' && key !== '::1') {
    out.push({ start, end, kind: 'address', key });
  }
}

/** A canonical (lowercase) form of an IPv6 address, or null when the text is not one. */
export function ipv6Key(text: string): string | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): string[] | null => {
    if (part === '') return [];
    const out: string[] = [];
    const parts = part.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] ?? '';
      const dotted = i === parts.length - 1 ? DOTTED.exec(p) : null;
      if (dotted && ipv4Value(dotted[1], dotted[2], dotted[3], dotted[4]) !== null) out.push(p, '');
      else if (HEX_GROUP.test(p)) out.push(p.toLowerCase().replace(/^0+(?=.)/, ''));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const show = (g: string[]) => g.filter((x) => x !== '').join(':');
  return halves.length === 1 ? show(head) : `${show(head)}::${show(tail)}`;
}
