/**
 * FortiGate address objects (`config firewall address`, `config firewall addrgrp`) resolved to
 * prefixes, so phase 2 selectors, routes and policies written with names compare as subnets.
 *
 * Address types (FortiOS CLI reference, `firewall address`): `ipmask` (the default: `set subnet A M`),
 * `iprange` (`start-ip`/`end-ip`); `fqdn`, `geography`, `wildcard`, `dynamic`, … have no fixed
 * prefix and stay unresolved. The predefined `all` / `none` are known without a definition.
 */
import type { Prefix } from '../model.ts';
import { maskToLength, prefixFromMask, toPrefix } from '../normalise.ts';
import { rangeToPrefixes } from './ranges.ts';
import { entriesOf, value, type FgEntry, type FgTree } from './reader.ts';

/** What a name resolves to, with the lines that define it. */
export interface Resolved {
  readonly prefixes: readonly Prefix[];
  readonly lines: readonly number[];
  /** Names that could not be resolved (unknown, FQDN, nested too deep). */
  readonly unresolved: readonly string[];
}

/** Name → address objects of one configuration. */
export interface AddressBook {
  readonly resolve: (name: string) => Resolved;
}

/** `A M` or `A/len` (FortiOS prints the first, accepts both) as a prefix. */
export function subnetOf(values: readonly string[]): Prefix | null {
  const [address = '', mask] = values;
  if (mask !== undefined) return prefixFromMask(address, mask);
  const slash = address.indexOf('/');
  if (slash < 0) return toPrefix(address, 32);
  const len = address.slice(slash + 1);
  const n = /^\d{1,2}$/.test(len) ? Number(len) : maskToLength(len);
  return n === null ? null : toPrefix(address.slice(0, slash), n);
}

/** One address object's prefixes, or null when its type has no fixed prefix. */
function addressPrefixes(entry: FgEntry): Prefix[] | null {
  const type = value(entry.settings, 'type', true) ?? 'ipmask';
  if (type === 'ipmask') {
    const subnet = entry.settings.get('subnet');
    if (!subnet) return ['any']; // `set subnet` not shown: FortiOS's default 0.0.0.0 0.0.0.0.
    const p = subnetOf(subnet.values);
    return p === null ? null : [p];
  }
  if (type === 'iprange') {
    const start = value(entry.settings, 'start-ip') ?? '0.0.0.0';
    return rangeToPrefixes(start, value(entry.settings, 'end-ip') ?? start);
  }
  return null;
}

const DEPTH_LIMIT = 8;

/** Builds the resolver for one configuration's address objects and groups. */
export function addressBook(tree: FgTree): AddressBook {
  const addresses = new Map(entriesOf(tree, 'firewall address').map((e) => [e.name, e]));
  const groups = new Map(entriesOf(tree, 'firewall addrgrp').map((e) => [e.name, e]));
  const resolve = (name: string, depth = 0): Resolved => {
    const address = addresses.get(name);
    if (address) {
      const prefixes = addressPrefixes(address);
      const lines = [address.line, ...[...address.settings.values()].map((s) => s.line)];
      return prefixes
        ? { prefixes, lines, unresolved: [] }
        : { prefixes: [], lines, unresolved: [name] };
    }
    const group = groups.get(name);
    if (group && depth < DEPTH_LIMIT) {
      const member = group.settings.get('member');
      const parts = (member?.values ?? []).map((m) => resolve(m, depth + 1));
      return {
        prefixes: parts.flatMap((p) => p.prefixes),
        lines: [group.line, ...(member ? [member.line] : []), ...parts.flatMap((p) => p.lines)],
        unresolved: parts.flatMap((p) => p.unresolved),
      };
    }
    if (name.toLowerCase() === 'all') return { prefixes: ['any'], lines: [], unresolved: [] };
    if (name.toLowerCase() === 'none') return { prefixes: [], lines: [], unresolved: [] };
    return { prefixes: [], lines: [], unresolved: [name] };
  };
  return { resolve: (name) => resolve(name) };
}

/** Several names (a policy's `srcaddr "A" "B"`) resolved together. */
export function resolveAll(book: AddressBook, names: readonly string[]): Resolved {
  const parts = names.map((n) => book.resolve(n));
  return {
    prefixes: [...new Set(parts.flatMap((p) => p.prefixes))],
    lines: [...new Set(parts.flatMap((p) => p.lines))],
    unresolved: parts.flatMap((p) => p.unresolved),
  };
}
