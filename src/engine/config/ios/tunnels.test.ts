/**
 * Tunnel-interface routers written for these tests (fixtures/config/cisco-ios/README.md):
 * `vti-ikev2.cfg` (IOS-XE 17.9, IKEv2 VTI in a front-door VRF) and `gre-over-ipsec.cfg`
 * (IOS 15.2, GRE over IPsec with an ISAKMP profile).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IOS_CONFIG } from './index.ts';

const DIR = new URL('../../../../fixtures/config/cisco-ios/', import.meta.url);
const parse = (name: string) => IOS_CONFIG.parse(readFileSync(new URL(`${name}.cfg`, DIR), 'utf8'));

describe('vti-ikev2: IOS-XE IKEv2 VTI hub', () => {
  const cfg = parse('vti-ikev2');

  it('reads both IKEv2 proposals; an AEAD proposal has a PRF and no integrity', () => {
    expect(cfg.ikeProposals).toEqual([
      {
        version: 'ikev2',
        name: 'PROP-AES256',
        encryption: ['aes-256'],
        integrity: ['sha256'],
        prf: [],
        dhGroups: [14],
        lines: [32, 33, 34, 35],
      },
      {
        version: 'ikev2',
        name: 'PROP-GCM',
        encryption: ['aes-gcm-256'],
        integrity: [],
        prf: ['sha384'],
        dhGroups: [19, 20],
        lines: [37, 38, 39, 40],
      },
    ]);
  });

  it('reads local, remote and hex keys with their peers and identity', () => {
    expect(
      cfg.keys.map((k) => [k.peer, k.identity, k.direction, k.encoding, k.bytesHex, k.lines]),
    ).toEqual([
      ['198.51.100.20', undefined, 'local', 'plain', '4871324272312d6c6f63616c21', [50, 48, 49]],
      ['198.51.100.20', undefined, 'remote', 'plain', '427231746f48712d72656d6f7465', [51, 48, 49]],
      ['192.0.2.0/24', 'branch2.example.net', 'both', 'hex', '4272616e636832', [56, 53, 54, 55]],
    ]);
    expect(cfg.keyrings[0]?.peers).toEqual(['198.51.100.20', '192.0.2.0/24']);
  });

  it('the profile matches the peer in the front-door VRF', () => {
    expect(cfg.profiles).toEqual([
      {
        name: 'IKEV2-BRANCH1',
        version: 'ikev2',
        matches: [{ kind: 'address', value: '198.51.100.20/32', vrf: 'INTERNET', lines: [62] }],
        keyrings: ['KR-BRANCHES'],
        localAuth: 'pre-share',
        remoteAuth: 'pre-share',
        lines: [60, 61, 62, 63, 64, 65, 66, 67, 68],
      },
    ]);
  });

  it('Tunnel101 is a VTI: any/any selectors, the policy for VRF INTERNET picks the proposals', () => {
    expect(cfg.connections).toEqual([
      {
        name: 'Tunnel101',
        kind: 'tunnel-protection',
        peers: ['198.51.100.20'],
        localAddress: '203.0.113.10',
        ikeVersions: ['ikev2'],
        ikeProposals: ['PROP-GCM', 'PROP-AES256'],
        profile: 'IKEV2-BRANCH1',
        espProposals: ['TS-GCM256'],
        pfs: 19,
        selectors: [{ local: 'any', remote: 'any', protocol: 'ip', lines: [88, 89, 90, 91, 92] }],
        appliedTo: ['Tunnel101'],
        lines: [83, 88, 89, 90, 91, 92, 74, 75, 76, 77],
      },
    ]);
    expect(cfg.interfaces.find((i) => i.name === 'Tunnel101')?.tunnel?.mode).toBe('ipsec-ipv4');
  });

  it('reads the VRF of the outside interface and VRF routes', () => {
    expect(cfg.interfaces.find((i) => i.name === 'GigabitEthernet1')).toMatchObject({
      vrf: 'INTERNET',
      addresses: ['203.0.113.10/28'],
    });
    expect(cfg.routes).toEqual([
      { prefix: '10.60.0.0/16', interface: 'Tunnel101', lines: [112] },
      { prefix: 'any', nextHop: '203.0.113.1', vrf: 'INTERNET', lines: [113] },
    ]);
  });

  it('notes the local identity and the IKEv2 lifetime it cannot compare', () => {
    expect(cfg.notes.map((n) => n.lines)).toEqual([[63], [67]]);
  });
});

describe('gre-over-ipsec: IOS GRE spoke with an ISAKMP profile', () => {
  const cfg = parse('gre-over-ipsec');

  it('reads keyrings with IOS two-space indents and a type 6 key', () => {
    expect(
      cfg.keys.map((k) => [k.container, k.peer, k.encoding, k.bytesHex !== undefined]),
    ).toEqual([
      ['KR-DC', '192.0.2.1', 'plain', true],
      ['KR-BACKUP', '192.0.2.128/25', 'type6', false],
    ]);
  });

  it('aes without a size is AES-128; group/hash written, lifetime defaulted', () => {
    expect(cfg.ikeProposals[0]).toMatchObject({
      name: '5',
      encryption: ['aes-128'],
      integrity: ['sha256'],
      dhGroups: [14],
      defaulted: ['lifetimeSeconds'],
    });
  });

  it('Tunnel0 protects GRE between the WAN address and the DC in transport mode, aggressive', () => {
    expect(cfg.connections[0]).toMatchObject({
      name: 'Tunnel0',
      peers: ['192.0.2.1'],
      localAddress: '198.51.100.30',
      profile: 'ISAKMP-DC',
      exchangeMode: 'aggressive',
      espProposals: ['TS-TRANSPORT'],
      pfs: 14,
      selectors: [
        {
          local: '198.51.100.30/32',
          remote: '192.0.2.1/32',
          protocol: 'gre',
          lines: [49, 50, 51, 52],
        },
      ],
    });
    expect(cfg.espProposals[0]).toMatchObject({
      name: 'TS-TRANSPORT',
      mode: 'transport',
      encryption: ['aes-256'],
      integrity: ['sha256'],
    });
    expect(cfg.interfaces.find((i) => i.name === 'Tunnel0')?.tunnel).toEqual({
      mode: 'gre',
      source: 'GigabitEthernet0/0',
      destination: '192.0.2.1',
      key: '100',
      protectionProfile: 'GRE-PROTECT',
      lines: [49, 50, 51, 52],
    });
  });

  it('NAT: the static first, then the route-map deny entry as exemption, then the overload', () => {
    expect(cfg.nat).toEqual([
      { kind: 'translate', local: ['10.30.0.10/32'], remote: ['any'], lines: [74] },
      { kind: 'exempt', local: ['10.30.0.0/24'], remote: ['10.0.0.0/8'], lines: [75, 83, 84, 81] },
      { kind: 'translate', local: ['10.30.0.0/24'], remote: ['any'], lines: [75, 86, 87, 79] },
    ]);
  });
});
