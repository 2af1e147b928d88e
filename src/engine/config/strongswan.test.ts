/**
 * strongSwan configuration parser. Fixtures in `fixtures/config/strongswan/`, written from the
 * strongSwan documentation (ipsec.conf(5), ipsec.secrets(5), swanctl.conf(5), "IKEv1/IKEv2 Cipher
 * Suites"); no seed document holds strongSwan configuration text:
 * - `ipsec-ikev1-psk.cfg`: ipsec.conf + ipsec.secrets, IKEv1 PSK towards a Cisco ASA.
 * - `ipsec-ikev2-also.cfg`: IKEv2 with `%default`, an `also=` template, a passthrough conn and a
 *   base64 (`0s`) key bound to FQDN IDs.
 * - `swanctl-ikev2-psk.cfg`: swanctl.conf with two children and `secrets { }`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STRONGSWAN_CONFIG } from './strongswan.ts';
import { readProposalList, readSwanProposal } from './strongswan/algorithms.ts';
import { base64ToHex, readSelector, seconds } from './strongswan/values.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/config/strongswan/${name}.cfg`, import.meta.url), 'utf8');

describe('strongSwan ipsec.conf + ipsec.secrets, IKEv1 PSK', () => {
  const text = fixture('ipsec-ikev1-psk');
  const peer = STRONGSWAN_CONFIG.parse(text);
  const conn = peer.connections[0];

  it('is recognised as strongSwan', () => {
    expect(STRONGSWAN_CONFIG.sniff(text)).toBe(1);
    expect(peer.platform).toBe('strongswan');
  });

  it('reads the conn with %default applied', () => {
    expect(peer.connections).toHaveLength(1);
    expect(conn).toMatchObject({
      name: 'asa-hq',
      kind: 'conn',
      peers: ['203.0.113.1'],
      localAddress: '198.51.100.20',
      ikeVersions: ['ikev1'],
      ikeProposals: ['asa-hq/aes256-sha1-modp1536', 'asa-hq/aes128-sha1-modp1024'],
      espProposals: ['asa-hq/aes256-sha1-modp1536'],
      pfs: 5,
      lifetimeSeconds: 3600,
      profile: 'asa-hq',
    });
    expect(conn?.lines.slice(0, 3)).toEqual([16, 8, 9]);
  });

  it('splits ike= into proposals with groups, lifetime and IKEv1 authentication', () => {
    expect(peer.ikeProposals.map((p) => [p.encryption, p.integrity, p.dhGroups])).toEqual([
      [['aes-256'], ['sha1'], [5]],
      [['aes-128'], ['sha1'], [2]],
    ]);
    expect(peer.ikeProposals[0]).toMatchObject({
      version: 'ikev1',
      authentication: 'pre-share',
      lifetimeSeconds: 28800,
      lines: [24, 8, 12, 13],
    });
    expect(peer.ikeProposals[0]?.defaulted).toBeUndefined();
  });

  it('crosses leftsubnet with each rightsubnet', () => {
    expect(conn?.selectors.map((s) => [s.local, s.remote, s.protocol])).toEqual([
      ['10.50.0.0/24', '192.168.10.0/24', 'ip'],
      ['10.50.0.0/24', '192.168.20.0/24', 'ip'],
    ]);
    expect(conn?.selectors[0]?.lines).toEqual([16, 17, 19, 21, 23]);
  });

  it('binds the PSK to the peer address, as bytes only', () => {
    expect(peer.keys).toEqual([
      {
        scope: 'secrets',
        container: '198.51.100.20 203.0.113.1',
        peer: '203.0.113.1',
        direction: 'both',
        bytesHex: '436973636f2d537472306e6721',
        encoding: 'plain',
        lines: [32],
      },
    ]);
    expect(JSON.stringify(peer)).not.toContain('Str0ng');
  });

  it('reads every line and has nothing to note (strict lists)', () => {
    expect(peer.notes).toEqual([]);
    expect(peer.unread).toBe(0);
  });
});

describe('strongSwan ipsec.conf, IKEv2 with also= and a base64 key', () => {
  const peer = STRONGSWAN_CONFIG.parse(fixture('ipsec-ikev2-also'));
  const [lan, voip] = peer.connections;

  it('loads the two conns, not the template nor the passthrough', () => {
    expect(peer.connections.map((c) => c.name)).toEqual(['west-lan', 'west-voip']);
    expect(peer.notes[0]?.message).toBe(
      'conn lan-bypass is type=passthrough, not a tunnel; not compared.',
    );
  });

  it('inherits proposals and the peer from the template and %default', () => {
    expect(lan).toMatchObject({ peers: ['192.0.2.44'], ikeVersions: ['ikev2'], pfs: null });
    expect(lan?.localAddress).toBeUndefined();
    expect(peer.ikeProposals[0]).toMatchObject({
      name: 'west-lan/aes256gcm16-prfsha384-ecp384',
      encryption: ['aes-gcm-256'],
      integrity: [],
      prf: ['sha384'],
      dhGroups: [20],
      lifetimeSeconds: 28800,
    });
    expect(peer.espProposals[0]).toMatchObject({
      encryption: ['aes-gcm-256'],
      integrity: ['none'],
    });
  });

  it('reads PFS from a DH group in esp=, and leftprotoport as the protocol', () => {
    expect(voip?.pfs).toBe(20);
    expect(voip?.selectors).toEqual([
      {
        local: '172.20.0.0/16',
        remote: '172.21.50.0/24',
        protocol: 'udp',
        lines: [24, 9, 11, 14, 26, 27],
      },
    ]);
  });

  it('notes lists without "!" that also accept the defaults', () => {
    const messages = peer.notes.map((n) => n.message);
    expect(messages).toContain(
      'west-lan: besides the IKE proposals written, strongSwan also accepts its built-in defaults (no "!" / "default" in the list).',
    );
    expect(messages.filter((m) => m.startsWith('west-voip: besides the ESP'))).toEqual([]);
  });

  it('decodes the 0s key and binds it to the peer ID, not the local one', () => {
    expect(peer.keys).toEqual([
      {
        scope: 'secrets',
        container: '@gw-east.example.org @gw-west.example.org',
        identity: 'gw-west.example.org',
        direction: 'both',
        bytesHex: '576573742d456173742d6b65792d3230323421',
        encoding: 'hex',
        lines: [38],
      },
    ]);
    expect(peer.notes.at(-1)?.message).toBe('1 secret(s) other than PSK (RSA) not read.');
    expect(JSON.stringify(peer)).not.toContain('V2VzdC1FYXN0');
  });

  it('matches the peer by its FQDN ID', () => {
    expect(peer.profiles[0]?.matches).toEqual([
      { kind: 'fqdn', value: 'gw-west.example.org', lines: [19, 8, 14, 15] },
    ]);
  });
});

describe('strongSwan swanctl.conf, IKEv2 PSK', () => {
  const text = fixture('swanctl-ikev2-psk');
  const peer = STRONGSWAN_CONFIG.parse(text);
  const conn = peer.connections[0];

  it('is recognised and reads one connection with both children', () => {
    expect(STRONGSWAN_CONFIG.sniff(text)).toBeGreaterThan(0.5);
    expect(conn).toMatchObject({
      name: 'hq-branch',
      peers: ['198.51.100.77'],
      localAddress: '203.0.113.5',
      ikeVersions: ['ikev2'],
      ikeProposals: ['hq-branch/aes256-sha384-ecp384', 'hq-branch/aes128-sha256-x25519'],
      pfs: 20,
      lifetimeSeconds: 5940,
    });
    expect(peer.ikeProposals[1]?.dhGroups).toEqual([31]);
    expect(peer.ikeProposals[0]?.defaulted).toEqual(['lifetimeSeconds']);
  });

  it('reads the selectors; a child without traffic selectors protects the IKE addresses', () => {
    expect(conn?.selectors.map((s) => [s.local, s.remote])).toEqual([
      ['10.1.0.0/16', '10.2.0.0/16'],
      ['10.1.0.0/16', '10.3.0.0/24'],
      ['203.0.113.5/32', '198.51.100.77/32'],
    ]);
    expect(conn?.selectors[0]?.lines).toEqual([17, 18, 19]);
  });

  it('keeps transport mode and notes the PFS disagreement between children', () => {
    expect(peer.espProposals.map((p) => [p.name, p.mode])).toEqual([
      ['hq-branch/lan/aes256gcm16-ecp384', 'tunnel'],
      ['hq-branch/mgmt/aes128-sha256-modp2048', 'transport'],
      ['hq-branch/mgmt/aes128-sha256', 'transport'],
    ]);
    expect(peer.notes.map((n) => n.message)).toContain(
      'The children of hq-branch disagree on PFS; the first is used.',
    );
  });

  it('reads the ike- secrets as keys and never the EAP secret', () => {
    expect(peer.keys.map((k) => [k.container, k.peer, k.identity, k.bytesHex, k.encoding])).toEqual(
      [
        [
          'ike-branch',
          undefined,
          'branch.example.com',
          '9d3f1c8a7b2e6054d1a9c3e7f0b5a2d4e6f81379',
          'hex',
        ],
        ['ike-any', 'any', undefined, '46616c6c6261636b207365637265742032303234', 'plain'],
      ],
    );
    const json = JSON.stringify(peer);
    expect(json).not.toContain('Op3rat0r');
    expect(json).not.toContain('Fallback');
    expect(peer.unread).toBe(0);
  });
});

describe('strongSwan: defaults and odd input', () => {
  it('notes a missing auto=, the IKE version default and the built-in proposals', () => {
    const text = ['conn lab', '  left=192.0.2.1', '  right=192.0.2.2', '  authby=secret'].join(
      '\n',
    );
    const peer = STRONGSWAN_CONFIG.parse(text);
    expect(peer.connections[0]).toMatchObject({
      ikeVersions: ['ikev2', 'ikev1'],
      ikeProposals: [],
      espProposals: [],
      pfs: null,
      selectors: [{ local: '192.0.2.1/32', remote: '192.0.2.2/32', protocol: 'ip' }],
    });
    expect(peer.notes.map((n) => n.message)).toEqual([
      'conn lab sets no auto=: the default (ignore) means strongSwan does not load it; add auto=add, route or start.',
      'conn lab: keyexchange=(not set) initiates IKEv2 and accepts IKEv1 as responder.',
      'lab: no IKE proposal configured; strongSwan uses its built-in default list (it depends on the version).',
      "lab: no ESP proposal configured; strongSwan's defaults carry no DH group, so PFS is off.",
    ]);
  });

  it('names proposals per version when a conn accepts both', () => {
    const text = [
      'conn both',
      'left=192.0.2.1',
      'right=192.0.2.2',
      'ike=aes128-sha256-modp2048!',
      'auto=add',
    ].join('\n');
    const peer = STRONGSWAN_CONFIG.parse(text);
    expect(peer.ikeProposals.map((p) => [p.version, p.name])).toEqual([
      ['ikev2', 'both/ikev2/aes128-sha256-modp2048'],
      ['ikev1', 'both/ikev1/aes128-sha256-modp2048'],
    ]);
  });

  it('reads a paste that lost its indentation, aggressive mode, a hex key and %any', () => {
    const text = [
      'conn road',
      'keyexchange=ikev1',
      'aggressive=yes',
      'left=10.0.0.1',
      'leftsubnet=10.0.0.0/24',
      'right=%any',
      'rightsubnet=10.9.0.1-10.9.0.2',
      'auto=add',
      '%any : PSK 0x636973636f',
    ].join('\n');
    const peer = STRONGSWAN_CONFIG.parse(text);
    expect(peer.connections[0]).toMatchObject({ exchangeMode: 'aggressive', peers: ['%any'] });
    expect(peer.connections[0]?.selectors.map((s) => s.remote)).toEqual([
      '10.9.0.1/32',
      '10.9.0.2/32',
    ]);
    expect(peer.keys[0]).toMatchObject({ peer: 'any', bytesHex: '636973636f', encoding: 'hex' });
    expect(peer.notes.some((n) => n.message.includes('range 10.9.0.1-10.9.0.2'))).toBe(true);
  });

  it('returns an empty model for empty text and does not claim other vendors', () => {
    expect(STRONGSWAN_CONFIG.sniff('')).toBe(0);
    expect(STRONGSWAN_CONFIG.parse('').connections).toEqual([]);
    expect(STRONGSWAN_CONFIG.sniff('crypto isakmp policy 10\n encr aes 256\n')).toBe(0);
    expect(STRONGSWAN_CONFIG.sniff('config vpn ipsec phase1-interface\n    edit "x"\n')).toBe(0);
  });

  it('survives a 100 KB line quickly', () => {
    const start = Date.now();
    const peer = STRONGSWAN_CONFIG.parse(
      `conn x\n  ike=${'aes-'.repeat(25_000)}\n : PSK "${'k'.repeat(100_000)}"`,
    );
    expect(Date.now() - start).toBeLessThan(1000);
    expect(peer.keys[0]?.bytesHex).toHaveLength(200_000);
  });
});

describe('strongSwan helpers', () => {
  it('maps proposal keywords', () => {
    expect(readSwanProposal('aes128gcm16-prfsha256-ecp256')).toMatchObject({
      encryption: ['aes-gcm-128'],
      integrity: [],
      prf: ['sha256'],
      dhGroups: [19],
      aead: true,
    });
    expect(readSwanProposal('aes128-aes256-sha1-sha256-modp2048-modp4096')).toMatchObject({
      encryption: ['aes-128', 'aes-256'],
      integrity: ['sha1', 'sha256'],
      dhGroups: [14, 16],
    });
    expect(readSwanProposal('3des-md5-modp1024-esn')).toMatchObject({
      encryption: ['3des'],
      dhGroups: [2],
      unknown: [],
    });
    expect(readSwanProposal('aes256gcm12-curve25519')).toMatchObject({
      encryption: ['aes-gcm12-256'],
      nonStandard: ['aes256gcm12'],
      dhGroups: [31],
    });
    expect(readSwanProposal('aes256gmac-ecp521')).toMatchObject({
      encryption: ['aes-gmac-256'],
      dhGroups: [21],
    });
    expect(readSwanProposal('twofish-sha3')).toMatchObject({ unknown: ['twofish', 'sha3'] });
  });

  it('reads the strict marker', () => {
    expect(readProposalList('aes256-sha256-modp2048,aes128-sha1-modp1024!').strict).toBe(true);
    expect(readProposalList('aes256-sha256-modp2048').proposals).toHaveLength(1);
  });

  it('reads times, selectors and base64', () => {
    expect([seconds('8h'), seconds('60m'), seconds('3600'), seconds('1d'), seconds('x')]).toEqual([
      28800,
      3600,
      3600,
      86400,
      null,
    ]);
    expect(readSelector('10.1.2.3/16[tcp/80]')).toEqual({
      prefixes: ['10.1.0.0/16'],
      protocol: 'tcp',
      port: '80',
      fromRange: false,
    });
    expect(readSelector('dynamic[17/1701]')).toMatchObject({
      prefixes: 'dynamic',
      protocol: 'udp',
      port: '1701',
    });
    expect(readSelector('0.0.0.0/0')?.prefixes).toEqual(['any']);
    expect(readSelector('2001:DB8::/32')?.prefixes).toEqual(['2001:db8::/32']);
    expect(readSelector('not-an-address')).toBeNull();
    expect(base64ToHex('Y2lzY28=')).toBe('636973636f');
    expect(base64ToHex('***')).toBeNull();
  });
});
