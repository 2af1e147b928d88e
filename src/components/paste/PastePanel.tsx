/**
 * The paste box, always at hand. On paste (or "Diagnose") the engine reads the
 * text, the page jumps to the leading diagnosis and marks the proving lines.
 * The text stays in this browser; only the findings' IDs go into the link.
 */
import { useEffect, useMemo, type ClipboardEvent } from 'react';
import type { NodeId } from '../../knowledge/schema.ts';
import type { AppliedEvidence } from '../../engine/walk/state.ts';
import type { WalkEvent } from '../../engine/walk/transition.ts';
import { useApp } from '../../app/store.ts';
import { warmUp } from '../../app/diagnoseClient.ts';
import { warmUpText } from '../../app/warmUp.ts';
import { EvidenceLines } from './EvidenceLines.tsx';
import { Findings } from './Findings.tsx';
import { Recognised } from './Recognised.tsx';
import { AnalysisProgress } from './AnalysisProgress.tsx';
import type { PasteAnalysis } from './usePasteAnalysis.ts';
import type { decodeExcerpt } from '../../engine/share/excerpt.ts';
import { LinkEvidence } from './LinkEvidence.tsx';
import { LARGE_PASTE_CHARS, pastePreview, sizeWords, TAKEN_PASTE_CHARS } from './largePaste.ts';

/** Runs `fn` once the page is idle after loading; returns how to call it off. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(fn, 500);
  return () => clearTimeout(timer);
}

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
  const preview = useMemo(
    () => (draft.length > LARGE_PASTE_CHARS ? pastePreview(draft) : null),
    [draft],
  );
  // The worker loads and warms the engine while the user reaches for the clipboard.
  useEffect(() => whenIdle(() => warmUp(warmUpText())), []);

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const box = e.currentTarget;
    const pasted = e.clipboardData.getData('text/plain');
    if (pasted.length < TAKEN_PASTE_CHARS && preview === null) {
      // Small: the browser inserts it (and can undo it); read the box once it has.
      setTimeout(() => analyse(box.value), 0);
      return;
    }
    // Inserting a big paste takes the browser a long layout inside the paste event, and a box
    // showing a large paste is read-only (see largePaste.ts): put the text in place ourselves.
    // A large paste replaces the one shown; a smaller one goes where the caret is.
    e.preventDefault();
    const whole =
      preview !== null
        ? pasted
        : box.value.slice(0, box.selectionStart) + pasted + box.value.slice(box.selectionEnd);
    // In a task of its own: reading 10 MB from the clipboard is this task's share.
    setTimeout(() => {
      setDraft(whole);
      analyse(whole);
    }, 0);
  };

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
      {preview && (
        <p id="paste-large" className="mb-1 text-xs text-amber-800 dark:text-amber-300">
          A large paste: {sizeWords(draft.length)} in {preview.totalLines.toLocaleString('en')}{' '}
          lines. The box shows the first {preview.shownLines} and cannot be edited; the whole text
          is analysed. Paste again to replace it, or Clear.
        </p>
      )}
      <textarea
        id="paste"
        aria-describedby={preview ? 'paste-help paste-large' : 'paste-help'}
        value={preview ? preview.text : draft}
        readOnly={preview !== null}
        // Off: Chromium otherwise copies the box's text into the history entry on every step of
        // the walk (measured: 250–450 ms per step with 10 MB in a box).
        autoComplete="off"
        onChange={(e) => setDraft(e.target.value)}
        onPaste={onPaste}
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
