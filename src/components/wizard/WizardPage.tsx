/** The wizard page: stage bar, the current step, the answers so far, and the paste panel beside it. */
import { useEffect } from 'react';
import { PastePanel } from '../paste/PastePanel.tsx';
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
      </section>
      <PastePanel evidence={state.evidence} currentNode={node.id} dispatch={dispatch} />
    </div>
  );
}
