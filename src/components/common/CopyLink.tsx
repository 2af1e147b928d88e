/** "Copy link": the address bar holds the whole diagnosis, so the link hands the case over. */
import { useState } from 'react';

/** Copies the current URL. */
export function CopyLink() {
  const [done, setDone] = useState<'idle' | 'ok' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setDone('ok');
    } catch {
      setDone('failed');
    }
    setTimeout(() => setDone('idle'), 2000);
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void copy()}
        className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Copy link
      </button>
      <span role="status" className="text-xs">
        {done === 'ok'
          ? 'Link copied'
          : done === 'failed'
            ? 'Could not copy: use the address bar'
            : ''}
      </span>
    </>
  );
}
