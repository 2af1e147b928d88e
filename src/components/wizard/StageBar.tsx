/** Where the walk is among the five stages: ip → ike → auth → ipsec → routing. */
import type { Stage } from '../../knowledge/schema.ts';

const STEPS: readonly { stage: Stage; label: string }[] = [
  { stage: 'ip', label: 'IP connectivity' },
  { stage: 'ike', label: 'IKE' },
  { stage: 'auth', label: 'Authentication' },
  { stage: 'ipsec', label: 'IPsec SA' },
  { stage: 'routing', label: 'Routing' },
];

/** A progress bar over the stages; earlier stages are shown as passed. */
export function StageBar({ stage }: { stage: Stage }) {
  const at = STEPS.findIndex((s) => s.stage === stage);
  return (
    <nav aria-label="Stages" className="no-print">
      <ol className="flex flex-wrap gap-1 text-xs sm:text-sm">
        {STEPS.map((s, i) => {
          const state = at < 0 ? 'todo' : i < at ? 'done' : i === at ? 'current' : 'todo';
          return (
            <li
              key={s.stage}
              aria-current={state === 'current' ? 'step' : undefined}
              className={`flex-1 rounded px-2 py-1 text-center ${
                state === 'current'
                  ? 'bg-sky-700 font-semibold text-white'
                  : state === 'done'
                    ? 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100'
                    : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'
              }`}
            >
              {state === 'done' ? '✓ ' : ''}
              {s.label}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
