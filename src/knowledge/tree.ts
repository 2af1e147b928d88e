/**
 * The knowledge base assembled: setup, then the five stages in the order the
 * documents walk them, then the healthy gates between them.
 *
 * Conventions the stage files keep:
 * - question IDs are `<stage>.q.<name>`; each stage starts at `<stage>.q.start`;
 * - diagnosis IDs are exactly the catalogue's (`catalogue.ts`);
 * - `healthy.phase1-up` continues to `ipsec.q.start`, `healthy.tunnel-up` to `routing.q.start`.
 */
import { id } from './ids.ts';
import type { KnowledgeNode, NodeId, Tree } from './schema.ts';
import { authNodes } from './stages/auth.ts';
import { healthyNodes } from './stages/healthy.ts';
import { ikeNodes } from './stages/ike.ts';
import { ipNodes } from './stages/ip.ts';
import { ipsecNodes } from './stages/ipsec.ts';
import { routingNodes } from './stages/routing.ts';
import { setupNodes } from './stages/setup.ts';

/** Every node, in reading order. */
export const ALL_NODES: readonly KnowledgeNode[] = [
  ...setupNodes,
  ...ipNodes,
  ...ikeNodes,
  ...authNodes,
  ...ipsecNodes,
  ...routingNodes,
  ...healthyNodes,
];

/** The tree the wizard walks. Duplicate IDs are caught by the tree tests, not here. */
export const TREE: Tree = {
  root: id('setup.q.platform'),
  nodes: new Map<NodeId, KnowledgeNode>(ALL_NODES.map((n) => [n.id, n])),
};
