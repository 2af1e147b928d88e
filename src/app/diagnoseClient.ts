/**
 * The page's way to the engine: a paste (or two configurations, or a case to share) goes to a
 * Web Worker, progress comes back, and a running job can be cancelled (the worker is terminated
 * and a fresh one started for what comes next). The main thread never parses nor redacts.
 *
 * Two lanes, each its own worker: reading pastes and configurations, and preparing shares, so
 * that redacting a big paste for the share panel never holds up the next paste's diagnosis.
 */
import type { Finding } from '../engine/classify/classify.ts';
import type { ComparedTexts } from '../engine/config/index.ts';
import type { Analysis } from '../engine/diagnose.ts';
import type { Ladder } from '../engine/ladder/index.ts';
import type { RedactOptions } from '../engine/redact/types.ts';
import type { ExcerptLine } from '../engine/share/excerpt.ts';
import type { RedactedShare } from '../engine/share/redact.ts';
import { createLane } from './lane.ts';
import DiagnoseWorker from './diagnose.worker.ts?worker&inline';

/** What the share panel asks the worker to redact: the device text of the case. */
export interface ShareRequest {
  readonly paste?: string;
  readonly findings?: readonly Finding[];
  readonly linkExcerpt?: readonly ExcerptLine[];
  /** The ladder drawn from the paste; its text is written (and redacted) in the worker. */
  readonly ladder?: Ladder;
  readonly options: RedactOptions;
}

/** Two configurations compared, with the lines the findings cite, redacted for showing. */
export interface CompareAnswer {
  readonly compared: ComparedTexts;
  readonly lines: { readonly a: readonly ExcerptLine[]; readonly b: readonly ExcerptLine[] };
}

/** What each kind of request carries. */
interface Payloads {
  diagnose: { readonly text: string };
  compare: { readonly a: string; readonly b: string };
  share: { readonly share: ShareRequest };
}

/** What each kind of request answers. */
interface Answers {
  diagnose: Analysis;
  compare: CompareAnswer;
  share: RedactedShare;
}

type Kind = keyof Answers;

/** Page → worker. */
export type WorkerRequest = {
  [K in Kind]: { readonly id: number; readonly kind: K } & Payloads[K];
}[Kind];

/** Worker → page. */
export type WorkerReply =
  | {
      readonly id: number;
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
    }
  | {
      [K in Kind]: {
        readonly id: number;
        readonly type: 'done';
        readonly kind: K;
        readonly result: Answers[K];
      };
    }[Kind]
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

const start = () => new DiagnoseWorker();
const analysisLane = createLane<WorkerRequest, WorkerReply>(start);
const shareLane = createLane<WorkerRequest, WorkerReply>(start);
let nextId = 1;

/**
 * Starts the analysis worker ahead of the first paste and has it read `sample` (its answer is
 * dropped), so the first answer is slowed neither by start-up nor by compiling the engine.
 */
export function warmUp(sample: string): void {
  try {
    analysisLane.start();
  } catch {
    return; // reported when a diagnosis is asked for
  }
  void run(analysisLane, 'diagnose', { text: sample }).result.catch(() => {});
}

/** Sends a paste to the worker. `onProgress` gets a fraction from 0 to 1. */
export function runDiagnosis(text: string, onProgress?: (fraction: number) => void): DiagnosisJob {
  return run(analysisLane, 'diagnose', { text }, onProgress);
}

/** Sends two configurations to the worker for the two-peer check. */
export function runCompare(a: string, b: string): EngineJob<CompareAnswer> {
  return run(analysisLane, 'compare', { a, b });
}

/** Sends a case's device text to the share worker to be redacted. */
export function runShare(share: ShareRequest): EngineJob<RedactedShare> {
  return run(shareLane, 'share', { share });
}

function run<K extends Kind>(
  lane: typeof analysisLane,
  kind: K,
  payload: Payloads[K],
  onProgress?: (fraction: number) => void,
): EngineJob<Answers[K]> {
  const id = nextId++;
  let rejectJob: (e: Error) => void = () => {};
  const result = new Promise<Answers[K]>((resolve, reject) => {
    rejectJob = reject;
    try {
      lane.send({
        request: { id, kind, ...payload } as WorkerRequest,
        onReply: (reply) => {
          if (reply.type === 'progress')
            onProgress?.(reply.total === 0 ? 1 : reply.done / reply.total);
          else if (reply.type === 'done') resolve(reply.result as Answers[K]);
          else reject(new Error(reply.message));
        },
        onCrash: reject,
      });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
  return {
    result,
    cancel: () => {
      if (lane.drop(id)) rejectJob(new JobCancelled());
    },
  };
}
