/** The auth stage. (Being written: see the knowledge-base issue.) */
import type { KnowledgeNode } from '../schema.ts';

/** Nodes of the auth stage. */
export const authNodes: readonly KnowledgeNode[] = [];
