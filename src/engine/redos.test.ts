/**
 * A scan of every regular expression in the engine for catastrophic backtracking
 * (`recheck`). Literal patterns are read from the sources; patterns built at run time
 * (`new RegExp(...)`) are caught by watching the constructor while the modules load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENGINE = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

function literalPatterns(file: string): { source: string; flags: string; where: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: { source: string; flags: string; where: string }[] = [];
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = n.getText(sf);
      const end = text.lastIndexOf('/');
      out.push({
        source: text.slice(1, end),
        flags: text.slice(end + 1),
        where: `${file.slice(ENGINE.length)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`,
      });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

async function constructedPatterns(): Promise<{ source: string; flags: string; where: string }[]> {
  const seen: RegExp[] = [];
  const Original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const r = new target(...args);
      seen.push(r);
      return r;
    },
  });
  try {
    await import('./diagnose.ts');
  } finally {
    globalThis.RegExp = Original;
  }
  return seen.map((r) => ({ source: r.source, flags: r.flags, where: 'new RegExp(...)' }));
}

describe('regular expressions', () => {
  it('none can backtrack exponentially', { timeout: 300_000 }, async () => {
    const all = [...sourceFiles(ENGINE).flatMap(literalPatterns), ...(await constructedPatterns())];
    const unique = [...new Map(all.map((p) => [`${p.flags}/${p.source}`, p])).values()];
    expect(unique.length).toBeGreaterThan(20);
    // The async API keeps one checker process busy; one spawn per pattern takes minutes.
    const results = await Promise.all(
      unique.map((p) => check(p.source, p.flags.replace(/[gy]/g, ''), { timeout: 10_000 })),
    );
    const bad = unique.flatMap((p, i) => {
      const r = results[i];
      // Exponential cases the automaton proves fail the test. Fuzz findings come from timing runs,
      // which a busy two-core machine makes flaky; the pathological-input tests bound those.
      return r?.status === 'vulnerable' &&
        r.complexity.type === 'exponential' &&
        !r.complexity.isFuzz
        ? [`${p.where}: /${p.source}/ (${r.complexity.summary})`]
        : [];
    });
    expect(bad).toEqual([]);
  });
});
