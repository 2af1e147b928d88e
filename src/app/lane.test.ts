import { describe, expect, it } from 'vitest';
import { createLane } from './lane.ts';

type Req = { id: number; text: string };
type Rep = { id: number; type: 'progress' | 'done' };

/** A stand-in worker: records what it was sent; the test answers for it. */
class FakeWorker {
  sent: Req[] = [];
  terminated = false;
  private listeners = new Map<string, ((ev: unknown) => void)[]>();
  addEventListener(type: string, fn: (ev: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  postMessage(r: Req) {
    this.sent.push(r);
  }
  terminate() {
    this.terminated = true;
  }
  answer(reply: Rep) {
    for (const fn of this.listeners.get('message') ?? []) fn({ data: reply });
  }
  fail(message: string) {
    for (const fn of this.listeners.get('error') ?? []) fn({ message });
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const lane = createLane<Req, Rep>(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  const log: string[] = [];
  const send = (id: number) =>
    lane.send({
      request: { id, text: `t${id}` },
      onReply: (r) => log.push(`${r.id}:${r.type}`),
      onCrash: (e) => log.push(`${id}:crash ${e.message}`),
    });
  return { lane, workers, log, send };
}

describe('a worker lane', () => {
  it('cancelling the running job stops its worker and sends the waiting jobs to a fresh one', () => {
    const { lane, workers, log, send } = setup();
    send(1);
    send(2);
    expect(lane.drop(1)).toBe(true);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.sent.map((r) => r.id)).toEqual([2]);
    workers[0]?.answer({ id: 2, type: 'done' }); // the stopped worker no longer counts
    workers[1]?.answer({ id: 2, type: 'done' });
    expect(log).toEqual(['2:done']);
  });

  it('cancelling a waiting job keeps the running one; its late answer is dropped', () => {
    const { lane, workers, log, send } = setup();
    send(1);
    send(2);
    expect(lane.drop(2)).toBe(true);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(false);
    workers[0]?.answer({ id: 1, type: 'progress' });
    workers[0]?.answer({ id: 1, type: 'done' });
    workers[0]?.answer({ id: 2, type: 'done' });
    expect(log).toEqual(['1:progress', '1:done']);
    expect(lane.drop(1)).toBe(false);
  });

  it('a worker that fails ends every job it held, and the next job gets a new worker', () => {
    const { workers, log, send } = setup();
    send(1);
    send(2);
    workers[0]?.fail('out of memory');
    expect(log).toEqual(['1:crash out of memory', '2:crash out of memory']);
    send(3);
    expect(workers[1]?.sent.map((r) => r.id)).toEqual([3]);
  });
});
