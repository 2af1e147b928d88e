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
});
