/** The ipsec stage. (Being written: see the knowledge-base issue.) */
import type { KnowledgeNode } from '../schema.ts';

/** Nodes of the ipsec stage. */
export const ipsecNodes: readonly KnowledgeNode[] = [];
