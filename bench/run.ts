/**
 * `npm run bench`: parse + classify throughput on generated pastes of realistic device output,
 * against a floor measured in the same run (reading the text and testing one regex per line),
 * peak memory, and CLI cold start. Prints Markdown tables for the README.
 *
 * Two kinds of paste, built by repeating the project's fixtures until the size is reached:
 * - `mixed`: every fixture of every vendor (debugs, show output, syslog) — every parser has work;
 * - `asa-debug`: the ASA `debug crypto ikev1/ikev2/ipsec` and syslog fixtures — one long capture
 *   from one box, what an engineer pastes at 3 a.m.
 *
 * Each size runs in a child process of its own, so the memory figure is that process's true peak
 * (resident set high-water mark) over its baseline, not a sample taken between runs.
 */
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFixtures } from '../fixtures/load.ts';
import { diagnose } from '../src/engine/diagnose.ts';

const MB = 1024 * 1024;
const SIZES = (process.env.BENCH_SIZES ?? '1,10,50').split(',').map(Number);
const KINDS = ['mixed', 'asa-debug'] as const;
type Kind = (typeof KINDS)[number];

const ASA_CAPTURE = /^cisco_asa\/(?:debug_crypto_|syslog)/;

function buildPaste(bytes: number, kind: Kind): string {
  const parts = listFixtures()
    .filter((f) => kind === 'mixed' || ASA_CAPTURE.test(f.name))
    .map((f) => f.txt);
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = parts[i % parts.length] ?? '';
    out.push(p);
    size += p.length + 1;
  }
  return out.join('\n').slice(0, bytes);
}

// The floor: what any line-oriented reader must pay (split the text, test one regex per line).
const FLOOR_RE = /IKEv2|ISAKMP|%CRYPTO|\[IKEv1\]/;
function floor(text: string): number {
  let hits = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (FLOOR_RE.test(line)) hits++;
  return hits;
}

function best<T>(fn: () => T, runs: number): { ms: number; value: T } {
  let ms = Infinity;
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, value: value as T };
}

interface Measure {
  readonly mb: number;
  readonly kind: Kind;
  readonly floorMs: number;
  readonly ms: number;
  readonly peakMb: number;
  readonly first: string;
}

/** One paste (read from `file`), in this (child) process: nothing big was allocated before it. */
function measure(file: string, mb: number, kind: Kind): Measure {
  const text = readFileSync(file, 'utf8');
  const runs = mb <= 1 ? 5 : mb <= 10 ? 3 : 1;
  diagnose(text.slice(0, 200_000)); // warm the parsers' code paths once
  const f = best(() => floor(text), runs);
  // Memory first, from one run: the resident set's high-water mark over the baseline after a GC.
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  diagnose(text);
  const peak = process.resourceUsage().maxRSS * 1024; // bytes
  const d = best(() => diagnose(text), runs);
  return {
    mb,
    kind,
    floorMs: f.ms,
    ms: d.ms,
    peakMb: Math.max(0, peak - baseline) / MB,
    first: d.value.findings[0]?.diagnosis ?? '(none)',
  };
}

function child(mb: number, kind: Kind): Measure {
  const self = fileURLToPath(import.meta.url);
  const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'paste.txt');
  writeFileSync(file, buildPaste(mb * MB, kind), 'utf8');
  const r = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      '--import',
      'tsx',
      self,
      '--one',
      file,
      String(mb),
      kind,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  rmSync(dirname(file), { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Measure;
}

function coldStart(): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const small = join(dir, 'case.txt');
  writeFileSync(small, buildPaste(100 * 1024, 'mixed'));
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'diagnose', small], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
    times.push(performance.now() - t);
  }
  return Math.min(...times);
}

function row(m: Measure): string {
  const memory = `${m.peakMb.toFixed(0)} MB (${(m.peakMb / m.mb).toFixed(1)}× input)`;
  return `| ${m.kind} | ${m.mb} MB | ${m.floorMs.toFixed(0)} ms | ${m.ms.toFixed(0)} ms | ${(m.mb / (m.ms / 1000)).toFixed(1)} MB/s | ${(m.ms / m.floorMs).toFixed(1)}× | ${memory} | ${m.first} |`;
}

function main(): void {
  const one = process.argv.indexOf('--one');
  if (one >= 0) {
    const [file = '', mb = '1', kind = 'mixed'] = process.argv.slice(one + 1);
    console.log(JSON.stringify(measure(file, Number(mb), kind as Kind)));
    return;
  }
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`,
  );
  console.log(
    '| paste | size | floor (split + 1 regex/line) | parse + classify | throughput | vs floor | peak memory growth | first finding |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const kind of KINDS) for (const mb of SIZES) console.log(row(child(mb, kind)));
  console.log(
    `\nCLI cold start (\`npm run --silent cli -- diagnose\` on 100 KB, best of 3): ${coldStart().toFixed(0)} ms`,
  );
}

main();
