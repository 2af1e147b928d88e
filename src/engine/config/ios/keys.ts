/**
 * Pre-shared keys and keyrings: global `crypto isakmp key` (the `default` keyring),
 * `crypto keyring` (IKEv1) and `crypto ikev2 keyring`.
 *
 * A key's text is turned into bytes at once and never stored or quoted: notes about key lines name
 * the keyring and peer only.
 */
import type { Keyring, PreSharedKey } from '../model.ts';
import { decodeType7, ipv4ToNumber, maskToLength, normaliseHex, textToHex } from '../normalise.ts';
import { note, use, type Ctx } from './context.ts';
import { descendants, type Node } from './tree.ts';

/** A key as written and how it is encoded. */
export interface KeyText {
  /** `0`, `6`, `7`, `hex` or undefined (plain). */
  readonly enc?: string;
  readonly text: string;
}

/** The bytes and encoding of a key; `bad` when the text is not what its encoding says. */
function decodeKey(k: KeyText): Pick<PreSharedKey, 'bytesHex' | 'encoding'> & { bad?: boolean } {
  switch (k.enc) {
    case '6':
      return { encoding: 'type6' };
    case '7': {
      const text = decodeType7(k.text);
      return text === null
        ? { encoding: 'type7', bad: true }
        : { encoding: 'type7', bytesHex: textToHex(text) };
    }
    case 'hex': {
      const hex = normaliseHex(k.text);
      return hex === null ? { encoding: 'hex', bad: true } : { encoding: 'hex', bytesHex: hex };
    }
    default:
      return { encoding: 'plain', bytesHex: textToHex(k.text) };
  }
}

const ENCODINGS = new Set(['0', '6', '7', 'hex']);

/** `[0|6|7|hex] KEY` starting at word `i` of the raw words (an encoding word needs a key after it). */
export function keyAt(raw: readonly string[], i: number): KeyText | null {
  const first = raw[i];
  if (first === undefined) return null;
  const second = raw[i + 1];
  if (ENCODINGS.has(first.toLowerCase()) && second !== undefined && !second.startsWith('!'))
    return { enc: first.toLowerCase(), text: second };
  return { text: first };
}

/** A peer as the model writes it: `any`, a bare address for a host, `a.b.c.d/len` otherwise. */
export function peerOf(address: string, mask: string | undefined): string {
  if (ipv4ToNumber(address) === null) return address;
  const len = mask === undefined ? (address === '0.0.0.0' ? 0 : 32) : maskToLength(mask);
  if (len === null) return address;
  if (len === 0) return 'any';
  return len === 32 ? address : `${address}/${len}`;
}

/** `address A [MASK]` / `hostname H` at word `i` → the peer and the index after it. */
function peerAt(words: readonly string[], i: number): { peer: string; next: number } | null {
  const kind = words[i]?.toLowerCase();
  const value = words[i + 1];
  if (!value || (kind !== 'address' && kind !== 'hostname')) return null;
  if (kind === 'hostname') return { peer: value, next: i + 2 };
  if (value.toLowerCase() === 'ipv6')
    return words[i + 2] ? { peer: words[i + 2] ?? '', next: i + 3 } : null;
  const mask = words[i + 2];
  const hasMask = mask !== undefined && maskToLength(mask) !== null;
  return { peer: peerOf(value, hasMask ? mask : undefined), next: hasMask ? i + 3 : i + 2 };
}

/** A key entry with its bytes; a key that does not decode gets a note (naming `where`, never the key). */
export function makeKey(
  base: Omit<PreSharedKey, 'bytesHex' | 'encoding'>,
  k: KeyText,
  ctx: Ctx,
  where: string,
): PreSharedKey {
  const { bad, ...decoded } = decodeKey(k);
  if (bad)
    note(ctx, `${where}: the key is not valid ${decoded.encoding} text`, [base.lines[0] ?? 0]);
  return { ...base, ...decoded };
}

/** Reads the global `crypto isakmp key [0|6|7] KEY address A [M] | hostname H` lines. */
export function readGlobalKeys(
  nodes: readonly Node[],
  ctx: Ctx,
): { keys: PreSharedKey[]; keyring?: Keyring } {
  const keys: PreSharedKey[] = [];
  for (const n of nodes) {
    // `crypto isakmp key 7 0822455D0A16 address …`, or a key that is itself `0`/`6`/`7`.
    const encoded = keyAt(n.raw, 3)?.enc ? peerAt(n.raw, 5) : null;
    const key = encoded ? keyAt(n.raw, 3) : n.raw[3] ? { text: n.raw[3] } : null;
    const peer = encoded ?? peerAt(n.raw, 4);
    if (!key || !peer) {
      note(ctx, 'crypto isakmp key: the peer address or host name could not be read', [n.line]);
      continue;
    }
    use(ctx, n);
    const base = {
      scope: 'global',
      container: 'default',
      peer: peer.peer,
      version: 'ikev1',
      direction: 'both',
      lines: [n.line],
    } as const;
    keys.push(makeKey(base, key, ctx, `crypto isakmp key for ${peer.peer}`));
  }
  if (keys.length === 0) return { keys };
  const keyring: Keyring = {
    name: 'default',
    version: 'ikev1',
    isDefault: true,
    peers: keys.map((k) => k.peer ?? ''),
    lines: keys.map((k) => k.lines[0] ?? 0),
  };
  return { keys, keyring };
}

/** Reads `crypto keyring NAME [vrf V]` with `pre-shared-key address A [M] key [0|6|7|hex] KEY`. */
export function readKeyring(node: Node, ctx: Ctx): { keys: PreSharedKey[]; keyring: Keyring } {
  const name = node.words[2] ?? '';
  const vrf = node.key[3] === 'vrf' ? node.words[4] : undefined;
  const lines = use(ctx, node);
  const keys: PreSharedKey[] = [];
  for (const c of node.children) {
    if (c.key[0] !== 'pre-shared-key') continue;
    const peer = peerAt(c.raw, 1);
    const key =
      peer && c.raw[peer.next]?.toLowerCase() === 'key' ? keyAt(c.raw, peer.next + 1) : null;
    if (!peer || !key) {
      note(ctx, `keyring ${name}: a pre-shared-key line could not be read`, [c.line]);
      continue;
    }
    lines.push(...use(ctx, c));
    const base = {
      scope: 'keyring',
      container: name,
      peer: peer.peer,
      version: 'ikev1',
      direction: 'both',
      lines: [c.line, node.line],
    } as const;
    keys.push(makeKey(base, key, ctx, `keyring ${name} key for ${peer.peer}`));
  }
  for (const c of node.children) if (c.key[0] === 'local-address') lines.push(...use(ctx, c));
  const keyring: Keyring = {
    name,
    version: 'ikev1',
    isDefault: false,
    ...(vrf ? { vrf } : {}),
    peers: keys.map((k) => k.peer ?? ''),
    lines,
  };
  return { keys, keyring };
}

interface Ikev2PeerDraft {
  name: string;
  peer?: string;
  identity?: string;
  lines: number[];
  keys: { direction: PreSharedKey['direction']; key: KeyText; line: number }[];
}

/** One sub-command of an IKEv2 keyring `peer` (nested or flattened); false when not understood. */
function readIkev2PeerLine(p: Ikev2PeerDraft, c: Node): boolean {
  const [kw] = c.key;
  if (kw === 'address') {
    const at = peerAt(c.words, 0);
    if (!at) return false;
    p.peer = at.peer;
  } else if (kw === 'hostname' && c.words[1]) p.peer ??= c.words[1];
  else if (kw === 'identity' && c.words.length >= 3) p.identity = c.words[c.words.length - 1] ?? '';
  else if (kw === 'pre-shared-key') {
    const dir = c.key[1] === 'local' || c.key[1] === 'remote' ? c.key[1] : undefined;
    const key = keyAt(c.raw, dir ? 2 : 1);
    if (!key) return false;
    p.keys.push({ direction: dir ?? 'both', key, line: c.line });
    return true;
  } else if (kw !== 'description') return false;
  p.lines.push(c.line);
  return true;
}

/** Reads `crypto ikev2 keyring NAME` with its `peer` entries. */
export function readIkev2Keyring(node: Node, ctx: Ctx): { keys: PreSharedKey[]; keyring: Keyring } {
  const name = node.words[3] ?? '';
  const lines = use(ctx, node);
  const peers: Ikev2PeerDraft[] = [];
  for (const c of node.children.flatMap(descendants)) {
    if (c.key[0] === 'peer') {
      peers.push({ name: c.words[1] ?? '', lines: [c.line], keys: [] });
      lines.push(...use(ctx, c));
      continue;
    }
    const p = peers[peers.length - 1];
    if (p && readIkev2PeerLine(p, c)) lines.push(...use(ctx, c));
    else note(ctx, `ikev2 keyring ${name}: line ${c.line} not understood`, [c.line]);
  }
  const keys = peers.flatMap((p) =>
    p.keys.map((k) => {
      const base = {
        scope: 'keyring',
        container: name,
        peer: p.peer ?? p.name,
        ...(p.identity ? { identity: p.identity } : {}),
        version: 'ikev2',
        direction: k.direction,
        lines: [k.line, ...p.lines],
      } as const;
      return makeKey(base, k.key, ctx, `ikev2 keyring ${name} peer ${p.name}`);
    }),
  );
  const keyring: Keyring = {
    name,
    version: 'ikev2',
    isDefault: false,
    peers: peers.map((p) => p.peer ?? p.identity ?? p.name),
    lines,
  };
  return { keys, keyring };
}
