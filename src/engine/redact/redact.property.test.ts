/**
 * Property tests of redaction: for arbitrary secrets in every form the platforms write them,
 * surrounded by arbitrary other output, the secret never survives; and for arbitrary text the
 * redactor never throws, keeps the line count, is idempotent and runs in linear time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, type RedactOptions } from './index.ts';

/** How a template writes the secret. */
type Form =
  /** As one unquoted word: no blanks. */
  | 'word'
  /** Inside double quotes, `"` and `\` escaped with a backslash. */
  | 'quoted'
  /** As the rest of the line: anything but a line break. */
  | 'rest'
  /** As XML element text: `&`, `<`, `>` escaped. */
  | 'xml'
  /** Hex digits only (keys the kernel prints). */
  | 'hex';

interface Template {
  form: Form;
  /** The lines with `{S}` where the secret goes. */
  text: string;
}

const T = (form: Form, text: string): Template => ({ form, text });

// Every form named in the redaction issue, per platform.
const TEMPLATES: readonly Template[] = [
  // Cisco IOS / IOS-XE
  T('word', 'crypto isakmp key {S} address 203.0.113.5'),
  T('word', 'crypto isakmp key 6 {S} hostname peer.example.com no-xauth'),
  T('word', 'R1(config)#crypto isakmp key 0 {S} address 10.0.0.2'),
  T('word', 'crypto keyring KR\n pre-shared-key address 192.168.0.2 key {S}'),
  T('word', ' pre-shared-key address 10.0.0.0 255.0.0.0 key {S}'),
  T('word', ' pre-shared-key hostname r2.example.com key 7 {S}'),
  T('word', 'crypto ikev2 keyring KR\n peer A\n  address 10.10.10.1\n  pre-shared-key {S}'),
  T('word', '  pre-shared-key local 6 {S}'),
  T('word', '  pre-shared-key remote {S}'),
  T('word', '  pre-shared-key hex {S}'),
  T('word', ' authentication local pre-share key {S}'),
  T('rest', 'key chain K\n key 1\n  key-string {S}'),
  T('word', 'enable secret 9 {S}'),
  T('word', 'enable password {S} encrypted'),
  T('word', 'username admin privilege 15 secret 9 {S}'),
  T('word', 'username admin password {S} encrypted privilege 15'),
  T('word', 'snmp-server community {S} RO 10'),
  T('word', 'snmp-server host inside 10.1.1.1 community {S} version 2c'),
  T('word', 'snmp-server host 10.1.1.1 version 2c {S}'),
  T('rest', 'radius-server key {S}'),
  T('rest', 'radius server ISE\n address ipv4 10.1.1.5 auth-port 1812 acct-port 1813\n key 7 {S}'),
  T('rest', 'tacacs-server key {S}'),
  T('rest', ' key 7 {S}'),
  T('rest', ' ip ospf authentication-key {S}'),
  T('rest', ' ip ospf message-digest-key 1 md5 7 {S}'),
  T('word', 'ntp authentication-key 1 md5 {S} 7'),
  T('rest', ' neighbor 10.0.0.2 password 7 {S}'),
  T('word', 'line vty 0 4\n password 7 {S}'),
  T(
    'word',
    '*Mar  1 00:00:01: %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:crypto isakmp key {S} address 10.0.0.2',
  ),
  T('word', 'crypto isakmp client configuration group EZ\n key {S}'),
  // Cisco ASA
  T('word', 'tunnel-group 10.0.0.2 ipsec-attributes\n ikev1 pre-shared-key {S}'),
  T('word', ' ikev2 remote-authentication pre-shared-key {S}'),
  T('word', ' ikev2 local-authentication pre-shared-key {S}'),
  T('word', ' pre-shared-key {S}'),
  T('word', 'isakmp key {S} address 10.1.1.1 netmask 255.255.255.255'),
  T('word', 'passwd {S} encrypted'),
  T('rest', 'aaa-server ISE (inside) host 10.1.1.5\n key {S}'),
  T('word', 'snmp-server community {S}'),
  // FortiGate
  T('quoted', 'config vpn ipsec phase1-interface\n    edit "p1"\n        set psksecret "{S}"'),
  T('rest', '        set psksecret ENC {S}'),
  T('quoted', '        set psksecret-remote "{S}"'),
  T('rest', '        set password ENC {S}'),
  T('quoted', '        set passwd "{S}"'),
  T('quoted', 'config user radius\n    edit "ISE"\n        set secret "{S}"'),
  T('quoted', 'config system snmp community\n    edit 1\n        set name "{S}"'),
  // strongSwan / libreswan
  T('quoted', 'moon.strongswan.org sun.strongswan.org : PSK "{S}"'),
  T('rest', ': PSK 0s{S}'),
  T('rest', '%any 10.0.0.2 : PSK 0x{S}'),
  T('quoted', ': RSA moonKey.pem "{S}"'),
  T('quoted', ': XAUTH john "{S}"'),
  T('quoted', 'carol@strongswan.org : EAP "{S}"'),
  T('quoted', 'secrets {\n    ike-1 {\n        secret = "{S}"'),
  T('rest', '        secret = {S}'),
  T('hex', '\tenc cbc(aes) 0x{S}'),
  T('hex', '\tauth-trunc hmac(sha256) 0x{S} 128'),
  // Junos
  T('quoted', '            pre-shared-key ascii-text "{S}"; ## SECRET-DATA'),
  T('quoted', 'set security ike policy P pre-shared-key hexadecimal-text "{S}"'),
  T('quoted', '            secret "{S}"; ## SECRET-DATA'),
  T('quoted', 'set system radius-server 10.1.1.5 secret "{S}"'),
  T('quoted', '                    authentication-key "{S}"; ## SECRET-DATA'),
  T('quoted', 'snmp {\n    community "{S}" {'),
  // PAN-OS
  T('xml', '                  <key>{S}</key>'),
  T('quoted', 'set network ike gateway GW authentication pre-shared-key key "{S}"'),
  T('quoted', 'pre-shared-key {\n  key "{S}";'),
  T('xml', '        <phash>{S}</phash>'),
];

const NEUTRAL = 'Zq9xNeutral';
const LINE_BREAK = /[\r\n]/;
const BLANK = /\s/;

function embed(template: Template, secret: string): string {
  switch (template.form) {
    case 'word':
    case 'rest':
    case 'hex':
      return template.text.replace('{S}', () => secret);
    case 'quoted':
      return template.text.replace('{S}', () => secret.replace(/[\\"]/g, (c) => `\\${c}`));
    case 'xml':
      return template.text.replace('{S}', () =>
        secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      );
  }
}

/** Characters of every kind: printable, quotes, backslashes, Unicode, control characters. */
const anyChar = fc.oneof(
  fc.constantFrom('"', '\\', "'", ';', '<', '>', '$', '#', '!', '*', ' ', '\t', '=', ':', '{', '}'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const rawSecret = fc.array(anyChar, { minLength: 4, maxLength: 40 }).map((a) => a.join(''));
const hexSecret = fc.string({
  unit: fc.constantFrom(...'0123456789abcdef'),
  minLength: 8,
  maxLength: 64,
});
const templateAndSecret = fc
  .constantFrom(...TEMPLATES)
  .chain((t) => fc.tuple(fc.constant(t), t.form === 'hex' ? hexSecret : rawSecret));

// Lines from the fixtures, so the noise around a secret looks like real output too.
const FIXTURE_DIR = new URL('../../../fixtures/redact/', import.meta.url);
const FIXTURE_LINES = readdirSync(FIXTURE_DIR).flatMap((f) =>
  readFileSync(new URL(f, FIXTURE_DIR), 'utf8').split(/\r\n|\r|\n/),
);
const noiseLine = fc.oneof(
  fc.constantFrom(...FIXTURE_LINES),
  fc.string({ unit: 'binary', maxLength: 80 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
);
const noise = fc.array(noiseLine, { maxLength: 6 });

function fits(form: Form, secret: string): boolean {
  if (LINE_BREAK.test(secret)) return false;
  if (form === 'word' && [...secret].some((c) => BLANK.test(c))) return false;
  // A value of stars only is what the ASA prints for a key it already masked.
  return !/^\*+$/.test(secret.trim());
}

describe('redaction properties', () => {
  it('no secret survives, in any form, among any other lines', () => {
    fc.assert(
      fc.property(
        templateAndSecret,
        noise,
        noise,
        fc.boolean(),
        ([template, secret], before, after, masks) => {
          fc.pre(fits(template.form, secret));
          const lines = (s: string) => [...before, embed(template, s), ...after].join('\n');
          const input = lines(secret);
          const options: RedactOptions = { addresses: masks, hostnames: masks };
          // The secret must not be part of the text around it, nor of what the redactor writes
          // there anyway (placeholders and the text next to them).
          fc.pre(!lines('').includes(secret));
          fc.pre(!redact(lines(NEUTRAL), options).text.includes(secret));
          expect(redact(input, options).text).not.toContain(secret);
        },
      ),
      { numRuns: 3000 },
    );
  });

  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.array(noiseLine, { maxLength: 20 }).map((l) => l.join('\n')),
    fc
      .tuple(fc.constantFrom(...TEMPLATES), rawSecret, noise)
      .map(([t, s, n]) => [...n, embed(t, s), ...n].join('\r\n')),
  );
  const anyOptions = fc.record({ addresses: fc.boolean(), hostnames: fc.boolean() });

  it('never throws and keeps the line count', () => {
    fc.assert(
      fc.property(anyText, anyOptions, (text, options) => {
        const out = redact(text, options).text;
        expect(out.split(/\r\n|\r|\n/)).toHaveLength(text.split(/\r\n|\r|\n/).length);
      }),
      { numRuns: 1500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, anyOptions, (text, options) => {
        const once = redact(text, options).text;
        expect(redact(once, options).text).toBe(once);
      }),
      { numRuns: 1500 },
    );
  });

  it('is idempotent when a masked host name becomes a prompt under a key table (found by the fuzzer)', () => {
    const text = 'Keyring Hostname/Address Preshared Key\nFGT-HQ # diagnose debug enable';
    const options = { addresses: false, hostnames: true };
    const once = redact(text, options).text;
    expect(once).toBe('Keyring Hostname/Address Preshared Key\n<host-1> # diagnose debug enable');
    expect(redact(once, options).text).toBe(once);
  });

  it('copes with control characters and huge lines', () => {
    const huge = [
      'x'.repeat(200_000),
      ' '.repeat(100_000) + 'crypto isakmp key abc123 address 10.0.0.2',
      `set psksecret "${'\\"'.repeat(50_000)}`,
      'a.'.repeat(60_000),
      '1.'.repeat(60_000),
      ':'.repeat(100_000),
      `${'ab '.repeat(40_000)}`,
      `\u0000\u0001\u0007\u001b[0m\u200b\ufeff crypto isakmp key s3cr3t address 10.0.0.2`,
      `Sk_d secret => 32 bytes @ 0x1\n${'   0: 8F 06 6A 4D\n'.repeat(20_000)}`,
      // Shapes that made early versions quadratic.
      '$9$'.repeat(40_000),
      `${'<key>'.repeat(20_000)}</x>`,
      `key=1${' '.repeat(100_000)}`,
      `snmp-server host ${'1 '.repeat(50_000)}`,
      `## SECRET-DATA ${'"a" '.repeat(25_000)}`,
    ];
    const started = performance.now();
    for (const text of huge) {
      const out = redact(text, { addresses: true, hostnames: true }).text;
      expect(out.split(/\r\n|\r|\n/)).toHaveLength(text.split(/\r\n|\r|\n/).length);
    }
    expect(performance.now() - started).toBeLessThan(5000);
    expect(redact(huge[1] ?? '').text).not.toContain('abc123');
    expect(redact(huge[7] ?? '').text).not.toContain('s3cr3t');
  });

  it('redacts 1 MB in well under the bound', () => {
    const block = FIXTURE_LINES.join('\n');
    const text = block.repeat(Math.ceil(1_000_000 / block.length));
    const started = performance.now();
    const out = redact(text, { addresses: true, hostnames: true });
    const elapsed = performance.now() - started;
    expect(out.text).not.toContain('P@ssword123');
    // A sanity bound only (two shared cores): the real cost is a fraction of it.
    expect(elapsed).toBeLessThan(5000);
  });
});
