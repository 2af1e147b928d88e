/**
 * IKE policies: `crypto ikev1 policy N` (8.4+), `crypto isakmp policy N` (7.x–8.3), the one-line
 * forms `crypto isakmp policy N hash sha` / `isakmp policy N hash sha` (PIX, ASA 7.0), and
 * `crypto ikev2 policy N`.
 *
 * Defaults for a value the input does not write, listed in `defaulted`:
 * - ASA IKEv1 (Cisco ASA command reference, `crypto ikev1 policy` sub-commands): encryption 3des,
 *   hash sha, group 2, lifetime 86400 s, authentication pre-share.
 * - PIX 6.x `isakmp policy` (PIX 6.3 command reference, the IOS defaults): encryption des, hash
 *   sha, group 1, lifetime 86400 s, authentication rsa-sig.
 * - ASA IKEv2: prf sha (SHA-1), lifetime 86400 s. Encryption, integrity and group have no default
 *   this reader trusts; when missing they stay empty and a note says so.
 */
import type { IkeVersion } from '../../../knowledge/schema.ts';
import type { Statement } from '../blocks.ts';
import type { IkeProposal } from '../model.ts';
import {
  IKE_AUTHENTICATION,
  IKE_ENCRYPTION,
  IKE_HASH,
  readAlgorithms,
  readGroups,
} from './algorithms.ts';
import { integer, note, type Reader, startsWith, use, word } from './text.ts';

/** One policy attribute as written: `encryption aes-256` → key `encryption`, values `['aes-256']`. */
interface Attribute {
  readonly key: string;
  readonly values: readonly string[];
  readonly line: number;
}

interface Policy {
  readonly priority: number;
  readonly lines: number[];
  readonly attributes: Attribute[];
}

const IKEV1_DEFAULTS = { encryption: '3des', hash: 'sha1', group: 2, authentication: 'pre-share' };
const PIX6_DEFAULTS = { encryption: 'des', hash: 'sha1', group: 1, authentication: 'rsa-sig' };
const LIFETIME_DEFAULT = 86400;

/** All IKE policies, IKEv1 then IKEv2, each by priority (the order the ASA offers them). */
export function ikeProposals(r: Reader): IkeProposal[] {
  const v1 = new Map<number, Policy>();
  const v2 = new Map<number, Policy>();
  for (const s of r.top) collectPolicy(s, v1, v2);
  const byPriority = (a: Policy, b: Policy): number => a.priority - b.priority;
  const out = [
    ...[...v1.values()].sort(byPriority).map((p) => ikev1(r, p)),
    ...[...v2.values()].sort(byPriority).map((p) => ikev2(r, p)),
  ];
  for (const p of out) use(r, ...p.lines);
  return out;
}

// "crypto ikev1 policy 10" + sub-commands; "crypto isakmp policy 10 encryption 3des"; "isakmp policy 10 hash sha"
function collectPolicy(s: Statement, v1: Map<number, Policy>, v2: Map<number, Policy>): void {
  const crypto = startsWith(s, 'crypto');
  const at = crypto ? 1 : 0;
  const kind = word(s, at);
  if (word(s, at + 1) !== 'policy' || !['ikev1', 'isakmp', 'ikev2'].includes(kind)) return;
  if (!crypto && kind !== 'isakmp') return;
  const priority = integer(s.words[at + 2]);
  if (priority === undefined) return;
  const map = kind === 'ikev2' ? v2 : v1;
  let p = map.get(priority);
  if (!p) {
    p = { priority, lines: [], attributes: [] };
    map.set(priority, p);
  }
  p.lines.push(s.line);
  const inline = s.words.slice(at + 3);
  if (inline.length > 0) addAttribute(p, inline, s.line);
  for (const c of s.children) {
    addAttribute(p, c.words, c.line);
    p.lines.push(c.line);
  }
}

function addAttribute(p: Policy, words: readonly string[], line: number): void {
  const key = (words[0] ?? '').toLowerCase();
  // IKEv2 "lifetime seconds 86400"
  const values =
    key === 'lifetime' && words[1]?.toLowerCase() === 'seconds' ? words.slice(2) : words.slice(1);
  p.attributes.push({ key, values, line });
}

function attribute(p: Policy, key: string): Attribute | undefined {
  return p.attributes.findLast((a) => a.key === key);
}

function ikev1(r: Reader, p: Policy): IkeProposal {
  const d = r.pix6 ? PIX6_DEFAULTS : IKEV1_DEFAULTS;
  const defaulted: string[] = [];
  const pick = (key: string, table: Readonly<Record<string, string>>, fallback: string): string => {
    const a = attribute(p, key);
    if (a) {
      const v = readAlgorithms(a.values, table).values[0];
      if (v !== undefined) return v;
      // Kept as written: a newer keyword compares better than a wrong default.
      unknownValue(r, p, a, 'ikev1');
      return (a.values[0] ?? '').toLowerCase();
    }
    defaulted.push(key === 'hash' ? 'integrity' : key);
    return fallback;
  };
  const encryption = pick('encryption', IKE_ENCRYPTION, d.encryption);
  const hash = pick('hash', IKE_HASH, d.hash);
  const authentication = pick('authentication', IKE_AUTHENTICATION, d.authentication);
  const groups = groupsOf(r, p, 'ikev1');
  if (groups.length === 0) defaulted.push('dhGroups');
  const lifetime = lifetimeOf(r, p, defaulted, 'ikev1');
  return {
    version: 'ikev1',
    name: String(p.priority),
    priority: p.priority,
    encryption: [encryption],
    integrity: [hash],
    prf: [],
    dhGroups: groups.length > 0 ? groups : [d.group],
    authentication,
    ...(lifetime !== undefined ? { lifetimeSeconds: lifetime } : {}),
    ...(defaulted.length > 0 ? { defaulted } : {}),
    lines: p.lines,
  };
}

function ikev2(r: Reader, p: Policy): IkeProposal {
  const defaulted: string[] = [];
  const list = (key: string, table: Readonly<Record<string, string>>): string[] => {
    const a = attribute(p, key);
    if (!a) return [];
    const read = readAlgorithms(a.values, table);
    if (read.rest.length > 0) unknownValue(r, p, a, 'ikev2');
    return read.values;
  };
  const encryption = list('encryption', IKE_ENCRYPTION);
  // "integrity null" goes with GCM: the model's empty integrity.
  const integrity = list('integrity', IKE_HASH).filter((v) => v !== 'none');
  let prf = list('prf', IKE_HASH);
  if (!attribute(p, 'prf')) {
    prf = ['sha1'];
    defaulted.push('prf');
  }
  const groups = groupsOf(r, p, 'ikev2');
  const missing = ['encryption', 'group'].filter((k) => !attribute(p, k));
  if (missing.length > 0) {
    note(
      r,
      `crypto ikev2 policy ${p.priority}: ${missing.join(', ')} not in the input; the ASA default is not assumed`,
      [p.lines[0] ?? 0],
    );
  }
  const lifetime = lifetimeOf(r, p, defaulted, 'ikev2');
  return {
    version: 'ikev2',
    name: String(p.priority),
    priority: p.priority,
    encryption,
    integrity,
    prf,
    dhGroups: groups,
    ...(lifetime !== undefined ? { lifetimeSeconds: lifetime } : {}),
    ...(defaulted.length > 0 ? { defaulted } : {}),
    lines: p.lines,
  };
}

function groupsOf(r: Reader, p: Policy, version: IkeVersion): number[] {
  const a = attribute(p, 'group');
  if (!a) return [];
  const read = readGroups(a.values);
  if (read.rest.length > 0 || read.groups.length === 0) unknownValue(r, p, a, version);
  return read.groups;
}

// "lifetime 86400", "lifetime seconds 28800", "lifetime none"
function lifetimeOf(
  r: Reader,
  p: Policy,
  defaulted: string[],
  version: IkeVersion,
): number | undefined {
  const a = attribute(p, 'lifetime');
  if (!a) {
    defaulted.push('lifetimeSeconds');
    return LIFETIME_DEFAULT;
  }
  const n = integer(a.values[0]);
  if (n === undefined) unknownValue(r, p, a, version);
  return n;
}

function unknownValue(r: Reader, p: Policy, a: Attribute, version: IkeVersion): void {
  note(
    r,
    `${version} policy ${p.priority}: "${a.key} ${a.values.join(' ')}" is not fully understood`,
    [a.line],
  );
}
