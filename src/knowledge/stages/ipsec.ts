/**
 * The IPsec SA stage (phase 2 and data protection), assembled from its parts:
 * the questions (does phase 2 form, and why not; do the counters move), the
 * leaves where phase 2 never forms, and the leaves where SAs exist but
 * protected traffic does not get through.
 */
import type { KnowledgeNode } from '../schema.ts';
import { ipsecCounterQuestions } from './ipsec/counters.ts';
import { ipsecDataPlaneNodes } from './ipsec/data-plane.ts';
import { ipsecProposalNodes } from './ipsec/proposals.ts';
import { ipsecQuestions } from './ipsec/questions.ts';
import { ipsecSelectorNodes } from './ipsec/selectors.ts';

/** Nodes of the ipsec stage, entry question (`ipsec.q.start`) first. */
export const ipsecNodes: readonly KnowledgeNode[] = [
  ...ipsecQuestions,
  ...ipsecCounterQuestions,
  ...ipsecProposalNodes,
  ...ipsecSelectorNodes,
  ...ipsecDataPlaneNodes,
];
