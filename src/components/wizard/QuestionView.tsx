/** A question: why we ask, the command that answers it, and the answers (number keys pick them). */
import type { Context, QuestionNode } from '../../knowledge/schema.ts';
import { roleReading, visibleAnswers } from '../../engine/walk/present.ts';
import type { WalkEvent } from '../../engine/walk/transition.ts';
import { Commands } from '../common/Commands.tsx';

/** Renders one question node. */
export function QuestionView({
  node,
  context,
  dispatch,
}: {
  node: QuestionNode;
  context: Context;
  dispatch: (e: WalkEvent) => void;
}) {
  const answers = visibleAnswers(node, context);
  return (
    <article data-node-id={node.id} aria-labelledby="step-title" className="mt-4">
      <h2 id="step-title" className="text-xl font-semibold">
        {node.title}
      </h2>
      <p className="mt-2 leading-relaxed">{node.help}</p>
      {roleReading(node.byRole, context).map((r) => (
        <p
          key={r.role}
          className="mt-2 rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-1 text-sm dark:bg-amber-950"
        >
          <strong>As the {r.role}:</strong> {r.text}
        </p>
      ))}
      <Commands commands={node.commands} context={context} title="Run this to answer" />
      <fieldset className="mt-4">
        <legend className="mb-2 font-semibold">Your answer</legend>
        <ul className="grid gap-2">
          {answers.map(({ index, answer }, i) => (
            <li key={index}>
              <button
                type="button"
                onClick={() => dispatch({ type: 'answer', index })}
                aria-labelledby={`answer-${index}`}
                aria-describedby={answer.hint ? `answer-${index}-hint` : undefined}
                aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
                className="w-full rounded border border-slate-300 px-3 py-2 text-left hover:border-sky-600 hover:bg-sky-50 focus:outline-2 focus:outline-sky-600 dark:border-slate-600 dark:hover:bg-slate-800"
              >
                {i < 9 && (
                  <kbd
                    className="mr-2 rounded border border-slate-400 px-1 font-mono text-xs"
                    aria-hidden="true"
                  >
                    {i + 1}
                  </kbd>
                )}
                <span id={`answer-${index}`} className="font-medium">
                  {answer.label}
                </span>
                {answer.hint && (
                  <span className="mt-0.5 block pl-7 font-mono text-xs text-slate-600 dark:text-slate-300">
                    {answer.hint}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
    </article>
  );
}
