/**
 * The routing stage, assembled from its parts: the questions, the path leaves
 * (route, NAT, recursive routing) and the overlay leaves (MTU, GRE key, NHRP).
 */
import type { KnowledgeNode } from '../schema.ts';
import { routingOverlayNodes } from './routing/overlay.ts';
import { routingPathNodes } from './routing/paths.ts';
import { routingQuestions } from './routing/questions.ts';

/** Nodes of the routing stage, entry question (`routing.q.start`) first. */
export const routingNodes: readonly KnowledgeNode[] = [
  ...routingQuestions,
  ...routingPathNodes,
  ...routingOverlayNodes,
];
