/** The pasted text around the proving lines, with those lines marked. Rendered as text, never as HTML. */
import { useMemo } from 'react';
import type { Finding } from '../../engine/classify/classify.ts';
import { lineIndex } from '../../engine/parse/lineIndex.ts';

const CONTEXT_LINES = 2;

/** Shows each proving line with two lines either side, gaps folded. */
export function EvidenceLines({ text, finding }: { text: string; finding: Finding }) {
  const rows = useMemo(() => {
    const lines = lineIndex(text);
    const marked = new Set(finding.evidence.map((e) => e.line));
    const keep = new Set<number>();
    for (const n of marked)
      for (let k = n - CONTEXT_LINES; k <= n + CONTEXT_LINES; k++)
        if (k >= 1 && k <= lines.count) keep.add(k);
    const out: { no: number; text: string; marked: boolean; gap: boolean }[] = [];
    let last = 0;
    for (const no of [...keep].sort((a, b) => a - b)) {
      out.push({
        no,
        text: lines.line(no),
        marked: marked.has(no),
        gap: last !== 0 && no !== last + 1,
      });
      last = no;
    }
    return out;
  }, [text, finding]);
  return (
    <section aria-label="Proving lines" className="mt-3">
      <h3 className="text-sm font-semibold">The lines that prove it</h3>
      <ol
        tabIndex={0}
        aria-label="Pasted lines around the evidence"
        className="overflow-x-auto rounded bg-slate-50 py-1 font-mono text-xs dark:bg-slate-900"
      >
        {rows.map((r) => (
          <li
            key={r.no}
            className={`${r.gap ? 'mt-2 border-t border-dashed border-slate-300 pt-1 dark:border-slate-700' : ''} ${r.marked ? 'bg-amber-200 dark:bg-amber-900' : ''}`}
            data-evidence={r.marked ? 'true' : undefined}
          >
            <span
              className={`inline-block w-10 pr-2 text-right select-none ${r.marked ? 'text-slate-700 dark:text-slate-200' : 'text-slate-500 dark:text-slate-400'}`}
            >
              {r.no}
            </span>
            <span className="whitespace-pre">{r.text}</span>
            {r.marked && <span className="sr-only"> (evidence)</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
