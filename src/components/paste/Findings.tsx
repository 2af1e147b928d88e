/** The ranked findings: the leading one is shown; the others are a click away. */
import type { Finding } from '../../engine/classify/classify.ts';
import type { NodeId } from '../../knowledge/schema.ts';
import { TREE } from '../../knowledge/tree.ts';
import type { WalkEvent } from '../../engine/walk/transition.ts';
import { distinguish } from '../../engine/walk/present.ts';

/** The list of findings, most likely first. */
export function Findings({
  findings,
  currentNode,
  dispatch,
}: {
  findings: readonly Finding[];
  currentNode: NodeId;
  dispatch: (e: WalkEvent) => void;
}) {
  const tell = distinguish(
    TREE,
    findings.map((f) => f.diagnosis),
  );
  return (
    <section aria-label="Findings" className="mt-3 text-sm">
      <h3 className="font-semibold">Findings, most likely first</h3>
      <ol className="list-decimal pl-5">
        {findings.map((f) => {
          const title = TREE.nodes.get(f.diagnosis as string as NodeId)?.title ?? f.diagnosis;
          const here = f.diagnosis === currentNode;
          return (
            <li key={f.diagnosis} className="mb-1">
              <button
                type="button"
                aria-current={here ? 'true' : undefined}
                onClick={() => dispatch({ type: 'jump', to: f.diagnosis as string as NodeId })}
                className={`text-left underline ${here ? 'font-semibold' : 'text-sky-800 dark:text-sky-300'}`}
              >
                {title}
              </button>{' '}
              <span className="text-xs text-slate-600 dark:text-slate-300">
                ({f.confidence} confidence, {f.evidence.length} line
                {f.evidence.length === 1 ? '' : 's'})
              </span>
              {f.rules[0] && <p className="text-xs">{f.rules[0].why}</p>}
            </li>
          );
        })}
      </ol>
      {tell && (
        <p className="mt-2 rounded border-l-4 border-sky-600 bg-sky-50 px-2 py-1 dark:bg-sky-950">
          <strong>How to tell the first two apart:</strong> {tell.howToTell}
        </p>
      )}
    </section>
  );
}
