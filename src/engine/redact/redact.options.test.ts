/**
 * Redaction options (addresses, host names, one redactor across several texts) and regressions
 * of single lines. The per-platform fixtures are in `redact.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { createRedactor, redact } from './index.ts';

describe('addresses and host names', () => {
  it('are kept unless asked for', () => {
    const out = redact('crypto isakmp key cisco123 address 203.0.113.5\nhostname R1').text;
    expect(out).toBe('crypto isakmp key <psk> address 203.0.113.5\nhostname R1');
  });

  it('get the same placeholder everywhere, across two calls of one redactor', () => {
    const redactor = createRedactor({ addresses: true, hostnames: true });
    const config = redactor.redact(
      'hostname R1\ncrypto isakmp key cisco123 address 203.0.113.5\nR1#show crypto isakmp sa',
    );
    const debug = redactor.redact(
      'Apr 01 15:11:47 [IKEv1]: Group = 203.0.113.5, IP = 203.0.113.5, PHASE 1 COMPLETED\nR1#',
    );
    expect(config.text).toBe(
      'hostname <host-1>\ncrypto isakmp key <psk> address <ip-1>\n<host-1>#show crypto isakmp sa',
    );
    expect(debug.text).toBe(
      'Apr 01 15:11:47 [IKEv1]: Group = <ip-1>, IP = <ip-1>, PHASE 1 COMPLETED\n<host-1>#',
    );
  });

  it('mask addresses inside prefixes, ports and brackets, and IPv6', () => {
    const { text } = redact(
      '10.1.1.0/24 10.5.18.8->10.5.17.111:500. 192.0.2.10[4500] 2001:DB8::3 fe80::23:2',
      { addresses: true },
    );
    expect(text).toBe('<ip-1>/24 <ip-2>-><ip-3>:500. <ip-4>[4500] <ip-5> <ip-6>');
  });

  it('keep masks, wildcards, 0.0.0.0, versions, times and ::/0', () => {
    const line =
      'ip address 0.0.0.0 255.255.255.0 0.0.0.255 ASA Version 9.16(4) IOS 15.3.2 10:04:24.826 address ipv6 ::/0';
    expect(redact(line, { addresses: true }).text).toBe(line);
  });

  it('mask FQDNs in identities and text, not file names', () => {
    const { text } = redact(
      " match identity host r2.example.com\nleftid=@vpn.example.com\nIKEv2:Get peer's preshared key for flexclient.cisco.com\n: RSA moonKey.pem",
      { hostnames: true },
    );
    expect(text).toBe(
      " match identity host <host-1>\nleftid=@<host-2>\nIKEv2:Get peer's preshared key for <host-3>\n: RSA moonKey.pem",
    );
  });
});

describe('regressions', () => {
  it('a GRE tunnel key is not a secret', () => {
    expect(redact(' tunnel key 4711').text).toBe(' tunnel key 4711');
  });

  it('Junos "authentication-method pre-shared-keys;" names a method, not a key', () => {
    const line = '            authentication-method pre-shared-keys;';
    expect(redact(line).text).toBe(line);
  });

  it('a key chain "key 1" is a key number', () => {
    const text = 'key chain K\n key 1\n  key-string 7 13061E0108';
    expect(redact(text).text).toBe('key chain K\n key 1\n  key-string 7 <secret>');
  });

  it('an unclosed quote takes the rest of the line with it', () => {
    expect(redact('set psksecret "abc def').text).toBe('set psksecret <psk>');
    expect(redact('crypto isakmp key "a b address 10.0.0.2').text).toBe('crypto isakmp key <psk>');
  });

  it('"total length : 92" after a hex dump is not part of it', () => {
    const text =
      '  Payload Hash\n    Data:\n      5d 41 40 2a bc 4b 2a 76\nlen : total length : 92';
    expect(redact(text).text).toBe(
      '  Payload Hash\n    Data:\n      <key-material>\nlen : total length : 92',
    );
  });

  it('a secret that starts like a prompt ("#", ">") is still a secret', () => {
    const text =
      'aaa-server ISE (inside) host 10.1.50.5\n key # Not a prompt\npasswd #abcd1234 encrypted';
    expect(redact(text).text).toBe(
      'aaa-server ISE (inside) host 10.1.50.5\n key <secret>\npasswd <secret> encrypted',
    );
  });

  it('terminal colour codes before a statement do not hide it', () => {
    expect(redact('\u001b[0m crypto isakmp key s3cr3t address 10.0.0.2').text).toBe(
      '\u001b[0m crypto isakmp key <psk> address 10.0.0.2',
    );
  });

  it('IOS debug lines that only name key material stay as they are', () => {
    const text = [
      '*Jun 19 10:04:24.838: ISAKMP:(1011):SKEYID state generated',
      '*Jun 19 10:04:24.838: ISAKMP:(1011):processing NONCE payload. message ID = 0',
      '*Jun 19 10:04:24.838: ISAKMP:(0):found peer pre-shared key matching 192.168.0.2',
      ' next-payload : 8',
      ' length       : 12',
    ].join('\n');
    expect(redact(text).text).toBe(text);
  });

  it('keeps CRLF and CR line breaks', () => {
    const text = 'crypto isakmp key abc123 address 10.0.0.2\r\nend\rR1#';
    expect(redact(text).text).toBe('crypto isakmp key <psk> address 10.0.0.2\r\nend\rR1#');
  });

  it('reports the original columns', () => {
    const { redactions } = redact('x\n  pre-shared-key local 6 FLgBaJHX');
    expect(redactions).toEqual([
      { line: 2, start: 25, end: 33, kind: 'pre-shared-key', replacement: '<psk>' },
    ]);
  });
});
