/**
 * The FortiGate sections around the VPN: interfaces (`config system interface`), static routes
 * (`config router static`) and the firewall policies that decide NAT for VPN traffic
 * (`config firewall policy`).
 *
 * NAT is modelled simply. A FortiGate looks the route up first and then matches policies by
 * incoming and outgoing interface, so traffic routed into a tunnel never meets the policies toward
 * the WAN. Policies whose `dstintf` is a phase 1 (route-based VPN), or whose `action ipsec` names a
 * `vpntunnel` (policy-based VPN), become `exempt` rules unless they enable NAT (`nat enable`,
 * `natoutbound enable`), and they are listed first. Policies toward an interface a phase 1 is bound
 * to with `nat enable` become `translate` rules after them. Central NAT (`central-snat-map`) is
 * only noted.
 */
import type { ConfigNote, Interface, NatRule, Prefix, Route } from '../model.ts';
import { maskToLength } from '../normalise.ts';
import { resolveAll, subnetOf, type AddressBook } from './addresses.ts';
import {
  entriesOf,
  findBlocks,
  lineOf,
  ordered,
  value,
  type FgEntry,
  type FgTree,
} from './reader.ts';

/** `set ip 192.0.2.1 255.255.255.0` as `192.0.2.1/24` (host bits kept); null for 0.0.0.0. */
function interfaceAddress(values: readonly string[]): Prefix | null {
  const [address = '', mask = ''] = values;
  if (address === '0.0.0.0') return null;
  const slash = address.indexOf('/');
  if (slash >= 0) return address;
  const len = maskToLength(mask);
  return len === null ? null : `${address}/${len}`;
}

/** Interfaces, with tunnel details for the interfaces a phase 1 creates. */
export function readInterfaces(tree: FgTree, phase1s: ReadonlyMap<string, FgEntry>): Interface[] {
  return entriesOf(tree, 'system interface').map((e) => {
    const s = e.settings;
    const secondaries = e.blocks
      .filter((b) => b.path === 'secondaryip')
      .flatMap((b) => b.entries)
      .map((se) => se.settings.get('ip'));
    const addresses = [s.get('ip'), ...secondaries]
      .map((ip) => (ip ? interfaceAddress(ip.values) : null))
      .filter((a): a is Prefix => a !== null);
    const phase1 = phase1s.get(e.name);
    const isTunnel = value(s, 'type', true) === 'tunnel';
    const parent = value(s, 'interface');
    const destination = phase1 ? value(phase1.settings, 'remote-gw') : undefined;
    const vrf = value(s, 'vrf');
    return {
      name: e.name,
      addresses,
      ...(vrf !== undefined && vrf !== '0' ? { vrf } : {}),
      shutdown: value(s, 'status', true) === 'down',
      ...(isTunnel
        ? {
            tunnel: {
              mode: 'ipsec-ipv4',
              ...(parent ? { source: parent } : {}),
              ...(destination ? { destination } : {}),
              ...(phase1 ? { protectionProfile: e.name } : {}),
              lines: [e.line, ...lineOf(s, 'type'), ...lineOf(s, 'interface')],
            },
          }
        : {}),
      lines: ordered([e.line, ...[...s.values()].map((v) => v.line)]),
    };
  });
}

/** Static routes; a route to address objects becomes one route per resolved prefix. */
export function readRoutes(tree: FgTree, book: AddressBook, notes: ConfigNote[]): Route[] {
  return entriesOf(tree, 'router static').flatMap((e) => {
    const s = e.settings;
    const lines = ordered([e.line, ...[...s.values()].map((v) => v.line)]);
    if (value(s, 'status', true) === 'disable') {
      notes.push({ message: `Static route ${e.name} is disabled.`, lines });
      return [];
    }
    let prefixes: Prefix[];
    const dstaddr = s.get('dstaddr');
    if (dstaddr) {
      const r = resolveAll(book, dstaddr.values);
      if (r.unresolved.length > 0)
        notes.push({
          message: `Static route ${e.name}: ${r.unresolved.join(', ')} not resolved to a subnet.`,
          lines,
        });
      prefixes = [...r.prefixes];
    } else {
      const dst = s.get('dst');
      const p = dst ? subnetOf(dst.values) : 'any';
      prefixes = p === null ? [] : [p];
    }
    const gateway = value(s, 'gateway');
    const device = value(s, 'blackhole', true) === 'enable' ? 'blackhole' : value(s, 'device');
    const vrf = value(s, 'vrf');
    return prefixes.map((prefix) => ({
      prefix,
      ...(gateway && gateway !== '0.0.0.0' ? { nextHop: gateway } : {}),
      ...(device ? { interface: device } : {}),
      ...(vrf !== undefined && vrf !== '0' ? { vrf } : {}),
      lines,
    }));
  });
}

/** The NAT rules the firewall policies imply for VPN traffic (see the file comment). */
export function readNat(
  tree: FgTree,
  book: AddressBook,
  phase1s: ReadonlyMap<string, FgEntry>,
  notes: ConfigNote[],
): NatRule[] {
  const wan = new Set([...phase1s.values()].map((p) => value(p.settings, 'interface') ?? ''));
  const tunnel: NatRule[] = [];
  const outbound: NatRule[] = [];
  for (const e of entriesOf(tree, 'firewall policy')) {
    const s = e.settings;
    const action = value(s, 'action', true) ?? 'deny';
    if (value(s, 'status', true) === 'disable' || action === 'deny') continue;
    const dstintf = s.get('dstintf')?.values ?? [];
    const src = resolveAll(book, s.get('srcaddr')?.values ?? []);
    const dst = resolveAll(book, s.get('dstaddr')?.values ?? []);
    const keys = ['srcintf', 'dstintf', 'srcaddr', 'dstaddr', 'action', 'vpntunnel', 'nat'];
    const lines = ordered([e.line, ...[...keys, 'natoutbound'].flatMap((k) => lineOf(s, k))]);
    const unresolved = [...src.unresolved, ...dst.unresolved];
    if (unresolved.length > 0)
      notes.push({
        message: `Policy ${e.name}: ${unresolved.join(', ')} not resolved to a subnet.`,
        lines,
      });
    const rule = (kind: NatRule['kind']): NatRule => ({
      kind,
      local: src.prefixes,
      remote: dst.prefixes.length > 0 ? dst.prefixes : ['any'],
      lines,
    });
    const natOn = value(s, 'nat', true) === 'enable';
    if (action === 'ipsec') {
      tunnel.push(rule(value(s, 'natoutbound', true) === 'enable' ? 'translate' : 'exempt'));
    } else if (dstintf.some((i) => phase1s.has(i))) {
      tunnel.push(rule(natOn ? 'translate' : 'exempt'));
    } else if (natOn && dstintf.some((i) => wan.has(i) || i === 'any')) {
      outbound.push(rule('translate'));
    }
  }
  const settings = entriesOf(tree, 'firewall central-snat-map');
  if (settings.length > 0)
    notes.push({
      message: 'Central NAT (firewall central-snat-map) is configured; its rules are not read.',
      lines: settings.map((s) => s.line),
    });
  return [...tunnel, ...outbound];
}

/** `config system global` → `set hostname`. */
export function readHostname(tree: FgTree): string | undefined {
  for (const b of findBlocks(tree.blocks, 'system global')) {
    const h = value(b.settings, 'hostname');
    if (h) return h;
  }
  return undefined;
}
