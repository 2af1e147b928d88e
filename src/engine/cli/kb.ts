/** The knowledge base as `cli kb` prints it (contracts.md §1). */
import type { KnowledgeNode, Tree } from '../../knowledge/schema.ts';
import { answersOf } from '../walk/resolve.ts';

function reachableIds(tree: Tree): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [tree.root];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const n = tree.nodes.get(id as KnowledgeNode['id']);
    if (n) for (const a of answersOf(n)) queue.push(a.next);
  }
  return seen;
}

/** `{ root, nodes }`, every node with id, kind, stage, title, answers or fix/commands, sources. */
export function knowledgeJson(tree: Tree): { root: string; nodes: Record<string, unknown>[] } {
  const reachable = reachableIds(tree);
  const nodes = [...tree.nodes.values()].map((n) => {
    const common = {
      id: n.id,
      kind: n.kind,
      stage: n.stage,
      title: n.title,
      reachable: reachable.has(n.id),
      sources: n.sources,
    };
    if (n.kind === 'question') {
      return {
        ...common,
        help: n.help,
        commands: n.commands,
        answers: n.answers.map((a) => ({
          label: a.label,
          next: a.next,
          ...(a.hint ? { hint: a.hint } : {}),
          ...(a.sets ? { sets: a.sets } : {}),
        })),
      };
    }
    return {
      ...common,
      explanation: n.explanation,
      commands: n.confirm,
      evidence: n.evidence,
      fix: n.fix,
      verify: n.verify,
      lookAlikes: n.lookAlikes,
      ...(n.continueTo
        ? { answers: [{ label: n.continueTo.label, next: n.continueTo.next }] }
        : {}),
    };
  });
  return { root: tree.root, nodes };
}
