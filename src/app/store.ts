/**
 * What is not shared in the link: the draft paste, the theme and the recent cases. One store
 * from typed slices, persisted in localStorage. Storage that is full, missing
 * or holds garbage never breaks the page: the store keeps working in memory
 * and says so.
 */
import { create, type StateCreator } from 'zustand';
import {
  createJSONStorage,
  persist,
  type PersistStorage,
  type StateStorage,
} from 'zustand/middleware';
import { readRecent, upsertRecent, type RecentCase } from '../engine/share/recent.ts';

/** The theme the user picked; `system` follows the OS. */
export type ThemeChoice = 'light' | 'dark' | 'system';

interface DraftSlice {
  draft: string;
  setDraft: (text: string) => void;
}
interface ThemeSlice {
  theme: ThemeChoice;
  setTheme: (t: ThemeChoice) => void;
}
interface StorageSlice {
  /** Set when localStorage refused a write or held unreadable data. */
  storageProblem: string | null;
  dismissStorageProblem: () => void;
}
interface CompareSlice {
  /** The two configurations on the compare page: this peer, the other peer. */
  compareTexts: [string, string];
  setCompareTexts: (texts: [string, string]) => void;
}
interface RecentSlice {
  /** Cases kept in this browser only, newest first. */
  recent: RecentCase[];
  saveRecent: (c: RecentCase) => void;
  removeRecent: (id: string) => void;
  clearRecent: () => void;
}
/** The whole store. */
export type AppState = DraftSlice & ThemeSlice & StorageSlice & RecentSlice & CompareSlice;

const createDraftSlice: StateCreator<AppState, [], [], DraftSlice> = (set) => ({
  draft: '',
  setDraft: (draft) => set({ draft }),
});
const createThemeSlice: StateCreator<AppState, [], [], ThemeSlice> = (set) => ({
  theme: 'system',
  setTheme: (theme) => set({ theme }),
});
const createStorageSlice: StateCreator<AppState, [], [], StorageSlice> = (set) => ({
  storageProblem: null,
  dismissStorageProblem: () =>
    set((s) => {
      // Storage stays full: the next save fails the same way. Once dismissed, say it no more.
      dismissedProblem = s.storageProblem;
      return { storageProblem: null };
    }),
});

const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set) => ({
  compareTexts: ['', ''],
  setCompareTexts: (compareTexts) => set({ compareTexts }),
});

const createRecentSlice: StateCreator<AppState, [], [], RecentSlice> = (set) => ({
  recent: [],
  saveRecent: (c) => set((s) => ({ recent: upsertRecent(s.recent, c) })),
  removeRecent: (id) => set((s) => ({ recent: s.recent.filter((c) => c.id !== id) })),
  clearRecent: () => set({ recent: [] }),
});

let dismissedProblem: string | null = null;

// Problems found while the store is being created (hydration) are held until it exists.
let pendingProblem: string | null = null;
let report: (problem: string) => void = (problem) => {
  pendingProblem = problem;
};

/** localStorage that never throws: a failed read is "nothing stored", a failed write is reported. */
export function safeStorage(backing: () => Storage | undefined): StateStorage {
  return {
    getItem: (name) => {
      try {
        const raw = backing()?.getItem(name) ?? null;
        if (raw !== null) JSON.parse(raw); // corrupted data: start clean rather than crash
        return raw;
      } catch {
        report('Saved settings could not be read and were reset.');
        return null;
      }
    },
    setItem: (name, value) => {
      try {
        backing()?.setItem(name, value);
      } catch {
        report(
          'The browser refused to save your draft (storage full or blocked). It is kept until you close the tab.',
        );
      }
    },
    removeItem: (name) => {
      try {
        backing()?.removeItem(name);
      } catch {
        // nothing to do: the item is gone or was never there
      }
    },
  };
}

const WRITE_AFTER_MS = 300;

/**
 * Storage whose writes wait for a quiet moment: persisting turns the whole store (the draft and
 * up to 12 kept cases of 200 KB) into JSON, which cost every keystroke tens of milliseconds.
 * The last state is written 300 ms after the last change, and at once when the page is hidden
 * or left, so a reload or a closed tab loses nothing.
 */
export function deferWrites<S>(
  storage: PersistStorage<S> | undefined,
): PersistStorage<S> | undefined {
  if (storage === undefined) return undefined;
  const queued = new Map<string, Parameters<PersistStorage<S>['setItem']>[1]>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const writes = [...queued];
    queued.clear();
    for (const [name, value] of writes) void storage.setItem(name, value);
  };
  if (typeof addEventListener === 'function' && typeof document !== 'undefined') {
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  }
  return {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => {
      queued.set(name, value);
      timer ??= setTimeout(flush, WRITE_AFTER_MS);
    },
    removeItem: (name) => {
      queued.delete(name);
      return storage.removeItem(name);
    },
  };
}

const MAX_PERSISTED_DRAFT = 2_000_000; // characters; bigger pastes stay in memory only

/** The app store. */
export const useApp = create<AppState>()(
  persist(
    (...a) => ({
      ...createDraftSlice(...a),
      ...createThemeSlice(...a),
      ...createStorageSlice(...a),
      ...createRecentSlice(...a),
      ...createCompareSlice(...a),
    }),
    {
      name: 'ipsec-triage',
      version: 1,
      storage: deferWrites(
        createJSONStorage(() =>
          safeStorage(() => (typeof localStorage === 'undefined' ? undefined : localStorage)),
        ),
      ),
      partialize: (s) => ({
        draft: s.draft.length <= MAX_PERSISTED_DRAFT ? s.draft : '',
        theme: s.theme,
        recent: s.recent,
        compareTexts: s.compareTexts.map((t) => (t.length <= MAX_PERSISTED_DRAFT / 4 ? t : '')),
      }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<AppState>;
        return {
          ...current,
          draft: typeof p.draft === 'string' ? p.draft : current.draft,
          theme:
            p.theme === 'light' || p.theme === 'dark' || p.theme === 'system'
              ? p.theme
              : current.theme,
          recent: readRecent(p.recent),
          compareTexts:
            Array.isArray(p.compareTexts) &&
            p.compareTexts.length === 2 &&
            p.compareTexts.every((t) => typeof t === 'string')
              ? [p.compareTexts[0], p.compareTexts[1]]
              : current.compareTexts,
        };
      },
    },
  ),
);

report = (storageProblem) => {
  if (storageProblem === dismissedProblem) return;
  if (useApp.getState().storageProblem !== storageProblem) useApp.setState({ storageProblem });
};
if (pendingProblem !== null) report(pendingProblem);

/** True when the theme should render dark. */
export function isDark(theme: ThemeChoice): boolean {
  if (theme !== 'system') return theme === 'dark';
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}
