/** The ordered fix with configuration for the user's platform. */
import type { Context, FixStep, Platform } from '../../knowledge/schema.ts';
import { PLATFORM_NAMES, PLATFORMS } from '../../knowledge/schema.ts';
import { CopyButton } from '../common/CopyButton.tsx';

/** Renders fix steps; with a known platform, its snippet is shown and the others fold away. */
export function FixSteps({ steps, context }: { steps: readonly FixStep[]; context: Context }) {
  const order = [context.platform, ...PLATFORMS].filter(
    (p, i, all): p is Platform => p !== undefined && all.indexOf(p) === i,
  );
  return (
    <section aria-label="Fix" className="mt-3">
      <h3 className="mb-1 text-sm font-semibold">Fix</h3>
      <ol className="list-decimal pl-5">
        {steps.map((step, i) => {
          const snippets = order.flatMap((p) =>
            step.config?.[p] ? [{ p, text: step.config[p] as string }] : [],
          );
          const mine = context.platform
            ? snippets.filter((s) => s.p === context.platform)
            : snippets;
          const others = context.platform ? snippets.filter((s) => s.p !== context.platform) : [];
          const show = (s: { p: Platform; text: string }) => (
            <div key={s.p} className="mt-1">
              <div className="flex items-center gap-2 text-xs font-semibold text-slate-600 dark:text-slate-300">
                {PLATFORM_NAMES[s.p]}{' '}
                <CopyButton
                  text={s.text}
                  label={`Copy ${PLATFORM_NAMES[s.p]} configuration for step ${i + 1}`}
                />
              </div>
              <pre
                tabIndex={0}
                className="overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-800"
              >
                {s.text}
              </pre>
            </div>
          );
          return (
            <li key={i} className="mb-2">
              <p>{step.text}</p>
              {mine.map(show)}
              {others.length > 0 && (
                <details className="no-print">
                  <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-300">
                    Other platforms
                  </summary>
                  {others.map(show)}
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
