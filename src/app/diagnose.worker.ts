/**
 * The engine off the main thread: parses and classifies a paste, reporting
 * progress. One request at a time; the page cancels by terminating the worker.
 * Inlined into the single-file build as a string (Vite `?worker&inline`), so it
 * also starts from file:// pages.
 */
import { diagnose } from '../engine/diagnose.ts';
import type { WorkerReply, WorkerRequest } from './diagnoseClient.ts';

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

const PROGRESS_EVERY_MS = 50;

scope.onmessage = (ev) => {
  const { id, text } = ev.data;
  let last = 0;
  try {
    const result = diagnose(text, (done, total) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      scope.postMessage({ id, type: 'progress', done, total });
    });
    scope.postMessage({ id, type: 'done', result });
  } catch (e) {
    scope.postMessage({ id, type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
