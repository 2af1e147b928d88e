/**
 * Hand-built peer models for the comparison's unit tests: a working IOS ↔ ASA IKEv1 crypto map
 * pair, the same pair over IKEv2, and two IOS routers with protected tunnel interfaces (seed 004's
 * R1/R2 shape). Line numbers are those of the configurations sketched in each comment. Tests
 * introduce one fault at a time with `edit`.
 */
import type { Connection, PeerConfig } from '../model.ts';
import { emptyPeer } from '../model.ts';
import { textToHex } from '../normalise.ts';

/** A copy of a peer with some fields replaced. */
export function edit(peer: PeerConfig, change: Partial<PeerConfig>): PeerConfig {
  return { ...peer, ...change };
}

/** A copy of a peer whose first connection has some fields replaced. */
export function editConn(peer: PeerConfig, change: Partial<Connection>): PeerConfig {
  const [first, ...rest] = peer.connections;
  return first ? { ...peer, connections: [{ ...first, ...change }, ...rest] } : peer;
}

/**
 * R1, Cisco IOS, IKEv1 crypto map towards the ASA at 198.51.100.1:
 *  1 crypto isakmp policy 10 / 2 encr aes 256 / 3 hash sha / 4 authentication pre-share /
 *  5 group 14 / 6 lifetime 86400 / 7 crypto isakmp key … address 198.51.100.1 /
 *  8 crypto ipsec transform-set TS esp-aes 256 esp-sha-hmac / 10 crypto map VPN 10 ipsec-isakmp /
 *  11 set peer / 12 set transform-set / 13 set pfs group14 / 14 match address VPN-ACL /
 *  20 interface GigabitEthernet0/0 / 21 ip address 203.0.113.1 255.255.255.252 / 22 ip nat outside /
 *  23 crypto map VPN / 24 interface GigabitEthernet0/1 / 25 ip address 10.1.1.1 255.255.255.0 /
 *  26 ip nat inside / 30 ip route 0.0.0.0 0.0.0.0 203.0.113.2 / 40 ip access-list extended VPN-ACL /
 *  41 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255 / 42 ip access-list extended NAT /
 *  43 deny ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255 / 44 permit ip 10.1.1.0 0.0.0.255 any /
 *  45 ip nat inside source list NAT interface GigabitEthernet0/0 overload
 */
export const IOS_R1: PeerConfig = {
  ...emptyPeer('cisco-ios'),
  hostname: 'R1',
  interfaces: [
    {
      name: 'GigabitEthernet0/0',
      addresses: ['203.0.113.1/30'],
      shutdown: false,
      natSide: 'outside',
      cryptoMap: 'VPN',
      lines: [20, 21, 22, 23],
    },
    {
      name: 'GigabitEthernet0/1',
      addresses: ['10.1.1.1/24'],
      shutdown: false,
      natSide: 'inside',
      lines: [24, 25, 26],
    },
  ],
  routes: [{ prefix: 'any', nextHop: '203.0.113.2', lines: [30] }],
  ikeProposals: [
    {
      version: 'ikev1',
      name: '10',
      priority: 10,
      encryption: ['aes-256'],
      integrity: ['sha1'],
      prf: [],
      dhGroups: [14],
      authentication: 'pre-share',
      lifetimeSeconds: 86400,
      lines: [1, 2, 3, 4, 5, 6],
    },
  ],
  espProposals: [
    { name: 'TS', encryption: ['aes-256'], integrity: ['sha1'], mode: 'tunnel', lines: [8] },
  ],
  keys: [
    {
      scope: 'global',
      peer: '198.51.100.1',
      direction: 'both',
      bytesHex: textToHex('s3cr3t-key'),
      encoding: 'plain',
      lines: [7],
    },
  ],
  connections: [
    {
      name: 'VPN 10',
      kind: 'crypto-map',
      sequence: 10,
      peers: ['198.51.100.1'],
      ikeVersions: ['ikev1'],
      ikeProposals: [],
      espProposals: ['TS'],
      pfs: 14,
      selectors: [{ local: '10.1.1.0/24', remote: '10.2.2.0/24', protocol: 'ip', lines: [41] }],
      acl: 'VPN-ACL',
      lifetimeSeconds: 3600,
      appliedTo: ['GigabitEthernet0/0'],
      lines: [10, 11, 12, 13, 14],
    },
  ],
  nat: [
    { kind: 'exempt', local: ['10.1.1.0/24'], remote: ['10.2.2.0/24'], lines: [43, 45] },
    { kind: 'translate', local: ['10.1.1.0/24'], remote: ['any'], lines: [44, 45] },
  ],
};

/**
 * FW, Cisco ASA, IKEv1 crypto map towards R1 at 203.0.113.1:
 *  10 interface GigabitEthernet0/0 / 11 nameif outside / 12 security-level 0 /
 *  13 ip address 198.51.100.1 255.255.255.252 / 15 interface GigabitEthernet0/1 / 16 nameif inside /
 *  17 security-level 100 / 18 ip address 10.2.2.1 255.255.255.0 /
 *  20 route outside 0.0.0.0 0.0.0.0 198.51.100.2 1 / 30 crypto ikev1 policy 10 /
 *  31 authentication pre-share / 32 encryption aes-256 / 33 hash sha / 34 group 14 /
 *  35 lifetime 86400 / 36 crypto ikev1 enable outside /
 *  38 crypto ipsec ikev1 transform-set ESP-AES256-SHA esp-aes-256 esp-sha-hmac /
 *  40 access-list outside_cryptomap extended permit ip 10.2.2.0 … 10.1.1.0 … /
 *  41 crypto map outside_map 1 match address outside_cryptomap / 42 … set pfs group14 /
 *  43 … set peer 203.0.113.1 / 44 … set ikev1 transform-set ESP-AES256-SHA /
 *  45 … set security-association lifetime seconds 3600 / 46 crypto map outside_map interface outside /
 *  47 nat (inside,outside) source static LAN LAN destination static R1-LAN R1-LAN /
 *  48 nat (inside,outside) after-auto source dynamic any interface /
 *  50 tunnel-group 203.0.113.1 type ipsec-l2l / 51 tunnel-group 203.0.113.1 ipsec-attributes /
 *  52 ikev1 pre-shared-key …
 */
export const ASA_FW: PeerConfig = {
  ...emptyPeer('cisco-asa'),
  hostname: 'FW',
  interfaces: [
    {
      name: 'GigabitEthernet0/0',
      nameif: 'outside',
      securityLevel: 0,
      addresses: ['198.51.100.1/30'],
      shutdown: false,
      lines: [10, 11, 12, 13],
    },
    {
      name: 'GigabitEthernet0/1',
      nameif: 'inside',
      securityLevel: 100,
      addresses: ['10.2.2.1/24'],
      shutdown: false,
      lines: [15, 16, 17, 18],
    },
  ],
  routes: [{ prefix: 'any', nextHop: '198.51.100.2', interface: 'outside', lines: [20] }],
  ikeProposals: [
    {
      version: 'ikev1',
      name: '10',
      priority: 10,
      encryption: ['aes-256'],
      integrity: ['sha1'],
      prf: [],
      dhGroups: [14],
      authentication: 'pre-share',
      lifetimeSeconds: 86400,
      lines: [30, 31, 32, 33, 34, 35],
    },
  ],
  espProposals: [
    {
      name: 'ESP-AES256-SHA',
      version: 'ikev1',
      encryption: ['aes-256'],
      integrity: ['sha1'],
      lines: [38],
    },
  ],
  keys: [
    {
      scope: 'tunnel-group',
      container: '203.0.113.1',
      version: 'ikev1',
      direction: 'both',
      bytesHex: textToHex('s3cr3t-key'),
      encoding: 'plain',
      lines: [50, 51, 52],
    },
  ],
  connections: [
    {
      name: 'outside_map 1',
      kind: 'crypto-map',
      sequence: 1,
      peers: ['203.0.113.1'],
      ikeVersions: ['ikev1'],
      ikeProposals: [],
      espProposals: ['ESP-AES256-SHA'],
      pfs: 14,
      selectors: [{ local: '10.2.2.0/24', remote: '10.1.1.0/24', protocol: 'ip', lines: [40] }],
      acl: 'outside_cryptomap',
      lifetimeSeconds: 3600,
      appliedTo: ['outside'],
      lines: [41, 42, 43, 44, 45, 46],
    },
  ],
  nat: [
    { kind: 'exempt', local: ['10.2.2.0/24'], remote: ['10.1.1.0/24'], lines: [47] },
    { kind: 'translate', local: ['any'], remote: ['any'], lines: [48] },
  ],
  ikeEnabled: [{ version: 'ikev1', interface: 'outside', lines: [36] }],
};

/** The same IOS router speaking IKEv2 (proposal AES-CBC-256/SHA256/group 14, transform TS). */
export const IOS_R1_V2: PeerConfig = {
  ...editConn(IOS_R1, { ikeVersions: ['ikev2'], profile: 'IKEV2-PROF' }),
  ikeProposals: [
    {
      version: 'ikev2',
      name: 'PROP',
      encryption: ['aes-256'],
      integrity: ['sha256'],
      prf: [],
      dhGroups: [14],
      lines: [1, 2, 3, 4],
    },
  ],
  espProposals: [{ name: 'TS', encryption: ['aes-gcm-256'], integrity: ['none'], lines: [8] }],
  keys: [
    {
      scope: 'keyring',
      container: 'KR',
      peer: '198.51.100.1',
      version: 'ikev2',
      direction: 'both',
      bytesHex: textToHex('s3cr3t-key'),
      encoding: 'plain',
      lines: [5, 6, 7],
    },
  ],
  profiles: [
    { name: 'IKEV2-PROF', version: 'ikev2', matches: [], keyrings: ['KR'], lines: [50, 51, 52] },
  ],
};

/** The ASA over IKEv2 (policy 10 AES-256/SHA256/group 14, ipsec-proposal GCM, no PFS). */
export const ASA_FW_V2: PeerConfig = {
  ...editConn(ASA_FW, { ikeVersions: ['ikev2'], espProposals: ['GCM'] }),
  ikeProposals: [
    {
      version: 'ikev2',
      name: '10',
      priority: 10,
      encryption: ['aes-256'],
      integrity: ['sha256'],
      prf: ['sha256'],
      dhGroups: [14],
      lifetimeSeconds: 86400,
      lines: [30, 31, 32, 33, 34],
    },
  ],
  espProposals: [
    {
      name: 'GCM',
      version: 'ikev2',
      encryption: ['aes-gcm-256'],
      integrity: ['none'],
      lines: [38, 39],
    },
  ],
  keys: [
    {
      scope: 'tunnel-group',
      container: '203.0.113.1',
      version: 'ikev2',
      direction: 'both',
      bytesHex: textToHex('s3cr3t-key'),
      encoding: 'plain',
      lines: [50, 51, 52],
    },
  ],
  ikeEnabled: [{ version: 'ikev2', interface: 'outside', lines: [36] }],
};

/** An IOS router with a protected GRE tunnel (seed 004 R1/R2 shape, one profile, one keyring). */
export function greRouter(
  name: string,
  own: string,
  peer: string,
  mode = 'gre',
  key?: string,
): PeerConfig {
  return {
    ...emptyPeer('cisco-ios'),
    hostname: name,
    interfaces: [
      {
        name: 'Tunnel1',
        addresses: [own === '192.168.0.1' ? '10.0.0.1/24' : '10.0.0.2/24'],
        shutdown: false,
        tunnel: {
          mode,
          source: 'Ethernet0/0',
          destination: peer,
          ...(key === undefined ? {} : { key }),
          protectionProfile: 'profile1',
          lines: [42, 43, 44, 45, 46],
        },
        lines: [41, 42, 43, 44, 45, 46],
      },
      { name: 'Ethernet0/0', addresses: [`${own}/24`], shutdown: false, lines: [47, 48] },
    ],
    ikeProposals: [
      {
        version: 'ikev1',
        name: '10',
        priority: 10,
        encryption: ['3des'],
        integrity: ['md5'],
        prf: [],
        dhGroups: [2],
        authentication: 'pre-share',
        defaulted: ['lifetimeSeconds'],
        lifetimeSeconds: 86400,
        lines: [18, 19, 20, 21, 22],
      },
    ],
    espProposals: [
      {
        name: 'TS',
        encryption: ['aes-128'],
        integrity: ['sha256'],
        mode: 'tunnel',
        lines: [30, 31],
      },
    ],
    keys: [
      {
        scope: 'keyring',
        container: 'keyring1',
        peer,
        direction: 'both',
        bytesHex: textToHex('cisco'),
        encoding: 'plain',
        lines: [14],
      },
    ],
    keyrings: [
      { name: 'keyring1', version: 'ikev1', isDefault: false, peers: [peer], lines: [13, 14] },
    ],
    profiles: [
      {
        name: 'profile1',
        version: 'ikev1',
        matches: [{ kind: 'address', value: `${peer}/32`, lines: [25] }],
        keyrings: ['keyring1'],
        lines: [23, 24, 25],
      },
    ],
    connections: [
      {
        name: 'Tunnel1',
        kind: 'tunnel-protection',
        peers: [peer],
        ikeVersions: ['ikev1'],
        ikeProposals: [],
        espProposals: ['TS'],
        pfs: null,
        selectors: [
          mode.startsWith('gre')
            ? { local: `${own}/32`, remote: `${peer}/32`, protocol: 'gre', lines: [44] }
            : { local: 'any', remote: 'any', protocol: 'ip', lines: [44] },
        ],
        profile: 'profile1',
        appliedTo: ['Tunnel1'],
        lines: [33, 34, 35, 45],
      },
    ],
  };
}
