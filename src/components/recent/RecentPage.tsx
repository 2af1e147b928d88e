/** Recent cases kept in this browser: reopen one (its walk and its paste) or delete it. */
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useApp } from '../../app/store.ts';
import { RECENT_LIMITS } from '../../engine/share/recent.ts';

/** The list of recent cases. */
export function RecentPage() {
  const recent = useApp((s) => s.recent);
  const removeRecent = useApp((s) => s.removeRecent);
  const clearRecent = useApp((s) => s.clearRecent);
  const setDraft = useApp((s) => s.setDraft);
  const navigate = useNavigate();
  useEffect(() => {
    document.title = 'Recent cases · IPsec Triage';
  }, []);
  return (
    <section aria-labelledby="recent-title" className="max-w-3xl">
      <h2 id="recent-title" className="mb-1 text-xl font-bold">
        Recent cases
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
        Kept in this browser only (with the paste when it is under 200 KB) and never sent anywhere.
        The latest {RECENT_LIMITS.maxCases} are kept.
      </p>
      {recent.length === 0 ? (
        <p>No cases yet. A case is saved here when the wizard reaches a diagnosis.</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {recent.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-2 py-2">
                <div className="min-w-0 flex-1">
                  <div className="font-medium">{c.title}</div>
                  <div className="text-xs text-slate-600 dark:text-slate-300">
                    <time dateTime={c.savedAt}>{new Date(c.savedAt).toLocaleString()}</time>
                    {c.paste
                      ? ` · paste of ${c.paste.split('\n').length} lines`
                      : ' · no paste kept'}
                  </div>
                </div>
                <button
                  type="button"
                  className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800"
                  aria-label={`Open case: ${c.title}`}
                  onClick={() => {
                    if (c.paste !== undefined) setDraft(c.paste);
                    void navigate({ to: '/', search: { s: c.s, ...(c.e ? { e: c.e } : {}) } });
                  }}
                >
                  Open
                </button>
                <button
                  type="button"
                  className="rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-600"
                  aria-label={`Delete case: ${c.title}`}
                  onClick={() => removeRecent(c.id)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="mt-3 rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-600"
            onClick={() => clearRecent()}
          >
            Delete all recent cases
          </button>
        </>
      )}
    </section>
  );
}
