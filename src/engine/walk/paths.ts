/**
 * Every simple root-to-leaf path, one readable line each, for the snapshot
 * test: a knowledge edit shows up as a diff of these lines. Answers that lead
 * to the same node (the six platforms of a setup question) count once.
 */
import type { NodeId, Tree } from '../../knowledge/schema.ts';
import { answersOf } from './resolve.ts';

const MAX_PATHS = 20_000;

/** Lines like `setup.q.platform --[Cisco IOS / IOS-XE]--> … --> ip.peer-unreachable`. */
export function simplePaths(tree: Tree): string[] {
  const out: string[] = [];
  const walk = (id: NodeId, trail: string, onPath: Set<NodeId>): void => {
    if (out.length >= MAX_PATHS) return;
    const node = tree.nodes.get(id);
    if (node === undefined) return;
    const answers = answersOf(node);
    const firstPerTarget = answers.filter(
      (a, i) => answers.findIndex((b) => b.next === a.next) === i,
    );
    if (node.kind === 'diagnosis') out.push(trail + id);
    for (const a of firstPerTarget) {
      if (onPath.has(a.next)) continue;
      onPath.add(a.next);
      walk(a.next, `${trail}${id} --[${a.label}]--> `, onPath);
      onPath.delete(a.next);
    }
  };
  walk(tree.root, '', new Set([tree.root]));
  return out;
}
