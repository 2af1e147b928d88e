import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { deferWrites } from './store.ts';

type S = { draft: string };

function recording() {
  const writes: [string, StorageValue<S>][] = [];
  const storage: PersistStorage<S> = {
    getItem: () => null,
    setItem: (name, value) => {
      writes.push([name, value]);
    },
    removeItem: () => {},
  };
  return { storage, writes };
}

describe('deferred store writes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes once, the last state, after the typing stops', () => {
    vi.useFakeTimers();
    const { storage, writes } = recording();
    const deferred = deferWrites(storage);
    for (const draft of ['s', 'sh', 'sho', 'show'])
      void deferred?.setItem('ipsec-triage', { state: { draft }, version: 1 });
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(writes).toEqual([['ipsec-triage', { state: { draft: 'show' }, version: 1 }]]);
  });

  it('a removal drops a write still waiting', () => {
    vi.useFakeTimers();
    const { storage, writes } = recording();
    const deferred = deferWrites(storage);
    void deferred?.setItem('ipsec-triage', { state: { draft: 'x' }, version: 1 });
    void deferred?.removeItem('ipsec-triage');
    vi.advanceTimersByTime(1000);
    expect(writes).toEqual([]);
  });
});
