/**
 * FortiGate configuration parser. Fixtures in `fixtures/config/fortigate/`:
 * - `seed000-tunnel-to-siteb.cfg`: the FortiGate side of seed 000 (*Cisco ASA: Received a DELETE
 *   PFKey message from IKE*, PeteNetLive KB 0001720). The seed shows no FortiGate configuration
 *   text, only `diagnose vpn tunnel list` (lines 39-49: `Tunnel-To-SiteB ver=2`,
 *   192.168.100.100 → 192.168.100.111, proxy-id 192.168.1.0/24 → 172.16.1.0/24) and the root cause
 *   (line 78: AES256GCM on the FortiGate). The configuration is written from those facts in the
 *   shape the FortiOS 7.0 VPN wizard ("static-cisco" template) leaves it.
 * - `fortios72-vdom-two-phase2.cfg`: written from the FortiOS 7.2 CLI reference and
 *   administration guide (multi-VDOM backup, route-based site-to-site, two phase 2 selectors).
 * - `ikev1-aggressive-script.cfg`: a typed CLI script (plain `psksecret`), written from the
 *   FortiOS CLI reference ("vpn ipsec phase1-interface", "vpn ipsec phase2-interface").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORTIGATE_CONFIG } from './fortigate.ts';
import { readProposalWord } from './fortigate/proposals.ts';
import { rangeToPrefixes } from './fortigate/ranges.ts';
import { readFortiConfig, words } from './fortigate/reader.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/config/fortigate/${name}.cfg`, import.meta.url), 'utf8');

describe('FortiGate: seed 000, Tunnel-To-SiteB (AES-GCM phase 2)', () => {
  const text = fixture('seed000-tunnel-to-siteb');
  const peer = FORTIGATE_CONFIG.parse(text);
  const conn = peer.connections[0];

  it('is recognised as FortiOS', () => {
    expect(FORTIGATE_CONFIG.sniff(text)).toBe(1);
    expect(peer.platform).toBe('fortigate');
    expect(peer.hostname).toBe('Forti-FW');
  });

  it('reads one IKEv2 phase 1 towards the ASA with the interface address as local address', () => {
    expect(peer.connections).toHaveLength(1);
    expect(conn).toMatchObject({
      name: 'Tunnel-To-SiteB',
      kind: 'phase1',
      peers: ['192.168.100.111'],
      localAddress: '192.168.100.100',
      ikeVersions: ['ikev2'],
      ikeProposals: ['Tunnel-To-SiteB/aes256-sha256'],
      espProposals: ['Tunnel-To-SiteB/aes256gcm'],
      pfs: 14,
      lifetimeSeconds: 43200,
      profile: 'Tunnel-To-SiteB',
      appliedTo: ['port1'],
    });
    expect(conn?.lines[0]).toBe(61);
  });

  it('keeps AES256GCM as AES-GCM-256 without integrity (the seed root cause)', () => {
    expect(peer.espProposals).toEqual([
      {
        name: 'Tunnel-To-SiteB/aes256gcm',
        encryption: ['aes-gcm-256'],
        integrity: ['none'],
        mode: 'tunnel',
        lines: [75, 77],
      },
    ]);
  });

  it('reads the IKE proposal with its DH group and default lifetime', () => {
    expect(peer.ikeProposals).toEqual([
      {
        version: 'ikev2',
        name: 'Tunnel-To-SiteB/aes256-sha256',
        priority: 1,
        encryption: ['aes-256'],
        integrity: ['sha256'],
        prf: [],
        dhGroups: [14],
        lifetimeSeconds: 86400,
        defaulted: ['lifetimeSeconds'],
        lines: [61, 63, 66, 69],
      },
    ]);
  });

  it('resolves the wizard address groups into the proxy-id the seed shows', () => {
    expect(conn?.selectors).toHaveLength(1);
    expect(conn?.selectors[0]).toMatchObject({
      local: '192.168.1.0/24',
      remote: '172.16.1.0/24',
      protocol: 'ip',
    });
    // phase 2 edit, the src/dst type and name lines, and the address objects behind them
    expect(conn?.selectors[0]?.lines).toEqual([
      75, 35, 36, 37, 38, 40, 41, 42, 43, 47, 49, 53, 55, 80, 81, 82, 83,
    ]);
  });

  it('keeps an ENC pre-shared key as encrypted, without bytes', () => {
    expect(peer.keys).toEqual([
      {
        scope: 'phase1',
        container: 'Tunnel-To-SiteB',
        peer: '192.168.100.111',
        version: 'ikev2',
        direction: 'both',
        encoding: 'encrypted',
        lines: [61, 71],
      },
    ]);
    expect(JSON.stringify(peer)).not.toContain('6Ldv1HXnqWr4');
  });

  it('reads interfaces, the tunnel interface and the wizard routes', () => {
    expect(peer.interfaces.map((i) => [i.name, i.addresses])).toEqual([
      ['port1', ['192.168.100.100/24']],
      ['port2', ['192.168.1.1/24']],
      ['Tunnel-To-SiteB', []],
    ]);
    expect(peer.interfaces[2]?.tunnel).toEqual({
      mode: 'ipsec-ipv4',
      source: 'port1',
      destination: '192.168.100.111',
      protectionProfile: 'Tunnel-To-SiteB',
      lines: [27, 29, 31],
    });
    expect(peer.routes.map((r) => [r.prefix, r.nextHop, r.interface])).toEqual([
      ['any', '192.168.100.1', 'port1'],
      ['172.16.1.0/24', undefined, 'Tunnel-To-SiteB'],
      ['172.16.1.0/24', undefined, 'blackhole'],
    ]);
  });

  it('models the tunnel policy as exempt before the WAN NAT policy', () => {
    expect(peer.nat.map((n) => [n.kind, n.local, n.remote, n.lines[0]])).toEqual([
      ['exempt', ['192.168.1.0/24'], ['172.16.1.0/24'], 87],
      ['translate', ['any'], ['any'], 111],
    ]);
  });

  it('has nothing to note and counts the header comments as read', () => {
    expect(peer.notes).toEqual([]);
    expect(peer.unread).toBe(0);
  });
});

describe('FortiGate: FortiOS 7.2 multi-VDOM, two phase 2 entries', () => {
  const peer = FORTIGATE_CONFIG.parse(fixture('fortios72-vdom-two-phase2'));
  const conn = peer.connections[0];

  it('finds the sections inside config global and config vdom', () => {
    expect(peer.hostname).toBe('FGT-HQ');
    expect(peer.interfaces.map((i) => i.name)).toEqual(['wan1', 'internal1', 'dmz', 'to-branch']);
    expect(peer.interfaces[1]?.addresses).toEqual(['10.10.0.1/16', '10.11.0.1/24']);
    expect(peer.interfaces[2]?.shutdown).toBe(true);
    expect(peer.interfaces[3]?.addresses).toEqual(['169.254.10.1/32']);
  });

  it('reads one IKE proposal per word, the AEAD one with its PRF and no integrity', () => {
    expect(
      peer.ikeProposals.map((p) => [p.name, p.encryption, p.integrity, p.prf, p.dhGroups]),
    ).toEqual([
      ['to-branch/aes256-sha256', ['aes-256'], ['sha256'], [], [20, 14]],
      ['to-branch/aes256gcm-prfsha384', ['aes-gcm-256'], [], ['sha384'], [20, 14]],
    ]);
    expect(peer.ikeProposals[0]?.lifetimeSeconds).toBe(28800);
    expect(peer.ikeProposals[0]?.defaulted).toBeUndefined();
  });

  it('collects both phase 2 entries into the connection', () => {
    expect(conn?.espProposals).toEqual([
      'to-branch-lan/aes256gcm',
      'to-branch-lan/aes256-sha256',
      'to-branch-voice/aes128-sha256',
      'to-branch-voice/chacha20poly1305',
    ]);
    expect(
      peer.espProposals.find((p) => p.name === 'to-branch-voice/chacha20poly1305'),
    ).toMatchObject({
      encryption: ['chacha20-poly1305'],
      integrity: ['none'],
    });
    expect(conn?.selectors.map((s) => [s.local, s.remote, s.protocol, s.remotePort])).toEqual([
      ['10.10.0.0/16', '10.20.1.0/24', 'ip', undefined],
      ['10.10.50.0/24', '10.20.50.0/24', 'udp', '5060'],
    ]);
    expect(conn?.selectors[1]?.lines).toEqual([96, 101, 102, 103, 104]);
    expect(conn?.localAddress).toBe('198.51.100.2');
    expect(conn?.lifetimeSeconds).toBe(3600);
  });

  it('takes the first phase 2 PFS group and notes that the second has PFS off', () => {
    expect(conn?.pfs).toBe(20);
    expect(peer.notes).toEqual([
      {
        message:
          'The phase 2 entries of to-branch disagree on PFS (to-branch-lan: group 20, to-branch-voice: off); the first is used.',
        lines: [87, 96],
      },
    ]);
  });

  it('resolves a policy with two destination objects', () => {
    expect(peer.nat[0]).toMatchObject({
      kind: 'exempt',
      local: ['10.10.0.0/16'],
      remote: ['10.20.1.0/24', '10.20.50.0/24'],
    });
    expect(peer.nat[1]).toMatchObject({ kind: 'translate', local: ['any'], remote: ['any'] });
    expect(peer.routes[1]).toMatchObject({ prefix: '10.20.0.0/16', interface: 'to-branch' });
  });
});

describe('FortiGate: IKEv1 aggressive mode CLI script with a plain key', () => {
  const text = fixture('ikev1-aggressive-script');
  const peer = FORTIGATE_CONFIG.parse(text);
  const conn = peer.connections[0];

  it('keeps the key only as bytes', () => {
    expect(peer.keys).toEqual([
      {
        scope: 'phase1',
        container: 'branch-ikev1',
        peer: '192.0.2.77',
        identity: 'branch01.example.net',
        version: 'ikev1',
        direction: 'both',
        encoding: 'plain',
        bytesHex: '53757033722053656372657421',
        lines: [2, 11],
      },
    ]);
    expect(JSON.stringify(peer)).not.toContain('Sup3r');
  });

  it('reads aggressive mode, the peer ID and the default IKE version with a note', () => {
    expect(conn).toMatchObject({ exchangeMode: 'aggressive', ikeVersions: ['ikev1'], pfs: null });
    expect(
      peer.ikeProposals.map((p) => [p.encryption[0], p.integrity[0], p.authentication]),
    ).toEqual([
      ['aes-128', 'sha1', 'pre-share'],
      ['3des', 'md5', 'pre-share'],
    ]);
    expect(peer.ikeProposals[0]?.defaulted).toEqual(['version', 'lifetimeSeconds']);
    expect(peer.ikeProposals[0]?.dhGroups).toEqual([2]);
    expect(peer.profiles[0]?.matches).toEqual([
      { kind: 'fqdn', value: 'branch01.example.net', lines: [2, 5, 6] },
    ]);
    expect(peer.notes.map((n) => n.message)).toContain(
      'Phase 1 branch-ikev1 does not show ike-version: FortiOS\'s default is IKEv1 (confirm with "show full-configuration vpn ipsec phase1-interface").',
    );
  });

  it('cuts the source range into prefixes and notes it; an ip selector is a host', () => {
    expect(conn?.selectors.map((s) => s.local)).toEqual([
      '10.30.0.10/31',
      '10.30.0.12/30',
      '10.30.0.16/30',
      '10.30.0.20/32',
    ]);
    expect(conn?.selectors.every((s) => s.remote === '10.40.0.5/32')).toBe(true);
    expect(peer.notes.some((n) => n.message.includes('sent as one range selector'))).toBe(true);
  });

  it('reads -null as no integrity', () => {
    expect(peer.espProposals[1]).toMatchObject({ encryption: ['aes-256'], integrity: ['none'] });
  });
});

describe('FortiGate: odd input', () => {
  it('returns an empty model for empty text and does not claim it', () => {
    expect(FORTIGATE_CONFIG.sniff('')).toBe(0);
    const peer = FORTIGATE_CONFIG.parse('');
    expect(peer.connections).toEqual([]);
    expect(peer.unread).toBe(0);
  });

  it('does not claim an IOS configuration', () => {
    const ios = 'crypto isakmp policy 10\n encr aes 256\n authentication pre-share\n group 14\n';
    expect(FORTIGATE_CONFIG.sniff(ios)).toBe(0);
    expect(FORTIGATE_CONFIG.parse(ios).unread).toBe(4);
  });

  it('reads a paste cut short inside an entry', () => {
    const text = [
      'config vpn ipsec phase1-interface',
      '    edit "cut"',
      '        set interface "wan1"',
      '        set remote-gw 198.51.100.9',
    ].join('\n');
    const peer = FORTIGATE_CONFIG.parse(text);
    expect(peer.connections[0]?.peers).toEqual(['198.51.100.9']);
    expect(peer.notes.map((n) => n.message)).toContain('Phase 1 cut has no phase 2 entry.');
  });

  it('notes a phase 2 whose phase 1 is missing, and a masked key has no bytes', () => {
    const text = [
      'config vpn ipsec phase1-interface',
      '    edit "p1"',
      '        set psksecret ******',
      '    next',
      'end',
      'config vpn ipsec phase2-interface',
      '    edit "p2"',
      '        set phase1name "other"',
      '        set proposal aes128-sha1',
      '    next',
      'end',
    ].join('\n');
    const peer = FORTIGATE_CONFIG.parse(text);
    expect(peer.keys[0]).toMatchObject({ encoding: 'masked' });
    expect(peer.keys[0]?.bytesHex).toBeUndefined();
    expect(peer.notes.map((n) => n.message)).toContain(
      'Phase 2 p2 names phase 1 "other", which is not in the text.',
    );
  });

  it('treats a policy-based ipsec policy as exempt unless natoutbound is on', () => {
    const text = [
      'config vpn ipsec phase1',
      '    edit "pb"',
      '        set interface "wan1"',
      '        set remote-gw 198.51.100.7',
      '    next',
      'end',
      'config firewall policy',
      '    edit 4',
      '        set srcintf "internal"',
      '        set dstintf "wan1"',
      '        set srcaddr "all"',
      '        set dstaddr "all"',
      '        set action ipsec',
      '        set vpntunnel "pb"',
      '        set natoutbound enable',
      '    next',
      'end',
    ].join('\n');
    const peer = FORTIGATE_CONFIG.parse(text);
    expect(peer.nat).toEqual([
      { kind: 'translate', local: ['any'], remote: ['any'], lines: [8, 9, 10, 11, 12, 13, 14, 15] },
    ]);
  });

  it('survives a 100 KB line quickly', () => {
    const long = `set psksecret ${'a'.repeat(100_000)}`;
    const start = Date.now();
    const peer = FORTIGATE_CONFIG.parse(
      `config vpn ipsec phase1-interface\n edit "x"\n ${long}\n next\nend`,
    );
    expect(Date.now() - start).toBeLessThan(500);
    expect(peer.keys[0]?.bytesHex).toHaveLength(200_000);
  });
});

describe('FortiGate helpers', () => {
  it('splits words with quotes and escapes', () => {
    expect(words('set comments "a \\"b\\" c"  x')).toEqual(['set', 'comments', 'a "b" c', 'x']);
    expect(words('set member "A B" \'C\'')).toEqual(['set', 'member', 'A B', 'C']);
  });

  it('reads proposal words', () => {
    expect(readProposalWord('aes128gcm-prfsha256')).toEqual({
      word: 'aes128gcm-prfsha256',
      encryption: 'aes-gcm-128',
      integrity: 'none',
      prf: 'sha256',
    });
    expect(readProposalWord('null-sha1')).toMatchObject({ encryption: 'null', integrity: 'sha1' });
    expect(readProposalWord('aes256-sha3')).toBeNull();
    expect(readProposalWord('rot13-md5')).toBeNull();
  });

  it('cuts ranges into prefixes', () => {
    expect(rangeToPrefixes('10.0.0.1', '10.0.0.6')).toEqual([
      '10.0.0.1/32',
      '10.0.0.2/31',
      '10.0.0.4/31',
      '10.0.0.6/32',
    ]);
    expect(rangeToPrefixes('0.0.0.0', '255.255.255.255')).toEqual(['any']);
    expect(rangeToPrefixes('10.0.0.9', '10.0.0.1')).toBeNull();
  });

  it('reads the FortiOS version from the backup header', () => {
    expect(readFortiConfig(fixture('fortios72-vdom-two-phase2')).version).toBe('7.2.8');
  });
});
