/**
 * IOS interfaces (addresses, VRF, NAT side, crypto map, tunnel settings) and static routes.
 */
import type { Interface, Prefix, Route, TunnelInterface } from '../model.ts';
import { addressOf, ipv4ToNumber, maskToLength, prefixFromMask } from '../normalise.ts';
import { note, use, type Ctx } from './context.ts';
import { is, type Node } from './tree.ts';

/** A tunnel interface name: `Tunnel0`, `tunnel101`. */
const TUNNEL_NAME = /^tunnel/i;
/** An administrative distance after an `ip route` next hop: `ip route 0.0.0.0 0.0.0.0 192.0.2.1 250`. */
const DISTANCE = /^\d{1,3}$/;
/** An IPv6 interface address as written: `2001:db8::1/64`. */
const IPV6_PREFIX = /^[0-9a-f:.]{2,45}\/\d{1,3}$/;

/** `ip address 192.0.2.1 255.255.255.0` → `192.0.2.1/24` (the host bits kept: it is this interface's address). */
function interfaceAddress(address: string, mask: string): Prefix | null {
  const len = maskToLength(mask);
  if (len === null || ipv4ToNumber(address) === null) return null;
  return `${address}/${len}`;
}

/**
 * Tunnel mode words to one word: no `tunnel mode` is GRE over IPv4 (the IOS default);
 * `gre ip` → `gre`, `gre multipoint` → `gre-multipoint`, `ipsec ipv4` → `ipsec-ipv4`.
 */
export function tunnelMode(args: readonly string[]): string {
  if (args.length === 0 || (args[0] === 'gre' && (args[1] === 'ip' || args[1] === undefined)))
    return 'gre';
  return args.join('-');
}

interface TunnelDraft {
  mode?: string;
  source?: string;
  destination?: string;
  key?: string;
  protectionProfile?: string;
  vrf?: string;
  lines: number[];
}

/** Reads one `tunnel …` sub-command into the draft; false when not understood. */
function readTunnel(t: TunnelDraft, c: Node): boolean {
  const [, what] = c.key;
  const arg = c.words[2];
  if (what === 'source' && arg) t.source = arg;
  else if (what === 'destination' && arg) t.destination = arg;
  else if (what === 'mode' && arg) t.mode = tunnelMode(c.key.slice(2));
  else if (what === 'key' && arg) t.key = arg;
  // The front-door VRF: read (the model keeps the source interface's VRF instead).
  else if (what === 'vrf' && arg) t.vrf = arg;
  else if (is(c.key, 'tunnel', 'protection', 'ipsec', 'profile') && c.words[4])
    t.protectionProfile = c.words[4];
  else return false;
  t.lines.push(c.line);
  return true;
}

interface InterfaceDraft {
  addresses: Prefix[];
  vrf?: string;
  shutdown: boolean;
  natSide?: 'inside' | 'outside';
  cryptoMap?: string;
  lines: number[];
  nhrp: number[];
}

/** Reads one interface sub-command (not `tunnel …`); false when it is not VPN-relevant. */
function readInterfaceLine(d: InterfaceDraft, c: Node, ctx: Ctx, name: string): boolean {
  const k = c.key;
  if (is(k, 'ip', 'address') && k[2] && k[3] && k[2] !== 'dhcp') {
    const a = interfaceAddress(c.words[2] ?? '', c.words[3] ?? '');
    if (a) d.addresses.push(a);
    else
      note(ctx, `${name}: address ${c.words[2]} ${c.words[3]} is not an address and mask`, [
        c.line,
      ]);
  } else if (is(k, 'ip', 'address', 'dhcp') || is(k, 'ip', 'address', 'negotiated'))
    note(ctx, `${name} takes its address from ${k[2]}; the address is not in the configuration`, [
      c.line,
    ]);
  else if (is(k, 'ipv6', 'address') && IPV6_PREFIX.test(k[2] ?? '')) d.addresses.push(k[2] ?? '');
  else if (is(k, 'ip', 'vrf', 'forwarding') && c.words[3]) d.vrf = c.words[3];
  else if (is(k, 'vrf', 'forwarding') && c.words[2]) d.vrf = c.words[2];
  else if (k.length === 1 && k[0] === 'shutdown') d.shutdown = true;
  else if (is(k, 'no', 'shutdown')) d.shutdown = false;
  else if (is(k, 'ip', 'nat') && (k[2] === 'inside' || k[2] === 'outside')) d.natSide = k[2];
  else if (is(k, 'crypto', 'map') && c.words[2]) d.cryptoMap = c.words[2];
  else if (is(k, 'ip', 'nhrp')) d.nhrp.push(c.line);
  else if (is(k, 'no', 'ip', 'address')) d.addresses = [];
  else return false;
  d.lines.push(c.line);
  return true;
}

/** Reads an `interface NAME` block. */
export function readInterface(node: Node, ctx: Ctx): Interface {
  const name = node.words[1] ?? '';
  const d: InterfaceDraft = { addresses: [], shutdown: false, lines: use(ctx, node), nhrp: [] };
  const isTunnel = TUNNEL_NAME.test(name) || is(node.key.slice(2), 'type', 'tunnel');
  const t: TunnelDraft = { lines: [] };
  if (node.words.length > 2 && !is(node.key.slice(2), 'type', 'tunnel'))
    note(ctx, `interface ${name}: words after the interface name were ignored`, [node.line]);
  for (const c of node.children) {
    const read = is(c.key, 'tunnel') ? readTunnel(t, c) : readInterfaceLine(d, c, ctx, name);
    if (read) use(ctx, c);
  }
  if (d.nhrp.length > 0)
    note(
      ctx,
      `${name} runs NHRP (DMVPN): spoke-to-spoke tunnels are built on demand and not modelled`,
      d.nhrp,
    );
  const hasTunnel = isTunnel || t.lines.length > 0;
  const tunnel: TunnelInterface | undefined = hasTunnel
    ? {
        mode: t.mode ?? 'gre',
        ...(t.source ? { source: t.source } : {}),
        ...(t.destination ? { destination: t.destination } : {}),
        ...(t.key ? { key: t.key } : {}),
        ...(t.protectionProfile ? { protectionProfile: t.protectionProfile } : {}),
        lines: t.lines,
      }
    : undefined;
  return {
    name,
    addresses: d.addresses,
    ...(d.vrf ? { vrf: d.vrf } : {}),
    shutdown: d.shutdown,
    ...(d.natSide ? { natSide: d.natSide } : {}),
    ...(d.cryptoMap ? { cryptoMap: d.cryptoMap } : {}),
    ...(tunnel ? { tunnel } : {}),
    lines: [...d.lines, ...t.lines].sort((a, b) => a - b),
  };
}

/** IOS interface names are case-insensitive and often abbreviated the same way in one config. */
export function findInterface(
  interfaces: readonly Interface[],
  name: string,
): Interface | undefined {
  const lower = name.toLowerCase();
  return interfaces.find((i) => i.name.toLowerCase() === lower);
}

/** An address or an interface name → that address (the interface's first IPv4 address). */
export function resolveAddress(
  interfaces: readonly Interface[],
  addressOrInterface: string | undefined,
): string | undefined {
  if (!addressOrInterface) return undefined;
  if (ipv4ToNumber(addressOrInterface) !== null) return addressOrInterface;
  const first = findInterface(interfaces, addressOrInterface)?.addresses[0];
  return first ? addressOf(first) : undefined;
}

/** The distance, `name X`, `permanent`, `track N` and `tag N` words that may end an `ip route`. */
const ROUTE_OPTIONS = new Set(['name', 'permanent', 'track', 'tag', 'global', 'multicast']);

/** Reads `ip route [vrf V] PREFIX MASK (NEXTHOP | INTERFACE [NEXTHOP]) [options]`. */
export function readRoute(node: Node, ctx: Ctx): Route | null {
  const vrf = node.key[2] === 'vrf' ? node.words[3] : undefined;
  const w = node.words.slice(vrf ? 4 : 2);
  const prefix = prefixFromMask(w[0] ?? '', w[1] ?? '');
  if (!prefix) {
    note(ctx, 'ip route: the prefix and mask could not be read', [node.line]);
    return null;
  }
  let nextHop: string | undefined;
  let iface: string | undefined;
  for (const word of w.slice(2, 4)) {
    if (ROUTE_OPTIONS.has(word.toLowerCase()) || DISTANCE.test(word)) break;
    if (ipv4ToNumber(word) !== null) nextHop = word;
    else if (!iface) iface = word;
  }
  use(ctx, node);
  return {
    prefix,
    ...(nextHop ? { nextHop } : {}),
    ...(iface ? { interface: iface } : {}),
    ...(vrf ? { vrf } : {}),
    lines: [node.line],
  };
}
