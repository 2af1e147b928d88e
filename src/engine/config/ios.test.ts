/**
 * The IOS configuration parser over the seed configurations (fixtures/config/cisco-ios, sources in
 * its README: seed 004 keyring/profile routers, seed 001 GDOI/DMVPN routers, seed 002 IKEv2
 * keyrings) and its general guarantees: sniffing, never throwing, keys never leaking.
 * The written configurations are tested in `ios/*.test.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IOS_CONFIG } from './ios/index.ts';
import type { PeerConfig } from './model.ts';

const DIR = new URL('../../../fixtures/config/cisco-ios/', import.meta.url);

/** A fixture's text. */
function fixture(name: string): string {
  return readFileSync(new URL(`${name}.cfg`, DIR), 'utf8');
}

function parse(name: string): PeerConfig {
  return IOS_CONFIG.parse(fixture(name));
}

const CISCO_HEX = '636973636f';

describe('seed 004: R1 with two keyrings and two ISAKMP profiles (flattened paste)', () => {
  const r1 = parse('seed-004-r1');

  it('reads both keyrings, each holding the key for 192.168.0.2', () => {
    expect(r1.keyrings.map((k) => [k.name, k.peers, k.lines])).toEqual([
      ['keyring1', ['192.168.0.2'], [1, 2]],
      ['keyring2', ['192.168.0.2'], [3, 4]],
    ]);
    expect(r1.keys).toEqual([
      expect.objectContaining({
        container: 'keyring1',
        peer: '192.168.0.2',
        bytesHex: CISCO_HEX,
        encoding: 'plain',
        lines: [2, 1],
      }),
      expect.objectContaining({
        container: 'keyring2',
        peer: '192.168.0.2',
        bytesHex: CISCO_HEX,
        encoding: 'plain',
        lines: [4, 3],
      }),
    ]);
  });

  it('fills the one default of the ISAKMP policy: the lifetime', () => {
    expect(r1.ikeProposals).toEqual([
      {
        version: 'ikev1',
        name: '10',
        priority: 10,
        encryption: ['3des'],
        integrity: ['md5'],
        prf: [],
        dhGroups: [2],
        authentication: 'pre-share',
        lifetimeSeconds: 86400,
        defaulted: ['lifetimeSeconds'],
        lines: [6, 7, 8, 9, 10],
      },
    ]);
  });

  it('reads the profiles, ignoring the "!R2" annotations after the mask', () => {
    expect(r1.profiles).toEqual([
      {
        name: 'profile1',
        version: 'ikev1',
        matches: [{ kind: 'address', value: '192.168.0.102/32', lines: [13] }],
        keyrings: ['keyring1'],
        lines: [11, 12, 13],
      },
      {
        name: 'profile2',
        version: 'ikev1',
        matches: [{ kind: 'address', value: '192.168.0.2/32', lines: [16] }],
        keyrings: ['keyring2'],
        lines: [14, 15, 16],
      },
    ]);
  });

  it('binds Tunnel1 to ipsec profile profile1 and through it to ISAKMP profile2', () => {
    expect(r1.connections).toHaveLength(1);
    expect(r1.connections[0]).toMatchObject({
      name: 'Tunnel1',
      kind: 'tunnel-protection',
      peers: ['192.168.0.2'],
      ikeVersions: ['ikev1'],
      ikeProposals: [],
      profile: 'profile2',
      espProposals: ['TS'],
      pfs: null,
      appliedTo: ['Tunnel1'],
    });
    expect(r1.espProposals).toEqual([
      {
        name: 'TS',
        encryption: ['aes-128'],
        integrity: ['sha256'],
        mode: 'tunnel',
        lines: [18, 19],
      },
    ]);
  });

  it("reports the seed's truncated mask instead of inventing Ethernet0/0's address", () => {
    expect(r1.interfaces.find((i) => i.name === 'Ethernet0/0')?.addresses).toEqual([]);
    expect(r1.notes.map((n) => n.lines)).toContainEqual([36]);
    expect(r1.connections[0]?.localAddress).toBeUndefined();
    expect(r1.connections[0]?.selectors).toEqual([]);
    expect(
      r1.notes.some((n) => n.message.includes('tunnel source Ethernet0/0 has no address')),
    ).toBe(true);
  });

  it('keeps ip route a global statement after the last interface of a flat paste', () => {
    expect(r1.routes).toEqual([{ prefix: '192.168.200.0/24', nextHop: '10.0.0.2', lines: [37] }]);
    expect(r1.interfaces.find((i) => i.name === 'Ethernet0/0')?.lines).toEqual([35, 36]);
  });

  it('leaves only the interface description unread', () => {
    expect(r1.unread).toBe(1);
  });
});

describe('seed 004: R2', () => {
  const r2 = parse('seed-004-r2');

  it('protects GRE between the tunnel ends with profile1', () => {
    expect(r2.connections[0]).toMatchObject({
      name: 'Tunnel1',
      profile: 'profile1',
      peers: ['192.168.0.1'],
      localAddress: '192.168.0.2',
      selectors: [
        { local: '192.168.0.2/32', remote: '192.168.0.1/32', protocol: 'gre', lines: [30, 31, 32] },
      ],
    });
    expect(r2.interfaces.find((i) => i.name === 'Tunnel1')?.tunnel).toEqual({
      mode: 'gre',
      source: 'Ethernet0/0',
      destination: '192.168.0.1',
      protectionProfile: 'profile1',
      lines: [30, 31, 32],
    });
  });
});

describe('seed 004: global keys are the default keyring', () => {
  const cfg = parse('seed-004-default-keyring');

  it('models crypto isakmp key … address 0.0.0.0 as the default keyring for any peer', () => {
    expect(cfg.keyrings[0]).toEqual({
      name: 'default',
      version: 'ikev1',
      isDefault: true,
      peers: ['any'],
      lines: [5],
    });
    expect(cfg.keys[0]).toEqual({
      scope: 'global',
      container: 'default',
      peer: 'any',
      version: 'ikev1',
      direction: 'both',
      encoding: 'plain',
      bytesHex: '636973636f33',
      lines: [5],
    });
  });

  it('reads a keyring entry with a mask as a prefix', () => {
    expect(cfg.keys.map((k) => [k.container, k.peer, k.bytesHex])).toEqual([
      ['default', 'any', '636973636f33'],
      ['keyring1', '192.168.0.0/16', CISCO_HEX],
      ['keyring2', '192.168.0.2', '636973636f32'],
    ]);
  });
});

describe('seed 002: IKEv2 keyrings, ASCII on one router and hex on the other', () => {
  const ascii = parse('seed-002-keyring-ascii');
  const hex = parse('seed-002-keyring-hex');

  it('gives "cisco" and "hex 636973636f" the same bytes', () => {
    expect(ascii.keys[0]).toMatchObject({
      encoding: 'plain',
      bytesHex: CISCO_HEX,
      peer: '10.10.10.1',
      version: 'ikev2',
      direction: 'both',
      lines: [5, 3, 4],
    });
    expect(hex.keys[0]).toMatchObject({
      encoding: 'hex',
      bytesHex: CISCO_HEX,
      peer: '10.10.10.100',
      lines: [5, 3, 4],
    });
  });

  it('skips the prompt line and reads the non-breaking-space indentation', () => {
    expect(hex.keyrings).toEqual([
      {
        name: 'key1',
        version: 'ikev2',
        isDefault: false,
        peers: ['10.10.10.100'],
        lines: [2, 3, 4, 5],
      },
    ]);
    expect(hex.unread).toBe(0);
  });
});

describe('seed 001: GDOI and DMVPN routers', () => {
  it('the key server: a global key, a GDOI group noted, no two-peer connection', () => {
    const ks = parse('seed-001-gdoi-ks');
    expect(ks.hostname).toBe('KS');
    expect(ks.connections).toEqual([]);
    expect(ks.keys).toEqual([
      expect.objectContaining({
        scope: 'global',
        peer: 'any',
        bytesHex: '50407373776f7264313233',
        lines: [28],
      }),
    ]);
    expect(ks.ikeProposals[0]).toMatchObject({
      encryption: ['aes-128'],
      integrity: ['sha1'],
      dhGroups: [2],
      defaulted: ['integrity', 'lifetimeSeconds'],
      lines: [24, 25, 26, 27],
    });
    expect(
      ks.notes.find((n) => n.message.startsWith('crypto gdoi group GDOI-DMVPN'))?.lines,
    ).toEqual([35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45]);
  });

  it('the hub: a multipoint GRE tunnel and a GDOI crypto map on FastEthernet0/1', () => {
    const hub = parse('seed-001-dmvpn-hub');
    expect(hub.hostname).toBe('MainSiteRTR');
    expect(hub.interfaces.find((i) => i.name === 'Tunnel0')).toMatchObject({
      addresses: ['192.168.0.1/24'],
      tunnel: { mode: 'gre-multipoint' },
    });
    expect(hub.interfaces.find((i) => i.name === 'FastEthernet0/1')).toMatchObject({
      addresses: ['1.1.1.1/30'],
      cryptoMap: 'CM-GDOI',
    });
    expect(hub.connections).toEqual([]);
    expect(
      hub.notes.find((n) => n.message.startsWith('crypto map CM-GDOI 10 is a GDOI'))?.lines,
    ).toEqual([32, 33]);
    expect(hub.routes).toEqual([{ prefix: 'any', interface: 'FastEthernet0/1', lines: [68] }]);
  });

  it('the spoke: the glued "interface Tunnel0 ip address …" line is noted, not guessed', () => {
    const branch = parse('seed-001-branch');
    expect(branch.interfaces.find((i) => i.name === 'Tunnel0')?.addresses).toEqual([]);
    expect(branch.notes.find((n) => n.lines[0] === 38)?.message).toContain(
      'words after the interface name',
    );
    expect(branch.interfaces.find((i) => i.name === 'FastEthernet0/0')?.cryptoMap).toBe('CM-GDOI');
  });
});

describe('IOS_CONFIG', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.cfg'));

  it('scores every IOS fixture above zero and an ASA configuration at zero', () => {
    for (const f of files)
      expect(IOS_CONFIG.sniff(fixture(f.replace(/\.cfg$/, '')))).toBeGreaterThan(0);
    const asa = [
      'ASA Version 9.16(4)',
      'interface GigabitEthernet0/0',
      ' nameif outside',
      ' security-level 0',
      ' ip address 203.0.113.2 255.255.255.0',
      'crypto ikev1 policy 10',
      'tunnel-group 198.51.100.2 type ipsec-l2l',
    ].join('\n');
    expect(IOS_CONFIG.sniff(asa)).toBe(0);
    expect(IOS_CONFIG.platform).toBe('cisco-ios');
  });

  it('reads empty input as an empty model', () => {
    expect(IOS_CONFIG.parse('')).toMatchObject({
      platform: 'cisco-ios',
      interfaces: [],
      connections: [],
      notes: [],
      unread: 0,
    });
  });

  it('survives pathological input quickly', () => {
    const evil = [
      'x'.repeat(100_000),
      ' '.repeat(50_000) + '!',
      'crypto map ' + 'A '.repeat(20_000),
      'interface ' + 'Tunnel'.repeat(5_000),
      '\n'.repeat(50_000),
      'ip access-list extended X\n permit ' + 'ip '.repeat(30_000),
    ].join('\n');
    const started = performance.now();
    expect(() => IOS_CONFIG.parse(evil)).not.toThrow();
    expect(() => IOS_CONFIG.sniff(evil)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('never lets a key text into the model outside bytesHex', () => {
    const secrets = [
      'P@ssword123',
      'HQ-s3cret-2024',
      'Hq2Br1-local!',
      'Br1toHq-remote',
      'Gre0verIPsec-DC',
      'HLbZ]VXhLFfBYAXBMHEJG^QOPbGQNXCAAB',
      'RJ[aSXNAJRQTDOX^LBMgVEaJDcUHVAAB',
      'cisco3',
      '4272616e636832',
    ];
    for (const f of files) {
      const model = IOS_CONFIG.parse(fixture(f.replace(/\.cfg$/, '')));
      const { keys, ...rest } = model;
      const text = JSON.stringify({ ...rest, keys: keys.map(({ bytesHex: _, ...k }) => k) });
      for (const s of secrets) expect(text, `${f} leaks ${s}`).not.toContain(s);
    }
  });
});
