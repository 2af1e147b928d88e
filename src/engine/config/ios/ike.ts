/**
 * ISAKMP policies and IKEv2 proposals/policies, with the values IOS does not print filled in.
 *
 * `show running-config` hides a policy's default values, so a policy that prints only
 * `authentication pre-share` and `group 14` really offers DES/SHA-1 with a one-day lifetime.
 */
import type { IkeProposal } from '../model.ts';
import { dhGroup, hashWord, ikev2Cipher, isakmpCipher } from './algorithms.ts';
import { note, quote, use, type Ctx } from './context.ts';
import { is, NUMBER, type Node } from './tree.ts';

/**
 * ISAKMP policy defaults (Cisco IOS Security Command Reference, `crypto isakmp policy` and its
 * sub-commands). Encryption: 56-bit DES is the documented default of classic IOS 12.x/15.x.
 * Later IOS-XE releases that dropped DES may behave differently; we keep the documented value
 * and list it in `defaulted`, so a finding can say it was assumed rather than read.
 */
const ISAKMP_DEFAULTS = {
  encryption: 'des',
  integrity: 'sha1',
  authentication: 'rsa-sig',
  dhGroup: 1,
  lifetimeSeconds: 86_400,
} as const;

const AUTH_METHODS = new Set(['pre-share', 'rsa-sig', 'rsa-encr', 'ecdsa-sig']);

/** Reads `crypto isakmp policy N` and its sub-commands. */
export function readIsakmpPolicy(node: Node, ctx: Ctx): IkeProposal {
  const name = node.words[3] ?? '';
  const lines = use(ctx, node);
  let encryption: string | undefined;
  let integrity: string | undefined;
  let authentication: string | undefined;
  let group: number | undefined;
  let lifetime: number | undefined;
  for (const c of node.children) {
    const [kw = '', arg = ''] = c.key;
    let ok = false;
    if (kw === 'encr' || kw === 'encryption') {
      const cipher = isakmpCipher(c.key.slice(1));
      if (cipher) [encryption, ok] = [cipher, true];
    } else if (kw === 'hash') {
      const h = hashWord(arg);
      if (h) [integrity, ok] = [h, true];
    } else if (kw === 'authentication' && AUTH_METHODS.has(arg)) [authentication, ok] = [arg, true];
    else if (kw === 'group' && dhGroup(arg) !== null) [group, ok] = [dhGroup(arg) ?? 0, true];
    else if (kw === 'lifetime' && NUMBER.test(arg)) [lifetime, ok] = [Number(arg), true];
    if (ok) lines.push(...use(ctx, c));
    else note(ctx, `isakmp policy ${name}: ${quote(c)} not understood`, [c.line]);
  }
  const defaulted = [
    encryption ? '' : 'encryption',
    integrity ? '' : 'integrity',
    authentication ? '' : 'authentication',
    group !== undefined ? '' : 'dhGroups',
    lifetime !== undefined ? '' : 'lifetimeSeconds',
  ].filter(Boolean);
  return {
    version: 'ikev1',
    name,
    ...(NUMBER.test(name) ? { priority: Number(name) } : {}),
    encryption: [encryption ?? ISAKMP_DEFAULTS.encryption],
    integrity: [integrity ?? ISAKMP_DEFAULTS.integrity],
    prf: [],
    dhGroups: [group ?? ISAKMP_DEFAULTS.dhGroup],
    authentication: authentication ?? ISAKMP_DEFAULTS.authentication,
    lifetimeSeconds: lifetime ?? ISAKMP_DEFAULTS.lifetimeSeconds,
    defaulted,
    lines,
  };
}

/** Reads `crypto ikev2 proposal NAME`: `encryption`, `integrity`, `prf`, `group` lists. */
export function readIkev2Proposal(node: Node, ctx: Ctx): IkeProposal {
  const name = node.words[3] ?? '';
  const lines = use(ctx, node);
  const lists = { encryption: [] as string[], integrity: [] as string[], prf: [] as string[] };
  const groups: number[] = [];
  for (const c of node.children) {
    const [kw = ''] = c.key;
    const args = c.key.slice(1);
    let read: (string | number | null)[] = [];
    if (kw === 'encryption') read = args.map(ikev2Cipher);
    else if (kw === 'integrity' || kw === 'prf') read = args.map(hashWord);
    else if (kw === 'group') read = args.map(dhGroup);
    if (read.length === 0 || read.some((r) => r === null)) {
      note(ctx, `ikev2 proposal ${name}: ${quote(c)} not understood`, [c.line]);
      continue;
    }
    if (kw === 'group') groups.push(...(read as number[]));
    else lists[kw as keyof typeof lists].push(...(read as string[]));
    lines.push(...use(ctx, c));
  }
  return { version: 'ikev2', name, ...lists, dhGroups: groups, lines };
}

/** An IKEv2 policy: which proposals IOS offers for which local address / front-door VRF. */
export interface Ikev2Policy {
  readonly name: string;
  readonly proposals: readonly string[];
  /** `match address local` addresses; empty = any. */
  readonly localAddresses: readonly string[];
  /** `match fvrf`: a VRF name, `any`, or undefined for the global table (the default). */
  readonly fvrf?: string;
  readonly lines: readonly number[];
}

/** Reads `crypto ikev2 policy NAME`. */
export function readIkev2Policy(node: Node, ctx: Ctx): Ikev2Policy {
  const lines = use(ctx, node);
  const proposals: string[] = [];
  const localAddresses: string[] = [];
  let fvrf: string | undefined;
  for (const c of node.children) {
    if (c.key[0] === 'proposal') proposals.push(...c.words.slice(1));
    else if (is(c.key, 'match', 'address', 'local')) localAddresses.push(...c.words.slice(3));
    else if (is(c.key, 'match', 'fvrf') && c.words[2]) fvrf = c.words[2];
    else continue;
    lines.push(...use(ctx, c));
  }
  return { name: node.words[3] ?? '', proposals, localAddresses, ...(fvrf ? { fvrf } : {}), lines };
}

/**
 * The IKEv2 default proposal of IOS-XE 16/17 (`show crypto ikev2 proposal default`), used by the
 * default policy when no `crypto ikev2 policy` is configured. Classic IOS 15.x offered
 * AES-CBC-256/192/128, SHA-512…MD5 and groups 5 and 2 instead; a note says so.
 */
export const IKEV2_DEFAULT_PROPOSAL: IkeProposal = {
  version: 'ikev2',
  name: 'default',
  encryption: ['aes-256'],
  integrity: ['sha512', 'sha384'],
  prf: ['sha512', 'sha384'],
  dhGroups: [19, 14, 21, 5],
  defaulted: ['encryption', 'integrity', 'prf', 'dhGroups'],
  lines: [],
};

/**
 * The IKEv2 proposals a connection offers: those of the most specific policy matching its local
 * address and front-door VRF (a policy naming the address beats one without), or the default
 * policy's `default` proposal when no policy is configured.
 */
export function ikev2ProposalsFor(
  policies: readonly Ikev2Policy[],
  localAddress: string | undefined,
  vrf: string | undefined,
): string[] {
  if (policies.length === 0) return ['default'];
  const vrfMatches = (p: Ikev2Policy): boolean =>
    p.fvrf === 'any' || (p.fvrf ?? 'global') === (vrf ?? 'global');
  const byAddress = policies.find(
    (p) => vrfMatches(p) && localAddress !== undefined && p.localAddresses.includes(localAddress),
  );
  const anyAddress = policies.find((p) => vrfMatches(p) && p.localAddresses.length === 0);
  return [...((byAddress ?? anyAddress)?.proposals ?? [])];
}
