/**
 * Selector, tunnel interface, crypto map placement, NAT exemption and single-device checks,
 * one fault at a time on the working pairs of `testing.ts`; and line citing with the input text.
 */
import { describe, expect, it } from 'vitest';
import type { CompareFinding } from '../compare.ts';
import { compareConfigs } from '../compare.ts';
import type { Connection, PeerConfig, Selector } from '../model.ts';
import { ASA_FW, IOS_R1, edit, editConn, greRouter } from './testing.ts';

function only(a: PeerConfig, b: PeerConfig, diagnosis: string): CompareFinding {
  const found = compareConfigs(a, b).findings.filter((f) => f.diagnosis === diagnosis);
  expect(found, JSON.stringify(compareConfigs(a, b).findings, null, 1)).toHaveLength(1);
  return found[0] as CompareFinding;
}

const asaSelector = (s: Partial<Selector>): PeerConfig =>
  editConn(ASA_FW, {
    selectors: [{ ...(ASA_FW.connections[0]?.selectors[0] as Selector), ...s }],
  });

describe('selectors', () => {
  it('reversed on one side: that side turns it round', () => {
    const b = asaSelector({ local: '10.1.1.0/24', remote: '10.2.2.0/24' });
    const f = only(IOS_R1, b, 'ipsec.proxy-id-mismatch');
    expect(f).toMatchObject({ severity: 'error', change: 'b', a: [10, 11, 12, 13, 14, 41] });
    expect(f.b).toEqual([40, 41, 42, 43, 44, 45, 46]);
    expect(f.message).toContain('wrong way round');
    expect(f.commands.b).toEqual([
      'access-list outside_cryptomap extended permit ip 10.2.2.0 255.255.255.0 10.1.1.0 255.255.255.0',
    ]);
  });

  it('one side broader: a warning saying which side can initiate', () => {
    const b = asaSelector({ local: '10.2.0.0/16' });
    const f = only(IOS_R1, b, 'ipsec.proxy-id-mismatch');
    expect(f).toMatchObject({ severity: 'warning', change: 'either', a: [10, 11, 12, 13, 14, 41] });
    expect(f.message).toContain("A (R1)'s lies within B (FW)'s");
    expect(f.message).toContain('comes up when A (R1) initiates');
    expect(f.commands.a).toEqual([
      'ip access-list extended VPN-ACL',
      ' permit ip 10.1.1.0 0.0.0.255 10.2.0.0 0.0.255.255',
    ]);
  });

  it('a protocol on one side against ip on the other: the narrower protocol side', () => {
    const f = only(IOS_R1, asaSelector({ protocol: 'tcp' }), 'ipsec.proxy-id-mismatch');
    expect(f).toMatchObject({ severity: 'warning', change: 'either', a: [10, 11, 12, 13, 14, 41] });
    expect(f.b).toEqual([40, 41, 42, 43, 44, 45, 46]);
    expect(f.message).toContain("B (FW)'s lies within A (R1)'s");
  });

  it('different networks: an error on both sides', () => {
    const b = asaSelector({ remote: '10.9.9.0/24' });
    const f = only(IOS_R1, b, 'ipsec.proxy-id-mismatch');
    expect(f).toMatchObject({
      severity: 'error',
      change: 'either',
      b: [40, 41, 42, 43, 44, 45, 46],
    });
    expect(f.message).toContain('10.1.1.0/24 → 10.2.2.0/24');
  });

  it('an extra selector on one side: the other side lacks its mirror', () => {
    const extra: Selector = {
      local: '10.1.5.0/24',
      remote: '10.2.2.0/24',
      protocol: 'ip',
      lines: [42],
    };
    const conn = IOS_R1.connections[0] as Connection;
    const a = editConn(IOS_R1, { selectors: [...conn.selectors, extra] });
    const f = only(a, ASA_FW, 'ipsec.proxy-id-mismatch');
    expect(f).toMatchObject({ severity: 'error', change: 'b', a: [10, 11, 12, 13, 14, 42] });
  });
});

describe('route-based against policy-based', () => {
  it('a static VTI (any → any) against a crypto map for subnets: an error, the ACL side has the commands', () => {
    const vti = editConn(greRouter('R1', '192.168.0.1', '192.168.0.2', 'ipsec-ipv4'), {
      selectors: [],
    });
    const map = editConn(greRouter('R2', '192.168.0.2', '192.168.0.1'), {
      name: 'MAP 10',
      kind: 'crypto-map',
      sequence: 10,
      acl: 'VPN',
      appliedTo: ['Ethernet0/0'],
      selectors: [{ local: '10.2.0.0/24', remote: '10.1.0.0/24', protocol: 'ip', lines: [50] }],
      lines: [33, 34, 35],
    });
    const f = only(vti, map, 'ipsec.proxy-id-mismatch');
    expect(f).toMatchObject({
      severity: 'error',
      change: 'either',
      a: [33, 34, 35, 42, 43, 44, 45, 46],
      b: [33, 34, 35, 50],
    });
    expect(f.message).toContain('static VTI');
    expect(f.commands).toEqual({ b: ['ip access-list extended VPN', ' permit ip any any'] });
  });
});

describe('tunnel interfaces', () => {
  it('two protected GRE tunnels pointing at each other: no error', () => {
    const r = compareConfigs(
      greRouter('R1', '192.168.0.1', '192.168.0.2'),
      greRouter('R2', '192.168.0.2', '192.168.0.1'),
    );
    expect(r.findings).toEqual([]);
    expect(r.pairs).toEqual([{ a: 'Tunnel1', b: 'Tunnel1' }]);
  });

  it('GRE keys that differ', () => {
    const f = only(
      greRouter('R1', '192.168.0.1', '192.168.0.2', 'gre', '2'),
      greRouter('R2', '192.168.0.2', '192.168.0.1', 'gre', '3'),
      'routing.gre-key-mismatch',
    );
    expect(f).toMatchObject({ severity: 'error', change: 'either', a: [41, 42, 43, 44, 45, 46] });
    expect(f.commands).toEqual({
      a: ['interface Tunnel1', ' tunnel key 3'],
      b: ['interface Tunnel1', ' tunnel key 2'],
    });
  });

  it('GRE against a VTI: encapsulation, and no selector finding on top', () => {
    const a = greRouter('R1', '192.168.0.1', '192.168.0.2', 'gre');
    const b = greRouter('R2', '192.168.0.2', '192.168.0.1', 'ipsec-ipv4');
    const f = only(a, b, 'ipsec.encapsulation-mismatch');
    expect(f).toMatchObject({ severity: 'error', change: 'either', a: [41, 42, 43, 44, 45, 46] });
    expect(f.b).toEqual([41, 42, 43, 44, 45, 46]);
    expect(f.commands.a).toEqual(['interface Tunnel1', ' tunnel mode ipsec ipv4']);
    expect(compareConfigs(a, b).findings.map((x) => x.diagnosis)).toEqual([
      'ipsec.encapsulation-mismatch',
    ]);
  });
});

describe('peer addresses behind NAT', () => {
  it('pointing at a public address when the other side shows only private ones: a warning', () => {
    const nated = edit(ASA_FW, {
      interfaces: ASA_FW.interfaces.map((i) =>
        i.nameif === 'outside' ? { ...i, addresses: ['172.31.5.10/24'] } : i,
      ),
    });
    const f = only(IOS_R1, nated, 'ip.peer-address-mismatch');
    expect(f).toMatchObject({ severity: 'warning', change: 'a' });
    expect(f.message).toContain('NATed');
  });

  it('nothing known about the other side’s addresses: no finding', () => {
    const bare = edit(editConn(ASA_FW, { peers: ['203.0.113.99'] }), { interfaces: [] });
    const a = editConn(IOS_R1, { peers: ['198.51.100.99'] });
    const r = compareConfigs(edit(a, { interfaces: [] }), bare);
    expect(r.findings.filter((f) => f.diagnosis === 'ip.peer-address-mismatch')).toEqual([]);
    expect(r.pairs).toEqual([{ a: 'VPN 10', b: 'outside_map 1' }]);
  });
});

describe('crypto map placement', () => {
  it('not applied anywhere', () => {
    const f = only(editConn(IOS_R1, { appliedTo: [] }), ASA_FW, 'ip.crypto-map-wrong-interface');
    expect(f).toMatchObject({ severity: 'error', change: 'a', a: [10], b: [] });
    expect(f.commands.a).toEqual(['interface GigabitEthernet0/0', ' crypto map VPN']);
  });

  it('an excerpt without interfaces says nothing about placement', () => {
    const r = compareConfigs(edit(editConn(IOS_R1, { appliedTo: [] }), { interfaces: [] }), ASA_FW);
    expect(r.findings.filter((f) => f.diagnosis === 'ip.crypto-map-wrong-interface')).toEqual([]);
  });

  it('applied to the inside (ip nat inside) interface', () => {
    const f = only(
      editConn(IOS_R1, { appliedTo: ['GigabitEthernet0/1'] }),
      ASA_FW,
      'ip.crypto-map-wrong-interface',
    );
    expect(f).toMatchObject({
      severity: 'error',
      change: 'a',
      a: [10, 11, 12, 13, 14, 24, 25, 26],
    });
    expect(f.commands.a).toEqual([
      'interface GigabitEthernet0/1',
      ' no crypto map VPN',
      'interface GigabitEthernet0/0',
      ' crypto map VPN',
    ]);
  });

  it('ASA: applied to the security-level 100 interface', () => {
    const f = only(
      IOS_R1,
      editConn(ASA_FW, { appliedTo: ['inside'] }),
      'ip.crypto-map-wrong-interface',
    );
    expect(f).toMatchObject({ severity: 'error', change: 'b', a: [] });
    expect(f.commands.b).toEqual([
      'no crypto map outside_map interface inside',
      'crypto map outside_map interface outside',
    ]);
  });

  it('applied to an interface the route to the peer does not use: a warning', () => {
    const dmz = {
      name: 'GigabitEthernet0/2',
      addresses: ['192.0.2.1/24'],
      shutdown: false,
      lines: [27, 28],
    };
    const a = editConn(edit(IOS_R1, { interfaces: [...IOS_R1.interfaces, dmz] }), {
      appliedTo: ['GigabitEthernet0/2'],
    });
    const f = only(a, ASA_FW, 'ip.crypto-map-wrong-interface');
    expect(f).toMatchObject({ severity: 'warning', change: 'a' });
    expect(f.message).toContain('leaves through GigabitEthernet0/0');
  });
});

describe('NAT exemption', () => {
  it('no exemption before the PAT rule: error on that side with the rule lines', () => {
    const a = edit(IOS_R1, { nat: IOS_R1.nat.filter((r) => r.kind === 'translate') });
    const f = only(a, ASA_FW, 'routing.nat-exemption');
    expect(f).toMatchObject({ severity: 'error', change: 'a', a: [41, 44, 45], b: [] });
    expect(f.commands.a).toEqual([
      'ip access-list extended <nat-acl>',
      ' 1 deny ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255',
    ]);
  });

  it('ASA: twice NAT exemption commands in section 1', () => {
    const b = edit(ASA_FW, { nat: ASA_FW.nat.filter((r) => r.kind === 'translate') });
    const f = only(IOS_R1, b, 'routing.nat-exemption');
    expect(f.commands.b?.at(-1)).toBe(
      'nat (inside,outside) 1 source static NET-10.2.2.0-24 NET-10.2.2.0-24 destination static NET-10.1.1.0-24 NET-10.1.1.0-24 no-proxy-arp route-lookup',
    );
  });

  it('a translating rule covering part of the selector: a warning', () => {
    const a = edit(IOS_R1, {
      nat: [{ kind: 'translate', local: ['10.1.1.128/25'], remote: ['any'], lines: [44, 45] }],
    });
    expect(only(a, ASA_FW, 'routing.nat-exemption').severity).toBe('warning');
  });
});

describe('single device', () => {
  it('the same peer in two keyrings (seed 004): warning, removal from the unused keyring', () => {
    const base = greRouter('R1', '192.168.0.1', '192.168.0.2');
    const key = base.keys[0] as PeerConfig['keys'][number];
    const r1 = edit(base, {
      keys: [
        { ...key, container: 'keyring1', lines: [14] },
        { ...key, container: 'keyring2', lines: [16] },
      ],
      keyrings: [
        {
          name: 'keyring1',
          version: 'ikev1',
          isDefault: false,
          peers: ['192.168.0.2'],
          lines: [13, 14],
        },
        {
          name: 'keyring2',
          version: 'ikev1',
          isDefault: false,
          peers: ['192.168.0.2'],
          lines: [15, 16],
        },
      ],
      profiles: [
        {
          name: 'profile1',
          version: 'ikev1',
          matches: [{ kind: 'address', value: '192.168.0.102/32', lines: [25] }],
          keyrings: ['keyring1'],
          lines: [23, 24, 25],
        },
        {
          name: 'profile2',
          version: 'ikev1',
          matches: [{ kind: 'address', value: '192.168.0.2/32', lines: [28] }],
          keyrings: ['keyring2'],
          lines: [26, 27, 28],
        },
      ],
    });
    const f = only(
      editConn(r1, { profile: 'profile2' }),
      greRouter('R2', '192.168.0.2', '192.168.0.1'),
      'auth.keyring-selection',
    );
    expect(f).toMatchObject({ severity: 'warning', change: 'a', a: [14, 16], b: [] });
    expect(f.message).toContain('profile2 uses keyring2, not keyring1');
    expect(f.commands.a).toEqual([
      'crypto keyring keyring1',
      ' no pre-shared-key address 192.168.0.2',
    ]);
  });

  it('global keys next to keyrings', () => {
    const base = greRouter('R1', '192.168.0.1', '192.168.0.2');
    const global = {
      scope: 'global' as const,
      peer: '0.0.0.0/0',
      direction: 'both' as const,
      encoding: 'plain' as const,
      bytesHex: 'aa',
      lines: [17],
    };
    const f = only(
      edit(base, { keys: [...base.keys, global] }),
      greRouter('R2', '192.168.0.2', '192.168.0.1'),
      'auth.keyring-selection',
    );
    expect(f).toMatchObject({ severity: 'warning', change: 'a', a: [13, 17] });
  });

  it('two profiles matching the same address', () => {
    const base = greRouter('R1', '192.168.0.1', '192.168.0.2');
    const wide = {
      name: 'wide',
      version: 'ikev1' as const,
      matches: [{ kind: 'address' as const, value: '192.168.0.0/24', lines: [29] }],
      keyrings: ['keyring1'],
      lines: [27, 28, 29],
    };
    const f = only(
      edit(base, { profiles: [...base.profiles, wide] }),
      greRouter('R2', '192.168.0.2', '192.168.0.1'),
      'auth.keyring-selection',
    );
    expect(f).toMatchObject({ severity: 'warning', a: [23, 25, 27, 29] });
  });

  it('a dynamic map entry numbered before a static one (read from the text)', () => {
    const dyn: Connection = {
      name: 'DYN 10',
      kind: 'dynamic-map',
      sequence: 10,
      peers: [],
      ikeVersions: ['ikev1'],
      ikeProposals: [],
      espProposals: ['ESP-AES256-SHA'],
      selectors: [],
      appliedTo: ['outside'],
      lines: [59, 60],
    };
    const b = edit(ASA_FW, { connections: [...ASA_FW.connections, dyn] });
    const textB = Array.from({ length: 60 }, (_, i) =>
      i + 1 === 39 ? 'crypto map outside_map 0 ipsec-isakmp dynamic DYN' : '!',
    ).join('\n');
    const r = compareConfigs(IOS_R1, b, { texts: ['', textB] });
    const found = r.findings.filter((x) => x.diagnosis === 'ipsec.crypto-map-order');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', change: 'b', a: [], b: [39, 41] });
    expect(found[0]?.commands.b).toEqual([
      'no crypto map outside_map 0 ipsec-isakmp dynamic DYN',
      'crypto map outside_map 65535 ipsec-isakmp dynamic DYN',
    ]);
    const last = textB.replace('outside_map 0 ', 'outside_map 65535 ');
    const ok = compareConfigs(IOS_R1, b, { texts: ['', last] });
    expect(ok.findings.filter((x) => x.diagnosis === 'ipsec.crypto-map-order')).toEqual([]);
  });
});

describe('citing with the input text', () => {
  it('a PFS finding cites the set pfs line, and the entry line where PFS is missing', () => {
    const a = IOS_R1;
    const b = editConn(ASA_FW, { pfs: null, lines: [41, 43, 44, 45, 46] });
    const lines = (n: number, text: Record<number, string>): string =>
      Array.from({ length: n }, (_, i) => text[i + 1] ?? '!').join('\n');
    const textA = lines(50, {
      10: 'crypto map VPN 10 ipsec-isakmp',
      11: ' set peer 198.51.100.1',
      12: ' set transform-set TS',
      13: ' set pfs group14',
      14: ' match address VPN-ACL',
    });
    const textB = lines(50, {
      41: 'crypto map outside_map 1 match address outside_cryptomap',
      43: 'crypto map outside_map 1 set peer 203.0.113.1',
    });
    const r = compareConfigs(a, b, { texts: [textA, textB] });
    const f = r.findings.find((x) => x.diagnosis === 'ipsec.pfs-mismatch');
    expect(f).toMatchObject({ a: [13], b: [41] });
  });
});
