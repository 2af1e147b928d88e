/** The ike stage. (Being written: see the knowledge-base issue.) */
import type { KnowledgeNode } from '../schema.ts';

/** Nodes of the ike stage. */
export const ikeNodes: readonly KnowledgeNode[] = [];
