/** The answers given so far, each a way back to that point; and a restart. */
import type { TakenStep } from '../../engine/walk/resolve.ts';
import type { WalkEvent } from '../../engine/walk/transition.ts';

/** Breadcrumbs of the answers, with "step back" to any of them. */
export function Trail({
  path,
  dispatch,
}: {
  path: readonly TakenStep[];
  dispatch: (e: WalkEvent) => void;
}) {
  if (path.length === 0) return null;
  return (
    <nav aria-label="Your answers" className="mt-3 text-sm">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-1">
        {path.map((p, i) => (
          <li key={i} className="flex items-center gap-1">
            <button
              type="button"
              onClick={() => dispatch({ type: 'back', to: i })}
              title={`Go back to: ${p.node.title}`}
              className="rounded px-1 text-sky-800 underline decoration-dotted hover:bg-sky-50 dark:text-sky-300 dark:hover:bg-slate-800"
            >
              {p.step.kind === 'jump' ? `→ ${p.label}` : p.label}
            </button>
            {i < path.length - 1 && <span aria-hidden="true">›</span>}
          </li>
        ))}
      </ol>
      <div className="no-print mt-2 flex gap-2">
        <button
          type="button"
          onClick={() => dispatch({ type: 'back', to: path.length - 1 })}
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600"
          aria-keyshortcuts="Backspace"
        >
          Step back
        </button>
        <button
          type="button"
          onClick={() => dispatch({ type: 'restart' })}
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600"
        >
          Restart
        </button>
      </div>
    </nav>
  );
}
