/** ASA 9.x configurations and real ntc-templates output (fixture sources: `../asa.test.ts`). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PeerConfig } from '../model.ts';
import { textToHex } from '../normalise.ts';
import { ASA_CONFIG } from './index.ts';

const fixture = (name: string): string =>
  readFileSync(
    new URL(`../../../../fixtures/config/cisco-asa/${name}.cfg`, import.meta.url),
    'utf8',
  );

const parse = (text: string): PeerConfig => ASA_CONFIG.parse(text);

const noteAt = (peer: PeerConfig, line: number): string[] =>
  peer.notes.filter((n) => n.lines.includes(line)).map((n) => n.message);

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
