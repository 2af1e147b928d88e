/**
 * Cisco ASA / PIX configuration parser. Fixtures in `fixtures/config/cisco-asa/`:
 * - `seed-000-gmac-proposal.cfg`: seed 000 (*Cisco ASA: Received a DELETE PFKey message from IKE*)
 *   lines 67-70, byte for byte: `show run crypto ipsec` echoed after a config-mode prompt, with the
 *   author's `<--Note:` annotation on the integrity line.
 * - `seed-000-gcm-fix.cfg`: seed 000 lines 80-82, byte for byte: the fix typed in config mode and
 *   the ASA's GCM/GMAC warning.
 * - `seed-001-crypto-map-pfs.cfg`: seed 001 (*Cisco ASA site-to-site VPN troubleshooting*) lines
 *   746-749; the article's `[/box]` markup at the end of line 749 removed.
 * - `seed-001-pix-session.cfg`: lines 1-2 are seed 001 lines 468-469 byte for byte (the PIX crypto
 *   and no-NAT ACLs, typed in config mode); lines 3-19 are written from the steps the seed
 *   describes in lines 471-474 (nat 0, crypto map to 81.81.81.81 with 3DES/SHA, ISAKMP policy
 *   with pre-share, 3DES, SHA, group 2, enabled on outside), in PIX 6.3 command syntax.
 * - `pix63-site-to-site.cfg`: the same PIX as `write terminal` would print it, written from the
 *   PIX 6.3 command reference.
 * - `asa9-ikev1-l2l-twice-nat.cfg`, `asa9-ikev2-l2l-gmac-pfs.cfg` (the ASA side of seed 000's
 *   topology, as `more system:running-config` shows it, clear keys), `asa9-dynamic-map-hub.cfg`,
 *   `asa82-nat0.cfg`: written from the Cisco ASA 9.x / 8.2 CLI configuration guides in the shape
 *   ASDM's site-to-site wizard leaves them.
 * - `ntc-ipsec.cfg`, `ntc-all-crypto-map.cfg`: real device output from networktocode/ntc-templates
 *   (Apache-2.0), copied from `fixtures/cisco_asa/show_running_config_crypto/` (sources there).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASA_CONFIG } from './asa/index.ts';
import { rangeToPrefixes } from './asa/addresses.ts';
import type { PeerConfig } from './model.ts';
import { ipv4ToNumber, textToHex } from './normalise.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/config/cisco-asa/${name}.cfg`, import.meta.url), 'utf8');

const parse = (text: string): PeerConfig => ASA_CONFIG.parse(text);

const noteAt = (peer: PeerConfig, line: number): string[] =>
  peer.notes.filter((n) => n.lines.includes(line)).map((n) => n.message);

describe('ASA: seed 000, the AES-GMAC proposal facing a FortiGate', () => {
  const text = fixture('seed-000-gmac-proposal');
  const peer = parse(text);

  it('reads the proposal under the echoed show command, integrity null as none', () => {
    expect(peer.espProposals).toEqual([
      {
        name: 'FORTIGATE',
        version: 'ikev2',
        encryption: ['aes-gmac-256'],
        integrity: ['none'],
        lines: [2, 3, 4],
      },
    ]);
    expect(peer.hostname).toBe('Cisco-ASA');
    expect(peer.unread).toBe(0);
  });

  it('notes the annotation after the integrity keyword instead of reading it', () => {
    expect(noteAt(peer, 4)).toEqual([
      'ipsec-proposal FORTIGATE: words after "protocol esp integrity" ignored from "<--Note:" on',
    ]);
  });

  it('is recognised as an ASA', () => {
    expect(ASA_CONFIG.sniff(text)).toBe(5);
  });
});

describe('ASA: seed 000, the fix typed in configuration mode', () => {
  const peer = parse(fixture('seed-000-gcm-fix'));

  it('nests the sub-mode line under its proposal and leaves the warning unread', () => {
    expect(peer.espProposals).toEqual([
      {
        name: 'FORTIGATE',
        version: 'ikev2',
        encryption: ['aes-gcm-256'],
        integrity: ['none'],
        lines: [1, 2],
      },
    ]);
    expect(peer.unread).toBe(1);
    expect(peer.notes).toEqual([]);
  });
});

describe('ASA: seed 001, a crypto map with bare set pfs', () => {
  const peer = parse(fixture('seed-001-crypto-map-pfs'));
  const conn = peer.connections[0];

  it('reads bare "set pfs" as group 2 and the IKEv1 transform set', () => {
    expect(peer.connections).toHaveLength(1);
    expect(conn).toMatchObject({
      name: 'outside_map 1',
      kind: 'crypto-map',
      sequence: 1,
      peers: ['123.123.123.123'],
      ikeVersions: ['ikev1'],
      espProposals: ['ESP-3DES-SHA'],
      pfs: 2,
      acl: 'outside_1_cryptomap',
      selectors: [],
      appliedTo: [],
      lines: [1, 2, 3, 4],
    });
  });

  it('says the ACL is not in the paste and that the lifetimes are ASA defaults', () => {
    expect(noteAt(peer, 1)).toEqual([
      'crypto map outside_map 1: access-list outside_1_cryptomap is not in the input',
      'crypto map outside_map 1: IPsec SA lifetime not set; ASA default 28800 s / 4608000 KB assumed',
    ]);
    expect(conn).toMatchObject({ lifetimeSeconds: 28800, lifetimeKilobytes: 4608000 });
  });

  it('reads seed 001 line 587 ("[box]" markup removed) the same way', () => {
    const one = parse('crypto map outside_map 20 set pfs\n');
    expect(one.connections[0]).toMatchObject({ name: 'outside_map 20', sequence: 20, pfs: 2 });
  });

  it('an entry without set pfs has PFS off, "no … set pfs" too', () => {
    const off = parse(
      'crypto map M 1 set peer 192.0.2.1\ncrypto map M 2 set pfs group5\nno crypto map M 2 set pfs\n',
    );
    expect(off.connections.map((c) => c.pfs)).toEqual([null, null]);
    expect(off.connections[1]?.lines).toEqual([2, 3]);
  });
});

describe('ASA: seed 001, the PIX site-to-site typed in configuration mode', () => {
  const text = fixture('seed-001-pix-session');
  const peer = parse(text);

  it('turns the seed ACLs into the crypto selector and the nat 0 exemption', () => {
    expect(peer.connections[0]).toMatchObject({
      name: 'VPN_CRYPTO_MAP 10',
      peers: ['81.81.81.81'],
      espProposals: ['VPN_TRAN'],
      pfs: null,
      acl: 'VPN_CRYPTO_ACL',
      selectors: [
        { local: '192.168.124.0/24', remote: '192.168.123.0/24', protocol: 'ip', lines: [1] },
      ],
      lifetimeSeconds: 28800,
      lifetimeKilobytes: 4608000,
      appliedTo: ['outside'],
      ikeVersions: ['ikev1'],
      lines: [5, 6, 7, 8, 9, 10],
    });
    expect(peer.nat).toEqual([
      {
        kind: 'exempt',
        local: ['192.168.124.0/24'],
        remote: ['192.168.123.0/24'],
        lines: [3, 2],
      },
    ]);
  });

  it('reads the one-line isakmp policy and the typed key as bytes only', () => {
    expect(peer.ikeProposals).toEqual([
      {
        version: 'ikev1',
        name: '10',
        priority: 10,
        encryption: ['3des'],
        integrity: ['sha1'],
        prf: [],
        dhGroups: [2],
        authentication: 'pre-share',
        lifetimeSeconds: 86400,
        lines: [13, 14, 15, 16, 17],
      },
    ]);
    expect(peer.keys).toEqual([
      {
        scope: 'global',
        peer: '81.81.81.81',
        version: 'ikev1',
        direction: 'both',
        encoding: 'plain',
        bytesHex: textToHex('S3cr3tVPN'),
        lines: [12],
      },
    ]);
    expect(JSON.stringify(peer)).not.toContain('S3cr3tVPN');
    expect(peer.ikeEnabled).toEqual([{ version: 'ikev1', interface: 'outside', lines: [18] }]);
  });

  it('takes the host name from the prompt; only sysopt is unread', () => {
    expect(peer.hostname).toBe('PetesPIX');
    expect(peer.unread).toBe(1);
    expect(ASA_CONFIG.sniff(text)).toBe(13);
  });
});

describe('ASA 9.x: IKEv1 L2L with twice-NAT exemption', () => {
  const text = fixture('asa9-ikev1-l2l-twice-nat');
  const peer = parse(text);
  const conn = peer.connections[0];

  it('reads interfaces with nameif, security level, address and the crypto map', () => {
    expect(peer.hostname).toBe('HQ-ASA');
    expect(peer.interfaces[0]).toEqual({
      name: 'GigabitEthernet1/1',
      nameif: 'outside',
      securityLevel: 0,
      addresses: ['203.0.113.2/29'],
      shutdown: false,
      cryptoMap: 'outside_map',
      lines: [15, 16, 17, 18, 93],
    });
    expect(peer.interfaces[2]).toMatchObject({ name: 'GigabitEthernet1/3', shutdown: true });
    expect(peer.interfaces[2]?.nameif).toBeUndefined();
    expect(peer.routes).toEqual([
      { prefix: 'any', interface: 'outside', nextHop: '203.0.113.1', lines: [75] },
      { prefix: '10.10.50.0/24', interface: 'inside', nextHop: '10.10.0.254', lines: [76] },
    ]);
    expect(peer.ikeEnabled).toEqual([{ version: 'ikev1', interface: 'outside', lines: [95] }]);
  });

  it('reads both IKEv1 policies in priority order, nothing defaulted', () => {
    expect(peer.ikeProposals.map((p) => [p.name, p.encryption, p.integrity, p.dhGroups])).toEqual([
      ['10', ['aes-256'], ['sha1'], [5]],
      ['20', ['3des'], ['sha1'], [2]],
    ]);
    expect(peer.ikeProposals[0]?.lines).toEqual([96, 97, 98, 99, 100, 101]);
    expect(peer.ikeProposals.every((p) => p.defaulted === undefined)).toBe(true);
    expect(peer.espProposals).toEqual([
      {
        name: 'ESP-AES-256-SHA',
        version: 'ikev1',
        encryption: ['aes-256'],
        integrity: ['sha1'],
        lines: [86],
      },
      {
        name: 'ESP-3DES-SHA',
        version: 'ikev1',
        encryption: ['3des'],
        integrity: ['sha1'],
        lines: [87],
      },
    ]);
  });

  it('resolves the peer name, the tunnel group and the local address', () => {
    expect(conn).toMatchObject({
      name: 'outside_map 1',
      peers: ['198.51.100.2'],
      localAddress: '203.0.113.2',
      profile: '198.51.100.2',
      appliedTo: ['outside'],
      espProposals: ['ESP-AES-256-SHA', 'ESP-3DES-SHA'],
      ikeVersions: ['ikev1'],
      pfs: null,
      lifetimeSeconds: 3600,
      lifetimeKilobytes: 4608000,
      lines: [89, 90, 91, 92, 93],
    });
  });

  it('expands object groups and the printer range into selectors', () => {
    const remote = [
      '10.20.0.0/16',
      '10.30.1.10/31',
      '10.30.1.12/30',
      '10.30.1.16/30',
      '10.30.1.20/32',
    ];
    expect(conn?.selectors.map((s) => `${s.local} ${s.remote}`)).toEqual([
      ...remote.map((r) => `10.10.0.0/24 ${r}`),
      ...remote.map((r) => `10.10.50.0/24 ${r}`),
    ]);
    expect(conn?.selectors[0]?.lines).toEqual([
      57, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56,
    ]);
  });

  it('has a masked key and an IKEv1 profile for the tunnel group', () => {
    expect(peer.keys).toEqual([
      {
        scope: 'tunnel-group',
        container: '198.51.100.2',
        peer: '198.51.100.2',
        version: 'ikev1',
        direction: 'both',
        encoding: 'masked',
        lines: [123, 119, 122],
      },
    ]);
    expect(peer.profiles).toEqual([
      {
        name: '198.51.100.2',
        version: 'ikev1',
        matches: [{ kind: 'address', value: '198.51.100.2/32', lines: [119] }],
        keyrings: [],
        localAuth: 'pre-share',
        remoteAuth: 'pre-share',
        lines: [119, 120, 122, 123, 124],
      },
    ]);
  });

  it('puts the twice-NAT exemption before the object NAT', () => {
    expect(peer.nat.map((n) => [n.kind, n.local, n.lines[0]])).toEqual([
      ['exempt', ['10.10.0.0/24', '10.10.50.0/24'], 70],
      ['translate', ['any'], 73],
    ]);
    expect(peer.nat[0]?.remote).toHaveLength(5);
    expect(peer.nat[1]).toMatchObject({ remote: ['any'], lines: [73, 41, 42, 72] });
  });

  it('is recognised as an ASA and counts the lines it did not read', () => {
    expect(ASA_CONFIG.sniff(text)).toBe(43);
    expect(peer.unread).toBe(63);
  });
});

describe('ASA 9.x: IKEv2 L2L to the FortiGate of seed 000 (AES-GMAC, PFS group 14)', () => {
  const text = fixture('asa9-ikev2-l2l-gmac-pfs');
  const peer = parse(text);
  const conn = peer.connections[0];

  it('reads IKEv2 policies: GCM with no integrity, several PRFs and groups', () => {
    expect(peer.ikeProposals).toEqual([
      {
        version: 'ikev2',
        name: '1',
        priority: 1,
        encryption: ['aes-gcm-256'],
        integrity: [],
        prf: ['sha512', 'sha384', 'sha256'],
        dhGroups: [21, 19],
        lifetimeSeconds: 86400,
        lines: [79, 80, 81, 82, 83, 84],
      },
      {
        version: 'ikev2',
        name: '10',
        priority: 10,
        encryption: ['aes-256'],
        integrity: ['sha256'],
        prf: ['sha256'],
        dhGroups: [14],
        lifetimeSeconds: 28800,
        lines: [85, 86, 87, 88, 89, 90],
      },
    ]);
  });

  it('reads both IPsec proposals and uses only FORTIGATE on the map', () => {
    expect(peer.espProposals.map((p) => [p.name, p.encryption, p.integrity, p.lines])).toEqual([
      ['FORTIGATE', ['aes-gmac-256'], ['none'], [63, 64, 65]],
      ['AES256-SHA256', ['aes-256'], ['sha256', 'sha1'], [66, 67, 68]],
    ]);
    expect(conn).toMatchObject({
      peers: ['192.168.100.100'],
      localAddress: '192.168.100.111',
      ikeVersions: ['ikev2'],
      espProposals: ['FORTIGATE'],
      pfs: 14,
      lifetimeSeconds: 3600,
      lifetimeKilobytes: 4608000,
      selectors: [
        {
          local: '172.16.1.0/24',
          remote: '192.168.1.0/24',
          protocol: 'ip',
          lines: [37, 31, 32, 33, 34],
        },
      ],
      lines: [72, 73, 74, 75, 76, 77, 70],
    });
  });

  it('keeps clear IKEv2 keys as bytes with their direction, never as text', () => {
    expect(peer.keys.map((k) => [k.direction, k.version, k.encoding, k.bytesHex, k.lines])).toEqual(
      [
        ['remote', 'ikev2', 'plain', textToHex('Fort1Gate-Lab'), [104, 100, 103]],
        ['local', 'ikev2', 'plain', textToHex('Asa-Side-Key'), [105, 100, 103]],
      ],
    );
    const json = JSON.stringify(peer);
    expect(json).not.toContain('Fort1Gate-Lab');
    expect(json).not.toContain('Asa-Side-Key');
    expect(peer.profiles).toMatchObject([
      {
        name: '192.168.100.100',
        version: 'ikev2',
        localAuth: 'pre-share',
        remoteAuth: 'pre-share',
      },
    ]);
  });

  it('orders the identity twice NAT before the object PAT and notes the DHCP interface', () => {
    expect(peer.nat).toEqual([
      {
        kind: 'exempt',
        local: ['172.16.1.0/24'],
        remote: ['192.168.1.0/24'],
        lines: [52, 31, 32, 33, 34],
      },
      { kind: 'translate', local: ['172.16.1.0/24'], remote: ['any'], lines: [55, 35, 36, 54] },
    ]);
    expect(noteAt(peer, 28)).toEqual([
      'interface Management0/0: address "dhcp" is not a static IPv4 address',
    ]);
    expect(peer.interfaces[0]?.addresses).toEqual(['192.168.100.111/24']);
  });
});

describe('ASA 9.x: hub with a dynamic map, aggressive mode and certificates', () => {
  const peer = parse(fixture('asa9-dynamic-map-hub'));
  const [partner, spokes] = peer.connections;

  it('places the dynamic entries at the static entry that references them', () => {
    expect(peer.connections.map((c) => [c.name, c.kind, c.sequence])).toEqual([
      ['outside_map 10', 'crypto-map', 10],
      ['SPOKES_DYN 10', 'dynamic-map', 10],
    ]);
    expect(spokes).toMatchObject({
      peers: [],
      appliedTo: ['outside'],
      localAddress: '203.0.113.34',
      profile: 'DefaultL2LGroup',
      selectors: [{ local: '10.0.0.0/16', remote: '10.128.0.0/9', protocol: 'ip' }],
      lines: [45, 46, 47, 54, 55],
    });
  });

  it('keeps IKEv1 only when IKEv2 is not enabled on the interface, and says why', () => {
    expect(partner).toMatchObject({
      peers: ['192.0.2.1', '192.0.2.2'],
      exchangeMode: 'aggressive',
      ikeVersions: ['ikev1'],
      espProposals: ['ESP-AES-256-SHA', 'AES-GCM'],
      profile: '192.0.2.1',
    });
    expect(noteAt(peer, 53)).toEqual([
      'crypto map outside_map 10: ikev2 is not enabled on outside (crypto ikev2 enable …), so its proposals are not used',
    ]);
    expect(noteAt(peer, 51)).toEqual(['crypto map outside_map 10: connection-type answer-only']);
  });

  it('reads ports and leaves deny entries out of the selectors with a note', () => {
    expect(partner?.selectors.map((s) => [s.local, s.remote, s.protocol, s.remotePort])).toEqual([
      ['10.0.0.0/16', '192.0.2.80/32', 'ip', undefined],
      ['10.0.0.0/16', '192.0.2.96/27', 'ip', undefined],
      ['10.0.5.5/32', '192.0.2.77/32', 'tcp', 'https'],
    ]);
    expect(noteAt(peer, 31)).toHaveLength(1);
  });

  it('keeps encrypted keys without bytes; DefaultL2LGroup is for any peer', () => {
    expect(peer.keys.map((k) => [k.container, k.peer, k.encoding, k.bytesHex])).toEqual([
      ['DefaultL2LGroup', 'any', 'encrypted', undefined],
      ['192.0.2.1', '192.0.2.1', 'encrypted', undefined],
    ]);
    expect(JSON.stringify(peer)).not.toContain('gbeNQdFSM');
    expect(peer.profiles.map((p) => [p.name, p.version, p.localAuth, p.remoteAuth])).toEqual([
      ['DefaultL2LGroup', 'ikev1', 'pre-share', 'pre-share'],
      ['192.0.2.1', 'ikev1', 'pre-share', 'pre-share'],
      ['192.0.2.1', 'ikev2', 'rsa-sig', 'rsa-sig'],
    ]);
    // The fallback group matches nobody in particular, so it never overlaps a peer's own group.
    expect(peer.profiles.map((p) => p.matches.map((m) => m.value))).toEqual([
      [],
      ['192.0.2.1/32'],
      ['192.0.2.1/32'],
    ]);
  });

  it('notes that GCM ignores the integrity of a mixed proposal', () => {
    expect(noteAt(peer, 41)).toEqual([
      'ipsec-proposal AES-GCM: AES-GCM/GMAC ignore "protocol esp integrity"; it applies only to the other ciphers',
    ]);
  });

  it('evaluates after-auto NAT last', () => {
    expect(peer.nat.map((n) => [n.kind, n.lines[0]])).toEqual([
      ['exempt', 36],
      ['exempt', 37],
      ['translate', 38],
    ]);
    expect(peer.nat[1]?.remote).toEqual(['192.0.2.80/32', '192.0.2.96/27']);
  });
});

describe('ASA 8.2: crypto isakmp, transform-set without ikev1, nat 0', () => {
  const peer = parse(fixture('asa82-nat0'));
  const conn = peer.connections[0];

  it('reads the 8.2 forms and the name alias in the ACL', () => {
    expect(peer.ikeProposals.map((p) => [p.name, p.encryption[0], p.lines[0]])).toEqual([
      ['10', 'aes-256', 59],
      ['65535', '3des', 65],
    ]);
    expect(peer.espProposals.map((p) => [p.name, p.version])).toEqual([
      ['ESP-AES-256-SHA', 'ikev1'],
      ['ESP-3DES-MD5', 'ikev1'],
    ]);
    expect(conn).toMatchObject({
      pfs: 2,
      peers: ['203.0.113.2'],
      ikeVersions: ['ikev1'],
      espProposals: ['ESP-AES-256-SHA'],
      selectors: [{ local: '192.168.10.0/24', remote: '192.168.20.0/24', lines: [29] }],
      lifetimeSeconds: 28800,
      lifetimeKilobytes: 4608000,
      lines: [53, 54, 55, 56, 57, 51, 52],
    });
  });

  it('orders nat 0 (exemption) before nat 1 with its global', () => {
    expect(peer.nat).toEqual([
      { kind: 'exempt', local: ['192.168.10.0/24'], remote: ['192.168.20.0/24'], lines: [38, 28] },
      { kind: 'translate', local: ['any'], remote: ['any'], lines: [39, 37] },
    ]);
  });

  it('reads the 8.2 masked key "*"', () => {
    expect(peer.keys).toMatchObject([
      {
        scope: 'tunnel-group',
        container: '203.0.113.2',
        version: 'ikev1',
        encoding: 'masked',
        lines: [82, 80, 81],
      },
    ]);
    expect(peer.keys[0]?.bytesHex).toBeUndefined();
  });
});

describe('PIX 6.3: write terminal', () => {
  const peer = parse(fixture('pix63-site-to-site'));

  it('builds interfaces from the global nameif and ip address lines', () => {
    expect(
      peer.interfaces.map((i) => [
        i.name,
        i.nameif,
        i.securityLevel,
        i.addresses,
        i.shutdown,
        i.lines,
      ]),
    ).toEqual([
      ['ethernet0', 'outside', 0, ['80.80.80.80/24'], false, [2, 5, 20, 39]],
      ['ethernet1', 'inside', 100, ['192.168.124.1/24'], false, [3, 6, 21]],
      ['ethernet2', 'intf2', 4, [], true, [4, 7]],
    ]);
    expect(peer.routes).toEqual([
      { prefix: 'any', interface: 'outside', nextHop: '80.80.80.1', lines: [30] },
    ]);
  });

  it('fills PIX 6 defaults (group 1) for what a one-line policy leaves out', () => {
    expect(peer.ikeProposals[1]).toEqual({
      version: 'ikev1',
      name: '20',
      priority: 20,
      encryption: ['aes-256'],
      integrity: ['sha1'],
      prf: [],
      dhGroups: [1],
      authentication: 'pre-share',
      lifetimeSeconds: 86400,
      defaulted: ['integrity', 'dhGroups', 'lifetimeSeconds'],
      lines: [48, 49],
    });
  });

  it('reads the masked isakmp key, the crypto map and nat 0 before nat 1', () => {
    expect(peer.keys).toEqual([
      {
        scope: 'global',
        peer: '81.81.81.81',
        version: 'ikev1',
        direction: 'both',
        encoding: 'masked',
        lines: [41],
      },
    ]);
    expect(peer.connections[0]).toMatchObject({
      name: 'VPN_CRYPTO_MAP 10',
      localAddress: '80.80.80.80',
      lifetimeSeconds: 28800,
      lifetimeKilobytes: 4608000,
      lines: [34, 35, 36, 37, 38, 39],
    });
    expect(peer.nat.map((n) => [n.kind, n.lines])).toEqual([
      ['exempt', [28, 15]],
      ['translate', [29, 27]],
    ]);
  });
});

describe('ASA: real output from ntc-templates', () => {
  it('normalises every ipsec-proposal keyword (aes = AES-128, sha-512, aes-gmac)', () => {
    const peer = parse(fixture('ntc-ipsec'));
    const ike2 = peer.espProposals.find((p) => p.name === 'IKE2');
    expect(ike2?.encryption).toEqual([
      'aes-gcm-256',
      'aes-gcm-192',
      'aes-gcm-128',
      'aes-256',
      'aes-192',
      'aes-128',
      '3des',
      'des',
      'aes-gmac-256',
      'aes-gmac-192',
      'aes-gmac-128',
    ]);
    expect(ike2?.integrity).toEqual(['sha512', 'sha384', 'sha256', 'sha1', 'md5']);
    expect(peer.espProposals.find((p) => p.name === 'AES_MD5')).toMatchObject({
      encryption: ['aes-128'],
      integrity: ['md5'],
      lines: [5],
    });
    expect(peer.espProposals.find((p) => p.name === 'NEW_IKE2')?.integrity).toEqual(['none']);
    expect(peer.espProposals).toHaveLength(14);
    expect(peer.unread).toBe(0);
  });

  it('reads every entry of show running-config all crypto map', () => {
    const peer = parse(fixture('ntc-all-crypto-map'));
    const byName = new Map(peer.connections.map((c) => [c.name, c]));
    expect(byName.get('WAN1_CMAP 100')).toMatchObject({
      pfs: 5,
      exchangeMode: 'main',
      espProposals: ['DES-MD5'],
      lifetimeSeconds: 3600,
      lifetimeKilobytes: 100000,
      appliedTo: ['WAN1'],
      lines: [32, 33, 34, 35, 36, 37, 38, 39, 40, 42],
    });
    expect(byName.get('WAN1_CMAP 30')).toMatchObject({
      lifetimeSeconds: 28800,
      lifetimeKilobytes: 100000,
    });
    expect(noteAt(peer, 41)).toEqual([
      'crypto map WAN1_CMAP 65535: dynamic map SYSTEM_DEFAULT_CRYPTO_MAP is not in the input',
    ]);
    expect(noteAt(peer, 43)).toContain(
      'crypto map S2S_CMAP is not applied to any interface (no "crypto map S2S_CMAP interface …")',
    );
    expect(peer.connections).toHaveLength(10);
  });
});

describe('ASA: defaults', () => {
  it('fills the ASA IKEv1 defaults and lists them', () => {
    const peer = parse('crypto ikev1 policy 30\n authentication pre-share\n encryption aes-256\n');
    expect(peer.ikeProposals[0]).toMatchObject({
      encryption: ['aes-256'],
      integrity: ['sha1'],
      dhGroups: [2],
      authentication: 'pre-share',
      lifetimeSeconds: 86400,
      defaulted: ['integrity', 'dhGroups', 'lifetimeSeconds'],
      lines: [1, 2, 3],
    });
    const bare = parse('crypto isakmp policy 5\n');
    expect(bare.ikeProposals[0]).toMatchObject({
      encryption: ['3des'],
      authentication: 'pre-share',
      defaulted: ['encryption', 'integrity', 'authentication', 'dhGroups', 'lifetimeSeconds'],
    });
  });

  it('fills the IKEv2 PRF and lifetime, and notes a missing group', () => {
    const peer = parse('crypto ikev2 policy 5\n encryption aes-256\n integrity sha256\n');
    expect(peer.ikeProposals[0]).toMatchObject({
      prf: ['sha1'],
      dhGroups: [],
      lifetimeSeconds: 86400,
      defaulted: ['prf', 'lifetimeSeconds'],
    });
    expect(noteAt(peer, 1)).toEqual([
      'crypto ikev2 policy 5: group not in the input; the ASA default is not assumed',
    ]);
  });

  it('takes the global IPsec SA lifetime when the entry sets none', () => {
    const peer = parse(
      'crypto ipsec security-association lifetime seconds 3600\ncrypto map M 1 set peer 192.0.2.1\n',
    );
    expect(peer.connections[0]).toMatchObject({
      lifetimeSeconds: 3600,
      lifetimeKilobytes: 4608000,
      lines: [2, 1],
    });
  });
});

describe('ASA: global settings shown as notes', () => {
  it('notes aggressive mode off, a host-name identity and NAT-T off', () => {
    const peer = parse(
      'crypto ikev1 am-disable\ncrypto isakmp identity hostname\nno crypto isakmp nat-traversal\ncrypto isakmp identity address\n',
    );
    expect(peer.notes.map((n) => [n.lines[0], n.message])).toEqual([
      [1, 'inbound IKEv1 aggressive mode is disabled (am-disable)'],
      [2, 'the ASA sends its hostname as IKE identity, not its address'],
      [3, 'NAT traversal is disabled for IKEv1'],
    ]);
    expect(peer.unread).toBe(1);
  });
});

describe('ASA: object NAT order', () => {
  const text = [
    'object network ALL',
    ' subnet 0.0.0.0 0.0.0.0',
    ' nat (inside,outside) dynamic interface',
    'object network LAN',
    ' subnet 10.1.1.0 255.255.255.0',
    ' nat (inside,outside) dynamic interface',
    'object network WEB',
    ' host 10.1.1.10',
    ' nat (inside,outside) static 203.0.113.10',
    'object network SELF',
    ' host 10.1.1.20',
    ' nat (inside,outside) static SELF',
    'nat (inside,outside) after-auto source dynamic any interface',
    'nat (inside,outside) source static LAN LAN',
  ].join('\n');

  it('is manual NAT, then static before dynamic and smaller before larger, then after-auto', () => {
    expect(parse(text).nat.map((n) => [n.kind, n.lines[0]])).toEqual([
      ['exempt', 14],
      ['translate', 9],
      ['exempt', 12],
      ['translate', 6],
      ['translate', 3],
      ['translate', 13],
    ]);
  });
});

describe('ASA: robustness', () => {
  it('reads CRLF and tab-indented text like the original', () => {
    const text = fixture('asa9-ikev1-l2l-twice-nat');
    const crlf = text.replace(/\n/g, '\r\n').replace(/^ /gm, '\t');
    expect(parse(crlf)).toEqual(parse(text));
  });

  it('returns an empty model for empty input', () => {
    expect(parse('')).toMatchObject({
      platform: 'cisco-asa',
      connections: [],
      notes: [],
      unread: 0,
    });
    expect(ASA_CONFIG.sniff('')).toBe(0);
  });

  it('never throws on truncated or odd statements', () => {
    const odd = [
      'crypto map',
      'crypto map M',
      'crypto map M x set peer',
      'crypto map M 1 set security-association lifetime seconds',
      'crypto dynamic-map D 1 set pfs group99999',
      'nat (inside,outside) source static',
      'nat (inside,outside) source static NOPE NOPE destination static',
      'nat (inside) 1 access-list',
      'static (inside,outside)',
      'access-list A extended permit ip object-group',
      'access-list A extended permit tcp any host',
      'object-group network G',
      ' group-object G',
      'tunnel-group T ipsec-attributes',
      ' ikev1 pre-shared-key',
      ' ikev2 local-authentication pre-shared-key hex zz',
      'crypto ikev1 policy',
      'crypto ikev2 policy 1',
      ' lifetime seconds',
      'isakmp key address',
      'route outside 0 0',
      'interface',
      ' ip address 1.2.3.4 255.0.255.0',
    ].join('\n');
    const peer = parse(odd);
    expect(peer.platform).toBe('cisco-asa');
    expect(peer.connections.length).toBeGreaterThan(0);
  });

  it('keeps a key out of every note, even when its line is not understood', () => {
    const peer = parse(
      'tunnel-group 192.0.2.9 ipsec-attributes\n ikev2 local-authentication pre-shared-key hex Zebra-Secret\n',
    );
    expect(JSON.stringify(peer)).not.toContain('Zebra-Secret');
    expect(noteAt(peer, 2)).toHaveLength(1);
  });

  it('stays fast on a pathological paste', () => {
    const long = `access-list A extended permit ip ${'host 10.0.0.1 '.repeat(8000)}`;
    const many = Array.from(
      { length: 20000 },
      (_, i) => `crypto map M ${i} set peer 192.0.2.1`,
    ).join('\n');
    const spaces = `${' '.repeat(100_000)}x\n`.repeat(3);
    const start = Date.now();
    parse(long);
    parse(many);
    parse(spaces);
    ASA_CONFIG.sniff(long + many + spaces);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});

describe('ASA: sniff', () => {
  it('scores ASA and PIX configurations high and others low', () => {
    for (const name of [
      'asa82-nat0',
      'pix63-site-to-site',
      'asa9-dynamic-map-hub',
      'asa9-ikev2-l2l-gmac-pfs',
    ]) {
      expect(ASA_CONFIG.sniff(fixture(name))).toBeGreaterThanOrEqual(28);
    }
    // An IOS router (seed 001 lines 215-224: the GDOI key server).
    const ios = [
      'crypto isakmp policy 10',
      'encr aes',
      'authentication pre-share',
      'group 2',
      'crypto isakmp key P@ssword123 address 0.0.0.0 0.0.0.0',
      '!',
      'crypto ipsec transform-set TS-GDOI esp-aes esp-sha-hmac',
      '!',
      'crypto ipsec profile PF-GDOI',
      'set transform-set TS-GDOI',
    ].join('\n');
    expect(ASA_CONFIG.sniff(ios)).toBe(0);
    expect(
      ASA_CONFIG.sniff('config vpn ipsec phase1-interface\n    edit "Tunnel-To-SiteB"\n'),
    ).toBe(0);
  });
});

describe('rangeToPrefixes', () => {
  const n = (a: string): number => ipv4ToNumber(a) ?? -1;

  it('covers a range with the fewest prefixes', () => {
    expect(rangeToPrefixes(n('10.30.1.10'), n('10.30.1.20'))).toEqual([
      '10.30.1.10/31',
      '10.30.1.12/30',
      '10.30.1.16/30',
      '10.30.1.20/32',
    ]);
    expect(rangeToPrefixes(n('0.0.0.0'), n('255.255.255.255'))).toEqual(['any']);
    expect(rangeToPrefixes(n('192.0.2.0'), n('192.0.2.255'))).toEqual(['192.0.2.0/24']);
  });
});
