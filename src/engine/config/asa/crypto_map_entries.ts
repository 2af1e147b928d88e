/**
 * Crypto map and dynamic map entries as written: every `crypto map NAME SEQ …` /
 * `crypto dynamic-map NAME SEQ …` line grouped by entry, with the settings read from them, and the
 * `crypto map NAME interface IF` bindings.
 *
 * Bare `set pfs` is group 2 (Cisco ASA command reference, `crypto map set pfs`: "group2 is the
 * default"); no `set pfs` means PFS off.
 */
import type { Statement } from '../blocks.ts';
import { readGroups } from './algorithms.ts';
import { integer, type Reader, startsWith, word } from './text.ts';

/** One crypto map or dynamic map entry. */
export interface Entry {
  readonly map: string;
  readonly sequence: number;
  readonly dynamic: boolean;
  readonly lines: number[];
  acl?: { name: string; line: number };
  peers: { values: string[]; line: number } | undefined;
  readonly v1Sets: { names: string[]; line: number }[];
  readonly v2Proposals: { names: string[]; line: number }[];
  pfs?: { group: number | null; line: number };
  seconds?: number;
  kilobytes?: number;
  exchangeMode?: { mode: 'main' | 'aggressive'; line: number };
  connectionType?: { type: string; line: number };
  natTDisabled?: number;
  /** `crypto map M 65535 ipsec-isakmp dynamic DYN`. */
  dynamicRef?: { name: string; line: number };
}

/** A `crypto map NAME interface IF` binding. */
export interface Binding {
  readonly map: string;
  readonly nameif: string;
  readonly line: number;
}

/** All entries (in first-seen order of their map, then by sequence) and bindings. */
export function cryptoMapEntries(r: Reader): { entries: Entry[]; bindings: Binding[] } {
  const entries = new Map<string, Entry>();
  const bindings: Binding[] = [];
  for (const s of r.top) {
    const negated = startsWith(s, 'no');
    const at = negated ? 1 : 0;
    if (word(s, at) !== 'crypto') continue;
    const kind = word(s, at + 1);
    if (kind !== 'map' && kind !== 'dynamic-map') continue;
    const map = s.words[at + 2] ?? '';
    // "crypto map outside_map interface outside"
    if (kind === 'map' && word(s, at + 3) === 'interface' && !negated && s.words[at + 4]) {
      bindings.push({ map, nameif: s.words[at + 4] ?? '', line: s.line });
      continue;
    }
    const sequence = integer(s.words[at + 3]);
    if (sequence === undefined) continue;
    const key = `${kind} ${map} ${sequence}`;
    let e = entries.get(key);
    if (!e) {
      e = {
        map,
        sequence,
        dynamic: kind === 'dynamic-map',
        lines: [],
        peers: undefined,
        v1Sets: [],
        v2Proposals: [],
      };
      entries.set(key, e);
    }
    e.lines.push(s.line);
    readSetting(e, s, s.words.slice(at + 4), negated);
  }
  const order = [...new Set([...entries.values()].map((e) => `${e.dynamic} ${e.map}`))];
  const sorted = [...entries.values()].sort(
    (a, b) =>
      order.indexOf(`${a.dynamic} ${a.map}`) - order.indexOf(`${b.dynamic} ${b.map}`) ||
      a.sequence - b.sequence,
  );
  return { entries: sorted, bindings };
}

// "match address outside_cryptomap", "set peer 198.51.100.2 198.51.100.3", "set ikev1 transform-set A B",
// "set ikev2 ipsec-proposal P", "set pfs group14", "set security-association lifetime seconds 3600 kilobytes 100000",
// "set ikev1 phase1-mode aggressive", "set connection-type answer-only", "ipsec-isakmp dynamic DYN"
function readSetting(e: Entry, s: Statement, w: readonly string[], negated: boolean): void {
  const lc = w.map((x) => x.toLowerCase());
  const line = s.line;
  if (lc[0] === 'match' && lc[1] === 'address' && w[2] && !negated) e.acl = { name: w[2], line };
  else if (lc[0] === 'ipsec-isakmp' && lc[1] === 'dynamic' && w[2])
    e.dynamicRef = { name: w[2], line };
  if (lc[0] !== 'set') return;
  const what = lc[1];
  if (negated) {
    if (what === 'pfs') e.pfs = { group: null, line };
    return;
  }
  if (what === 'peer') e.peers = { values: w.slice(2), line };
  else if (what === 'transform-set') e.v1Sets.push({ names: w.slice(2), line });
  else if (what === 'ikev1' && lc[2] === 'transform-set')
    e.v1Sets.push({ names: w.slice(3), line });
  else if (what === 'ikev2' && lc[2] === 'ipsec-proposal')
    e.v2Proposals.push({ names: w.slice(3), line });
  else if (what === 'pfs') e.pfs = { group: readGroups(w.slice(2)).groups[0] ?? 2, line };
  else if (what === 'security-association' && lc[2] === 'lifetime') readLifetime(e, lc.slice(3));
  else if (
    what === 'ikev1' &&
    lc[2] === 'phase1-mode' &&
    (lc[3] === 'main' || lc[3] === 'aggressive')
  ) {
    e.exchangeMode = { mode: lc[3], line };
  } else if (what === 'connection-type' && lc[2]) e.connectionType = { type: lc[2], line };
  else if (what === 'nat-t-disable') e.natTDisabled = line;
}

// "seconds 3600 kilobytes 100000", "kilobytes unlimited"
function readLifetime(e: Entry, w: readonly string[]): void {
  for (let i = 0; i + 1 < w.length; i += 2) {
    const n = integer(w[i + 1]);
    if (w[i] === 'seconds' && n !== undefined) e.seconds = n;
    if (w[i] === 'kilobytes' && n !== undefined) e.kilobytes = n;
  }
}
