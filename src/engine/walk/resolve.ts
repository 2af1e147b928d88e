/**
 * Replays a trail over the tree: where the user is, how they got there and
 * what they told us. Pure; never throws.
 */
import type { Answer, Context, KnowledgeNode, NodeId, Tree } from '../../knowledge/schema.ts';
import type { Step, WalkState } from './state.ts';

/** One step already taken: at `node`, the user picked `label` (or jumped). */
export interface TakenStep {
  readonly node: KnowledgeNode;
  readonly step: Step;
  /** The answer label, or for a jump the title of the target. */
  readonly label: string;
}

/** Where a trail leads. */
export type Resolved =
  | {
      readonly ok: true;
      readonly node: KnowledgeNode;
      readonly path: readonly TakenStep[];
      readonly context: Context;
    }
  | {
      readonly ok: false;
      readonly problem: 'unknown-node' | 'bad-answer';
      readonly atStep: number;
    };

/** The answers a node offers, as the trail indexes them: a question's answers, a healthy gate's "continue". */
export function answersOf(node: KnowledgeNode): readonly Answer[] {
  if (node.kind === 'question') return node.answers;
  return node.continueTo ? [{ label: node.continueTo.label, next: node.continueTo.next }] : [];
}

/** Folds one answer's context into the context so far (later answers win). */
export function withAnswer(context: Context, answer: Answer): Context {
  return answer.sets ? { ...context, ...answer.sets } : context;
}

/** Replays the state's trail from the root. */
export function resolve(tree: Tree, state: WalkState): Resolved {
  let node = tree.nodes.get(tree.root);
  if (node === undefined) return { ok: false, problem: 'unknown-node', atStep: 0 };
  let context: Context = state.evidence?.context ?? {};
  const path: TakenStep[] = [];
  for (const [i, step] of state.trail.entries()) {
    if (step.kind === 'jump') {
      const target: KnowledgeNode | undefined = tree.nodes.get(step.to);
      if (target === undefined) return { ok: false, problem: 'unknown-node', atStep: i };
      path.push({ node, step, label: target.title });
      node = target;
      continue;
    }
    const answer: Answer | undefined = answersOf(node)[step.index];
    const next: KnowledgeNode | undefined = answer ? tree.nodes.get(answer.next) : undefined;
    if (answer === undefined) return { ok: false, problem: 'bad-answer', atStep: i };
    if (next === undefined) return { ok: false, problem: 'unknown-node', atStep: i };
    path.push({ node, step, label: answer.label });
    context = withAnswer(context, answer);
    node = next;
  }
  return { ok: true, node, path, context };
}

/** The node a state shows, or the root when the trail does not resolve. */
export function currentNodeId(tree: Tree, state: WalkState): NodeId {
  const r = resolve(tree, state);
  return r.ok ? r.node.id : tree.root;
}
