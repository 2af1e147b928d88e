/** Progress of the analysis, with Cancel; or why it stopped. */
import type { AnalysisStatus } from './useDiagnosis.ts';

/** Shows the worker's progress while it reads a paste. */
export function AnalysisProgress({
  status,
  cancel,
}: {
  status: AnalysisStatus;
  cancel: () => void;
}) {
  if (status.kind === 'running')
    return (
      <div role="status" className="mt-3 flex items-center gap-2 text-sm">
        <label htmlFor="analysis-progress">Reading the output…</label>
        <progress id="analysis-progress" max={1} value={status.fraction} className="flex-1" />
        <button
          type="button"
          onClick={cancel}
          className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-600"
        >
          Cancel
        </button>
      </div>
    );
  if (status.kind === 'cancelled')
    return (
      <p role="status" className="mt-3 text-sm">
        Analysis cancelled. Press Diagnose to read the output again.
      </p>
    );
  if (status.kind === 'failed')
    return (
      <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
        The output could not be analysed: {status.message}
      </p>
    );
  return null;
}
