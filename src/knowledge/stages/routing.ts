/** The routing stage. (Being written: see the knowledge-base issue.) */
import type { KnowledgeNode } from '../schema.ts';

/** Nodes of the routing stage. */
export const routingNodes: readonly KnowledgeNode[] = [];
