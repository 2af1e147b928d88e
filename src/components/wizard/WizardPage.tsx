/** The wizard page: stage bar, the current step, the answers so far, and the paste panel beside it. */
import { useEffect, useMemo } from 'react';
import { decodeExcerpt } from '../../engine/share/excerpt.ts';
import { SharePanel } from '../share/SharePanel.tsx';
import { ExchangeSection } from '../ladder/ExchangeSection.tsx';
import { useApp } from '../../app/store.ts';
import { encode } from '../../engine/walk/codec.ts';
import { isKeptCase, recentEntry } from '../../engine/share/recent.ts';
import { PastePanel } from '../paste/PastePanel.tsx';
import { usePasteAnalysis } from '../paste/usePasteAnalysis.ts';
import { DiagnosisView } from './DiagnosisView.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { QuestionView } from './QuestionView.tsx';
import { StageBar } from './StageBar.tsx';
import { Trail } from './Trail.tsx';
import { useKeyboard } from './useKeyboard.ts';
import { useWalk } from './useWalk.ts';

/** The main page. */
export function WizardPage() {
  const walk = useWalk();
  const { resolved, dispatch, problem, state } = walk;
  const { node, path, context } = resolved;
  useKeyboard(node, context, path.length, dispatch);
  useEffect(() => {
    document.title = node.kind === 'diagnosis' ? `${node.title} · IPsec Triage` : 'IPsec Triage';
  }, [node]);
  useSaveRecent(walk);
  const analysis = usePasteAnalysis(state.evidence, dispatch);
  const linkExcerpt = useMemo(
    () => (walk.excerpt === undefined ? null : decodeExcerpt(walk.excerpt)),
    [walk.excerpt],
  );
  const excerptLines = linkExcerpt?.ok ? linkExcerpt.excerpt.lines : null;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <section aria-label="Troubleshooting steps" className="min-w-0">
        {problem && <LinkProblem problem={problem} />}
        <StageBar stage={node.stage} />
        <Trail path={path} dispatch={dispatch} />
        {node.kind === 'question' ? (
          <QuestionView node={node} context={context} dispatch={dispatch} />
        ) : (
          <DiagnosisView node={node} context={context} dispatch={dispatch} />
        )}
        {analysis.result?.ladder && analysis.analysed !== null && (
          <ExchangeSection ladder={analysis.result.ladder} text={analysis.analysed} />
        )}
        <SharePanel
          state={state}
          paste={analysis.result ? analysis.analysed : null}
          findings={analysis.result?.findings ?? null}
          linkExcerpt={analysis.result ? null : excerptLines}
          ladder={analysis.result?.ladder ?? null}
          excerptInLink={walk.excerpt}
          setExcerptInLink={walk.setExcerpt}
        />
      </section>
      <PastePanel
        evidence={state.evidence}
        currentNode={node.id}
        analysis={analysis}
        linkExcerpt={linkExcerpt}
        dispatch={dispatch}
      />
    </div>
  );
}

/** Keeps the case among the recent ones whenever the walk reaches a diagnosis. */
function useSaveRecent({ state, resolved, excerpt, problem }: ReturnType<typeof useWalk>) {
  const saveRecent = useApp((s) => s.saveRecent);
  const s = problem === null ? encode(state) : null;
  const { node } = resolved;
  useEffect(() => {
    if (s === null || node.kind !== 'diagnosis' || !isKeptCase(state)) return;
    const draft = useApp.getState().draft;
    saveRecent(
      recentEntry({
        s,
        ...(excerpt ? { e: excerpt } : {}),
        title: node.title,
        savedAt: new Date().toISOString(),
        ...(state.evidence?.origin === 'paste' && draft ? { paste: draft } : {}),
      }),
    );
  }, [s, node, excerpt, state, saveRecent]);
}
