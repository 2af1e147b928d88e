/**
 * Fuzzing every registered parser, `parsePaste` and `diagnose` (issue 7, item 3): arbitrary and
 * mutated input never throws and gives well-formed output, and time grows linearly with the
 * input. Bounded to well under a minute on two shared cores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFixtures } from '../../../fixtures/load.ts';
import { diagnose } from '../diagnose.ts';
import { toLines } from '../parse/lines.ts';
import { parsePaste } from '../parse/run.ts';
import type { Parser } from '../parse/types.ts';
import { PARSERS } from '../parsers/registry.ts';
import {
  deviceLikeText,
  hostileText,
  hugeLine,
  HUGE_UNITS,
  mutateAll,
  mutation,
  lineCount,
} from './arbitraries.ts';
import { diagnosisProblems, parsedProblems, parseResultProblems } from './wellformed.ts';

const FIXTURES = listFixtures();
const CORPUS_LINES = [
  ...new Set(FIXTURES.flatMap((f) => f.txt.split(/\r\n|\r|\n/)).filter((l) => l.trim() !== '')),
];

const repeat = (text: string, k: number): string =>
  Array.from({ length: k }, () => text).join('\n');

/** Runs one parser as `parsePaste` would, and also `parse` without `detect` (it must hold anyway). */
function runParser(p: Parser, text: string): string[] {
  const lines = toLines(text);
  const detected = p.detect(lines);
  if (typeof detected !== 'boolean') return [`${p.id}: detect gave ${typeof detected}`];
  return parseResultProblems(p.parse(lines), lines.length, p.id);
}

/** Every check at once: each parser alone, the whole run and the diagnosis. */
function problemsOf(text: string): string[] {
  const count = lineCount(text);
  const raw = toLines(text).map((l) => l.raw);
  return [
    ...PARSERS.flatMap((p) => runParser(p, text)),
    ...parsedProblems(parsePaste(text, PARSERS), count),
    ...diagnosisProblems(diagnose(text), raw),
  ];
}

describe('every parser, parsePaste and diagnose on arbitrary text', () => {
  it('has parsers and fixtures to fuzz', () => {
    expect(PARSERS.length).toBeGreaterThan(30);
    expect(FIXTURES.length).toBeGreaterThan(100);
  });

  it('never throw and stay well-formed on hostile characters', () => {
    fc.assert(
      fc.property(hostileText(300), (text) => {
        expect(problemsOf(text)).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it('never throw and stay well-formed on device lines mixed with junk', () => {
    fc.assert(
      fc.property(deviceLikeText(CORPUS_LINES, 60), (text) => {
        expect(problemsOf(text)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['empty', ''],
    ['one line break', '\n'],
    ['CR only', '\r\r\r'],
    ['NUL bytes', '\0\0\0\n\0'],
    ['lone surrogates', '\ud800\udc00\udfff\ud800'],
    ['a BOM and zero-width spaces', '\ufeff\u200b\u200b\n\u200b'],
  ])('handles %s', (_name, text) => {
    expect(problemsOf(text)).toEqual([]);
  });

  it('read a 100 KB line of any repeated unit in bounded time, alone and after a marker line', () => {
    // Each fixture family's first line puts its parser's detect on; the huge line then reaches
    // the line regexes. Polynomial backtracking on 100 KB would take seconds per line.
    const markers = [...new Map(FIXTURES.map((f) => [f.spec.parser, f.txt])).values()].map(
      (t) => t.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '',
    );
    for (const unit of HUGE_UNITS) {
      const big = hugeLine(unit);
      const started = performance.now();
      expect(problemsOf(big)).toEqual([]);
      expect(problemsOf(`${markers.join('\n')}\n${big}`)).toEqual([]);
      // A marker line with the huge text run on after it (no line break).
      for (const m of markers.slice(0, 8)) expect(diagnose(`${m} ${big}`).findings).toBeDefined();
      expect(performance.now() - started, `unit ${JSON.stringify(unit)}`).toBeLessThan(4000);
    }
  });
});

describe('mutated fixtures', () => {
  const fixture = fc.constantFrom(...FIXTURES);

  it('stay well-formed under truncation, duplication, shuffling, control characters and huge lines', () => {
    fc.assert(
      fc.property(fixture, fc.array(mutation, { minLength: 1, maxLength: 4 }), (f, ms) => {
        const text = mutateAll(f.txt, ms);
        expect(problemsOf(text), `${f.name} ${JSON.stringify(ms)}`).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('every fixture, cut at five points, still diagnoses cleanly', () => {
    for (const f of FIXTURES)
      for (const at of [0.1, 0.3, 0.5, 0.7, 0.9]) {
        const text = f.txt.slice(0, Math.floor(f.txt.length * at));
        const problems = [
          ...parsedProblems(parsePaste(text, PARSERS), lineCount(text)),
          ...diagnosisProblems(
            diagnose(text),
            toLines(text).map((l) => l.raw),
          ),
        ];
        expect(problems, `${f.name} cut at ${at}`).toEqual([]);
      }
  });
});

/** Milliseconds one call takes: calls repeated until 20 ms have passed. */
function timeOnce(run: () => void): number {
  let calls = 0;
  const started = performance.now();
  let elapsed: number;
  do {
    run();
    calls++;
    elapsed = performance.now() - started;
  } while (elapsed < 20);
  return elapsed / calls;
}

/**
 * time(large) / time(small), robust to a busy machine: after a warm-up the two are measured in
 * alternation and the best of four rounds of each is kept; a ratio over the limit is measured again up to twice,
 * since only a real superlinear cost stays over it every time.
 */
function growth(
  small: () => void,
  large: () => void,
  limit: number,
): { ratio: number; why: string } {
  let result = { ratio: Infinity, why: '' };
  for (let attempt = 0; attempt < 3 && result.ratio >= limit; attempt++) {
    small(); // warm the JIT on both sizes before measuring
    large();
    let s = Infinity;
    let l = Infinity;
    for (let round = 0; round < 4; round++) {
      s = Math.min(s, timeOnce(small));
      l = Math.min(l, timeOnce(large));
    }
    if (l / s < result.ratio)
      result = { ratio: l / s, why: `${s.toFixed(2)} ms → ${l.toFixed(2)} ms` };
  }
  return result;
}

/** A fixture repeated until it is at least 4 KB, so ten copies are not lost in timer noise. */
function unitOf(text: string): string {
  const copies = Math.max(1, Math.ceil(4096 / Math.max(1, text.length)));
  return Array.from({ length: copies }, () => text).join('\n');
}

/** The largest fixture a parser reads. */
const largestFixtureOf = (p: Parser) =>
  FIXTURES.filter((f) => f.spec.parser === p.id).sort((a, b) => b.txt.length - a.txt.length)[0];

/** Lines cited by all facts of one parser's result. */
const citedLines = (p: Parser, text: string): number =>
  p.parse(toLines(text)).facts.reduce((n, f) => n + f.lines.length, 0);

/** Does 40 copies of the text give at most about 40 times the cited lines of one copy? */
const outputGrowsLinearly = (p: Parser, text: string): boolean =>
  citedLines(p, repeat(text, 40)) <= 40 * citedLines(p, text) + 40;

describe('output grows linearly with the input', () => {
  // Regression: `show crypto map` pasted n times once cited every interface block in every entry (n²).
  it.each(PARSERS.map((p) => [p.id, p] as const))(
    '%s cites about k times the lines for k copies of each of its fixtures',
    (_id, p) => {
      for (const f of FIXTURES.filter((x) => x.spec.parser === p.id))
        expect(outputGrowsLinearly(p, f.txt), f.name).toBe(true);
    },
  );
});

describe('time grows linearly with the input', () => {
  // time(40 copies) / time(10 copies) is 4 for a linear parser and 16 for a quadratic one.
  const LIMIT = 8;

  it('diagnose, on the largest fixture and a sample of others', () => {
    const bySize = [...FIXTURES].sort((a, b) => b.txt.length - a.txt.length);
    const sample = [...bySize.slice(0, 3), ...FIXTURES.filter((_, i) => i % 30 === 7)];
    for (const f of sample) {
      const unit = unitOf(f.txt);
      const [small, large] = [repeat(unit, 10), repeat(unit, 40)];
      const g = growth(
        () => diagnose(small),
        () => diagnose(large),
        LIMIT,
      );
      expect(g.ratio, `${f.name}: ${g.why}`).toBeLessThan(LIMIT);
    }
  });

  it('each parser, on the largest fixture it reads', { timeout: 60_000 }, () => {
    for (const p of PARSERS) {
      const own = largestFixtureOf(p);
      if (!own) continue; // the fixture meta-test requires one; nothing to time here without it
      const unit = unitOf(own.txt);
      const small = toLines(repeat(unit, 10));
      const large = toLines(repeat(unit, 40));
      const g = growth(
        () => p.parse(small),
        () => p.parse(large),
        LIMIT,
      );
      expect(g.ratio, `${p.id}: ${g.why}`).toBeLessThan(LIMIT);
    }
  });
});
