/**
 * Tunnel groups (connection profiles) → pre-shared keys and IKE profiles, and PIX 6
 * `isakmp key KEY address A netmask M` → a global key.
 *
 * `show running-config` prints every key as `*****` (8.2: `*`): encoding `masked`, no bytes.
 * `more system:running-config` prints it in clear (`plain`, bytes kept as hex) or, with a master
 * passphrase, as `8 <encrypted>` (`encrypted`). The key text itself goes nowhere but `bytesHex`.
 *
 * A tunnel group named after an address is the one the ASA picks for that peer; `DefaultL2LGroup`
 * takes any peer without one of its own (its keys get peer `any`, its profile no match).
 */
import type { IkeVersion } from '../../../knowledge/schema.ts';
import type { Statement } from '../blocks.ts';
import type { IdentityMatch, IkeProfile, PreSharedKey } from '../model.ts';
import { maskToLength, normaliseHex, textToHex, toPrefix } from '../normalise.ts';
import { ipv4, isIpv4, note, type Reader, topLevel, use, word } from './text.ts';

/** What a tunnel group holds for the model. */
export interface TunnelGroups {
  readonly keys: PreSharedKey[];
  readonly profiles: IkeProfile[];
  /** Group names in input order. */
  readonly names: string[];
}

interface Group {
  readonly name: string;
  /** `tunnel-group NAME type …`, cited with each key. */
  typeLine?: number;
  readonly lines: number[];
  readonly keys: PreSharedKey[];
  readonly auth: Partial<Record<`${IkeVersion}-${'local' | 'remote'}`, string>>;
  readonly versions: Set<IkeVersion>;
}

/** Reads every `tunnel-group NAME …` statement and PIX 6 `isakmp key` lines. */
export function tunnelGroups(r: Reader): TunnelGroups {
  const groups = new Map<string, Group>();
  for (const s of topLevel(r, 'tunnel-group')) {
    const name = s.words[1];
    if (!name) continue;
    let g = groups.get(name);
    if (!g) {
      g = { name, lines: [], keys: [], auth: {}, versions: new Set() };
      groups.set(name, g);
    }
    readGroupStatement(r, g, s);
  }
  const keys = [...groups.values()].flatMap((g) => g.keys);
  keys.push(...pix6Keys(r));
  const profiles = [...groups.values()].flatMap(profilesOf);
  for (const g of groups.values()) use(r, ...g.lines);
  return { keys, profiles, names: [...groups.keys()] };
}

// "tunnel-group 198.51.100.2 type ipsec-l2l", "tunnel-group 198.51.100.2 ipsec-attributes"
function readGroupStatement(r: Reader, g: Group, s: Statement): void {
  const kind = word(s, 2);
  if (kind === 'type' || kind === 'general-attributes') {
    if (kind === 'type') g.typeLine ??= s.line;
    g.lines.push(s.line);
    return;
  }
  if (kind !== 'ipsec-attributes') return;
  g.lines.push(s.line);
  for (const c of s.children) {
    if (readAttribute(r, g, c, s.line)) g.lines.push(c.line);
  }
}

// " ikev1 pre-shared-key *****", " pre-shared-key *", " ikev2 remote-authentication pre-shared-key 8 …",
// " ikev2 local-authentication certificate ASA-TP", " ikev1 trust-point ASA-TP", " isakmp keepalive threshold 10 retry 2",
// " peer-id-validate nocheck"
function readAttribute(r: Reader, g: Group, c: Statement, header: number): boolean {
  const w0 = word(c, 0);
  const w1 = word(c, 1);
  if (w0 === 'pre-shared-key' || (w0 === 'ikev1' && w1 === 'pre-shared-key')) {
    addKey(r, g, c, header, w0 === 'ikev1' ? 2 : 1, 'ikev1', 'both');
    g.auth['ikev1-local'] ??= 'pre-share';
    g.auth['ikev1-remote'] ??= 'pre-share';
    return true;
  }
  if (w0 === 'ikev1' && w1 === 'trust-point') {
    g.versions.add('ikev1');
    g.auth['ikev1-local'] ??= 'rsa-sig';
    g.auth['ikev1-remote'] ??= 'rsa-sig';
    return true;
  }
  if (w0 === 'ikev2' && (w1 === 'local-authentication' || w1 === 'remote-authentication')) {
    const direction = w1 === 'local-authentication' ? 'local' : 'remote';
    const method = word(c, 2);
    if (method === 'pre-shared-key') addKey(r, g, c, header, 3, 'ikev2', direction);
    else g.versions.add('ikev2');
    // IKEv2 certificate authentication is read as RSA signatures (ECDSA certificates sign with ecdsa-sig).
    g.auth[`ikev2-${direction}`] ??=
      method === 'pre-shared-key' ? 'pre-share' : method === 'certificate' ? 'rsa-sig' : method;
    return true;
  }
  return w0 === 'isakmp' || w0 === 'peer-id-validate' || w0 === 'chain';
}

function addKey(
  r: Reader,
  g: Group,
  c: Statement,
  header: number,
  at: number,
  version: IkeVersion,
  direction: PreSharedKey['direction'],
): void {
  g.versions.add(version);
  const secret = readSecret(c.words.slice(at));
  if (!secret) {
    note(r, `tunnel-group ${g.name}: ${version} pre-shared-key line not understood`, [c.line]);
    return;
  }
  g.keys.push({
    scope: 'tunnel-group',
    container: g.name,
    peer: isDefaultGroup(g.name) ? 'any' : g.name,
    version,
    direction,
    ...secret,
    // The key line first, then where it sits: `tunnel-group X type …`, `tunnel-group X ipsec-attributes`.
    lines: [c.line, ...(g.typeLine !== undefined ? [g.typeLine] : []), header],
  });
}

/** The key's encoding and bytes from the words after `pre-shared-key`; never the text itself. */
function readSecret(
  words: readonly string[],
): Pick<PreSharedKey, 'encoding' | 'bytesHex'> | undefined {
  const [first, second] = words;
  if (first === undefined) return undefined;
  // "*****" (8.4+) or "*" (8.2): show running-config hides every key.
  if (/^\*{1,40}$/.test(first)) return { encoding: 'masked' };
  if (first === '8' && second !== undefined) return { encoding: 'encrypted' };
  if (first.toLowerCase() === 'hex' && second !== undefined) {
    const hex = normaliseHex(second);
    return hex ? { encoding: 'hex', bytesHex: hex } : undefined;
  }
  const text = first === '0' && second !== undefined ? second : first;
  return { encoding: 'plain', bytesHex: textToHex(text) };
}

function isDefaultGroup(name: string): boolean {
  return name === 'DefaultL2LGroup' || name === 'DefaultRAGroup';
}

function profilesOf(g: Group): IkeProfile[] {
  // DefaultL2LGroup is the fallback for peers without a group of their own, not a competing
  // match: it gets no match statement (a match on `any` would look like an overlap).
  const matches: IdentityMatch[] = isDefaultGroup(g.name) ? [] : [groupMatch(g)];
  return [...g.versions].sort().map((version) => ({
    name: g.name,
    version,
    matches,
    keyrings: [],
    ...(g.auth[`${version}-local`] ? { localAuth: g.auth[`${version}-local`] } : {}),
    ...(g.auth[`${version}-remote`] ? { remoteAuth: g.auth[`${version}-remote`] } : {}),
    lines: g.lines,
  }));
}

function groupMatch(g: Group): IdentityMatch {
  const lines = [g.lines[0] ?? 0];
  if (isIpv4(g.name)) return { kind: 'address', value: `${g.name}/32`, lines };
  if (g.name.includes(':')) return { kind: 'address', value: `${g.name.toLowerCase()}/128`, lines };
  // Named groups are matched by the peer's IKE ID (aggressive mode) or certificate OU.
  return { kind: 'other', value: g.name, lines };
}

// PIX 6: "isakmp key ******** address 81.81.81.81 netmask 255.255.255.255 no-xauth no-config-mode"
function pix6Keys(r: Reader): PreSharedKey[] {
  const out: PreSharedKey[] = [];
  for (const s of topLevel(r, 'isakmp', 'key')) {
    const at = s.words.findIndex((w) => w.toLowerCase() === 'address');
    const secret = at > 2 ? readSecret(s.words.slice(2, at)) : undefined;
    const address = s.words[at + 1];
    if (!secret || !isIpv4(address)) {
      note(r, 'isakmp key line not understood', [s.line]);
      continue;
    }
    const mask = word(s, at + 2) === 'netmask' ? s.words[at + 3] : undefined;
    const len = mask && isIpv4(mask) ? maskToLength(ipv4(mask)) : 32;
    const peer =
      len === 32 ? ipv4(address ?? '') : (toPrefix(ipv4(address ?? ''), len ?? 32) ?? '');
    use(r, s.line);
    out.push({
      scope: 'global',
      peer,
      version: 'ikev1',
      direction: 'both',
      ...secret,
      lines: [s.line],
    });
  }
  return out;
}
