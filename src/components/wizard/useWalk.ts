/**
 * The glue between the URL and the engine: reads `s`, resolves it against the
 * tree, and moves by `transition` + navigate. No rule lives here.
 */
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { TREE } from '../../knowledge/tree.ts';
import { decode, encode, type DecodeProblem } from '../../engine/walk/codec.ts';
import { resolve, type Resolved } from '../../engine/walk/resolve.ts';
import { INITIAL_STATE, type WalkState } from '../../engine/walk/state.ts';
import { transition, type WalkEvent } from '../../engine/walk/transition.ts';
import { wizardRoute } from '../../app/router.tsx';

/** What the wizard needs to render and move. */
export interface Walk {
  readonly state: WalkState;
  readonly resolved: Extract<Resolved, { ok: true }>;
  /** Why the link was refused, when it was. */
  readonly problem: DecodeProblem | 'stale' | null;
  /** The evidence excerpt parameter as found in the link, not yet read. */
  readonly excerpt: string | undefined;
  readonly dispatch: (event: WalkEvent) => void;
  /** Puts an encoded evidence excerpt in the link, or takes it out (null). */
  readonly setExcerpt: (encoded: string | null) => void;
}

/** Reads and moves the walk held in the URL. */
export function useWalk(): Walk {
  const { s, e } = wizardRoute.useSearch();
  const navigate = useNavigate({ from: wizardRoute.fullPath });
  const { state, resolved, problem } = useMemo(() => {
    if (s === undefined)
      return { state: INITIAL_STATE, resolved: resolve(TREE, INITIAL_STATE), problem: null };
    const d = decode(s);
    if (!d.ok)
      return { state: INITIAL_STATE, resolved: resolve(TREE, INITIAL_STATE), problem: d.problem };
    const r = resolve(TREE, d.state);
    // A link from an older knowledge base whose trail no longer fits: start fresh and say so.
    if (!r.ok)
      return {
        state: INITIAL_STATE,
        resolved: resolve(TREE, INITIAL_STATE),
        problem: 'stale' as const,
      };
    return { state: d.state, resolved: r, problem: null };
  }, [s]);
  const dispatch = useCallback(
    (event: WalkEvent) => {
      const next = transition(TREE, state, event);
      if (next === state && problem === null) return;
      // The excerpt belongs to the evidence it came with: new evidence or none drops it.
      const keepExcerpt = e !== undefined && next.evidence !== null && event.type !== 'evidence';
      void navigate({ search: { s: encode(next), ...(keepExcerpt ? { e } : {}) } });
    },
    [navigate, state, problem, e],
  );
  const setExcerpt = useCallback(
    (encoded: string | null) => {
      void navigate({
        search: { ...(s !== undefined ? { s } : {}), ...(encoded ? { e: encoded } : {}) },
        replace: true,
      });
    },
    [navigate, s],
  );
  if (!resolved.ok) throw new Error('The tree root does not resolve'); // caught by the tree tests
  return { state, resolved, problem, dispatch, excerpt: e, setExcerpt };
}
