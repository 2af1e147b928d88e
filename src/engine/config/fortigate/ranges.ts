/**
 * An IPv4 address range as the smallest list of prefixes that covers it exactly
 * (`10.0.0.1-10.0.0.6` → `10.0.0.1/32 10.0.0.2/31 10.0.0.4/31 10.0.0.6/32`), because the
 * configuration model keeps selectors and NAT sources as prefixes only. Used by the FortiGate
 * (`iprange` addresses, `src-addr-type range`) and strongSwan (`leftsubnet=a-b`) parsers.
 */
import type { Prefix } from '../model.ts';
import { ipv4ToNumber, numberToIpv4, toPrefix } from '../normalise.ts';

/** A range cut into prefixes, or null when either end is not IPv4 or the range is reversed. */
export function rangeToPrefixes(start: string, end: string): Prefix[] | null {
  let from = ipv4ToNumber(start);
  const to = ipv4ToNumber(end);
  if (from === null || to === null || from > to) return null;
  const out: Prefix[] = [];
  // At most 62 steps: each prefix is the largest aligned block that still fits.
  while (from <= to) {
    let size = 1;
    while (from % (size * 2) === 0 && from + size * 2 - 1 <= to && size < 2 ** 32) size *= 2;
    const prefix = toPrefix(numberToIpv4(from), 32 - Math.log2(size));
    if (prefix === null) return null;
    out.push(prefix);
    from += size;
  }
  return out;
}
