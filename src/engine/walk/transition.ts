/**
 * `next = transition(tree, state, event)`: the only way the walk moves. The
 * page and the CLI call the same function. An event that does not apply
 * (an answer the node does not have, a jump to an unknown node) leaves the
 * state as it was.
 */
import type { DiagnosisId } from '../../knowledge/catalogue.ts';
import type { Context, NodeId, Tree } from '../../knowledge/schema.ts';
import { answersOf, resolve } from './resolve.ts';
import type { EvidenceOrigin, Step, WalkState } from './state.ts';
import { INITIAL_STATE } from './state.ts';

/** What the user (or the evidence) can do. */
export type WalkEvent =
  | { readonly type: 'answer'; readonly index: number }
  /** Step back to just before step `to` (0 = the first question). */
  | { readonly type: 'back'; readonly to: number }
  | { readonly type: 'restart' }
  | { readonly type: 'jump'; readonly to: NodeId }
  /** Apply a paste's findings: jump to the leading one and remember the rest. */
  | {
      readonly type: 'evidence';
      readonly findings: readonly DiagnosisId[];
      readonly context: Context;
      /** Default `paste`. */
      readonly origin?: EvidenceOrigin;
    }
  /** Forget the applied evidence, keep the walk. */
  | { readonly type: 'clear-evidence' };

// Two jumps in a row: the first node was only looked at, so only the second is kept. This keeps
// every trail encodable (jump tokens are not delimited) without losing an answer.
function pushStep(trail: readonly Step[], step: Step): Step[] {
  const last = trail[trail.length - 1];
  if (step.kind === 'jump' && last?.kind === 'jump') return [...trail.slice(0, -1), step];
  return [...trail, step];
}

/** Computes the next state. Pure; never throws. */
export function transition(tree: Tree, state: WalkState, event: WalkEvent): WalkState {
  switch (event.type) {
    case 'restart':
      return INITIAL_STATE;
    case 'back':
      if (!Number.isInteger(event.to) || event.to < 0 || event.to >= state.trail.length)
        return state;
      return { ...state, trail: state.trail.slice(0, event.to) };
    case 'answer': {
      const here = resolve(tree, state);
      if (
        !here.ok ||
        !Number.isInteger(event.index) ||
        answersOf(here.node)[event.index] === undefined
      )
        return state;
      return { ...state, trail: [...state.trail, { kind: 'answer', index: event.index }] };
    }
    case 'jump': {
      if (!tree.nodes.has(event.to)) return state;
      const here = resolve(tree, state);
      if (here.ok && here.node.id === event.to) return state;
      return { ...state, trail: pushStep(state.trail, { kind: 'jump', to: event.to }) };
    }
    case 'evidence': {
      const lead = event.findings.find((f) => tree.nodes.has(f as string as NodeId));
      if (lead === undefined) return state;
      const here = resolve(tree, state);
      const trail =
        here.ok && here.node.id === lead
          ? state.trail
          : pushStep(state.trail, { kind: 'jump', to: lead as string as NodeId });
      return {
        trail,
        evidence: {
          findings: [...event.findings],
          context: event.context,
          origin: event.origin ?? 'paste',
        },
      };
    }
    case 'clear-evidence':
      return { ...state, evidence: null };
    default:
      return assertNever(event);
  }
}

/** Exhaustiveness check for switches over unions. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
