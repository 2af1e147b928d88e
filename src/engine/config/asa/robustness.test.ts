/** Global-setting notes, NAT order, odd and pathological input, address ranges. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PeerConfig } from '../model.ts';
import { ipv4ToNumber } from '../normalise.ts';
import { rangeToPrefixes } from './addresses.ts';
import { ASA_CONFIG } from './index.ts';

const fixture = (name: string): string =>
  readFileSync(
    new URL(`../../../../fixtures/config/cisco-asa/${name}.cfg`, import.meta.url),
    'utf8',
  );

const parse = (text: string): PeerConfig => ASA_CONFIG.parse(text);

const noteAt = (peer: PeerConfig, line: number): string[] =>
  peer.notes.filter((n) => n.lines.includes(line)).map((n) => n.message);

describe('ASA: global settings shown as notes', () => {
  it('notes aggressive mode off, a host-name identity and NAT-T off', () => {
    const peer = parse(
      'crypto ikev1 am-disable\ncrypto isakmp identity hostname\nno crypto isakmp nat-traversal\ncrypto isakmp identity address\n',
    );
    expect(peer.notes.map((n) => [n.lines[0], n.message])).toEqual([
      [1, 'inbound IKEv1 aggressive mode is disabled (am-disable)'],
      [2, 'the ASA sends its hostname as IKE identity, not its address'],
      [3, 'NAT traversal is disabled for IKEv1'],
    ]);
    expect(peer.unread).toBe(1);
  });
});

describe('ASA: crypto map structure', () => {
  it('notes an incomplete static entry (seed 001 line 587 alone)', () => {
    const peer = parse('crypto map outside_map 20 set pfs\n');
    expect(noteAt(peer, 1)).toContain(
      'crypto map outside_map 20 is incomplete in the input (missing set peer, match address, a transform set / IPsec proposal); the ASA does not use an incomplete entry',
    );
  });

  it('lists a dynamic map used by two crypto maps once, applied to both interfaces', () => {
    const peer = parse(
      [
        'crypto dynamic-map DYN 5 set ikev1 transform-set TS',
        'crypto map OUT1 65535 ipsec-isakmp dynamic DYN',
        'crypto map OUT2 65535 ipsec-isakmp dynamic DYN',
        'crypto map OUT1 interface outside',
        'crypto map OUT2 interface backup',
      ].join('\n'),
    );
    expect(peer.connections).toHaveLength(1);
    expect(peer.connections[0]).toMatchObject({
      name: 'DYN 5',
      kind: 'dynamic-map',
      sequence: 5,
      appliedTo: ['outside', 'backup'],
      lines: [1, 2, 3, 4, 5],
    });
  });
});

describe('ASA: object NAT order', () => {
  const text = [
    'object network ALL',
    ' subnet 0.0.0.0 0.0.0.0',
    ' nat (inside,outside) dynamic interface',
    'object network LAN',
    ' subnet 10.1.1.0 255.255.255.0',
    ' nat (inside,outside) dynamic interface',
    'object network WEB',
    ' host 10.1.1.10',
    ' nat (inside,outside) static 203.0.113.10',
    'object network SELF',
    ' host 10.1.1.20',
    ' nat (inside,outside) static SELF',
    'nat (inside,outside) after-auto source dynamic any interface',
    'nat (inside,outside) source static LAN LAN',
  ].join('\n');

  it('is manual NAT, then static before dynamic and smaller before larger, then after-auto', () => {
    expect(parse(text).nat.map((n) => [n.kind, n.lines[0]])).toEqual([
      ['exempt', 14],
      ['translate', 9],
      ['exempt', 12],
      ['translate', 6],
      ['translate', 3],
      ['translate', 13],
    ]);
  });
});

describe('ASA: robustness', () => {
  it('reads CRLF and tab-indented text like the original', () => {
    const text = fixture('asa9-ikev1-l2l-twice-nat');
    const crlf = text.replace(/\n/g, '\r\n').replace(/^ /gm, '\t');
    expect(parse(crlf)).toEqual(parse(text));
  });

  it('skips the pager prompt, alone or run into the next line', () => {
    const text = [
      'crypto ikev1 policy 10',
      ' encryption aes-256',
      '<--- More --->',
      '<--- More --->              hash sha',
      '<--- More --->              crypto map M 1 set peer 192.0.2.1',
    ].join('\n');
    const peer = parse(text);
    expect(peer.ikeProposals[0]).toMatchObject({ integrity: ['sha1'], lines: [1, 2, 4] });
    expect(peer.connections[0]).toMatchObject({ peers: ['192.0.2.1'], lines: [5] });
    expect(peer.unread).toBe(0);
  });

  it('returns an empty model for empty input', () => {
    expect(parse('')).toMatchObject({
      platform: 'cisco-asa',
      connections: [],
      notes: [],
      unread: 0,
    });
    expect(ASA_CONFIG.sniff('')).toBe(0);
  });

  it('never throws on truncated or odd statements', () => {
    const odd = [
      'crypto map',
      'crypto map M',
      'crypto map M x set peer',
      'crypto map M 1 set security-association lifetime seconds',
      'crypto dynamic-map D 1 set pfs group99999',
      'nat (inside,outside) source static',
      'nat (inside,outside) source static NOPE NOPE destination static',
      'nat (inside) 1 access-list',
      'static (inside,outside)',
      'access-list A extended permit ip object-group',
      'access-list A extended permit tcp any host',
      'object-group network G',
      ' group-object G',
      'tunnel-group T ipsec-attributes',
      ' ikev1 pre-shared-key',
      ' ikev2 local-authentication pre-shared-key hex zz',
      'crypto ikev1 policy',
      'crypto ikev2 policy 1',
      ' lifetime seconds',
      'isakmp key address',
      'route outside 0 0',
      'interface',
      ' ip address 1.2.3.4 255.0.255.0',
    ].join('\n');
    const peer = parse(odd);
    expect(peer.platform).toBe('cisco-asa');
    expect(peer.connections.length).toBeGreaterThan(0);
  });

  it('keeps a key out of every note, even when its line is not understood', () => {
    const peer = parse(
      'tunnel-group 192.0.2.9 ipsec-attributes\n ikev2 local-authentication pre-shared-key hex Zebra-Secret\n',
    );
    expect(JSON.stringify(peer)).not.toContain('Zebra-Secret');
    expect(noteAt(peer, 2)).toHaveLength(1);
  });

  it('stays fast on a pathological paste', () => {
    const long = `access-list A extended permit ip ${'host 10.0.0.1 '.repeat(8000)}`;
    const many = Array.from(
      { length: 20000 },
      (_, i) => `crypto map M ${i} set peer 192.0.2.1`,
    ).join('\n');
    const spaces = `${' '.repeat(100_000)}x\n`.repeat(3);
    const start = Date.now();
    parse(long);
    parse(many);
    parse(spaces);
    ASA_CONFIG.sniff(long + many + spaces);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});

describe('rangeToPrefixes', () => {
  const n = (a: string): number => ipv4ToNumber(a) ?? -1;

  it('covers a range with the fewest prefixes', () => {
    expect(rangeToPrefixes(n('10.30.1.10'), n('10.30.1.20'))).toEqual([
      '10.30.1.10/31',
      '10.30.1.12/30',
      '10.30.1.16/30',
      '10.30.1.20/32',
    ]);
    expect(rangeToPrefixes(n('0.0.0.0'), n('255.255.255.255'))).toEqual(['any']);
    expect(rangeToPrefixes(n('192.0.2.0'), n('192.0.2.255'))).toEqual(['192.0.2.0/24']);
  });
});
