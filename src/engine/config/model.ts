/**
 * One peer's VPN configuration, normalised so that an ASA, an IOS router, a
 * FortiGate and a strongSwan host can be compared field by field.
 *
 * Vendor parsers (`ios.ts`, `asa.ts`, `fortigate.ts`, `strongswan.ts`) read a
 * configuration text into a `PeerConfig`; `compare.ts` reads only this model.
 * Every element keeps the 1-based `lines` of the input that define it, the
 * first being the defining line (a policy header, a `crypto map` entry …) and
 * the rest the sub-commands that set its values, so a finding can point at
 * both sides' exact lines.
 *
 * Algorithm names are normalised (see `ALGORITHMS` below) so `esp-aes 256`,
 * `aes-256`, `aes256` and `AES-CBC-256` are the same word.
 */
import type { IkeVersion, Platform } from '../../knowledge/schema.ts';

/** 1-based input lines; the first is the defining line. */
export type Lines = readonly number[];

/**
 * Normalised algorithm words:
 * - encryption: `des`, `3des`, `aes-128`, `aes-192`, `aes-256` (CBC), `aes-gcm-128`, `aes-gcm-192`,
 *   `aes-gcm-256` (16-octet ICV), `aes-gmac-128`, `aes-gmac-192`, `aes-gmac-256`, `chacha20-poly1305`,
 *   `null`;
 * - integrity / hash / PRF: `md5`, `sha1`, `sha256`, `sha384`, `sha512`, `aes-xcbc`, and `none` for
 *   an ESP proposal without an integrity algorithm (AEAD ciphers or ESP-null without auth);
 * - DH groups: their IANA numbers (`group 14`, `modp2048`, `dhgrp 14` → 14; ECP 256 → 19).
 */
export type Algorithm = string;

/** An IPv4/IPv6 prefix `a.b.c.d/len` (host = /32), or `any`. Ranges and names are resolved away. */
export type Prefix = string;

/** One IKE proposal or ISAKMP policy, as this side will offer / accept it. */
export interface IkeProposal {
  readonly version: IkeVersion;
  /** `10` for `crypto isakmp policy 10`, the proposal name for IKEv2, the phase1 name on a FortiGate. */
  readonly name: string;
  /** IOS/ASA policy priority: lower is tried first. */
  readonly priority?: number;
  readonly encryption: readonly Algorithm[];
  /** IKEv1 hash or IKEv2 integrity. Empty for AEAD-only IKEv2 proposals. */
  readonly integrity: readonly Algorithm[];
  /** IKEv2 PRF; empty when the platform derives it from the integrity algorithm. */
  readonly prf: readonly Algorithm[];
  readonly dhGroups: readonly number[];
  /** IKEv1 authentication: `pre-share`, `rsa-sig`, `ecdsa-sig`, `rsa-encr`. */
  readonly authentication?: string;
  readonly lifetimeSeconds?: number;
  /** Field names whose value is the platform default, not written in the input. */
  readonly defaulted?: readonly string[];
  readonly lines: Lines;
}

/** One transform set / IPsec proposal / phase 2 proposal list. */
export interface EspProposal {
  readonly name: string;
  /** `ikev1` / `ikev2` when the platform keeps separate objects (ASA), absent when shared. */
  readonly version?: IkeVersion;
  readonly encryption: readonly Algorithm[];
  /** `none` when the proposal carries no integrity algorithm (GCM/GMAC, or left out). */
  readonly integrity: readonly Algorithm[];
  readonly mode?: 'tunnel' | 'transport';
  readonly lines: Lines;
}

/**
 * A pre-shared key as configured. The secret is kept only as bytes (lower-case hex) so that
 * `cisco` and `hex 636973636f` compare equal; a key the configuration shows only encrypted or
 * masked (`*****`, type 6, `ENC …`) has no bytes and can only be reported as "cannot compare".
 */
export interface PreSharedKey {
  /** Where it is configured: a global `crypto isakmp key` is the IOS `default` keyring. */
  readonly scope: 'global' | 'keyring' | 'tunnel-group' | 'phase1' | 'secrets';
  /** Keyring, tunnel-group, phase1 or secrets entry name. */
  readonly container?: string;
  /** Peer address, `address/len`, host name or `any` the key is for. */
  readonly peer?: string;
  /** Identity the key is bound to (strongSwan IDs, IOS `identity`), when not an address. */
  readonly identity?: string;
  readonly version?: IkeVersion;
  /** IKEv2 lets each direction have its own key; IKEv1 keys are `both`. */
  readonly direction: 'local' | 'remote' | 'both';
  /** The key's bytes as lower-case hex, or absent when the input shows it only encrypted/masked. */
  readonly bytesHex?: string;
  /** How the key is written: `plain`, `hex`, `type7`, `type6`, `masked`, `encrypted`. */
  readonly encoding: 'plain' | 'hex' | 'type7' | 'type6' | 'masked' | 'encrypted';
  readonly lines: Lines;
}

/** An IOS keyring (the global `crypto isakmp key` set is the keyring `default`). */
export interface Keyring {
  readonly name: string;
  readonly version: IkeVersion;
  readonly isDefault: boolean;
  readonly vrf?: string;
  /** The peers it holds keys for, as written. */
  readonly peers: readonly string[];
  readonly lines: Lines;
}

/** A `match identity` / `match address` statement of an ISAKMP or IKEv2 profile. */
export interface IdentityMatch {
  readonly kind: 'address' | 'fqdn' | 'user-fqdn' | 'host' | 'key-id' | 'other';
  /** `192.0.2.1/32`, `vpn.example.com` … */
  readonly value: string;
  readonly vrf?: string;
  readonly lines: Lines;
}

/** An ISAKMP profile or IKEv2 profile (IOS), a tunnel-group (ASA). */
export interface IkeProfile {
  readonly name: string;
  readonly version: IkeVersion;
  readonly matches: readonly IdentityMatch[];
  readonly keyrings: readonly string[];
  /** `pre-share`, `rsa-sig`, … for IKEv2 `authentication local|remote`. */
  readonly localAuth?: string;
  readonly remoteAuth?: string;
  readonly lines: Lines;
}

/** One traffic selector pair: what this side protects towards the peer. */
export interface Selector {
  readonly local: Prefix;
  readonly remote: Prefix;
  /** `ip`, `tcp`, `udp`, `icmp`, `gre` or a protocol number. */
  readonly protocol: string;
  readonly localPort?: string;
  readonly remotePort?: string;
  readonly lines: Lines;
}

/**
 * What binds a peer to proposals and selectors: an IOS/ASA crypto map entry, a dynamic map entry,
 * an IPsec profile used by a tunnel interface, a FortiGate phase1/phase2 pair, a strongSwan conn.
 */
export interface Connection {
  /** `MAP 10`, `Tunnel0`, the phase1 name, the conn name. */
  readonly name: string;
  readonly kind: 'crypto-map' | 'dynamic-map' | 'tunnel-protection' | 'phase1' | 'conn';
  /** Crypto map sequence number. */
  readonly sequence?: number;
  /** Peer addresses / names as written (`set peer`, `remote-gw`, `right`, tunnel destination). */
  readonly peers: readonly string[];
  /** This side's address for the tunnel, when the configuration shows it. */
  readonly localAddress?: string;
  /** IKE version(s) this connection will use. */
  readonly ikeVersions: readonly IkeVersion[];
  /** IKE proposals this connection offers, by `IkeProposal.name`; empty = all global policies. */
  readonly ikeProposals: readonly string[];
  /** ESP proposals, by `EspProposal.name`, in order. */
  readonly espProposals: readonly string[];
  /** PFS group; `null` when PFS is off (explicitly or by default); absent when unknown. */
  readonly pfs?: number | null;
  readonly selectors: readonly Selector[];
  /** The crypto ACL name, when selectors come from one. */
  readonly acl?: string;
  readonly lifetimeSeconds?: number;
  readonly lifetimeKilobytes?: number;
  /** ISAKMP/IKEv2 profile or tunnel-group this connection uses. */
  readonly profile?: string;
  /** Interfaces the crypto map is applied to, or the tunnel interface. */
  readonly appliedTo: readonly string[];
  /** IKEv1 exchange mode when set: `main` / `aggressive`. */
  readonly exchangeMode?: 'main' | 'aggressive';
  readonly lines: Lines;
}

/** A tunnel interface (GRE, VTI, DMVPN). */
export interface TunnelInterface {
  /** `gre`, `gre-multipoint`, `ipsec-ipv4`, `ipsec-ipv6`, … as a normalised word. */
  readonly mode: string;
  readonly source?: string;
  readonly destination?: string;
  readonly key?: string;
  readonly protectionProfile?: string;
  readonly lines: Lines;
}

/** An interface and its addresses. */
export interface Interface {
  readonly name: string;
  /** ASA `nameif`. */
  readonly nameif?: string;
  readonly securityLevel?: number;
  readonly addresses: readonly Prefix[];
  readonly vrf?: string;
  readonly shutdown: boolean;
  /** `ip nat inside` / `ip nat outside` on IOS. */
  readonly natSide?: 'inside' | 'outside';
  /** Crypto map applied here by name (IOS `crypto map X` under the interface; ASA `crypto map X interface Y`). */
  readonly cryptoMap?: string;
  readonly tunnel?: TunnelInterface;
  readonly lines: Lines;
}

/** A static route. */
export interface Route {
  readonly prefix: Prefix;
  readonly nextHop?: string;
  readonly interface?: string;
  readonly vrf?: string;
  readonly lines: Lines;
}

/**
 * A NAT rule as far as VPN traffic is concerned, in the order the device evaluates them:
 * `exempt` leaves local→remote untranslated (IOS deny lines in the NAT ACL, ASA identity twice
 * NAT, `no-nat` rules); `translate` changes the source (PAT/overload, dynamic or static NAT).
 */
export interface NatRule {
  readonly kind: 'exempt' | 'translate';
  /** Sources it applies to. */
  readonly local: readonly Prefix[];
  /** Destinations it applies to; `['any']` when not restricted. */
  readonly remote: readonly Prefix[];
  readonly lines: Lines;
}

/** Something the parser saw but could not fit into the model, or a default it assumed. */
export interface ConfigNote {
  readonly message: string;
  readonly lines: Lines;
}

/** One peer's configuration. */
export interface PeerConfig {
  readonly platform: Platform;
  readonly hostname?: string;
  readonly interfaces: readonly Interface[];
  readonly routes: readonly Route[];
  readonly ikeProposals: readonly IkeProposal[];
  readonly espProposals: readonly EspProposal[];
  readonly keys: readonly PreSharedKey[];
  readonly keyrings: readonly Keyring[];
  readonly profiles: readonly IkeProfile[];
  readonly connections: readonly Connection[];
  readonly nat: readonly NatRule[];
  /** IKE versions enabled on the device when the platform has a global switch (ASA `crypto ikev1 enable`). */
  readonly ikeEnabled?: readonly { version: IkeVersion; interface: string; lines: Lines }[];
  readonly notes: readonly ConfigNote[];
  /** Lines of the input that belong to no recognised VPN-relevant statement (1-based). Informational. */
  readonly unread: number;
}

/** A configuration parser: text in, a peer model out (or `null` if the text is not its format). */
export interface ConfigParser {
  readonly platform: Platform;
  /** Cheap test: does this text look like this platform's configuration? Higher wins. */
  readonly sniff: (text: string) => number;
  /** Never throws; unreadable statements become `notes`. */
  readonly parse: (text: string) => PeerConfig;
}

/** An empty model for a platform, for parsers to fill. */
export function emptyPeer(platform: Platform): PeerConfig {
  return {
    platform,
    interfaces: [],
    routes: [],
    ikeProposals: [],
    espProposals: [],
    keys: [],
    keyrings: [],
    profiles: [],
    connections: [],
    nat: [],
    notes: [],
    unread: 0,
  };
}
