/** ASA 8.2 and PIX 6.3 configurations, and the defaults (fixture sources: `../asa.test.ts`). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PeerConfig } from '../model.ts';
import { ASA_CONFIG } from './index.ts';

const fixture = (name: string): string =>
  readFileSync(
    new URL(`../../../../fixtures/config/cisco-asa/${name}.cfg`, import.meta.url),
    'utf8',
  );

const parse = (text: string): PeerConfig => ASA_CONFIG.parse(text);

const noteAt = (peer: PeerConfig, line: number): string[] =>
  peer.notes.filter((n) => n.lines.includes(line)).map((n) => n.message);

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
