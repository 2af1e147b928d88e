/** The ip stage. (Being written: see the knowledge-base issue.) */
import type { KnowledgeNode } from '../schema.ts';

/** Nodes of the ip stage. */
export const ipNodes: readonly KnowledgeNode[] = [];
