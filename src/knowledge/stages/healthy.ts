/** The healthy stage. (Being written: see the knowledge-base issue.) */
import type { KnowledgeNode } from '../schema.ts';

/** Nodes of the healthy stage. */
export const healthyNodes: readonly KnowledgeNode[] = [];
