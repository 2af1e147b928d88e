import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, type Proc } from './main.ts';

const RETRANSMIT = [
  'IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet [To 10.10.10.1:500/From 10.10.20.3:500/VRF i0:f0]',
  'Initiator SPI : 502A6C10FFD6F8BC - Responder SPI : 0000000000000000 Message id: 0',
  'IKEv2 IKE_SA_INIT Exchange REQUEST',
  'IKEv2:(SESSION ID = 1,SA ID = 1):Retransmitting packet',
].join('\n');

function fake(argv: string[], files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const proc: Proc = {
    argv,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    readStdin: async () => stdin,
    readFile: async (path) => {
      const v = files[path];
      if (v === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return v;
    },
  };
  return { proc, out, err };
}

describe('cli main', () => {
  it('diagnoses a file', async () => {
    const { proc, out } = fake(['diagnose', 'case.txt'], { 'case.txt': RETRANSMIT });
    expect(await main(proc)).toBe(0);
    const result = JSON.parse(out.join(''));
    expect(result.findings[0].diagnosis).toBe('ip.peer-unreachable');
    expect(result.findings[0].evidence).toContainEqual({
      line: 4,
      text: 'IKEv2:(SESSION ID = 1,SA ID = 1):Retransmitting packet',
    });
    expect(result.inputs[0]).toMatchObject({
      format: 'cisco-ios-debug-crypto-ikev2',
      firstLine: 1,
      lastLine: 4,
    });
  });

  it('reads stdin for -', async () => {
    const { proc, out } = fake(['parse', '-'], {}, RETRANSMIT);
    expect(await main(proc)).toBe(0);
    const result = JSON.parse(out.join(''));
    expect(result.facts.signal).toContainEqual(
      expect.objectContaining({ signal: 'ike.retransmit', exchange: 'IKE_SA_INIT' }),
    );
  });

  it('answers unreadable text with no findings and says which lines were not understood', async () => {
    const { proc, out } = fake(['diagnose', '-'], {}, 'hello\nworld');
    expect(await main(proc)).toBe(0);
    const result = JSON.parse(out.join(''));
    expect(result.findings).toEqual([]);
    expect(result.inputs).toEqual([
      { format: 'unrecognized', firstLine: 1, lastLine: 2, lines: [1, 2] },
    ]);
  });

  it('gives one line on stderr and status 2 for an unreadable file', async () => {
    const { proc, out, err } = fake(['diagnose', 'missing.txt']);
    expect(await main(proc)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('').trim().split('\n')).toHaveLength(1);
    expect(err.join('')).toContain('missing.txt');
  });

  it('gives usage and status 2 for an unknown command', async () => {
    const { proc, err } = fake(['frobnicate']);
    expect(await main(proc)).toBe(2);
    expect(err.join('')).toContain('usage');
  });

  it('prints the knowledge base', async () => {
    const { proc, out } = fake(['kb']);
    expect(await main(proc)).toBe(0);
    const kb = JSON.parse(out.join(''));
    expect(kb.root).toBe('setup.q.platform');
    expect(kb.nodes.length).toBeGreaterThan(0);
  });

  const KEYED = [
    'crypto isakmp key Sup3rS3cret! address 192.168.0.2',
    'crypto keyring KR1',
    ' pre-shared-key address 192.168.0.2 key An0ther-K3y',
    readFileSync(
      new URL(
        '../../../fixtures/cisco_ios/debug_crypto_isakmp/reserved-not-zero.txt',
        import.meta.url,
      ),
      'utf8',
    ),
  ].join('\n');

  it('redacts every key and keeps the line count', async () => {
    const { proc, out } = fake(['redact', 'p.txt'], { 'p.txt': KEYED });
    expect(await main(proc)).toBe(0);
    const text = out.join('');
    expect(text).not.toContain('Sup3rS3cret!');
    expect(text).not.toContain('An0ther-K3y');
    expect(text).toContain('crypto isakmp key <psk> address 192.168.0.2');
    expect(text.split('\n')).toHaveLength(KEYED.split('\n').length);
  });

  it('masks addresses on request', async () => {
    const { proc, out } = fake(['redact', '-', '--mask-addresses'], {}, KEYED);
    expect(await main(proc)).toBe(0);
    expect(out.join('')).not.toContain('192.168.0.2');
    expect(out.join('')).toContain('<ip-1>');
  });

  it('writes the case report as Markdown or HTML, redacted', async () => {
    for (const args of [
      ['report', 'p.txt'],
      ['report', 'p.txt', '--html'],
    ]) {
      const { proc, out } = fake(args, { 'p.txt': KEYED });
      expect(await main(proc)).toBe(0);
      const text = out.join('');
      expect(text).toContain('auth.psk-mismatch');
      expect(text).not.toContain('Sup3rS3cret!');
      expect(text).not.toContain('An0ther-K3y');
      if (args.includes('--html')) expect(text).toMatch(/^<!doctype html>/);
      else expect(text).toMatch(/^# IPsec Triage case: /);
    }
  });

  it('compares two configurations and names the unreadable side', async () => {
    const dir = '../../../fixtures/compare/asa-gmac-pfs-vs-ios-gcm/';
    const files = {
      'a.cfg': readFileSync(new URL(`${dir}a.cfg`, import.meta.url), 'utf8'),
      'b.cfg': readFileSync(new URL(`${dir}b.cfg`, import.meta.url), 'utf8'),
      'junk.txt': 'hello world',
    };
    const ok = fake(['compare', 'a.cfg', 'b.cfg'], files);
    expect(await main(ok.proc)).toBe(0);
    const result = JSON.parse(ok.out.join('')) as {
      peers: { platform: string }[];
      findings: { diagnosis: string; severity: string; a: number[]; b: number[]; fix: string }[];
    };
    expect(result.peers.map((p) => p.platform)).toEqual(['cisco-asa', 'cisco-ios']);
    const ids = result.findings.filter((f) => f.severity === 'error').map((f) => f.diagnosis);
    expect(ids).toEqual(expect.arrayContaining(['ipsec.transform-mismatch', 'ipsec.pfs-mismatch']));
    const bad = fake(['compare', 'a.cfg', 'junk.txt'], files);
    expect(await main(bad.proc)).toBe(2);
    expect(bad.err.join('')).toMatch(/^junk\.txt: /);
  });
});
