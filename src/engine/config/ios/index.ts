/**
 * Cisco IOS / IOS-XE configuration parser: `show running-config` (or only its crypto sections,
 * pasted with or without the prompt, indented or flattened) into one `PeerConfig`.
 */
import type { ConfigParser, EspProposal, IkeProposal, PeerConfig } from '../model.ts';
import { emptyPeer } from '../model.ts';
import { readAcls } from './acl.ts';
import { newCtx, note, use, type Ctx } from './context.ts';
import { cryptoMapConnections } from './cryptomap.ts';
import {
  IKEV2_DEFAULT_PROPOSAL,
  readIkev2Policy,
  readIkev2Proposal,
  readIsakmpPolicy,
} from './ike.ts';
import { readInterface, readRoute } from './interfaces.ts';
import {
  DEFAULT_TRANSFORM_SET,
  profileInUse,
  readIpsecProfile,
  readTransformSet,
  tunnelConnections,
} from './ipsec.ts';
import { readGlobalKeys, readIkev2Keyring, readKeyring } from './keys.ts';
import { readNat } from './nat.ts';
import { globalCryptoNotes } from './notes.ts';
import { readIkev2Profile, readIsakmpProfile, type ProfileRead } from './profiles.ts';
import { sniffIos } from './sniff.ts';
import { blockKind, descendants, is, iosTree, NUMBER, type BlockKind, type Node } from './tree.ts';

/** Top-level statements sorted by what they are. */
type Buckets = Partial<Record<BlockKind | 'isakmp-key' | 'route' | 'nat' | 'map-local', Node[]>>;

function bucketOf(n: Node): keyof Buckets | null {
  const kind = blockKind(n.key);
  if (kind) return kind;
  if (is(n.key, 'crypto', 'isakmp', 'key')) return 'isakmp-key';
  if (is(n.key, 'ip', 'route')) return 'route';
  if (is(n.key, 'ip', 'nat', 'inside', 'source') || is(n.key, 'ip', 'nat', 'outside', 'source'))
    return 'nat';
  if (is(n.key, 'crypto', 'map') && n.key[3] === 'local-address') return 'map-local';
  return null;
}

/** Lines that are part of every `show running-config` and say nothing about the VPN. */
function isBoilerplate(n: Node): boolean {
  return (
    is(n.key, 'building', 'configuration...') ||
    is(n.key, 'current', 'configuration') ||
    (n.key.length === 1 && n.key[0] === 'end')
  );
}

/** A number after `crypto ipsec security-association lifetime seconds|kilobytes`. */
function globalLifetime(nodes: readonly Node[], unit: string, ctx: Ctx): number | undefined {
  const n = nodes.find((x) =>
    is(x.key, 'crypto', 'ipsec', 'security-association', 'lifetime', unit),
  );
  if (!n || !NUMBER.test(n.key[5] ?? '')) return undefined;
  use(ctx, n);
  return Number(n.key[5]);
}

/** IKEv2 default policy/proposal: modelled only when IKEv2 is in use without a policy of its own. */
function ikev2Defaults(
  proposals: IkeProposal[],
  policies: ReturnType<typeof readIkev2Policy>[],
  usesIkev2: boolean,
  ctx: Ctx,
): IkeProposal[] {
  const named = new Set(proposals.map((p) => p.name));
  for (const pol of policies)
    for (const name of pol.proposals)
      if (!named.has(name))
        note(
          ctx,
          `ikev2 policy ${pol.name} names proposal ${name}, which is not configured`,
          pol.lines,
        );
  const referenced = new Set(policies.flatMap((p) => p.proposals));
  for (const p of proposals)
    if (!referenced.has(p.name) && !(policies.length === 0 && p.name === 'default'))
      note(
        ctx,
        `ikev2 proposal ${p.name} is not named by any ikev2 policy, so IOS never offers it`,
        p.lines.slice(0, 1),
      );
  if (!usesIkev2 || policies.length > 0 || named.has('default')) return [];
  note(
    ctx,
    'No crypto ikev2 policy: IOS uses its default policy, which offers only the default proposal ' +
      '(IOS-XE 16/17: AES-CBC-256, SHA-512/384, DH 19 14 21 5; classic IOS 15: AES-CBC-256/192/128, ' +
      'SHA-512 to MD5, DH 5 and 2) — check with show crypto ikev2 proposal default',
    [],
  );
  return [IKEV2_DEFAULT_PROPOSAL];
}

function read(text: string): PeerConfig {
  const ctx = newCtx();
  const nodes = iosTree(text);
  const b: Buckets = {};
  for (const n of nodes) {
    const key = bucketOf(n);
    if (key) (b[key] ??= []).push(n);
    else if (isBoilerplate(n)) use(ctx, n);
  }
  const hostnameNode = nodes.find((n) => n.key[0] === 'hostname' && n.words[1]);
  use(ctx, hostnameNode);
  const interfaces = (b.interface ?? []).map((n) => readInterface(n, ctx));
  const routes = (b.route ?? []).flatMap((n) => readRoute(n, ctx) ?? []);
  const isakmp = (b['isakmp-policy'] ?? []).map((n) => readIsakmpPolicy(n, ctx));
  const ikev2Proposals = (b['ikev2-proposal'] ?? []).map((n) => readIkev2Proposal(n, ctx));
  const ikev2Policies = (b['ikev2-policy'] ?? []).map((n) => readIkev2Policy(n, ctx));
  const global = readGlobalKeys(b['isakmp-key'] ?? [], ctx);
  const rings = [
    ...(b.keyring ?? []).map((n) => readKeyring(n, ctx)),
    ...(b['ikev2-keyring'] ?? []).map((n) => readIkev2Keyring(n, ctx)),
  ];
  const profileReads: ProfileRead[] = [
    ...(b['isakmp-profile'] ?? []).map((n) => readIsakmpProfile(n, ctx)),
    ...(b['ikev2-profile'] ?? []).map((n) => readIkev2Profile(n, ctx)),
  ];
  const acls = readAcls(nodes);
  const transformSets: EspProposal[] = (b['transform-set'] ?? []).map((n) =>
    readTransformSet(n, ctx),
  );
  const ipsecProfiles = new Map(
    (b['ipsec-profile'] ?? []).map((n) => readIpsecProfile(n, ctx)).map((p) => [p.name, p]),
  );
  const g = {
    interfaces,
    profiles: new Map(profileReads.map((p) => [p.profile.name, p])),
    ikev2Policies,
    ...optional('lifetimeSeconds', globalLifetime(nodes, 'seconds', ctx)),
    ...optional('lifetimeKilobytes', globalLifetime(nodes, 'kilobytes', ctx)),
  };
  const maps = cryptoMapConnections(
    b['crypto-map'] ?? [],
    b['dynamic-map'] ?? [],
    b['map-local'] ?? [],
    acls,
    g,
    ctx,
  );
  const tunnels = tunnelConnections(ipsecProfiles, g, ctx);
  for (const p of ipsecProfiles.values())
    if (!profileInUse(interfaces, p.name))
      note(
        ctx,
        `ipsec profile ${p.name} protects no tunnel interface here (GDOI or another paste may use it)`,
        p.lines.slice(0, 1),
      );
  const connections = [...maps, ...tunnels.connections];
  if (tunnels.usesDefaultTransformSet && !transformSets.some((t) => t.name === 'default')) {
    transformSets.push(DEFAULT_TRANSFORM_SET);
    note(
      ctx,
      'An ipsec profile sets no transform set: IOS uses its default set (esp-aes esp-sha-hmac)',
      [],
    );
  }
  const usesIkev2 =
    connections.some((c) => c.ikeVersions.includes('ikev2')) ||
    profileReads.some((p) => p.profile.version === 'ikev2');
  if (!usesIkev2 && isakmp.length === 0 && connections.length > 0)
    note(
      ctx,
      'No crypto isakmp policy in this configuration: IKEv1 can only use the IOS default policies',
      [],
    );
  const nat = readNat({ statements: b.nat ?? [], routeMaps: b['route-map'] ?? [], acls }, ctx);
  for (const n of b.gdoi ?? [])
    note(ctx, `crypto gdoi group ${n.words[3] ?? ''}: GDOI group keys are not modelled`, [
      n.line,
      ...n.children.flatMap(descendants).map((c) => c.line),
    ]);
  globalCryptoNotes(nodes, ctx);
  const all = nodes.flatMap(descendants);
  return {
    ...emptyPeer('cisco-ios'),
    ...(hostnameNode ? { hostname: hostnameNode.words[1] } : {}),
    interfaces,
    routes,
    ikeProposals: [
      ...isakmp,
      ...ikev2Proposals,
      ...ikev2Defaults(ikev2Proposals, ikev2Policies, usesIkev2, ctx),
    ],
    espProposals: transformSets,
    keys: [...global.keys, ...rings.flatMap((r) => r.keys), ...profileReads.flatMap((p) => p.keys)],
    keyrings: [...(global.keyring ? [global.keyring] : []), ...rings.map((r) => r.keyring)],
    profiles: profileReads.map((p) => p.profile),
    connections,
    nat,
    notes: ctx.notes,
    unread: all.filter((n) => !ctx.used.has(n.line)).length,
  };
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

/** Reads an IOS configuration; never throws (an internal failure becomes a note). */
export function parseIos(text: string): PeerConfig {
  try {
    return read(text);
  } catch (e) {
    return {
      ...emptyPeer('cisco-ios'),
      notes: [
        {
          message: `The configuration could not be read (${e instanceof Error ? e.message : 'error'})`,
          lines: [],
        },
      ],
    };
  }
}

/** The Cisco IOS / IOS-XE configuration parser. */
export const IOS_CONFIG: ConfigParser = { platform: 'cisco-ios', sniff: sniffIos, parse: parseIos };
