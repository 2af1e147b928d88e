/** Commands per platform, the user's platform first, each with a copy button. */
import type { Context, PlatformCommands } from '../../knowledge/schema.ts';
import { commandsFor } from '../../engine/walk/present.ts';
import { CopyButton } from './CopyButton.tsx';

/** Renders per-platform commands; other platforms fold away when the platform is known. */
export function Commands({
  commands,
  context,
  title,
}: {
  commands: PlatformCommands;
  context: Context;
  title: string;
}) {
  const shown = commandsFor(commands, context);
  if (shown.length === 0) return null;
  // With a known platform its commands lead and the others fold away; otherwise all are shown.
  const first = context.platform ? shown[0] : undefined;
  const rest = context.platform ? shown.slice(1) : shown;
  const block = (c: (typeof shown)[number]) => (
    <div key={c.platform} className="mb-2">
      <div className="text-xs font-semibold text-slate-600 dark:text-slate-300">{c.name}</div>
      {c.none !== undefined ? (
        <p className="text-sm italic">{c.none}</p>
      ) : (
        c.commands.map((cmd) => (
          <div key={cmd} className="flex items-start gap-2">
            <code
              tabIndex={0}
              className="block flex-1 overflow-x-auto whitespace-pre rounded bg-slate-100 px-2 py-1 font-mono text-sm dark:bg-slate-800"
            >
              {cmd}
            </code>
            <CopyButton text={cmd} label={`Copy ${cmd}`} />
          </div>
        ))
      )}
    </div>
  );
  return (
    <section aria-label={title} className="mt-3">
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      {first && block(first)}
      {rest.length > 0 &&
        (context.platform ? (
          <details>
            <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-300">
              Other platforms
            </summary>
            {rest.map(block)}
          </details>
        ) : (
          rest.map(block)
        ))}
    </section>
  );
}
