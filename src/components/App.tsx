/** The frame: header with navigation, Copy link and theme; the routed page below. */
import { Link, Outlet } from '@tanstack/react-router';
import { useEffect } from 'react';
import { isDark, useApp } from '../app/store.ts';
import { CopyLink } from './common/CopyLink.tsx';
import { ThemePicker } from './common/ThemePicker.tsx';

/** The app shell. */
export function App() {
  const theme = useApp((s) => s.theme);
  const storageProblem = useApp((s) => s.storageProblem);
  const dismiss = useApp((s) => s.dismissStorageProblem);
  useEffect(() => {
    const apply = () => document.documentElement.classList.toggle('dark', isDark(theme));
    apply();
    if (theme !== 'system' || typeof matchMedia !== 'function') return;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    mq.addEventListener('change', apply);
    return () => mq.removeEventListener('change', apply);
  }, [theme]);
  const link = 'rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800';
  return (
    <div className="mx-auto max-w-6xl p-3 sm:p-5">
      <header className="no-print mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 pb-3 dark:border-slate-800">
        <h1 className="text-lg font-bold">
          <Link to="/" search={{}} className="hover:underline">
            IPsec Triage
          </Link>
        </h1>
        <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
          <Link to="/" className={link} activeOptions={{ includeSearch: false }}>
            Wizard
          </Link>
          <Link to="/compare" className={link}>
            Compare peers
          </Link>
          <Link to="/reference/ikev1-states" className={link}>
            IKEv1 states
          </Link>
          <Link to="/reference/ikev2-notifies" className={link}>
            IKEv2 notifies
          </Link>
          <Link to="/recent" className={link}>
            Recent cases
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <CopyLink />
          <ThemePicker />
        </div>
      </header>
      {storageProblem && (
        <div
          role="status"
          className="no-print mb-3 flex items-start gap-2 rounded border border-amber-500 bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950"
        >
          <span className="flex-1">{storageProblem}</span>
          <button type="button" onClick={dismiss} className="underline">
            Dismiss
          </button>
        </div>
      )}
      <main>
        <Outlet />
      </main>
      <footer className="no-print mt-8 border-t border-slate-200 pt-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
        Runs entirely in your browser: pasted output is never sent anywhere. Keys: 1–9 pick an
        answer, Backspace steps back.
      </footer>
    </div>
  );
}
