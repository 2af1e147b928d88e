/** A button that copies text and says so. */
import { useState } from 'react';

/** Copies `text` to the clipboard; `label` is the accessible name. */
export function CopyButton({
  text,
  label,
  className = '',
}: {
  text: string;
  label: string;
  className?: string;
}) {
  const [done, setDone] = useState<'idle' | 'ok' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('ok');
    } catch {
      setDone('failed');
    }
    setTimeout(() => setDone('idle'), 1500);
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={label}
      className={`no-print rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus:outline-2 focus:outline-sky-600 dark:border-slate-600 dark:hover:bg-slate-800 ${className}`}
    >
      {done === 'ok' ? 'Copied' : done === 'failed' ? 'Copy failed' : 'Copy'}
      <span aria-live="polite" className="sr-only">
        {done === 'ok' ? 'Copied to the clipboard' : ''}
      </span>
    </button>
  );
}
