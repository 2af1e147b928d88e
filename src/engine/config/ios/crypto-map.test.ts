/**
 * Crypto-map routers written for these tests (fixtures/config/cisco-ios/README.md):
 * `crypto-map-ikev1.cfg` (IOS 15.4, IKEv1, NAT exemption) and `ikev2-crypto-map-crlf-tabs.cfg`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IOS_CONFIG } from './index.ts';

const DIR = new URL('../../../../fixtures/config/cisco-ios/', import.meta.url);
const parse = (name: string) => IOS_CONFIG.parse(readFileSync(new URL(`${name}.cfg`, DIR), 'utf8'));

describe('crypto-map-ikev1: IOS 15.4 branch router', () => {
  const cfg = parse('crypto-map-ikev1');
  const conn = (name: string) => cfg.connections.find((c) => c.name === name);

  it('reads the hostname past the prompt and "Building configuration..."', () => {
    expect(cfg.hostname).toBe('BRANCH-RTR');
  });

  it('fills the hidden defaults of policy 20 and lists them', () => {
    expect(
      cfg.ikeProposals.map((p) => [
        p.name,
        p.priority,
        p.encryption,
        p.integrity,
        p.dhGroups,
        p.lifetimeSeconds,
        p.defaulted,
        p.lines[0],
      ]),
    ).toEqual([
      ['10', 10, ['aes-256'], ['sha256'], [14], 28800, [], 28],
      ['20', 20, ['3des'], ['sha1'], [2], 86400, ['integrity', 'lifetimeSeconds'], 34],
    ]);
  });

  it('keeps the global keys in the default keyring; the type 6 key has no bytes', () => {
    expect(cfg.keyrings).toEqual([
      {
        name: 'default',
        version: 'ikev1',
        isDefault: true,
        peers: ['203.0.113.2', '203.0.113.3', '198.51.100.66'],
        lines: [38, 39, 40],
      },
    ]);
    expect(cfg.keys.map((k) => [k.peer, k.encoding, k.bytesHex])).toEqual([
      ['203.0.113.2', 'plain', '48512d7333637265742d32303234'],
      ['203.0.113.3', 'plain', '48512d7333637265742d32303234'],
      ['198.51.100.66', 'type6', undefined],
    ]);
  });

  it('normalises the transform sets; GCM has no integrity', () => {
    expect(cfg.espProposals).toEqual([
      {
        name: 'TS-AES256',
        encryption: ['aes-256'],
        integrity: ['sha1'],
        mode: 'tunnel',
        lines: [43, 44],
      },
      {
        name: 'TS-GCM',
        encryption: ['aes-gcm-256'],
        integrity: ['none'],
        mode: 'tunnel',
        lines: [45, 46],
      },
      {
        name: 'TS-LEGACY',
        encryption: ['3des'],
        integrity: ['md5'],
        mode: 'tunnel',
        lines: [47, 48],
      },
    ]);
  });

  it('entry 10: two peers, two transform sets, PFS 14, numbered ACL 101', () => {
    expect(conn('CMAP 10')).toEqual({
      name: 'CMAP 10',
      kind: 'crypto-map',
      sequence: 10,
      peers: ['203.0.113.2', '203.0.113.3'],
      localAddress: '198.51.100.2',
      ikeVersions: ['ikev1'],
      ikeProposals: [],
      espProposals: ['TS-AES256', 'TS-GCM'],
      pfs: 14,
      lifetimeSeconds: 3600,
      selectors: [
        { local: '192.168.10.0/24', remote: '10.20.0.0/16', protocol: 'ip', lines: [110] },
      ],
      acl: '101',
      appliedTo: ['GigabitEthernet0/0'],
      lines: [54, 56, 57, 58, 59, 60, 61],
    });
  });

  it('entry 20: bare "set pfs" is group 1; the object-group expands host, subnet and range', () => {
    const c = conn('CMAP 20');
    expect(c?.pfs).toBe(1);
    expect(c?.lifetimeKilobytes).toBe(4608000);
    expect(c?.selectors.map((s) => [s.local, s.remote, s.lines])).toEqual([
      ['192.168.10.0/24', '172.20.1.10/32', [107, 24]],
      ['192.168.10.0/24', '172.20.2.0/24', [107, 25]],
      ['192.168.10.0/24', '172.20.3.1/32', [107, 26]],
      ['192.168.10.0/24', '172.20.3.2/31', [107, 26]],
      ['192.168.10.0/24', '172.20.3.4/31', [107, 26]],
      ['192.168.10.0/24', '172.20.3.6/32', [107, 26]],
    ]);
  });

  it('the dynamic map entry inherits the interface of the map that uses it', () => {
    expect(conn('DYN-REMOTE 10')).toMatchObject({
      kind: 'dynamic-map',
      sequence: 10,
      peers: [],
      appliedTo: ['GigabitEthernet0/0'],
      localAddress: '198.51.100.2',
      pfs: 14,
      selectors: [],
    });
    expect(conn('CMAP 65535')).toBeUndefined();
  });

  it('turns the NAT ACL into exempt rules (deny) before the overload (permit)', () => {
    expect(cfg.nat).toEqual([
      { kind: 'exempt', local: ['192.168.10.0/24'], remote: ['10.20.0.0/16'], lines: [98, 102] },
      {
        kind: 'exempt',
        local: ['192.168.10.0/24'],
        remote: [
          '172.20.1.10/32',
          '172.20.2.0/24',
          '172.20.3.1/32',
          '172.20.3.2/31',
          '172.20.3.4/31',
          '172.20.3.6/32',
        ],
        lines: [98, 103],
      },
      { kind: 'translate', local: ['192.168.10.0/24'], remote: ['any'], lines: [98, 104] },
    ]);
  });

  it('reads interfaces: NAT side, crypto map, shutdown', () => {
    expect(
      cfg.interfaces.map((i) => [i.name, i.addresses, i.natSide, i.cryptoMap, i.shutdown]),
    ).toEqual([
      ['GigabitEthernet0/0', ['198.51.100.2/30'], 'outside', 'CMAP', false],
      ['GigabitEthernet0/1', ['192.168.10.1/24'], 'inside', undefined, false],
      ['GigabitEthernet0/2', [], undefined, undefined, true],
    ]);
    expect(cfg.routes).toEqual([{ prefix: 'any', nextHop: '198.51.100.1', lines: [99] }]);
  });

  it('ignores the final deny ip any any of a crypto ACL and leaves the rest unread', () => {
    expect(cfg.notes).toEqual([]);
    expect(cfg.unread).toBe(31);
  });
});

describe('ikev2-crypto-map-crlf-tabs: IKEv2 crypto map without an IKEv2 policy', () => {
  const cfg = parse('ikev2-crypto-map-crlf-tabs');

  it('reads CRLF and tab-indented sections completely', () => {
    expect(cfg.unread).toBe(0);
    expect(cfg.keys).toEqual([
      {
        scope: 'keyring',
        container: 'KR-PARTNER',
        peer: '203.0.113.77',
        version: 'ikev2',
        direction: 'both',
        encoding: 'plain',
        bytesHex: '636973636f',
        lines: [9, 7, 8],
      },
    ]);
  });

  it('models the default proposal, because no policy names UNUSED-PROP', () => {
    expect(cfg.ikeProposals.map((p) => p.name)).toEqual(['UNUSED-PROP', 'default']);
    expect(cfg.ikeProposals[1]).toMatchObject({
      version: 'ikev2',
      encryption: ['aes-256'],
      dhGroups: [19, 14, 21, 5],
      defaulted: ['encryption', 'integrity', 'prf', 'dhGroups'],
    });
    expect(cfg.notes.map((n) => n.message)).toEqual([
      expect.stringContaining('UNUSED-PROP is not named by any ikev2 policy'),
      expect.stringContaining('No crypto ikev2 policy: IOS uses its default policy'),
    ]);
  });

  it('the map entry uses IKEv2 with the profile, and TCP ports in the selector', () => {
    expect(cfg.connections[0]).toMatchObject({
      name: 'OUTSIDE-MAP 10',
      ikeVersions: ['ikev2'],
      ikeProposals: ['default'],
      profile: 'IKEV2-PARTNER',
      pfs: null,
      localAddress: '198.51.100.9',
      selectors: [
        { local: '10.1.0.0/16', remote: '172.16.99.10/32', protocol: 'ip', lines: [32] },
        {
          local: '10.1.5.5/32',
          remote: '172.16.98.0/24',
          protocol: 'tcp',
          localPort: 'eq 443',
          lines: [33],
        },
      ],
    });
    expect(cfg.profiles[0]).toEqual({
      name: 'IKEV2-PARTNER',
      version: 'ikev2',
      matches: [{ kind: 'address', value: '203.0.113.77/32', lines: [13] }],
      keyrings: ['KR-PARTNER'],
      localAuth: 'pre-share',
      remoteAuth: 'pre-share',
      lines: [12, 13, 14, 15, 16],
    });
  });
});
