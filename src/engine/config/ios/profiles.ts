/**
 * ISAKMP profiles and IKEv2 profiles: which peer identities they match, which keyrings they use,
 * and (IKEv2) how each side authenticates.
 */
import type { IdentityMatch, IkeProfile, PreSharedKey } from '../model.ts';
import { prefixFromMask } from '../normalise.ts';
import { note, use, type Ctx } from './context.ts';
import { keyAt, makeKey } from './keys.ts';
import { is, type Node } from './tree.ts';

/** A profile plus what the model has no field for but connections need. */
export interface ProfileRead {
  readonly profile: IkeProfile;
  /** ISAKMP profile `initiate mode aggressive`. */
  readonly aggressive: boolean;
  /** Keys written in the profile itself (`authentication local pre-share key …`). */
  readonly keys: readonly PreSharedKey[];
}

/** `A [MASK]` at word `i` → `a.b.c.d/len`; a missing mask is a host. */
function addressMatch(words: readonly string[], i: number): { value: string; next: number } | null {
  const address = words[i] ?? '';
  const mask = words[i + 1];
  const withMask = mask !== undefined ? prefixFromMask(address, mask) : null;
  if (withMask) return { value: withMask, next: i + 2 };
  const host = prefixFromMask(address, '255.255.255.255');
  return host ? { value: host, next: i + 1 } : null;
}

/** `match identity …` of an ISAKMP profile (words after `match identity`). */
function isakmpIdentity(
  w: readonly string[],
  k: readonly string[],
): Omit<IdentityMatch, 'lines'> | null {
  const [kind = '', value] = k;
  if (kind === 'address') {
    const a = addressMatch(w, 1);
    if (!a) return null;
    const vrf = w[a.next];
    return { kind: 'address', value: a.value, ...(vrf ? { vrf } : {}) };
  }
  if (!value) return null;
  if (k[1] === 'domain') return { kind: 'other', value: `${kind} domain ${w[2] ?? ''}` };
  if (kind === 'host') return { kind: 'host', value: w[1] ?? '' };
  if (kind === 'user-fqdn') return { kind: 'user-fqdn', value: w[1] ?? '' };
  return { kind: 'other', value: w.join(' ') };
}

/** Reads `crypto isakmp profile NAME`. */
export function readIsakmpProfile(node: Node, ctx: Ctx): ProfileRead {
  const name = node.words[3] ?? '';
  const lines = use(ctx, node);
  const matches: IdentityMatch[] = [];
  const keyrings: string[] = [];
  let aggressive = false;
  for (const c of node.children) {
    const k = c.key;
    if (is(k, 'match', 'identity')) {
      const m = isakmpIdentity(c.words.slice(2), k.slice(2));
      if (m) matches.push({ ...m, lines: [c.line] });
      else note(ctx, `isakmp profile ${name}: match statement not understood`, [c.line]);
    } else if (is(k, 'match', 'certificate') && c.words[2])
      matches.push({ kind: 'other', value: `certificate ${c.words[2]}`, lines: [c.line] });
    else if (k[0] === 'keyring' && c.words[1]) keyrings.push(c.words[1]);
    else if (is(k, 'initiate', 'mode', 'aggressive')) aggressive = true;
    else if (k[0] === 'self-identity')
      note(ctx, `isakmp profile ${name} sends its own identity as ${c.words.slice(1).join(' ')}`, [
        c.line,
      ]);
    else continue;
    lines.push(...use(ctx, c));
  }
  return {
    profile: { name, version: 'ikev1', matches, keyrings, lines },
    aggressive,
    keys: [],
  };
}

/** `match identity remote …` of an IKEv2 profile (words after `remote`). */
function ikev2Identity(
  w: readonly string[],
  k: readonly string[],
): Omit<IdentityMatch, 'lines'> | null {
  const [kind = '', value] = k;
  if (kind === 'address') {
    if (value === 'ipv6' && w[2]) return { kind: 'address', value: w[2] };
    const a = addressMatch(w, 1);
    return a ? { kind: 'address', value: a.value } : null;
  }
  if (!value) return kind === 'any' ? { kind: 'other', value: 'any' } : null;
  if (value === 'domain') return { kind: 'other', value: `${kind} domain ${w[2] ?? ''}` };
  if (kind === 'fqdn') return { kind: 'fqdn', value: w[1] ?? '' };
  if (kind === 'email') return { kind: 'user-fqdn', value: w[1] ?? '' };
  if (kind === 'key-id') return { kind: 'key-id', value: w[1] ?? '' };
  return { kind: 'other', value: w.join(' ') };
}

/** `authentication local pre-share key [0|6|7|hex] KEY` — the key is read from the raw words. */
function profileKey(c: Node, profile: string, ctx: Ctx): PreSharedKey | null {
  const at = c.key.indexOf('key');
  const key = at < 0 ? null : keyAt(c.raw, at + 1);
  if (!key) return null;
  const direction = c.key[1] === 'local' ? 'local' : 'remote';
  const base = {
    scope: 'keyring',
    container: profile,
    version: 'ikev2',
    direction,
    lines: [c.line],
  } as const;
  return makeKey(base, key, ctx, `ikev2 profile ${profile} ${direction} key`);
}

/** Reads `crypto ikev2 profile NAME`. */
export function readIkev2Profile(node: Node, ctx: Ctx): ProfileRead {
  const name = node.words[3] ?? '';
  const lines = use(ctx, node);
  const matches: IdentityMatch[] = [];
  const keyrings: string[] = [];
  const keys: PreSharedKey[] = [];
  let localAuth: string | undefined;
  const remoteAuth: string[] = [];
  let fvrf: string | undefined;
  for (const c of node.children) {
    const k = c.key;
    if (is(k, 'match', 'identity', 'remote')) {
      const m = ikev2Identity(c.words.slice(3), k.slice(3));
      if (m) matches.push({ ...m, lines: [c.line] });
      else note(ctx, `ikev2 profile ${name}: match statement not understood`, [c.line]);
    } else if (is(k, 'match', 'fvrf') && c.words[2]) fvrf = c.words[2];
    else if (is(k, 'match', 'certificate') && c.words[2])
      matches.push({ kind: 'other', value: `certificate ${c.words[2]}`, lines: [c.line] });
    else if (is(k, 'match', 'address', 'local')) {
      /* read: the local address this profile answers on */
    } else if (is(k, 'authentication', 'local') && k[2]) {
      localAuth = k[2];
      const key = profileKey(c, name, ctx);
      if (key) keys.push(key);
    } else if (is(k, 'authentication', 'remote') && k[2]) {
      remoteAuth.push(k[2]);
      const key = profileKey(c, name, ctx);
      if (key) keys.push(key);
    } else if (is(k, 'keyring', 'local') && c.words[2]) keyrings.push(c.words[2]);
    else if (k[0] === 'keyring' && k.length === 2 && c.words[1]) keyrings.push(c.words[1]);
    else if (is(k, 'keyring', 'aaa'))
      note(
        ctx,
        `ikev2 profile ${name} takes its keys from AAA (${c.words[2] ?? ''}): not compared`,
        [c.line],
      );
    else if (is(k, 'identity', 'local'))
      note(ctx, `ikev2 profile ${name} sends its own identity as ${c.words.slice(2).join(' ')}`, [
        c.line,
      ]);
    else if (k[0] === 'lifetime')
      note(
        ctx,
        `ikev2 profile ${name}: IKEv2 SA lifetime ${c.words[1] ?? ''} s (not negotiated; not compared)`,
        [c.line],
      );
    else if (k[0] !== 'dpd' && k[0] !== 'description') continue;
    lines.push(...use(ctx, c));
  }
  if (remoteAuth.length > 1)
    note(
      ctx,
      `ikev2 profile ${name} accepts several remote authentication methods: ${remoteAuth.join(', ')}`,
      lines.slice(0, 1),
    );
  const withVrf = fvrf && fvrf !== 'any' ? matches.map((m) => ({ ...m, vrf: fvrf })) : matches;
  return {
    profile: {
      name,
      version: 'ikev2',
      matches: withVrf,
      keyrings,
      ...(localAuth ? { localAuth } : {}),
      ...(remoteAuth[0] ? { remoteAuth: remoteAuth[0] } : {}),
      lines,
    },
    aggressive: false,
    keys,
  };
}
