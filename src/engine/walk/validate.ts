/**
 * Checks the knowledge base by rule instead of by eye: every catalogue ID is a
 * reachable leaf, nothing dangles, every leaf can be acted on.
 */
import { CATALOGUE } from '../../knowledge/catalogue.ts';
import type { KnowledgeNode, NodeId, PlatformCommands } from '../../knowledge/schema.ts';
import { answersOf } from './resolve.ts';

/** One problem found in the tree. */
export interface TreeProblem {
  readonly node: string;
  readonly problem:
    | 'duplicate-id'
    | 'bad-id'
    | 'dangling-target'
    | 'unreachable'
    | 'missing-diagnosis'
    | 'not-in-catalogue'
    | 'no-fix'
    | 'no-sources'
    | 'too-few-platforms'
    | 'too-few-answers'
    | 'too-many-answers';
  readonly detail: string;
}

const NODE_ID = /^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+$/;
const MAX_ANSWERS = 26; // the URL codec writes an answer as one capital letter
const MIN_PLATFORMS = 2;

/** Platforms that have real commands (not a "none" note). */
export function platformsWithCommands(c: PlatformCommands): number {
  return Object.values(c).filter((v) => Array.isArray(v) && v.length > 0).length;
}

/** Validates a list of nodes rooted at `root`; an empty list means the tree is sound. */
export function validateTree(nodes: readonly KnowledgeNode[], root: NodeId): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const byId = new Map<string, KnowledgeNode>();
  for (const n of nodes) {
    if (byId.has(n.id))
      problems.push({ node: n.id, problem: 'duplicate-id', detail: 'defined twice' });
    byId.set(n.id, n);
    if (!NODE_ID.test(n.id))
      problems.push({
        node: n.id,
        problem: 'bad-id',
        detail: 'IDs are lowercase words joined by dots',
      });
  }
  const catalogue = new Set<string>(CATALOGUE);
  for (const n of nodes) {
    const targets = [
      ...answersOf(n).map((a) => a.next),
      ...(n.kind === 'diagnosis' ? n.lookAlikes.map((l) => l.id) : []),
    ];
    for (const t of targets)
      if (!byId.has(t))
        problems.push({ node: n.id, problem: 'dangling-target', detail: `points to ${t}` });
    if (n.sources.length === 0)
      problems.push({ node: n.id, problem: 'no-sources', detail: 'cites no document' });
    if (n.kind === 'question') {
      if (n.answers.length < 2)
        problems.push({
          node: n.id,
          problem: 'too-few-answers',
          detail: `${n.answers.length} answer(s)`,
        });
      if (n.answers.length > MAX_ANSWERS)
        problems.push({
          node: n.id,
          problem: 'too-many-answers',
          detail: `${n.answers.length} answers`,
        });
      if (platformsWithCommands(n.commands) < MIN_PLATFORMS)
        problems.push({
          node: n.id,
          problem: 'too-few-platforms',
          detail: 'commands for fewer than two platforms',
        });
    } else {
      if (!catalogue.has(n.id))
        problems.push({
          node: n.id,
          problem: 'not-in-catalogue',
          detail: 'diagnosis ID is not in the catalogue',
        });
      if (n.fix.length === 0)
        problems.push({ node: n.id, problem: 'no-fix', detail: 'no fix steps' });
      if (platformsWithCommands(n.confirm) < MIN_PLATFORMS)
        problems.push({
          node: n.id,
          problem: 'too-few-platforms',
          detail: 'confirm commands for fewer than two platforms',
        });
    }
  }
  // Reachability by answering only (look-alike links do not count).
  const seen = new Set<string>();
  const queue: string[] = [root];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const n = byId.get(id);
    if (n) for (const a of answersOf(n)) queue.push(a.next);
  }
  for (const n of nodes)
    if (!seen.has(n.id))
      problems.push({
        node: n.id,
        problem: 'unreachable',
        detail: 'no answer leads here from the root',
      });
  for (const id of CATALOGUE) {
    const n = byId.get(id);
    if (n === undefined || n.kind !== 'diagnosis')
      problems.push({
        node: id,
        problem: 'missing-diagnosis',
        detail: 'catalogue ID has no diagnosis leaf',
      });
  }
  return problems;
}
