/**
 * FortiGate phase 2 (`config vpn ipsec phase2-interface`, or `phase2` for policy-based VPNs):
 * ESP proposals, PFS, lifetime and the quick-mode selectors of one `edit` entry.
 *
 * Defaults when a setting is not shown (FortiOS CLI reference, "vpn ipsec phase2-interface";
 * `show` omits settings at their default): `pfs enable`, `dhgrp 14 5`, `keylife-type seconds`,
 * `keylifeseconds 43200`, `keylifekbs 5120`, `encapsulation tunnel-mode`, `src-addr-type subnet`
 * with `src-subnet 0.0.0.0 0.0.0.0` (and the same for `dst-`), `protocol 0` (any), ports 0 (any).
 */
import type { ConfigNote, EspProposal, Prefix, Selector } from '../model.ts';
import { resolveAll, subnetOf, type AddressBook } from './addresses.ts';
import { readGroups, readProposalWord } from './proposals.ts';
import { rangeToPrefixes } from './ranges.ts';
import { lineOf, ordered, value, type FgEntry } from './reader.ts';

/** FortiOS's phase 2 DH groups when `dhgrp` is not shown. */
export const DEFAULT_PHASE2_GROUPS: readonly number[] = [14, 5];
/** FortiOS's phase 2 lifetime in seconds when `keylifeseconds` is not shown. */
export const DEFAULT_PHASE2_LIFETIME = 43200;
const DEFAULT_KILOBYTES = 5120;

/** One phase 2 entry, read. */
export interface Phase2 {
  readonly name: string;
  readonly phase1: string;
  readonly proposals: readonly EspProposal[];
  /** DH group for PFS, `null` when `pfs disable`. */
  readonly pfs: number | null;
  readonly lifetimeSeconds: number;
  readonly lifetimeKilobytes?: number;
  readonly selectors: readonly Selector[];
  readonly lines: readonly number[];
  readonly notes: readonly ConfigNote[];
}

const PROTOCOLS: Readonly<Record<string, string>> = {
  '0': 'ip',
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '47': 'gre',
};

interface Side {
  readonly prefixes: readonly Prefix[];
  readonly lines: readonly number[];
  readonly problem?: string;
  /** Written as a range (`src-addr-type range`, an `iprange` address). */
  readonly fromRange?: boolean;
}

/** One side (`src` or `dst`) of the selector as prefixes. */
function sideOf(entry: FgEntry, side: 'src' | 'dst', book: AddressBook): Side {
  const s = entry.settings;
  const type = value(s, `${side}-addr-type`, true) ?? 'subnet';
  const typeLines = lineOf(s, `${side}-addr-type`);
  if (type === 'subnet') {
    const subnet = s.get(`${side}-subnet`);
    const p = subnet ? subnetOf(subnet.values) : 'any';
    const lines = [...typeLines, ...(subnet ? [subnet.line] : [])];
    return p === null
      ? { prefixes: [], lines, problem: `${side}-subnet unreadable` }
      : { prefixes: [p], lines };
  }
  const start = value(s, `${side}-start-ip`) ?? '0.0.0.0';
  const startLines = [...typeLines, ...lineOf(s, `${side}-start-ip`)];
  if (type === 'ip') {
    const p = subnetOf([start]);
    return p === null ? { prefixes: [], lines: startLines } : { prefixes: [p], lines: startLines };
  }
  if (type === 'range') {
    const ps = rangeToPrefixes(start, value(s, `${side}-end-ip`) ?? start);
    const lines = [...startLines, ...lineOf(s, `${side}-end-ip`)];
    return ps
      ? { prefixes: ps, lines, fromRange: true }
      : { prefixes: [], lines, problem: `${side} range unreadable` };
  }
  if (type === 'name') {
    const names = s.get(`${side}-name`)?.values ?? [];
    const r = resolveAll(book, names);
    const lines = [...typeLines, ...lineOf(s, `${side}-name`), ...r.lines];
    return r.unresolved.length > 0
      ? {
          prefixes: r.prefixes,
          lines,
          problem: `address ${r.unresolved.join(', ')} not resolved to a subnet`,
        }
      : { prefixes: r.prefixes, lines };
  }
  if (type === 'subnet6') {
    const p = value(s, `${side}-subnet6`, true) ?? '::/0';
    return {
      prefixes: [p === '::/0' ? 'any' : p],
      lines: [...typeLines, ...lineOf(s, `${side}-subnet6`)],
    };
  }
  return { prefixes: [], lines: typeLines, problem: `${side}-addr-type ${type} not read` };
}

/** The ESP proposals of a phase 2, one per word; unknown words become notes. */
function proposalsOf(entry: FgEntry, notes: ConfigNote[]): EspProposal[] {
  const setting = entry.settings.get('proposal');
  if (!setting) {
    notes.push({
      message: `Phase 2 ${entry.name} shows no proposal; use "show full-configuration" to see it.`,
      lines: [entry.line],
    });
    return [];
  }
  const transport = value(entry.settings, 'encapsulation', true) === 'transport-mode';
  const out: EspProposal[] = [];
  for (const word of setting.values) {
    const p = readProposalWord(word);
    if (!p) {
      notes.push({
        message: `Phase 2 proposal word ${word} not recognised.`,
        lines: [setting.line],
      });
      continue;
    }
    out.push({
      name: `${entry.name}/${word}`,
      encryption: [p.encryption],
      integrity: [p.integrity],
      mode: transport ? 'transport' : 'tunnel',
      lines: [entry.line, setting.line, ...lineOf(entry.settings, 'encapsulation')],
    });
  }
  return out;
}

/** The selectors of a phase 2: every source prefix against every destination prefix. */
function selectorsOf(entry: FgEntry, book: AddressBook, notes: ConfigNote[]): Selector[] {
  const src = sideOf(entry, 'src', book);
  const dst = sideOf(entry, 'dst', book);
  for (const side of [src, dst]) {
    if (side.problem)
      notes.push({
        message: `Phase 2 ${entry.name}: ${side.problem}.`,
        lines: [entry.line, ...side.lines],
      });
  }
  const proto = value(entry.settings, 'protocol') ?? '0';
  const srcPort = value(entry.settings, 'src-port') ?? '0';
  const dstPort = value(entry.settings, 'dst-port') ?? '0';
  const lines = ordered([
    entry.line,
    ...src.lines,
    ...dst.lines,
    ...['protocol', 'src-port', 'dst-port'].flatMap((k) => lineOf(entry.settings, k)),
  ]);
  for (const [side, data] of [
    ['source', src],
    ['destination', dst],
  ] as const) {
    if (data.fromRange && data.prefixes.length > 1)
      notes.push({
        message: `Phase 2 ${entry.name}: the ${side} is an address range, sent as one range selector; it is shown as ${data.prefixes.length} prefixes.`,
        lines: [entry.line, ...data.lines],
      });
  }
  return src.prefixes.flatMap((local) =>
    dst.prefixes.map((remote) => ({
      local,
      remote,
      protocol: PROTOCOLS[proto] ?? proto,
      ...(srcPort !== '0' ? { localPort: srcPort } : {}),
      ...(dstPort !== '0' ? { remotePort: dstPort } : {}),
      lines,
    })),
  );
}

/** Reads one phase 2 entry. */
export function readPhase2(entry: FgEntry, book: AddressBook): Phase2 {
  const s = entry.settings;
  const notes: ConfigNote[] = [];
  const pfsOn = value(s, 'pfs', true) !== 'disable';
  const groups = s.has('dhgrp') ? readGroups(s.get('dhgrp')?.values ?? []) : DEFAULT_PHASE2_GROUPS;
  if (pfsOn && !s.has('dhgrp'))
    notes.push({
      message: `Phase 2 ${entry.name}: PFS on with FortiOS's default groups 14 and 5 (dhgrp not shown).`,
      lines: [entry.line, ...lineOf(s, 'pfs')],
    });
  if (pfsOn && groups.length > 1)
    notes.push({
      message: `Phase 2 ${entry.name} offers PFS groups ${groups.join(', ')}; the first is taken as its PFS group.`,
      lines: [entry.line, ...lineOf(s, 'dhgrp')],
    });
  const lifeType = value(s, 'keylife-type', true) ?? 'seconds';
  const kilobytes = Number(value(s, 'keylifekbs') ?? DEFAULT_KILOBYTES);
  const lines = [entry.line, ...[...s.values()].map((v) => v.line)];
  return {
    name: entry.name,
    phase1: value(s, 'phase1name') ?? '',
    proposals: proposalsOf(entry, notes),
    pfs: pfsOn ? (groups[0] ?? null) : null,
    lifetimeSeconds: Number(value(s, 'keylifeseconds') ?? DEFAULT_PHASE2_LIFETIME),
    ...(lifeType === 'kbs' || lifeType === 'both' ? { lifetimeKilobytes: kilobytes } : {}),
    selectors: selectorsOf(entry, book, notes),
    lines: ordered(lines),
    notes,
  };
}
