/**
 * The paste box, always at hand. On paste (or "Diagnose") the engine reads the
 * text, the page jumps to the leading diagnosis and marks the proving lines.
 * The text stays in this browser; only the findings' IDs go into the link.
 */
import type { NodeId } from '../../knowledge/schema.ts';
import type { AppliedEvidence } from '../../engine/walk/state.ts';
import type { WalkEvent } from '../../engine/walk/transition.ts';
import { useApp } from '../../app/store.ts';
import { EvidenceLines } from './EvidenceLines.tsx';
import { Findings } from './Findings.tsx';
import { Recognised } from './Recognised.tsx';
import { AnalysisProgress } from './AnalysisProgress.tsx';
import type { PasteAnalysis } from './usePasteAnalysis.ts';
import type { decodeExcerpt } from '../../engine/share/excerpt.ts';
import { LinkEvidence } from './LinkEvidence.tsx';

/** Props: the evidence applied in the link, the node on screen, the analysis and the walk's dispatch. */
export function PastePanel({
  evidence,
  currentNode,
  analysis,
  linkExcerpt,
  dispatch,
}: {
  evidence: AppliedEvidence | null;
  currentNode: NodeId;
  analysis: PasteAnalysis;
  linkExcerpt: ReturnType<typeof decodeExcerpt> | null;
  dispatch: (e: WalkEvent) => void;
}) {
  const draft = useApp((s) => s.draft);
  const setDraft = useApp((s) => s.setDraft);
  const { analysed, status, cancel, result, analyse } = analysis;
  const current = result?.findings.find((f) => f.diagnosis === currentNode) ?? null;

  return (
    <aside
      aria-label="Paste device output"
      className="no-print min-w-0 rounded border border-slate-300 p-3 dark:border-slate-700"
    >
      <label htmlFor="paste" className="block font-semibold">
        Device output
      </label>
      <p id="paste-help" className="mb-1 text-xs text-slate-600 dark:text-slate-300">
        Paste show commands, debugs or logs from any supported device (several at once is fine).
        Nothing leaves your browser.
      </p>
      <textarea
        id="paste"
        aria-describedby="paste-help"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onPaste={(e) => {
          const target = e.currentTarget;
          // Read the box after the browser has inserted the pasted text.
          setTimeout(() => analyse(target.value), 0);
        }}
        spellCheck={false}
        rows={10}
        className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
      />
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => analyse(draft)}
          className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800"
        >
          Diagnose
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft('');
            analysis.clear();
          }}
          className="rounded border border-slate-300 px-3 py-1 dark:border-slate-600"
        >
          Clear
        </button>
      </div>
      <AnalysisProgress status={status} cancel={cancel} />
      {result && <Recognised result={result} />}
      {result && result.findings.length > 0 && (
        <Findings findings={result.findings} currentNode={currentNode} dispatch={dispatch} />
      )}
      {result && current && <EvidenceLines text={analysed ?? ''} finding={current} />}
      {!result && evidence && evidence.findings.length > 0 && (
        <LinkEvidence evidence={evidence} linkExcerpt={linkExcerpt} />
      )}
    </aside>
  );
}
