/**
 * One side of the comparison: the configuration box and, for the selected finding, its lines.
 * Lines are shown redacted: a finding about keys points at the key lines, never at the key.
 */
import { redact } from '../../engine/redact/index.ts';

/** Props: the label (also the text box's accessible name), the text, and the lines to mark. */
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
  highlight: readonly number[];
  platform: string | undefined;
}) {
  const id = `config-${label.replace(/\W+/g, '-').toLowerCase()}`;
  const marked = new Set(highlight);
  const lines = highlight.length > 0 ? text.split(/\r\n|\r|\n/) : [];
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
        spellCheck={false}
        rows={12}
        className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
      />
      {highlight.length > 0 && (
        <ol
          aria-label={`${label}: the lines of this finding`}
          className="max-h-64 overflow-auto rounded border border-slate-300 font-mono text-xs dark:border-slate-700"
        >
          {[...marked]
            .sort((x, y) => x - y)
            .map((no) => (
              <li key={no} className="bg-amber-100 px-2 dark:bg-amber-900">
                <span className="mr-2 inline-block w-10 text-right text-slate-700 dark:text-slate-300">
                  {no}
                </span>
                {redact(lines[no - 1] ?? '').text}
              </li>
            ))}
        </ol>
      )}
    </div>
  );
}
