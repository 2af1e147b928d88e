/**
 * Cisco ASA / PIX configuration parser. Fixtures in `fixtures/config/cisco-asa/`:
 * - `seed-000-gmac-proposal.cfg`: seed 000 (*Cisco ASA: Received a DELETE PFKey message from IKE*)
 *   lines 67-70, byte for byte: `show run crypto ipsec` echoed after a config-mode prompt, with the
 *   author's `<--Note:` annotation on the integrity line.
 * - `seed-000-gcm-fix.cfg`: seed 000 lines 80-82, byte for byte: the fix typed in config mode and
 *   the ASA's GCM/GMAC warning.
 * - `seed-001-crypto-map-pfs.cfg`: seed 001 (*Cisco ASA site-to-site VPN troubleshooting*) lines
 *   746-749; the article's `[/box]` markup at the end of line 749 removed.
 * - `seed-001-pix-session.cfg`: lines 1-2 are seed 001 lines 468-469 byte for byte (the PIX crypto
 *   and no-NAT ACLs, typed in config mode); lines 3-19 are written from the steps the seed
 *   describes in lines 471-474 (nat 0, crypto map to 81.81.81.81 with 3DES/SHA, ISAKMP policy
 *   with pre-share, 3DES, SHA, group 2, enabled on outside), in PIX 6.3 command syntax.
 * - `pix63-site-to-site.cfg`: the same PIX as `write terminal` would print it, written from the
 *   PIX 6.3 command reference.
 * - `asa9-ikev1-l2l-twice-nat.cfg`, `asa9-ikev2-l2l-gmac-pfs.cfg` (the ASA side of seed 000's
 *   topology, as `more system:running-config` shows it, clear keys), `asa9-dynamic-map-hub.cfg`,
 *   `asa82-nat0.cfg`: written from the Cisco ASA 9.x / 8.2 CLI configuration guides in the shape
 *   ASDM's site-to-site wizard leaves them.
 * - `ntc-ipsec.cfg`, `ntc-all-crypto-map.cfg`: real device output from networktocode/ntc-templates
 *   (Apache-2.0), copied from `fixtures/cisco_asa/show_running_config_crypto/` (sources there).
 *
 * This file holds the seed cases and the detection; `asa/asa9.test.ts` the 9.x configurations and
 * ntc-templates output, `asa/legacy.test.ts` 8.2, PIX and the defaults, `asa/robustness.test.ts`
 * NAT order, odd and pathological input.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASA_CONFIG } from './asa/index.ts';
import type { PeerConfig } from './model.ts';
import { textToHex } from './normalise.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/config/cisco-asa/${name}.cfg`, import.meta.url), 'utf8');

const parse = (text: string): PeerConfig => ASA_CONFIG.parse(text);

const noteAt = (peer: PeerConfig, line: number): string[] =>
  peer.notes.filter((n) => n.lines.includes(line)).map((n) => n.message);

describe('ASA: seed 000, the AES-GMAC proposal facing a FortiGate', () => {
  const text = fixture('seed-000-gmac-proposal');
  const peer = parse(text);

  it('reads the proposal under the echoed show command, integrity null as none', () => {
    expect(peer.espProposals).toEqual([
      {
        name: 'FORTIGATE',
        version: 'ikev2',
        encryption: ['aes-gmac-256'],
        integrity: ['none'],
        lines: [2, 3, 4],
      },
    ]);
    expect(peer.hostname).toBe('Cisco-ASA');
    expect(peer.unread).toBe(0);
  });

  it('notes the annotation after the integrity keyword instead of reading it', () => {
    expect(noteAt(peer, 4)).toEqual([
      'ipsec-proposal FORTIGATE: words after "protocol esp integrity" ignored from "<--Note:" on',
    ]);
  });

  it('is recognised as an ASA', () => {
    expect(ASA_CONFIG.sniff(text)).toBe(5);
  });
});

describe('ASA: seed 000, the fix typed in configuration mode', () => {
  const peer = parse(fixture('seed-000-gcm-fix'));

  it('nests the sub-mode line under its proposal and leaves the warning unread', () => {
    expect(peer.espProposals).toEqual([
      {
        name: 'FORTIGATE',
        version: 'ikev2',
        encryption: ['aes-gcm-256'],
        integrity: ['none'],
        lines: [1, 2],
      },
    ]);
    expect(peer.unread).toBe(1);
    expect(peer.notes).toEqual([]);
  });
});

describe('ASA: seed 001, a crypto map with bare set pfs', () => {
  const peer = parse(fixture('seed-001-crypto-map-pfs'));
  const conn = peer.connections[0];

  it('reads bare "set pfs" as group 2 and the IKEv1 transform set', () => {
    expect(peer.connections).toHaveLength(1);
    expect(conn).toMatchObject({
      name: 'outside_map 1',
      kind: 'crypto-map',
      sequence: 1,
      peers: ['123.123.123.123'],
      ikeVersions: ['ikev1'],
      espProposals: ['ESP-3DES-SHA'],
      pfs: 2,
      acl: 'outside_1_cryptomap',
      selectors: [],
      appliedTo: [],
      lines: [1, 2, 3, 4],
    });
  });

  it('says the ACL is not in the paste and that the lifetimes are ASA defaults', () => {
    expect(noteAt(peer, 1)).toEqual([
      'crypto map outside_map 1: access-list outside_1_cryptomap is not in the input',
      'crypto map outside_map 1: IPsec SA lifetime not set; ASA default 28800 s / 4608000 KB assumed',
    ]);
    expect(conn).toMatchObject({ lifetimeSeconds: 28800, lifetimeKilobytes: 4608000 });
  });

  it('reads seed 001 line 587 ("[box]" markup removed) the same way', () => {
    const one = parse('crypto map outside_map 20 set pfs\n');
    expect(one.connections[0]).toMatchObject({ name: 'outside_map 20', sequence: 20, pfs: 2 });
  });

  it('an entry without set pfs has PFS off, "no … set pfs" too', () => {
    const off = parse(
      'crypto map M 1 set peer 192.0.2.1\ncrypto map M 2 set pfs group5\nno crypto map M 2 set pfs\n',
    );
    expect(off.connections.map((c) => c.pfs)).toEqual([null, null]);
    expect(off.connections[1]?.lines).toEqual([2, 3]);
  });
});

describe('ASA: seed 001, the PIX site-to-site typed in configuration mode', () => {
  const text = fixture('seed-001-pix-session');
  const peer = parse(text);

  it('turns the seed ACLs into the crypto selector and the nat 0 exemption', () => {
    expect(peer.connections[0]).toMatchObject({
      name: 'VPN_CRYPTO_MAP 10',
      peers: ['81.81.81.81'],
      espProposals: ['VPN_TRAN'],
      pfs: null,
      acl: 'VPN_CRYPTO_ACL',
      selectors: [
        { local: '192.168.124.0/24', remote: '192.168.123.0/24', protocol: 'ip', lines: [1] },
      ],
      lifetimeSeconds: 28800,
      lifetimeKilobytes: 4608000,
      appliedTo: ['outside'],
      ikeVersions: ['ikev1'],
      lines: [5, 6, 7, 8, 9, 10],
    });
    expect(peer.nat).toEqual([
      {
        kind: 'exempt',
        local: ['192.168.124.0/24'],
        remote: ['192.168.123.0/24'],
        lines: [3, 2],
      },
    ]);
  });

  it('reads the one-line isakmp policy and the typed key as bytes only', () => {
    expect(peer.ikeProposals).toEqual([
      {
        version: 'ikev1',
        name: '10',
        priority: 10,
        encryption: ['3des'],
        integrity: ['sha1'],
        prf: [],
        dhGroups: [2],
        authentication: 'pre-share',
        lifetimeSeconds: 86400,
        lines: [13, 14, 15, 16, 17],
      },
    ]);
    expect(peer.keys).toEqual([
      {
        scope: 'global',
        peer: '81.81.81.81',
        version: 'ikev1',
        direction: 'both',
        encoding: 'plain',
        bytesHex: textToHex('S3cr3tVPN'),
        lines: [12],
      },
    ]);
    expect(JSON.stringify(peer)).not.toContain('S3cr3tVPN');
    expect(peer.ikeEnabled).toEqual([{ version: 'ikev1', interface: 'outside', lines: [18] }]);
  });

  it('takes the host name from the prompt; only sysopt is unread', () => {
    expect(peer.hostname).toBe('PetesPIX');
    expect(peer.unread).toBe(1);
    expect(ASA_CONFIG.sniff(text)).toBe(13);
  });
});

describe('ASA: sniff', () => {
  it('scores ASA and PIX configurations high and others low', () => {
    for (const name of [
      'asa82-nat0',
      'pix63-site-to-site',
      'asa9-dynamic-map-hub',
      'asa9-ikev2-l2l-gmac-pfs',
    ]) {
      expect(ASA_CONFIG.sniff(fixture(name))).toBeGreaterThanOrEqual(28);
    }
    // An IOS router (seed 001 lines 215-224: the GDOI key server).
    const ios = [
      'crypto isakmp policy 10',
      'encr aes',
      'authentication pre-share',
      'group 2',
      'crypto isakmp key P@ssword123 address 0.0.0.0 0.0.0.0',
      '!',
      'crypto ipsec transform-set TS-GDOI esp-aes esp-sha-hmac',
      '!',
      'crypto ipsec profile PF-GDOI',
      'set transform-set TS-GDOI',
    ].join('\n');
    expect(ASA_CONFIG.sniff(ios)).toBe(0);
    expect(
      ASA_CONFIG.sniff('config vpn ipsec phase1-interface\n    edit "Tunnel-To-SiteB"\n'),
    ).toBe(0);
  });
});
