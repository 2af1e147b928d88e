/**
 * The comparison over hand-built models: working pairs give no error; one fault at a time gives
 * exactly its finding, with both sides' lines and the side to change. Selector, tunnel, NAT and
 * single-device checks are in `compare/checks.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { compareConfigs, sortFindings } from './compare.ts';
import type { CompareFinding } from './compare.ts';
import { ASA_FW, ASA_FW_V2, IOS_R1, IOS_R1_V2, edit, editConn } from './compare/testing.ts';
import type { PeerConfig } from './model.ts';
import { textToHex } from './normalise.ts';

function only(a: PeerConfig, b: PeerConfig, diagnosis: string): CompareFinding {
  const found = compareConfigs(a, b).findings.filter((f) => f.diagnosis === diagnosis);
  expect(found, JSON.stringify(compareConfigs(a, b).findings, null, 1)).toHaveLength(1);
  return found[0] as CompareFinding;
}

function errors(a: PeerConfig, b: PeerConfig): string[] {
  return compareConfigs(a, b)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.diagnosis);
}

describe('working pairs', () => {
  it('IOS ↔ ASA over IKEv1: no finding at all, connections paired', () => {
    const r = compareConfigs(IOS_R1, ASA_FW);
    expect(r.findings).toEqual([]);
    expect(r.pairs).toEqual([{ a: 'VPN 10', b: 'outside_map 1' }]);
    expect(r.peers[0]).toMatchObject({ platform: 'cisco-ios', hostname: 'R1' });
    expect(r.peers[1].addresses).toEqual(['198.51.100.1', '10.2.2.1']);
  });

  it('IOS ↔ ASA over IKEv2 with GCM: no finding', () => {
    expect(compareConfigs(IOS_R1_V2, ASA_FW_V2).findings).toEqual([]);
  });

  it('the order of the peers does not matter', () => {
    expect(compareConfigs(ASA_FW, IOS_R1).findings).toEqual([]);
  });
});

describe('peer addresses', () => {
  it('one side points elsewhere: that side changes', () => {
    const f = only(
      editConn(IOS_R1, { peers: ['198.51.100.9'] }),
      ASA_FW,
      'ip.peer-address-mismatch',
    );
    expect(f).toMatchObject({ severity: 'error', change: 'a', a: [10, 11, 12, 13, 14] });
    expect(f.b).toEqual([10, 11, 12, 13, 15, 16, 17, 18, 41, 42, 43, 44, 45, 46]);
    expect(f.commands.a).toEqual([
      'crypto map VPN 10 ipsec-isakmp',
      ' set peer 198.51.100.1',
      ' no set peer 198.51.100.9',
    ]);
  });

  it('neither points at the other: one finding, and the single connections are still compared', () => {
    const a = editConn(IOS_R1, { peers: ['198.51.100.9'] });
    const b = editConn(edit(ASA_FW, {}), { peers: ['203.0.113.9'], pfs: null });
    const r = compareConfigs(a, b);
    const f = r.findings.find((x) => x.diagnosis === 'ip.peer-address-mismatch');
    expect(f).toMatchObject({ severity: 'error', change: 'either' });
    expect(f?.commands.b).toEqual(['crypto map outside_map 1 set peer 203.0.113.1']);
    expect(r.pairs).toEqual([{ a: 'VPN 10', b: 'outside_map 1' }]);
    expect(r.findings.map((x) => x.diagnosis)).toContain('ipsec.pfs-mismatch');
  });
});

describe('IKE', () => {
  it('no common policy: DH group named, both sides cited, either side can change', () => {
    const b = edit(ASA_FW, {
      ikeProposals: [
        { ...(ASA_FW.ikeProposals[0] as PeerConfig['ikeProposals'][number]), dhGroups: [5] },
      ],
    });
    const f = only(IOS_R1, b, 'ike.proposal-mismatch');
    expect(f).toMatchObject({ severity: 'error', change: 'either', a: [1, 2, 3, 4, 5, 6] });
    expect(f.b).toEqual([30, 31, 32, 33, 34, 35]);
    expect(f.message).toContain('DH group');
    expect(f.commands.a?.[0]).toBe('crypto isakmp policy 20');
    expect(f.commands.a).toContain(' group 5');
    expect(f.commands.b).toContain(' group 14');
  });

  it('IKEv2: a PRF left to the integrity algorithm matches a written one', () => {
    expect(errors(IOS_R1_V2, ASA_FW_V2)).toEqual([]);
  });

  it('lifetimes that differ are information; the longer side changes', () => {
    const b = edit(ASA_FW, {
      ikeProposals: [
        {
          ...(ASA_FW.ikeProposals[0] as PeerConfig['ikeProposals'][number]),
          lifetimeSeconds: 28800,
        },
      ],
    });
    const f = only(IOS_R1, b, 'ike.lifetime-mismatch');
    expect(f).toMatchObject({ severity: 'info', change: 'a', a: [1, 2, 3, 4, 5, 6] });
    expect(f.b).toEqual([30, 31, 32, 33, 34, 35]);
    expect(f.commands.a).toEqual(['crypto isakmp policy 10', ' lifetime 28800']);
    expect(errors(IOS_R1, b)).toEqual([]);
  });

  it('phase 2 lifetimes that differ are information', () => {
    const f = only(IOS_R1, editConn(ASA_FW, { lifetimeSeconds: 28800 }), 'ike.lifetime-mismatch');
    expect(f).toMatchObject({ severity: 'info', change: 'b', a: [10, 11, 12, 13, 14] });
    expect(f.b).toEqual([41, 42, 43, 44, 45, 46]);
    expect(f.commands.b).toEqual([
      'crypto map outside_map 1 set security-association lifetime seconds 3600',
    ]);
  });

  it('IKEv1 against IKEv2 only: version mismatch, no proposal finding', () => {
    const b = editConn(edit(ASA_FW_V2, {}), {});
    const f = only(IOS_R1, b, 'ike.version-mismatch');
    expect(f).toMatchObject({
      severity: 'error',
      a: [10, 11, 12, 13, 14],
      b: [36, 41, 42, 43, 44, 45, 46],
    });
    expect(f.change).toBe('either');
    expect(errors(IOS_R1, b)).toEqual(['ike.version-mismatch']);
  });
});

describe('phase 2 proposals', () => {
  it('no common transform: both sides cited, commands on both', () => {
    const a = edit(IOS_R1, {
      espProposals: [{ name: 'TS', encryption: ['3des'], integrity: ['sha1'], lines: [8] }],
    });
    const f = only(a, ASA_FW, 'ipsec.transform-mismatch');
    expect(f).toMatchObject({ severity: 'error', change: 'either', a: [8, 10, 11, 12, 13, 14] });
    expect(f.b).toEqual([38, 41, 42, 43, 44, 45, 46]);
    expect(f.commands.a).toEqual([
      'crypto ipsec transform-set TS-AES-256-SHA1 esp-aes 256 esp-sha-hmac',
      ' mode tunnel',
      'crypto map VPN 10 ipsec-isakmp',
      ' set transform-set TS TS-AES-256-SHA1',
    ]);
    expect(f.commands.b).toEqual([
      'crypto ipsec ikev1 transform-set 3DES-SHA1 esp-3des esp-sha-hmac',
      'crypto map outside_map 1 set ikev1 transform-set ESP-AES256-SHA 3DES-SHA1',
    ]);
  });

  it('AES-GMAC against AES-GCM: named, the GMAC side changes its proposal', () => {
    const b = edit(ASA_FW_V2, {
      espProposals: [
        {
          name: 'GCM',
          version: 'ikev2',
          encryption: ['aes-gmac-256'],
          integrity: ['none'],
          lines: [38, 39],
        },
      ],
    });
    const f = only(IOS_R1_V2, b, 'ipsec.transform-mismatch');
    expect(f).toMatchObject({ severity: 'error', change: 'b', a: [8, 10, 11, 12, 13, 14] });
    expect(f.b).toEqual([38, 39, 41, 42, 43, 44, 45, 46]);
    expect(f.message).toContain('AES-GMAC-256');
    expect(f.message).toContain('ignore the integrity setting');
    expect(f.commands.b).toEqual([
      'crypto ipsec ikev2 ipsec-proposal GCM',
      ' protocol esp encryption aes-gcm-256',
    ]);
  });

  it('an integrity difference next to GCM is not a mismatch', () => {
    const b = edit(ASA_FW_V2, {
      espProposals: [
        {
          name: 'GCM',
          version: 'ikev2',
          encryption: ['aes-gcm-256'],
          integrity: ['sha512'],
          lines: [38, 39],
        },
      ],
    });
    expect(compareConfigs(IOS_R1_V2, b).findings).toEqual([]);
  });

  it('PFS on one side only: either side, with both commands', () => {
    const f = only(IOS_R1, editConn(ASA_FW, { pfs: null }), 'ipsec.pfs-mismatch');
    expect(f).toMatchObject({ severity: 'error', change: 'either', a: [10, 11, 12, 13, 14] });
    expect(f.b).toEqual([41, 42, 43, 44, 45, 46]);
    expect(f.commands).toEqual({
      a: ['crypto map VPN 10 ipsec-isakmp', ' no set pfs'],
      b: ['crypto map outside_map 1 set pfs group14'],
    });
  });

  it('different PFS groups: the weaker side moves to the stronger group', () => {
    const f = only(IOS_R1, editConn(ASA_FW, { pfs: 5 }), 'ipsec.pfs-mismatch');
    expect(f).toMatchObject({ severity: 'error', change: 'b', a: [10, 11, 12, 13, 14] });
    expect(f.commands).toEqual({ b: ['crypto map outside_map 1 set pfs group14'] });
  });
});

describe('pre-shared keys', () => {
  const asaKey = (change: Partial<PeerConfig['keys'][number]>): PeerConfig =>
    edit(ASA_FW, { keys: [{ ...(ASA_FW.keys[0] as PeerConfig['keys'][number]), ...change }] });

  it('different keys: an error citing both key lines, never the key', () => {
    const f = only(IOS_R1, asaKey({ bytesHex: textToHex('zq9-wrong') }), 'auth.psk-mismatch');
    expect(f).toMatchObject({ severity: 'error', change: 'either', a: [7], b: [50, 51, 52] });
    expect(JSON.stringify(f)).not.toContain('s3cr3t');
    expect(JSON.stringify(f)).not.toContain('zq9');
    expect(JSON.stringify(f)).not.toContain(textToHex('s3cr3t-key'));
    expect(f.commands.b).toContain(' ikev1 pre-shared-key <pre-shared-key>');
  });

  it('the same secret written in hex matches', () => {
    const b = asaKey({ encoding: 'hex' });
    expect(compareConfigs(IOS_R1, b).findings).toEqual([]);
  });

  it('a key shown only masked cannot be compared (information)', () => {
    const { bytesHex: _hidden, ...masked } = ASA_FW.keys[0] as PeerConfig['keys'][number];
    const b = edit(ASA_FW, { keys: [{ ...masked, encoding: 'masked' }] });
    const f = only(IOS_R1, b, 'auth.psk-mismatch');
    expect(f).toMatchObject({ severity: 'info', a: [7], b: [50, 51, 52] });
    expect(f.message).toContain('Cannot compare');
  });

  it('a key bound to an identity, not an address, is still compared', () => {
    const byId = (identity: string, key: string, line: number): PeerConfig['keys'][number] => ({
      scope: 'secrets',
      identity,
      direction: 'both',
      bytesHex: textToHex(key),
      encoding: 'plain',
      lines: [line],
    });
    const one = edit(ASA_FW, { keys: [byId('r1.example.net', 'zq9-wrong', 60)] });
    expect(only(IOS_R1, one, 'auth.psk-mismatch')).toMatchObject({ a: [7], b: [60] });
    const two = edit(ASA_FW, {
      keys: [byId('r1.example.net', 'zq9-wrong', 60), byId('r9.example.net', 'x', 61)],
    });
    expect(compareConfigs(IOS_R1, two).findings).toEqual([]);
  });

  it('no key for the peer on one side: psk-not-found on that side', () => {
    const f = only(IOS_R1, asaKey({ container: '203.0.113.99' }), 'auth.psk-not-found');
    expect(f).toMatchObject({ severity: 'error', change: 'b', a: [7], b: [] });
    expect(f.commands.b).toEqual([
      'tunnel-group 203.0.113.1 type ipsec-l2l',
      'tunnel-group 203.0.113.1 ipsec-attributes',
      ' ikev1 pre-shared-key <pre-shared-key>',
    ]);
  });
});

describe('ordering', () => {
  it('errors, then warnings, then information; ip before ike before ipsec', () => {
    const mk = (
      diagnosis: CompareFinding['diagnosis'],
      severity: CompareFinding['severity'],
    ): CompareFinding => ({
      diagnosis,
      severity,
      a: [],
      b: [],
      message: '',
      fix: '',
      change: 'a',
      commands: {},
    });
    const sorted = sortFindings([
      mk('ike.lifetime-mismatch', 'info'),
      mk('ipsec.pfs-mismatch', 'error'),
      mk('auth.keyring-selection', 'warning'),
      mk('ip.peer-address-mismatch', 'error'),
      mk('routing.nat-exemption', 'error'),
    ]);
    expect(sorted.map((f) => f.diagnosis)).toEqual([
      'ip.peer-address-mismatch',
      'ipsec.pfs-mismatch',
      'routing.nat-exemption',
      'auth.keyring-selection',
      'ike.lifetime-mismatch',
    ]);
  });

  it('never throws on an empty or broken model', () => {
    const broken = {
      ...IOS_R1,
      connections: [{ ...IOS_R1.connections[0], selectors: null }],
    } as unknown as PeerConfig;
    expect(() => compareConfigs(broken, ASA_FW)).not.toThrow();
    expect(compareConfigs(edit(IOS_R1, { connections: [] }), ASA_FW).findings).toEqual([]);
  });
});
