/**
 * The IPsec SA stage (phase 2 and data protection), assembled from its parts:
 * the questions, the leaves where phase 2 never forms, and the leaves where
 * SAs exist but protected traffic does not get through.
 */
import type { KnowledgeNode } from '../schema.ts';
import { ipsecDataPlaneNodes } from './ipsec/data-plane.ts';
import { ipsecNegotiationNodes } from './ipsec/negotiation.ts';
import { ipsecQuestions } from './ipsec/questions.ts';

/** Nodes of the ipsec stage, entry question (`ipsec.q.start`) first. */
export const ipsecNodes: readonly KnowledgeNode[] = [
  ...ipsecQuestions,
  ...ipsecNegotiationNodes,
  ...ipsecDataPlaneNodes,
];
