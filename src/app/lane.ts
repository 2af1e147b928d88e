/**
 * One worker and the jobs sent to it. A worker reads one message at a time, so it answers jobs
 * in the order they were sent; cancelling the job it is working on stops the worker, and the
 * jobs that waited behind it go to a fresh one. A job cancelled while it waits is only forgotten
 * (the worker still reads it; its answer is dropped).
 */

/** What a lane needs of the messages: every message carries its job's id. */
interface Tagged {
  readonly id: number;
}
interface Reply extends Tagged {
  readonly type: string;
}

/** A job in a lane: the request and what to do with its replies. */
export interface LaneJob<Req extends Tagged, Rep extends Reply> {
  readonly request: Req;
  /** Called for every reply; the job is done with its first reply that is not `progress`. */
  readonly onReply: (reply: Rep) => void;
  /** The worker failed (it could not start, or stopped): the job will get no reply. */
  readonly onCrash: (e: Error) => void;
}

/** A worker and its jobs. */
export interface Lane<Req extends Tagged, Rep extends Reply> {
  /** Sends a job; throws when no worker can be started. */
  send(job: LaneJob<Req, Rep>): void;
  /** Drops a job; false when it had already ended. */
  drop(id: number): boolean;
  /** Starts the worker now, ahead of the first job. */
  start(): void;
}

/** A lane whose workers come from `create`. */
export function createLane<Req extends Tagged, Rep extends Reply>(
  create: () => Worker,
): Lane<Req, Rep> {
  let worker: Worker | null = null;
  // Insertion order is sending order: the first job is the one the worker is on.
  const pending = new Map<number, LaneJob<Req, Rep>>();

  const crash = (w: Worker, message: string) => {
    if (worker === w) worker = null;
    w.terminate();
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) job.onCrash(new Error(message));
  };

  const current = (): Worker => {
    if (worker !== null) return worker;
    const w = create();
    w.addEventListener('message', (ev: MessageEvent<Rep>) => {
      const job = pending.get(ev.data.id);
      if (job === undefined || worker !== w) return;
      if (ev.data.type !== 'progress') pending.delete(ev.data.id);
      job.onReply(ev.data);
    });
    w.addEventListener('error', (ev: ErrorEvent) => {
      if (worker === w) crash(w, ev.message || 'The analysis worker stopped.');
    });
    worker = w;
    return w;
  };

  return {
    send: (job) => {
      const w = current();
      pending.set(job.request.id, job);
      w.postMessage(job.request);
    },
    drop: (id) => {
      const busyWith = pending.keys().next().value;
      if (!pending.delete(id)) return false;
      if (id === busyWith && worker !== null) {
        worker.terminate();
        worker = null;
        if (pending.size > 0) {
          const w = current();
          for (const job of pending.values()) w.postMessage(job.request);
        }
      }
      return true;
    },
    start: () => {
      current();
    },
  };
}
