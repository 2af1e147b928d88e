/**
 * Runs the engine on a text in the worker: the latest text wins (an older job
 * is cancelled), progress is reported, and the user can cancel.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Analysis } from '../../engine/diagnose.ts';
import { JobCancelled, runDiagnosis, type DiagnosisJob } from '../../app/diagnoseClient.ts';

/** Where the analysis of the current text stands. */
export type AnalysisStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly fraction: number }
  | { readonly kind: 'done'; readonly result: Analysis }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/** One request to analyse a text: a new object re-runs the analysis even for the same text. */
export interface AnalysisRequest {
  readonly text: string;
}

/**
 * Analyses the requested text whenever the request changes (null = nothing to analyse).
 * `onDone` hears of each current answer as it arrives, before it is rendered.
 */
export function useDiagnosis(
  request: AnalysisRequest | null,
  onDone?: (result: Analysis) => void,
): {
  status: AnalysisStatus;
  cancel: () => void;
} {
  // Status reports are tagged with the text they belong to; a report for an older text is stale.
  const [report, setReport] = useState<{
    request: AnalysisRequest;
    status: AnalysisStatus;
  } | null>(null);
  const job = useRef<DiagnosisJob | null>(null);
  const onDoneRef = useRef(onDone);
  useLayoutEffect(() => {
    onDoneRef.current = onDone;
  });

  useEffect(() => {
    if (request === null) return;
    let live = true;
    const put = (status: AnalysisStatus) => {
      if (live) setReport({ request, status });
    };
    const j = runDiagnosis(request.text, (fraction) => put({ kind: 'running', fraction }));
    job.current = j;
    j.result.then(
      (result) => {
        if (live) onDoneRef.current?.(result);
        put({ kind: 'done', result });
      },
      (e: unknown) =>
        put(
          e instanceof JobCancelled
            ? { kind: 'cancelled' }
            : { kind: 'failed', message: e instanceof Error ? e.message : String(e) },
        ),
    );
    return () => {
      live = false;
      j.cancel();
    };
  }, [request]);

  const cancel = useCallback(() => job.current?.cancel(), []);
  const status: AnalysisStatus =
    request === null
      ? { kind: 'idle' }
      : report?.request === request
        ? report.status
        : { kind: 'running', fraction: 0 };
  return { status, cancel };
}
