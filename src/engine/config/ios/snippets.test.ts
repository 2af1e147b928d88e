/**
 * Small IOS configuration snippets, written for these tests: flattened and config-mode pastes,
 * key encodings, numbered ACLs, IKEv2 policy selection, and the helpers behind them.
 */
import { describe, expect, it } from 'vitest';
import { dhGroup, transforms } from './algorithms.ts';
import { rangeToPrefixes } from './acl.ts';
import { ikev2ProposalsFor } from './ike.ts';
import { IOS_CONFIG } from './index.ts';
import { tunnelMode } from './interfaces.ts';
import { peerOf } from './keys.ts';

const parse = (...lines: string[]) => IOS_CONFIG.parse(lines.join('\n'));

describe('pastes that lost their shape', () => {
  it('re-nests a flattened crypto map and stops at the global ip route', () => {
    const cfg = parse(
      'crypto map VPN 10 ipsec-isakmp',
      'set peer 192.0.2.1',
      'set transform-set TS',
      'match address CRYPTO',
      'interface GigabitEthernet0/0',
      'ip address 198.51.100.1 255.255.255.0',
      'crypto map VPN',
      'ip route 0.0.0.0 0.0.0.0 198.51.100.254',
      'ip access-list extended CRYPTO',
      'permit ip 10.0.0.0 0.0.0.255 10.9.0.0 0.0.0.255',
    );
    expect(cfg.connections[0]).toMatchObject({
      peers: ['192.0.2.1'],
      espProposals: ['TS'],
      localAddress: '198.51.100.1',
      appliedTo: ['GigabitEthernet0/0'],
      lines: [1, 2, 3, 4],
    });
    expect(cfg.connections[0]?.selectors).toEqual([
      { local: '10.0.0.0/24', remote: '10.9.0.0/24', protocol: 'ip', lines: [10] },
    ]);
    expect(cfg.routes).toEqual([{ prefix: 'any', nextHop: '198.51.100.254', lines: [8] }]);
    expect(cfg.unread).toBe(0);
  });

  it('gives each key of a flattened IKEv2 keyring to the peer above it', () => {
    const cfg = parse(
      'crypto ikev2 keyring KR',
      'peer A',
      'address 192.0.2.1',
      'pre-shared-key Key-A',
      'peer B',
      'address 192.0.2.2',
      'pre-shared-key remote Key-B',
    );
    expect(cfg.keys.map((k) => [k.peer, k.direction, k.lines])).toEqual([
      ['192.0.2.1', 'both', [4, 2, 3]],
      ['192.0.2.2', 'remote', [7, 5, 6]],
    ]);
  });

  it('reads commands typed after config-mode prompts', () => {
    const cfg = parse(
      'R1(config)#crypto isakmp policy 10',
      'R1(config-isakmp)#encr aes 256',
      'R1(config-isakmp)#authentication pre-share',
      'R1(config-isakmp)#group 14',
    );
    expect(cfg.ikeProposals[0]).toMatchObject({
      encryption: ['aes-256'],
      authentication: 'pre-share',
      dhGroups: [14],
      defaulted: ['integrity', 'lifetimeSeconds'],
      lines: [1, 2, 3, 4],
    });
  });

  it('fills every ISAKMP default for an empty policy: DES, SHA-1, rsa-sig, group 1, one day', () => {
    const cfg = parse('crypto isakmp policy 65000');
    expect(cfg.ikeProposals[0]).toMatchObject({
      encryption: ['des'],
      integrity: ['sha1'],
      authentication: 'rsa-sig',
      dhGroups: [1],
      lifetimeSeconds: 86400,
      defaulted: ['encryption', 'integrity', 'authentication', 'dhGroups', 'lifetimeSeconds'],
    });
  });

  it('notes a policy sub-command it does not understand', () => {
    const cfg = parse('crypto isakmp policy 10', ' encr aes 512');
    expect(cfg.notes).toEqual([
      { message: 'isakmp policy 10: "encr aes 512" not understood', lines: [2] },
    ]);
  });
});

describe('key encodings', () => {
  it('regression: a key line indented under a policy is noted by line number, never quoted', () => {
    const cfg = parse(
      'crypto isakmp policy 10',
      ' encr aes',
      ' crypto isakmp key Mis-Indented-K3y address 192.0.2.1',
    );
    expect(cfg.notes).toEqual([{ message: 'isakmp policy 10: line 3 not understood', lines: [3] }]);
    expect(JSON.stringify(cfg)).not.toContain('Mis-Indented-K3y');
  });

  it('decodes a type 7 key to the same bytes as the plain text', () => {
    // IOS documents 0 and 6 for these commands; a type 7 string is decoded should a paste carry one.
    const cfg = parse('crypto keyring KR', ' pre-shared-key address 192.0.2.1 key 7 02050D480809');
    expect(cfg.keys[0]).toMatchObject({
      encoding: 'type7',
      bytesHex: '636973636f',
      peer: '192.0.2.1',
    });
  });

  it('notes a hex key that is not hex without quoting it', () => {
    const cfg = parse(
      'crypto ikev2 keyring KR',
      ' peer P',
      '  address 192.0.2.1',
      '  pre-shared-key hex 6369Zq',
    );
    expect(cfg.keys[0]).toMatchObject({ encoding: 'hex', peer: '192.0.2.1' });
    expect(cfg.keys[0]?.bytesHex).toBeUndefined();
    expect(cfg.notes[0]?.message).toBe('ikev2 keyring KR peer P: the key is not valid hex text');
    expect(JSON.stringify(cfg)).not.toContain('6369Zq');
  });

  it('reads a key with an encoding word and a host-name peer', () => {
    const cfg = parse('crypto isakmp key 0 Plain-Key-1 hostname vpn.example.net');
    expect(cfg.keys[0]).toMatchObject({
      scope: 'global',
      peer: 'vpn.example.net',
      encoding: 'plain',
      bytesHex: '506c61696e2d4b65792d31',
    });
  });

  it('reads keys written in an IKEv2 profile', () => {
    const cfg = parse(
      'crypto ikev2 profile P',
      ' match identity remote fqdn peer.example.net',
      ' authentication local pre-share key Loc4l',
      ' authentication remote pre-share key Rem0te',
    );
    expect(cfg.keys.map((k) => [k.container, k.direction, k.bytesHex])).toEqual([
      ['P', 'local', '4c6f63346c'],
      ['P', 'remote', '52656d307465'],
    ]);
    expect(cfg.profiles[0]?.matches).toEqual([
      { kind: 'fqdn', value: 'peer.example.net', lines: [2] },
    ]);
  });
});

describe('ACLs, NAT and crypto maps', () => {
  it('reads a numbered standard ACL in a NAT statement', () => {
    const cfg = parse(
      'ip nat inside source list 1 interface GigabitEthernet0/0 overload',
      'access-list 1 permit 192.168.1.0 0.0.0.255',
      'access-list 1 permit 192.168.2.7',
    );
    expect(cfg.nat).toEqual([
      { kind: 'translate', local: ['192.168.1.0/24'], remote: ['any'], lines: [1, 2] },
      { kind: 'translate', local: ['192.168.2.7/32'], remote: ['any'], lines: [1, 3] },
    ]);
  });

  it('notes a non-contiguous wildcard in a used crypto ACL', () => {
    const cfg = parse(
      'crypto map M 10 ipsec-isakmp',
      ' set peer 192.0.2.1',
      ' set transform-set T',
      ' match address A',
      'ip access-list extended A',
      ' permit ip 10.0.0.0 0.0.255.0 any',
    );
    expect(cfg.connections[0]?.selectors).toEqual([]);
    expect(cfg.notes.map((n) => [n.message, n.lines])).toContainEqual([
      'access list A (used by crypto map M 10): source address not read (non-contiguous wildcard or unknown object-group)',
      [6],
    ]);
  });

  it('takes the local address from crypto map local-address and notes a missing peer', () => {
    const cfg = parse(
      'crypto map M local-address Loopback0',
      'crypto map M 10 ipsec-isakmp',
      ' set transform-set T',
      ' match address A',
      'interface Loopback0',
      ' ip address 203.0.113.5 255.255.255.255',
      'interface GigabitEthernet0/0',
      ' ip address 198.51.100.1 255.255.255.0',
      ' crypto map M',
    );
    expect(cfg.connections[0]?.localAddress).toBe('203.0.113.5');
    expect(cfg.notes.map((n) => n.message)).toContain(
      'crypto map M 10 has no set peer: IOS keeps the entry disabled',
    );
  });

  it('an ipsec profile without a transform set uses the IOS default set', () => {
    const cfg = parse(
      'crypto ipsec profile P',
      'interface Tunnel1',
      ' tunnel source 198.51.100.1',
      ' tunnel destination 192.0.2.1',
      ' tunnel mode ipsec ipv4',
      ' tunnel protection ipsec profile P',
    );
    expect(cfg.connections[0]).toMatchObject({
      espProposals: ['default'],
      localAddress: '198.51.100.1',
      ikeVersions: ['ikev1'],
    });
    expect(cfg.espProposals).toEqual([
      {
        name: 'default',
        encryption: ['aes-128'],
        integrity: ['sha1'],
        mode: 'transport',
        lines: [],
      },
    ]);
  });
});

describe('helpers', () => {
  it('ikev2ProposalsFor prefers the policy naming the local address, within the VRF', () => {
    const policies = [
      { name: 'ANY', proposals: ['P-ANY'], localAddresses: [], lines: [1] },
      { name: 'ADDR', proposals: ['P-ADDR'], localAddresses: ['198.51.100.1'], lines: [2] },
      { name: 'VRF', proposals: ['P-VRF'], localAddresses: [], fvrf: 'INET', lines: [3] },
    ];
    expect(ikev2ProposalsFor(policies, '198.51.100.1', undefined)).toEqual(['P-ADDR']);
    expect(ikev2ProposalsFor(policies, '198.51.100.2', undefined)).toEqual(['P-ANY']);
    expect(ikev2ProposalsFor(policies, '198.51.100.1', 'INET')).toEqual(['P-VRF']);
    expect(ikev2ProposalsFor([], '198.51.100.1', undefined)).toEqual(['default']);
  });

  it('tunnelMode normalises the IOS words', () => {
    expect([
      tunnelMode([]),
      tunnelMode(['gre', 'ip']),
      tunnelMode(['gre', 'multipoint']),
      tunnelMode(['ipsec', 'ipv4']),
    ]).toEqual(['gre', 'gre', 'gre-multipoint', 'ipsec-ipv4']);
  });

  it('peerOf writes hosts bare, networks as prefixes and 0.0.0.0 as any', () => {
    expect([
      peerOf('192.0.2.1', undefined),
      peerOf('192.0.2.0', '255.255.255.0'),
      peerOf('0.0.0.0', undefined),
      peerOf('0.0.0.0', '0.0.0.0'),
    ]).toEqual(['192.0.2.1', '192.0.2.0/24', 'any', 'any']);
  });

  it('transforms and groups', () => {
    expect(transforms(['esp-gmac', '256'])).toEqual({
      encryption: ['aes-gmac-256'],
      integrity: [],
      other: [],
    });
    expect(transforms(['esp-aes', 'esp-sha512-hmac', 'comp-lzs'])).toEqual({
      encryption: ['aes-128'],
      integrity: ['sha512'],
      other: ['comp-lzs'],
    });
    expect([dhGroup('group14'), dhGroup('19'), dhGroup('groupx')]).toEqual([14, 19, null]);
  });

  it('rangeToPrefixes covers a range exactly', () => {
    expect(rangeToPrefixes('10.0.0.1', '10.0.0.6')).toEqual([
      '10.0.0.1/32',
      '10.0.0.2/31',
      '10.0.0.4/31',
      '10.0.0.6/32',
    ]);
    expect(rangeToPrefixes('10.0.0.0', '10.0.1.255')).toEqual(['10.0.0.0/23']);
    expect(rangeToPrefixes('10.0.0.9', '10.0.0.1')).toEqual([]);
  });
});
