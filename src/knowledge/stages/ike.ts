/**
 * The ike stage: do the peers agree on how to build phase 1 (IKEv1 main mode
 * messages 1–4, IKEv2 IKE_SA_INIT)? Entry `ike.q.start`. Authentication
 * failures (message 5/6, IKE_AUTH) go to `auth.q.start`; phase 1 up goes to
 * `healthy.phase1-up`. The nodes live in `ike/`.
 */
import type { KnowledgeNode } from '../schema.ts';
import { ikeExchangeDiagnoses } from './ike/exchange.ts';
import { ikePolicyDiagnoses } from './ike/policy.ts';
import { ikeQuestions } from './ike/questions.ts';

/** Nodes of the ike stage, questions first. */
export const ikeNodes: readonly KnowledgeNode[] = [
  ...ikeQuestions,
  ...ikePolicyDiagnoses,
  ...ikeExchangeDiagnoses,
];
