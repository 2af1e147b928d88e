/**
 * Transform sets, IPsec profiles, and the tunnel interfaces they protect (GRE over IPsec, VTI,
 * DMVPN) as `tunnel-protection` connections.
 */
import type { Connection, EspProposal, Interface, Selector } from '../model.ts';
import { toPrefix } from '../normalise.ts';
import { transforms } from './algorithms.ts';
import { note, quote, use, type Ctx } from './context.ts';
import { resolveAddress } from './interfaces.ts';
import {
  ikeSide,
  newDraft,
  readPolicyLine,
  saSide,
  type Globals,
  type PolicyDraft,
} from './policy.ts';
import type { Node } from './tree.ts';

/** Reads `crypto ipsec transform-set NAME transforms…` and its `mode`. */
export function readTransformSet(node: Node, ctx: Ctx): EspProposal {
  const name = node.words[3] ?? '';
  const lines = use(ctx, node);
  const t = transforms(node.key.slice(4));
  if (t.other.length > 0)
    note(
      ctx,
      `transform set ${name}: ${t.other.join(' ')} not modelled (only ESP ciphers and ESP HMACs are)`,
      [node.line],
    );
  let mode: EspProposal['mode'];
  for (const c of node.children) {
    const m = c.key[0] === 'mode' ? c.key[1] : undefined;
    if (m !== 'tunnel' && m !== 'transport') continue;
    mode = m;
    lines.push(...use(ctx, c));
  }
  return {
    name,
    encryption: t.encryption,
    integrity: t.integrity.length > 0 ? t.integrity : ['none'],
    // Tunnel mode is the IOS default; some releases do not print `mode tunnel`.
    mode: mode ?? 'tunnel',
    lines,
  };
}

/**
 * The transform set IOS uses for an IPsec profile that names none: `default`, esp-aes
 * esp-sha-hmac offered in transport mode (falling back to tunnel) — as `show crypto ipsec
 * transform-set` prints it on IOS 15 and IOS-XE.
 */
export const DEFAULT_TRANSFORM_SET: EspProposal = {
  name: 'default',
  encryption: ['aes-128'],
  integrity: ['sha1'],
  mode: 'transport',
  lines: [],
};

/** An IPsec profile as read. */
export interface IpsecProfile extends PolicyDraft {
  readonly name: string;
}

/** Reads `crypto ipsec profile NAME`. */
export function readIpsecProfile(node: Node, ctx: Ctx): IpsecProfile {
  const name = node.words[3] ?? '';
  const d: IpsecProfile = { ...newDraft(node, ctx), name };
  for (const c of node.children) {
    if (readPolicyLine(d, c, ctx, `ipsec profile ${name}`)) continue;
    if (c.key[0] === 'set' && (c.key[1] === 'peer' || c.key[1] === 'match'))
      note(ctx, `ipsec profile ${name}: ${quote(c)} has no effect in an IPsec profile`, [c.line]);
    else if (c.key[0] === 'responder-only')
      note(ctx, `ipsec profile ${name} is responder-only: this side never initiates`, [c.line]);
  }
  return d;
}

/** Selectors of a protected tunnel: GRE between the two tunnel ends, or any/any for a VTI. */
function tunnelSelectors(
  mode: string,
  local: string | undefined,
  remote: string | undefined,
  lines: readonly number[],
): Selector[] {
  if (mode.startsWith('ipsec')) return [{ local: 'any', remote: 'any', protocol: 'ip', lines }];
  if (!mode.startsWith('gre') || !local) return [];
  const remotePrefix = remote ? toPrefix(remote, 32) : 'any';
  const localPrefix = toPrefix(local, 32);
  if (!localPrefix || !remotePrefix) return [];
  return [{ local: localPrefix, remote: remotePrefix, protocol: 'gre', lines }];
}

/** One connection per tunnel interface with `tunnel protection ipsec profile`. */
export function tunnelConnections(
  ipsecProfiles: ReadonlyMap<string, IpsecProfile>,
  g: Globals,
  ctx: Ctx,
): { connections: Connection[]; usesDefaultTransformSet: boolean } {
  const connections: Connection[] = [];
  let usesDefaultTransformSet = false;
  for (const i of g.interfaces) {
    const t = i.tunnel;
    if (!t?.protectionProfile) continue;
    const p = ipsecProfiles.get(t.protectionProfile);
    if (!p) {
      note(
        ctx,
        `${i.name} is protected by ipsec profile ${t.protectionProfile}, which is not configured`,
        t.lines,
      );
      continue;
    }
    const localAddress = resolveAddress(g.interfaces, t.source);
    if (t.source && !localAddress)
      note(
        ctx,
        `${i.name}: tunnel source ${t.source} has no address in this configuration`,
        t.lines,
      );
    const where = `${i.name} (ipsec profile ${p.name})`;
    const espProposals = p.transformSets.length > 0 ? p.transformSets : ['default'];
    if (p.transformSets.length === 0) usesDefaultTransformSet = true;
    if (t.mode === 'gre-multipoint')
      note(
        ctx,
        `${i.name} is a multipoint GRE (DMVPN) tunnel: its peers come from NHRP, not the configuration`,
        t.lines,
      );
    const sourceIf = g.interfaces.find(
      (x) => x.name.toLowerCase() === (t.source ?? '').toLowerCase(),
    );
    connections.push({
      name: i.name,
      kind: 'tunnel-protection',
      peers: t.destination ? [t.destination] : [],
      ...(localAddress ? { localAddress } : {}),
      ...ikeSide(p, g, ctx, where, localAddress, sourceIf?.vrf),
      espProposals,
      ...saSide(p, g),
      selectors: tunnelSelectors(t.mode, localAddress, t.destination, t.lines),
      appliedTo: [i.name],
      lines: [i.lines[0] ?? 0, ...t.lines, ...p.lines],
    });
  }
  return { connections, usesDefaultTransformSet };
}

/** Does an interface list apply this IPsec profile anywhere? */
export function profileInUse(interfaces: readonly Interface[], name: string): boolean {
  return interfaces.some((i) => i.tunnel?.protectionProfile === name);
}
