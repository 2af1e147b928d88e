/**
 * One side of the comparison: the configuration box and, for the selected finding, its lines.
 * Lines are shown redacted (by the worker): a finding about keys points at the key lines, never
 * at the key.
 */
import type { ExcerptLine } from '../../engine/share/excerpt.ts';

/** Props: the label (also the text box's accessible name), the text, and the finding's lines (redacted). */
export function ConfigPane({
  label,
  text,
  onChange,
  highlight,
  platform,
}: {
  label: string;
  text: string;
  onChange: (text: string) => void;
  highlight: readonly ExcerptLine[];
  platform: string | undefined;
}) {
  const id = `config-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block font-semibold">
        {label}
        {platform && <span className="ml-2 text-xs font-normal">read as {platform}</span>}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        // Off: Chromium otherwise copies the box's text into the history entry on each navigation.
        autoComplete="off"
        spellCheck={false}
        rows={12}
        className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
      />
      {highlight.length > 0 && (
        <ol
          aria-label={`${label}: the lines of this finding`}
          className="max-h-64 overflow-auto rounded border border-slate-300 font-mono text-xs dark:border-slate-700"
        >
          {highlight.map((line) => (
            <li key={line.no} className="bg-amber-100 px-2 dark:bg-amber-900">
              <span className="mr-2 inline-block w-10 text-right text-slate-700 dark:text-slate-300">
                {line.no}
              </span>
              {line.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
