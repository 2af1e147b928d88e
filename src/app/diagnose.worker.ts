/**
 * The engine off the main thread: reads a paste (parse + classify), compares two
 * configurations, or redacts a case for sharing, reporting progress. One request
 * at a time; the page cancels by terminating the worker. Inlined into the
 * single-file build as a string (Vite `?worker&inline`, classic format), so it
 * also starts from file://.
 */
import { compareTexts } from '../engine/config/index.ts';
import { analyse } from '../engine/diagnose.ts';
import { ladderToText } from '../engine/ladder/index.ts';
import { redactEachLine, redactForShare } from '../engine/share/redact.ts';
import { assertNever } from '../engine/walk/transition.ts';
import type { CompareAnswer, ShareRequest, WorkerReply, WorkerRequest } from './diagnoseClient.ts';

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

const PROGRESS_EVERY_MS = 50;

function compare(a: string, b: string): CompareAnswer {
  const compared = compareTexts(a, b);
  const findings = compared.ok ? compared.result.findings : [];
  return {
    compared,
    lines: {
      a: redactEachLine(
        a,
        findings.flatMap((f) => f.a),
      ),
      b: redactEachLine(
        b,
        findings.flatMap((f) => f.b),
      ),
    },
  };
}

function share({ ladder, options, ...source }: ShareRequest) {
  return redactForShare(
    { ...source, ...(ladder ? { ladderText: ladderToText(ladder) } : {}) },
    options,
  );
}

function handle(request: WorkerRequest): WorkerReply {
  const { id } = request;
  switch (request.kind) {
    case 'compare':
      return { id, type: 'done', kind: 'compare', result: compare(request.a, request.b) };
    case 'share':
      return { id, type: 'done', kind: 'share', result: share(request.share) };
    case 'diagnose': {
      let last = 0;
      const result = analyse(request.text, (done, total) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        scope.postMessage({ id, type: 'progress', done, total });
      });
      return { id, type: 'done', kind: 'diagnose', result };
    }
    default:
      return assertNever(request);
  }
}

scope.onmessage = (ev) => {
  try {
    scope.postMessage(handle(ev.data));
  } catch (e) {
    scope.postMessage({
      id: ev.data.id,
      type: 'failed',
      message: e instanceof Error ? e.message : String(e),
    });
  }
};
