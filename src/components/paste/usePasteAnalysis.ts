/**
 * The paste's analysis, held by the page so that the paste panel, the ladder
 * and the share panel see the same result: analyse a text, apply its findings
 * to the walk once, cancel, clear.
 */
import { useCallback, useRef, useState } from 'react';
import { useApp } from '../../app/store.ts';
import type { Analysis } from '../../engine/diagnose.ts';
import type { AppliedEvidence } from '../../engine/walk/state.ts';
import type { WalkEvent } from '../../engine/walk/transition.ts';
import { useDiagnosis, type AnalysisRequest, type AnalysisStatus } from './useDiagnosis.ts';

/** What the page's paste analysis offers. */
export interface PasteAnalysis {
  /** The text last sent for analysis. */
  readonly analysed: string | null;
  readonly status: AnalysisStatus;
  readonly result: Analysis | null;
  readonly analyse: (text: string) => void;
  readonly cancel: () => void;
  readonly clear: () => void;
}

/** Analyses pastes; a finished analysis the user asked for moves the walk to its lead finding. */
export function usePasteAnalysis(
  evidence: AppliedEvidence | null,
  dispatch: (e: WalkEvent) => void,
): PasteAnalysis {
  // After a reload with evidence in the link, the saved draft is the text that was analysed.
  const [request, setRequest] = useState<AnalysisRequest | null>(() => {
    const draft = useApp.getState().draft;
    return evidence && evidence.origin === 'paste' && draft ? { text: draft } : null;
  });
  const pendingApply = useRef(false);
  // Applied as the answer arrives, before it is rendered: the findings and the step they lead
  // to are rendered together, once.
  const apply = useCallback(
    (result: Analysis) => {
      if (!pendingApply.current) return;
      pendingApply.current = false;
      if (result.findings.length > 0)
        dispatch({
          type: 'evidence',
          findings: result.findings.map((f) => f.diagnosis),
          context: result.context,
        });
    },
    [dispatch],
  );
  const { status, cancel } = useDiagnosis(request, apply);
  const result = status.kind === 'done' ? status.result : null;

  return {
    analysed: request?.text ?? null,
    status,
    result,
    analyse: (text) => {
      pendingApply.current = true;
      setRequest({ text });
    },
    cancel,
    clear: () => {
      setRequest(null);
      if (evidence) dispatch({ type: 'clear-evidence' });
    },
  };
}
