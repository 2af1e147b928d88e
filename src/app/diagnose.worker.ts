/**
 * The engine off the main thread: reads a paste (parse + classify) or compares
 * two configurations, reporting progress. One request at a time; the page
 * cancels by terminating the worker. Inlined into the single-file build as a
 * string (Vite `?worker&inline`, classic format), so it also starts from file://.
 */
import { compareTexts } from '../engine/config/index.ts';
import { analyse } from '../engine/diagnose.ts';
import type { WorkerReply, WorkerRequest } from './diagnoseClient.ts';

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

const PROGRESS_EVERY_MS = 50;

function handle(request: WorkerRequest): WorkerReply {
  const { id } = request;
  if (request.kind === 'compare')
    return { id, type: 'done', kind: 'compare', result: compareTexts(request.a, request.b) };
  let last = 0;
  const result = analyse(request.text, (done, total) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    scope.postMessage({ id, type: 'progress', done, total });
  });
  return { id, type: 'done', kind: 'diagnose', result };
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
