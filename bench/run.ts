/**
 * `npm run bench`: parse + classify throughput on generated pastes of realistic device output,
 * against a floor measured in the same run (reading the text and testing one regex per line),
 * peak memory, and CLI cold start. Prints a Markdown table for the README.
 *
 * Pastes are built by repeating the project's fixtures (debugs, show output, syslog of every
 * vendor) until the size is reached, so the mix is what engineers paste, not one line repeated.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFixtures } from '../fixtures/load.ts';
import { diagnose } from '../src/engine/diagnose.ts';

const MB = 1024 * 1024;
const SIZES = (process.env.BENCH_SIZES ?? '1,10,50').split(',').map(Number);

function buildPaste(bytes: number): string {
  const parts = listFixtures().map((f) => f.txt);
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

function time<T>(fn: () => T, runs: number): { ms: number; value: T } {
  let best = Infinity;
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, value: value as T };
}

const rows: string[] = [];
for (const mb of SIZES) {
  const text = buildPaste(mb * MB);
  const runs = mb <= 1 ? 5 : mb <= 10 ? 3 : 1;
  const f = time(() => floor(text), runs);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const probe = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const d = time(() => diagnose(text), runs);
  clearInterval(probe);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const first = d.value.findings[0]?.diagnosis ?? '(none)';
  rows.push(
    `| ${mb} MB | ${f.ms.toFixed(0)} ms | ${d.ms.toFixed(0)} ms | ${(mb / (d.ms / 1000)).toFixed(1)} MB/s | ${(d.ms / f.ms).toFixed(1)}× | ${((peak - heapBefore) / MB).toFixed(0)} MB (${((peak - heapBefore) / (mb * MB)).toFixed(1)}× input) | ${first} |`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'bench-'));
const small = join(dir, 'case.txt');
writeFileSync(small, buildPaste(100 * 1024));
const cold: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'diagnose', small], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
  cold.push(performance.now() - t);
}

console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`,
);
console.log(
  '| paste | floor (split + 1 regex/line) | parse + classify | throughput | vs floor | peak heap growth | first finding |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(
  `\nCLI cold start (\`npm run --silent cli -- diagnose\` on 100 KB, best of 3): ${Math.min(...cold).toFixed(0)} ms`,
);
