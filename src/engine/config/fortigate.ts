/**
 * FortiGate configuration (FortiOS `show` / backup text) → `PeerConfig`.
 *
 * One `Connection` per phase 1 (`config vpn ipsec phase1-interface`, and the policy-based
 * `config vpn ipsec phase1`), carrying the selectors, ESP proposals and PFS of all its phase 2
 * entries. Interfaces, static routes, address objects and firewall policies fill in the local
 * address, routing and NAT. Parts live in `fortigate/`; defaults are documented there.
 */
import { emptyPeer, type ConfigNote, type ConfigParser, type PeerConfig } from './model.ts';
import { addressBook } from './fortigate/addresses.ts';
import { readHostname, readInterfaces, readNat, readRoutes } from './fortigate/network.ts';
import { readPhase1 } from './fortigate/phase1.ts';
import { readPhase2, type Phase2 } from './fortigate/phase2.ts';
import {
  entriesOf,
  findBlocks,
  readFortiConfig,
  type FgEntry,
  type FgTree,
} from './fortigate/reader.ts';

// "config vpn ipsec phase1-interface" (also "config vpn ipsec phase1" for policy-based VPNs)
const PHASE1_BLOCK = /^[ \t]*config vpn ipsec phase1(?:-interface)?[ \t]*$/m;
// "    set remote-gw 203.0.113.2"
const REMOTE_GW = /^[ \t]*set remote-gw /m;
// "    set psksecret ENC Hs7K…"
const PSKSECRET = /^[ \t]*set psksecret /m;
// "config system interface"
const SYSTEM_INTERFACE = /^[ \t]*config system interface[ \t]*$/m;
// "    edit "port1"" then "    set vdom "root"" — FortiOS's own shape, rare elsewhere
const SET_VDOM = /^[ \t]*set vdom "/m;

/** The sections this parser reads; other sections' lines count as unread. */
const READ_SECTIONS = [
  'vpn ipsec phase1-interface',
  'vpn ipsec phase1',
  'vpn ipsec phase2-interface',
  'vpn ipsec phase2',
  'system interface',
  'router static',
  'firewall address',
  'firewall addrgrp',
  'firewall policy',
  'system global',
];

/** How strongly the text looks like a FortiOS configuration, 0 … 1. */
function sniff(text: string): number {
  let score = 0;
  if (PHASE1_BLOCK.test(text)) score += 0.6;
  if (REMOTE_GW.test(text)) score += 0.2;
  if (PSKSECRET.test(text)) score += 0.1;
  if (SYSTEM_INTERFACE.test(text)) score += 0.2;
  if (SET_VDOM.test(text)) score += 0.1;
  return Math.min(1, score);
}

/** Non-blank lines outside the sections read. */
function unreadLines(tree: FgTree): number {
  let inside = 0;
  for (const path of READ_SECTIONS) {
    for (const b of findBlocks(tree.blocks, path)) inside += b.endLine - b.line + 1;
  }
  return Math.max(0, tree.nonBlank - inside);
}

/** Phase 2 entries grouped by the phase 1 they name. */
function groupPhase2s(
  phase2s: readonly Phase2[],
  phase1s: ReadonlyMap<string, FgEntry>,
  notes: ConfigNote[],
): Map<string, Phase2[]> {
  const out = new Map<string, Phase2[]>();
  for (const p of phase2s) {
    if (!phase1s.has(p.phase1)) {
      notes.push({
        message: `Phase 2 ${p.name} names phase 1 "${p.phase1}", which is not in the text.`,
        lines: [p.lines[0] ?? 0],
      });
      continue;
    }
    out.set(p.phase1, [...(out.get(p.phase1) ?? []), p]);
  }
  return out;
}

/** Reads a FortiOS configuration; never throws. */
function parse(text: string): PeerConfig {
  const tree = readFortiConfig(text);
  const book = addressBook(tree);
  const notes: ConfigNote[] = [];
  const p1Entries = [
    ...entriesOf(tree, 'vpn ipsec phase1-interface'),
    ...entriesOf(tree, 'vpn ipsec phase1'),
  ];
  const phase1s = new Map(p1Entries.map((e) => [e.name, e]));
  const p2Entries = [
    ...entriesOf(tree, 'vpn ipsec phase2-interface'),
    ...entriesOf(tree, 'vpn ipsec phase2'),
  ];
  const phase2s = p2Entries.map((e) => readPhase2(e, book));
  const byPhase1 = groupPhase2s(phase2s, phase1s, notes);
  const interfaces = readInterfaces(tree, phase1s);
  const parts = p1Entries.map((e) => readPhase1(e, byPhase1.get(e.name) ?? [], interfaces));
  const routes = readRoutes(tree, book, notes);
  const nat = readNat(tree, book, phase1s, notes);
  const hostname = readHostname(tree);
  return {
    ...emptyPeer('fortigate'),
    ...(hostname ? { hostname } : {}),
    interfaces,
    routes,
    ikeProposals: parts.flatMap((p) => p.ikeProposals),
    espProposals: phase2s.flatMap((p) => p.proposals),
    keys: parts.flatMap((p) => p.keys),
    profiles: parts.map((p) => p.profile),
    connections: parts.map((p) => p.connection),
    nat,
    notes: [...parts.flatMap((p) => p.notes), ...phase2s.flatMap((p) => p.notes), ...notes],
    unread: unreadLines(tree),
  };
}

/** The FortiGate configuration parser. */
export const FORTIGATE_CONFIG: ConfigParser = { platform: 'fortigate', sniff, parse };
