/**
 * The page's way to the engine: a paste (or two configurations) goes to a Web
 * Worker, progress comes back, and a running job can be cancelled (the worker
 * is terminated and a fresh one started on the next request). The main thread
 * never parses.
 */
import type { ComparedTexts } from '../engine/config/index.ts';
import type { Analysis } from '../engine/diagnose.ts';
import DiagnoseWorker from './diagnose.worker.ts?worker&inline';

/** Page → worker. */
export type WorkerRequest =
  | { readonly id: number; readonly kind: 'diagnose'; readonly text: string }
  | { readonly id: number; readonly kind: 'compare'; readonly a: string; readonly b: string };

/** What each kind of request answers. */
interface Answers {
  diagnose: Analysis;
  compare: ComparedTexts;
}

/** Worker → page. */
export type WorkerReply =
  | {
      readonly id: number;
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
    }
  | {
      readonly id: number;
      readonly type: 'done';
      readonly kind: 'diagnose';
      readonly result: Analysis;
    }
  | {
      readonly id: number;
      readonly type: 'done';
      readonly kind: 'compare';
      readonly result: ComparedTexts;
    }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };

/** A running job. */
export interface EngineJob<T> {
  readonly result: Promise<T>;
  cancel(): void;
}
/** A running diagnosis. */
export type DiagnosisJob = EngineJob<Analysis>;

/** Why a job ended without a result. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

let worker: Worker | null = null;
let nextId = 1;

function getWorker(): Worker {
  worker ??= new DiagnoseWorker();
  return worker;
}

/** Starts the worker ahead of the first paste, so the first answer is not slowed by start-up. */
export function warmUp(): void {
  try {
    getWorker();
  } catch {
    // reported when a diagnosis is asked for
  }
}

/** Sends a paste to the worker. `onProgress` gets a fraction from 0 to 1. */
export function runDiagnosis(text: string, onProgress?: (fraction: number) => void): DiagnosisJob {
  return run('diagnose', { text }, onProgress);
}

/** Sends two configurations to the worker for the two-peer check. */
export function runCompare(a: string, b: string): EngineJob<ComparedTexts> {
  return run('compare', { a, b });
}

type Payload<K extends keyof Answers> = K extends 'diagnose'
  ? { text: string }
  : { a: string; b: string };

function run<K extends keyof Answers>(
  kind: K,
  payload: Payload<K>,
  onProgress?: (fraction: number) => void,
): EngineJob<Answers[K]> {
  const id = nextId++;
  let pending = true;
  let rejectJob: (e: Error) => void = () => {};
  let w: Worker | null = null;
  const result = new Promise<Answers[K]>((resolveJob, reject) => {
    const resolve = (d: Answers[K]) => {
      pending = false;
      resolveJob(d);
    };
    rejectJob = (e) => {
      pending = false;
      reject(e);
    };
    let started: Worker;
    try {
      started = w = getWorker();
    } catch (e) {
      rejectJob(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const onMessage = (ev: MessageEvent<WorkerReply>) => {
      const reply = ev.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress') {
        onProgress?.(reply.total === 0 ? 1 : reply.done / reply.total);
        return;
      }
      started.removeEventListener('message', onMessage);
      started.removeEventListener('error', onError);
      if (reply.type === 'done') resolve(reply.result as Answers[K]);
      else rejectJob(new Error(reply.message));
    };
    const onError = (ev: ErrorEvent) => {
      started.removeEventListener('message', onMessage);
      started.removeEventListener('error', onError);
      if (worker === started) worker = null;
      started.terminate();
      rejectJob(new Error(ev.message || 'The analysis worker stopped.'));
    };
    started.addEventListener('message', onMessage);
    started.addEventListener('error', onError);
    started.postMessage({ id, kind, ...payload } as WorkerRequest);
  });
  return {
    result,
    cancel: () => {
      if (!pending) return;
      // The worker is busy with this job: stop it; the next request starts a fresh one.
      if (w !== null && worker === w) worker = null;
      w?.terminate();
      rejectJob(new JobCancelled());
    },
  };
}
