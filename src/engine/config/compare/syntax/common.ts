/**
 * What every platform's command writer shares: the interface they fill, prefix spellings, and
 * finding the crypto map name, tunnel interface or IPsec profile behind a connection.
 */
import type {
  Connection,
  EspProposal,
  IkeProposal,
  Interface,
  Prefix,
  Selector,
} from '../../model.ts';
import type { IkeVersion } from '../../../../knowledge/schema.ts';
import { ipv4ToNumber, numberToIpv4 } from '../../normalise.ts';
import { lineText } from '../focus.ts';
import type { Side } from '../types.ts';

/** What a selector should become. */
export interface WantedSelector {
  readonly local: Prefix;
  readonly remote: Prefix;
  readonly protocol: string;
}

/** Placeholder written instead of a key: commands never carry a secret. */
export const KEY_PLACEHOLDER = '<pre-shared-key>';

/** Writes configuration commands for one platform. Each returns [] when it has nothing exact. */
export interface Dialect {
  /** PFS with this group, or off (`null`). */
  pfs(side: Side, conn: Connection, group: number | null): string[];
  /** Make `want` (the peer's ESP proposal) acceptable; `fix` is an own proposal to edit instead. */
  esp(
    side: Side,
    conn: Connection,
    want: EspProposal,
    version: IkeVersion,
    fix?: EspProposal,
  ): string[];
  /** Add the peer's IKE proposal. */
  ike(side: Side, conn: Connection, want: IkeProposal): string[];
  /** Point the connection at the peer's address. */
  peer(side: Side, conn: Connection, address: string): string[];
  /** Configure a key for the peer (with the placeholder). */
  key(side: Side, conn: Connection, address: string): string[];
  /** Add `want` as a selector, removing `drop` when given. */
  selector(side: Side, conn: Connection, want: WantedSelector, drop?: Selector): string[];
  /** Exempt local → remote from NAT. */
  natExempt(side: Side, conn: Connection, sel: Selector): string[];
  /** Set (or remove, `undefined`) the GRE key. */
  tunnelKey(side: Side, iface: Interface, key: string | undefined): string[];
  /** Set the tunnel mode (`gre` or `ipsec`). */
  tunnelMode(side: Side, iface: Interface, mode: 'gre' | 'ipsec'): string[];
  /** Apply the crypto map to `to`, removing it from `from`. */
  applyMap(side: Side, conn: Connection, to: Interface | undefined, from?: Interface): string[];
  /** Phase 2 lifetime. */
  espLifetime(side: Side, conn: Connection, seconds: number): string[];
  /** Phase 1 lifetime of one proposal. */
  ikeLifetime(side: Side, conn: Connection, proposal: IkeProposal, seconds: number): string[];
}

/** A dialect with nothing to say (platforms without a configuration parser). */
export const SILENT: Dialect = {
  pfs: () => [],
  esp: () => [],
  ike: () => [],
  peer: () => [],
  key: () => [],
  selector: () => [],
  natExempt: () => [],
  tunnelKey: () => [],
  tunnelMode: () => [],
  applyMap: () => [],
  espLifetime: () => [],
  ikeLifetime: () => [],
};

/** `10.1.1.0/24` → [`10.1.1.0`, 24]; `any` → [`0.0.0.0`, 0]; null for IPv6 or names. */
export function splitV4(prefix: Prefix): [string, number] | null {
  if (prefix === 'any') return ['0.0.0.0', 0];
  const [address = '', len = '32'] = prefix.split('/');
  const n = Number(len);
  return ipv4ToNumber(address) === null || !Number.isInteger(n) ? null : [address, n];
}

/** The netmask of a prefix length (`24` → `255.255.255.0`). */
export function lengthToMask(len: number): string {
  return numberToIpv4(len === 0 ? 0 : 2 ** 32 - 2 ** (32 - len));
}

/** Address and netmask as ASA and FortiGate write them: `10.1.1.0 255.255.255.0`. */
export function addressMask(prefix: Prefix): string {
  const v4 = splitV4(prefix);
  return v4 ? `${v4[0]} ${lengthToMask(v4[1])}` : prefix;
}

/** An ACL operand as IOS writes it: `any`, `host 10.1.1.1`, `10.1.1.0 0.0.0.255`. */
export function iosOperand(prefix: Prefix): string {
  const v4 = splitV4(prefix);
  if (!v4) return prefix;
  if (v4[1] === 0) return 'any';
  if (v4[1] === 32) return `host ${v4[0]}`;
  return `${v4[0]} ${numberToIpv4(2 ** (32 - v4[1]) - 1)}`;
}

/** An ACL operand as ASA writes it: `any4`, `host 10.1.1.1`, `10.1.1.0 255.255.255.0`. */
export function asaOperand(prefix: Prefix): string {
  const v4 = splitV4(prefix);
  if (!v4) return prefix;
  if (v4[1] === 0) return 'any4';
  if (v4[1] === 32) return `host ${v4[0]}`;
  return addressMask(prefix);
}

/** A crypto map entry's map name: `outside_map 10` → `outside_map`. */
export function mapName(conn: Connection): string {
  const seq = conn.sequence;
  if (seq !== undefined && conn.name.endsWith(` ${seq}`))
    return conn.name.slice(0, -` ${seq}`.length);
  return conn.name.split(' ')[0] ?? conn.name;
}

/** The tunnel interface of a tunnel-protection connection. */
export function tunnelOf(side: Side, conn: Connection): Interface | undefined {
  const names = [conn.name, ...conn.appliedTo];
  return side.peer.interfaces.find((i) => i.tunnel !== undefined && names.includes(i.name));
}

/** The IPsec profile a tunnel uses (`tunnel protection ipsec profile P`). */
export function ipsecProfileOf(side: Side, conn: Connection): string {
  return tunnelOf(side, conn)?.tunnel?.protectionProfile ?? '<ipsec-profile>';
}

/** The first line of `lines` whose text matches, with the match. */
export function findText(
  side: Side,
  lines: readonly number[],
  pattern: RegExp,
): RegExpExecArray | null {
  for (const n of lines) {
    const m = pattern.exec(lineText(side, n));
    if (m) return m;
  }
  return null;
}

/** Every line number of the side's input (for searches that are not tied to one element). */
export function allLines(side: Side): number[] {
  return Array.from({ length: side.text?.length ?? 0 }, (_, i) => i + 1);
}

/** A proposal name for a new object built from the peer's: `AES-GCM-256`, `AES-256-SHA256`. */
export function proposalName(encryption: readonly string[], integrity: readonly string[]): string {
  const parts = [encryption[0] ?? 'esp', ...integrity.filter((i) => i !== 'none').slice(0, 1)];
  return parts.join('-').toUpperCase();
}
