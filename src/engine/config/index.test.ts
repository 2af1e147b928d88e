/** The configuration check's entry points: detection, parsing problems, comparing two texts. */
import { describe, expect, it } from 'vitest';
import { CONFIG_PARSERS, compareTexts, detectPlatform, parseConfig } from './index.ts';

const IOS = [
  'hostname R1',
  'crypto isakmp policy 10',
  ' encr aes 256',
  ' authentication pre-share',
  ' group 14',
  'crypto isakmp key Secr3t-Key address 192.0.2.2',
  'crypto ipsec transform-set TS esp-aes 256 esp-sha-hmac',
  ' mode tunnel',
  'crypto map VPN 10 ipsec-isakmp',
  ' set peer 192.0.2.2',
  ' set transform-set TS',
  ' match address 101',
  'interface GigabitEthernet0/0',
  ' ip address 192.0.2.1 255.255.255.252',
  ' crypto map VPN',
  'interface GigabitEthernet0/1',
  ' ip address 10.1.1.1 255.255.255.0',
  'access-list 101 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255',
].join('\n');

const ASA = [
  'ASA Version 9.12(4)',
  'hostname FW',
  'interface GigabitEthernet0/0',
  ' nameif outside',
  ' security-level 0',
  ' ip address 192.0.2.2 255.255.255.252',
  'interface GigabitEthernet0/1',
  ' nameif inside',
  ' security-level 100',
  ' ip address 10.2.2.1 255.255.255.0',
  'access-list VPN extended permit ip 10.2.2.0 255.255.255.0 10.1.1.0 255.255.255.0',
  'crypto ipsec ikev1 transform-set TS esp-aes-256 esp-sha-hmac',
  'crypto map outside_map 10 match address VPN',
  'crypto map outside_map 10 set peer 192.0.2.1',
  'crypto map outside_map 10 set ikev1 transform-set TS',
  'crypto map outside_map interface outside',
  'crypto ikev1 enable outside',
  'crypto ikev1 policy 10',
  ' authentication pre-share',
  ' encryption aes-256',
  ' hash sha',
  ' group 14',
  'tunnel-group 192.0.2.1 type ipsec-l2l',
  'tunnel-group 192.0.2.1 ipsec-attributes',
  ' ikev1 pre-shared-key Secr3t-Key',
].join('\n');

const FORTIGATE = [
  'config vpn ipsec phase1-interface',
  '    edit "to-R1"',
  '        set interface "port1"',
  '        set proposal aes256-sha1',
  '        set remote-gw 192.0.2.1',
  '    next',
  'end',
].join('\n');

const STRONGSWAN = [
  'conn to-r1',
  '    keyexchange=ikev2',
  '    left=192.0.2.2',
  '    leftsubnet=10.2.2.0/24',
  '    right=192.0.2.1',
  '    rightsubnet=10.1.1.0/24',
  '    auto=start',
].join('\n');

describe('detectPlatform', () => {
  it.each([
    ['cisco-ios', IOS],
    ['cisco-asa', ASA],
    ['fortigate', FORTIGATE],
    ['strongswan', STRONGSWAN],
  ])('%s', (platform, text) => {
    expect(detectPlatform(text)).toBe(platform);
  });

  it('nothing recognisable is null', () => {
    expect(detectPlatform('hello world\nthis is not a configuration')).toBeNull();
    expect(detectPlatform('')).toBeNull();
  });

  it('has one parser per platform', () => {
    const platforms = CONFIG_PARSERS.map((p) => p.platform);
    expect(new Set(platforms).size).toBe(platforms.length);
    expect(platforms).toEqual(['cisco-ios', 'cisco-asa', 'fortigate', 'strongswan']);
  });
});

describe('parseConfig', () => {
  it('reads a recognised text', () => {
    const r = parseConfig(IOS);
    expect(r.ok && r.peer.platform).toBe('cisco-ios');
    expect(r.ok && r.peer.connections.map((c) => c.name)).toEqual(['VPN 10']);
  });

  it('says why a text cannot be read', () => {
    expect(parseConfig('   \n')).toEqual({ ok: false, problem: 'The configuration is empty.' });
    const unknown = parseConfig('just some words');
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.problem).toContain('Not recognised');
    const juniper = parseConfig('set security ike proposal P1', 'juniper-srx');
    expect(!juniper.ok && juniper.problem).toBe(
      'There is no configuration reader for Juniper SRX yet.',
    );
    const noVpn = parseConfig(
      'hostname R1\ninterface GigabitEthernet0/0\n ip address 192.0.2.1 255.255.255.0',
      'cisco-ios',
    );
    expect(!noVpn.ok && noVpn.problem).toContain('No IPsec configuration');
  });

  it('a forced platform wins over detection', () => {
    const r = parseConfig(IOS, 'cisco-asa');
    expect(r.ok ? r.peer.platform : r.problem).not.toBe('cisco-ios');
  });
});

describe('compareTexts', () => {
  it('compares two configurations end to end', () => {
    const r = compareTexts(IOS, ASA);
    if (!r.ok) throw new Error(r.problem);
    expect(r.result.pairs).toEqual([{ a: 'VPN 10', b: 'outside_map 10' }]);
    expect(r.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(JSON.stringify(r.result)).not.toContain('Secr3t-Key');
  });

  it('the same text twice is not a comparison', () => {
    const r = compareTexts(IOS, `${IOS}\n`);
    expect(r).toMatchObject({ ok: false, side: 'b' });
    expect(!r.ok && r.problem).toContain('same configuration');
  });

  it('names the side it could not read', () => {
    expect(compareTexts(IOS, 'nonsense')).toMatchObject({ ok: false, side: 'b' });
    expect(compareTexts('', ASA)).toMatchObject({ ok: false, side: 'a' });
  });

  it('never throws on hostile input', () => {
    const evil = ['x'.repeat(100_000), ' '.repeat(50_000) + '!', 'crypto map '.repeat(5_000)].join(
      '\n',
    );
    expect(() => compareTexts(evil, evil)).not.toThrow();
    expect(() => compareTexts(IOS, `${ASA}\n${evil}`)).not.toThrow();
  });
});
