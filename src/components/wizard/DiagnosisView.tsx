/** A diagnosis page: explanation, how to confirm, evidence, fix, look-alikes, sources. */
import type { Context, DiagnosisNode, NodeId } from '../../knowledge/schema.ts';
import { TREE } from '../../knowledge/tree.ts';
import { roleReading } from '../../engine/walk/present.ts';
import type { WalkEvent } from '../../engine/walk/transition.ts';
import { Commands } from '../common/Commands.tsx';
import { FixSteps } from './FixSteps.tsx';

const titleOf = (id: NodeId): string => TREE.nodes.get(id)?.title ?? id;

/** Renders one diagnosis node. */
export function DiagnosisView({
  node,
  context,
  dispatch,
}: {
  node: DiagnosisNode;
  context: Context;
  dispatch: (e: WalkEvent) => void;
}) {
  const healthy = node.id.startsWith('healthy.');
  return (
    <article data-node-id={node.id} aria-labelledby="step-title" className="mt-4">
      <p
        className={`text-sm font-semibold uppercase tracking-wide ${healthy ? 'text-emerald-700 dark:text-emerald-400' : 'text-rose-700 dark:text-rose-400'}`}
      >
        {healthy ? 'Healthy' : 'Diagnosis'} · <code className="normal-case">{node.id}</code>
      </p>
      <h2 id="step-title" className="text-xl font-semibold">
        {node.title}
      </h2>
      <p className="mt-2 leading-relaxed">{node.explanation}</p>
      {roleReading(node.byRole, context).map((r) => (
        <p
          key={r.role}
          className="mt-2 rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-1 text-sm dark:bg-amber-950"
        >
          <strong>As the {r.role}:</strong> {r.text}
        </p>
      ))}
      {node.continueTo && (
        <button
          type="button"
          onClick={() => dispatch({ type: 'answer', index: 0 })}
          aria-keyshortcuts="1"
          className="no-print mt-3 rounded bg-sky-700 px-3 py-2 font-medium text-white hover:bg-sky-800"
        >
          {node.continueTo.label}
        </button>
      )}
      <Commands commands={node.confirm} context={context} title="Confirm it" />
      {node.evidence.length > 0 && (
        <section aria-label="What the evidence looks like" className="mt-3">
          <h3 className="mb-1 text-sm font-semibold">What the evidence looks like</h3>
          {node.evidence.map((e, i) => (
            <figure key={i} className="mb-2">
              <pre
                tabIndex={0}
                className="overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs whitespace-pre-wrap dark:bg-slate-800"
              >
                {e.text}
              </pre>
              <figcaption className="text-xs text-slate-600 dark:text-slate-300">
                {e.note ? `${e.note} — ` : ''}
                {e.source}
              </figcaption>
            </figure>
          ))}
        </section>
      )}
      <FixSteps steps={node.fix} context={context} />
      <Commands commands={node.verify} context={context} title="Check that it worked" />
      {node.lookAlikes.length > 0 && (
        <section aria-label="Look-alikes" className="mt-3">
          <h3 className="mb-1 text-sm font-semibold">Looks like, but is not</h3>
          <ul className="list-disc pl-5 text-sm">
            {node.lookAlikes.map((l) => (
              <li key={l.id} className="mb-1">
                <button
                  type="button"
                  className="text-sky-800 underline dark:text-sky-300"
                  onClick={() => dispatch({ type: 'jump', to: l.id })}
                >
                  {titleOf(l.id)}
                </button>
                : {l.howToTell}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="Sources" className="mt-3 text-xs text-slate-600 dark:text-slate-300">
        <h3 className="font-semibold">Sources</h3>
        <ul className="list-disc pl-5">
          {node.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
